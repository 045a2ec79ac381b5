// What readAwsInputs reads, for a key of it (../fs/inputs-fingerprint.ts): the paths and active
// profile the environment names, the config and credentials files, and every entry in the SSO,
// CLI and login cache folders.
//
// Keep in step with aws-sources.ts: an input read there and missing here is a stale status.
import type { Inputs } from '../fs/inputs-fingerprint';
import { resolveActiveProfile, resolveAwsPaths } from './aws-environment';
import { loginCacheDir } from './login-token-cache';

export function awsInputs(env: NodeJS.ProcessEnv, homeDir: string): Inputs {
  const paths = resolveAwsPaths(env, homeDir);
  const texts = [JSON.stringify(paths), JSON.stringify(resolveActiveProfile(env))];
  // The raw variables too: set-but-empty and unset name the same paths but not the same problems.
  for (const name of [
    'AWS_CONFIG_FILE',
    'AWS_SHARED_CREDENTIALS_FILE',
    'AWS_PROFILE',
    'AWS_DEFAULT_PROFILE',
    'AWS_LOGIN_CACHE_DIRECTORY',
  ])
    texts.push(`${name}=${JSON.stringify(env[name] ?? null)}`);
  return {
    texts,
    files: [paths.configFile, paths.credentialsFile],
    folders: [paths.ssoCacheDir, paths.cliCacheDir, loginCacheDir(env, homeDir)],
  };
}
