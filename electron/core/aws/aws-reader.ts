// The AWS source of the snapshot: the config and credentials files, the SSO token cache and the
// CLI's role-credential cache, read with what makes each kind of caller fast (a worker thread for
// the long-running app, a parse cache on disk for the one-shot CLI, and for any reader that reads
// again, its last parse while the two files read the same).
import { stat } from 'node:fs/promises';
import type { Problem } from '../../shared/model';
import type { SourceReader } from '../fs/source-reader';
import { resolveAwsPaths } from './aws-environment';
import { LastParse, readAwsInputs, type AwsInputs } from './aws-sources';
import { openParsedConfigCache } from './parsed-config-cache';
import { createTokenFolderReader } from './token-folder-reader';
import { loginCacheDir } from './login-token-cache';

export interface AwsReaderOptions {
  env: NodeJS.ProcessEnv;
  homeDir: string;
  now: () => number;
  /** Keep the parsed config in this folder between runs (the one-shot CLI). */
  cacheDir?: string;
  /** Read SSO token files on a worker thread while the config is parsed (the long-running app). */
  tokenWorker: boolean;
}

export interface AwsReader extends SourceReader<AwsInputs> {
  /**
   * Whether `next` shows a problem that `previous` did not, in a file modified a moment ago: most
   * likely a write caught half way (the CLI writes its token cache in place), worth reading again.
   */
  looksHalfWritten(next: AwsInputs, previous: AwsInputs): Promise<boolean>;
  /** Stops the worker thread, if any. */
  close(): Promise<void>;
}

/** A file that failed to parse this recently is probably still being written. */
const HALF_WRITTEN_WINDOW_MS = 1000;

/** Every problem of a read, as `file:line:message`, to tell new problems from known ones. */
function problemKeys(read: AwsInputs): Map<string, string> {
  const keys = new Map<string, string>();
  const add = (p: Problem): void => {
    if (p.file) keys.set(`${p.file}:${p.line ?? ''}:${p.message}`, p.file);
  };
  read.parsed.problems.forEach(add);
  for (const profile of read.parsed.profiles) profile.problems.forEach(add);
  for (const token of read.tokens.values()) if (token.problem && !token.missing) add(token.problem);
  for (const login of read.logins.values()) if (login.problem && !login.missing) add(login.problem);
  return keys;
}

export function createAwsReader(options: AwsReaderOptions): AwsReader {
  const { env, homeDir, now } = options;
  const parseCache = options.cacheDir ? openParsedConfigCache(options.cacheDir) : undefined;
  // A one-shot CLI would spend more starting the thread than it saves.
  const tokenReader = options.tokenWorker ? createTokenFolderReader() : undefined;
  // Every reload after the first (a token refreshed, a cache written) takes the parse again while
  // the two files read the same.
  const lastParse = new LastParse();
  return {
    read: () => readAwsInputs(env, homeDir, now(), { parseCache, tokenReader, lastParse }),
    watchTargets() {
      const paths = resolveAwsPaths(env, homeDir);
      return [
        { path: paths.configFile, kind: 'file' },
        { path: paths.credentialsFile, kind: 'file' },
        { path: paths.ssoCacheDir, kind: 'dir' },
        { path: paths.cliCacheDir, kind: 'dir' },
        { path: loginCacheDir(env, homeDir), kind: 'dir' },
      ];
    },
    async looksHalfWritten(next, previous) {
      const known = problemKeys(previous);
      const files = new Set<string>();
      for (const [key, file] of problemKeys(next)) if (!known.has(key)) files.add(file);
      const at = now();
      for (const file of files) {
        const info = await stat(file).catch(() => null);
        if (info && at - info.mtimeMs < HALF_WRITTEN_WINDOW_MS) return true;
      }
      return false;
    },
    async close() {
      await tokenReader?.close();
    },
  };
}
