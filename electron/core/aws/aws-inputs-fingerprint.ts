// A cheap key for everything readAwsInputs reads: the paths and active profile the environment
// names, and the identity of the config and credentials files and of every entry in the SSO, CLI
// and login cache folders (device, inode, mode, size, mtime, ctime). Equal keys mean a new read would
// find the same files, unchanged; the one exception, a rewrite in the same clock tick as the last
// one, is what `newestChangeMs` is for. Stats only, no reads: 2,000 token files cost a few
// milliseconds, most of it the kernel's.
//
// Keep in step with aws-sources.ts: an input read there and missing here is a stale status.
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { resolveActiveProfile, resolveAwsPaths } from './aws-environment';
import { errnoCode } from '../fs/errno';
import { loginCacheDir } from './login-token-cache';

export interface AwsInputsFingerprint {
  key: string;
  /** The latest mtime or ctime among the files (ms). */
  newestChangeMs: number;
}

/** Numbers recorded per file; a missing or unreadable file records its error in the text part. */
const FIELDS = 6;

/** `alsoFiles`: other files whose identity belongs in the key (a caller's settings, say). */
export function fingerprintAwsInputs(
  env: NodeJS.ProcessEnv,
  homeDir: string,
  alsoFiles: readonly string[] = [],
): AwsInputsFingerprint {
  const paths = resolveAwsPaths(env, homeDir);
  const folders = [paths.ssoCacheDir, paths.cliCacheDir, loginCacheDir(env, homeDir)].map((dir) => {
    try {
      return { dir, names: readdirSync(dir).sort(), error: '' };
    } catch (error) {
      return { dir, names: [] as string[], error: errnoCode(error) ?? 'error' };
    }
  });
  const files = [paths.configFile, paths.credentialsFile, ...alsoFiles];
  for (const { dir, names } of folders) {
    const prefix = join(dir, '/');
    for (let i = 0; i < names.length; i++) files.push(prefix + names[i]);
  }

  // Names and errors as text, identities as raw numbers: no number is formatted.
  const text: string[] = [JSON.stringify(paths), JSON.stringify(resolveActiveProfile(env))];
  // The raw variables too: set-but-empty and unset name the same paths but not the same problems.
  for (const name of [
    'AWS_CONFIG_FILE',
    'AWS_SHARED_CREDENTIALS_FILE',
    'AWS_PROFILE',
    'AWS_DEFAULT_PROFILE',
    'AWS_LOGIN_CACHE_DIRECTORY',
  ])
    text.push(`${name}=${JSON.stringify(env[name] ?? null)}`);
  for (const { dir, names, error } of folders) text.push(`${dir}:${error}:${names.length}`);
  const numbers = new Float64Array(files.length * FIELDS);
  let newest = 0;
  for (let i = 0; i < files.length; i++) {
    const file = files[i] as string;
    text.push(file);
    let s;
    try {
      s = statSync(file);
    } catch (error) {
      text.push(errnoCode(error) ?? 'error');
      continue;
    }
    const at = i * FIELDS;
    numbers[at] = s.dev;
    numbers[at + 1] = s.ino;
    numbers[at + 2] = s.mode;
    numbers[at + 3] = s.size;
    numbers[at + 4] = s.mtimeMs;
    numbers[at + 5] = s.ctimeMs;
    if (s.mtimeMs > newest) newest = s.mtimeMs;
    if (s.ctimeMs > newest) newest = s.ctimeMs;
  }
  const key = createHash('sha256').update(text.join('\n')).update(new Uint8Array(numbers.buffer)).digest('hex');
  return { key, newestChangeMs: newest };
}
