// A cheap key for everything readAwsInputs reads: the paths and active profile the environment
// names, and the identity of the config and credentials files and of every entry in the SSO and
// CLI cache folders (device, inode, size, mtime, ctime). Equal keys mean a new read would find the
// same files, unchanged; the one exception, a rewrite in the same clock tick as the last one, is
// what `newestChangeMs` is for. Stats only, no reads: 2,000 token files cost a few milliseconds.
//
// Keep in step with aws-sources.ts: an input read there and missing here is a stale status.
import { hash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { resolveActiveProfile, resolveAwsPaths } from './aws-environment';

export interface AwsInputsFingerprint {
  key: string;
  /** The latest mtime or ctime among the files (ms). */
  newestChangeMs: number;
}

export function fingerprintAwsInputs(env: NodeJS.ProcessEnv, homeDir: string): AwsInputsFingerprint {
  const paths = resolveAwsPaths(env, homeDir);
  const parts: string[] = [JSON.stringify(paths), JSON.stringify(resolveActiveProfile(env))];
  let newest = 0;
  const identity = (path: string): string => {
    try {
      const s = statSync(path);
      if (s.mtimeMs > newest) newest = s.mtimeMs;
      if (s.ctimeMs > newest) newest = s.ctimeMs;
      return `${s.dev}:${s.ino}:${s.mode}:${s.size}:${s.mtimeMs}:${s.ctimeMs}`;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code ?? 'error';
    }
  };
  parts.push(identity(paths.configFile), identity(paths.credentialsFile));
  for (const dir of [paths.ssoCacheDir, paths.cliCacheDir]) {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (error) {
      parts.push(`${dir}:${(error as NodeJS.ErrnoException).code ?? 'error'}`);
      continue;
    }
    parts.push(`${dir}:${names.length}`);
    for (const name of names) parts.push(`${name}:${identity(join(dir, name))}`);
  }
  return { key: hash('sha256', parts.join('\n')), newestChangeMs: newest };
}
