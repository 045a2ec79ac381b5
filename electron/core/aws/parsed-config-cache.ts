// For the one-shot `cloudid` command: the parsed AWS config, kept between runs and used again only
// while both files are exactly the files it was parsed from (device, inode, size, and nanosecond
// mtime and ctime: any write changes ctime, and no tool can set it back). A 10,000-profile config
// then costs one JSON read instead of a parse in a cold process. The long-running app parses once
// and does not use it. Metadata only: the parsed config holds no secret (see aws-config.ts).
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { UserFileRead } from '../fs/read-user-file';
import type { ParsedAwsConfig } from './aws-config';

/** Bump when ParsedAwsConfig or the parser's behaviour changes: old entries are then ignored. */
const FORMAT = 1;
const FILE_NAME = 'aws-config-parsed.json';

/** What a read of the two files gave, without their text. */
export type FileReadSummary = Omit<Extract<UserFileRead, { ok: true }>, 'text'> | Extract<UserFileRead, { ok: false }>;

export interface ParsedConfigEntry {
  config: FileReadSummary;
  credentials: FileReadSummary;
  parsed: ParsedAwsConfig;
}

export interface ParsedConfigCache {
  /** The key of these files as they are now; null when one cannot be examined. */
  keyOf(configFile: string, credentialsFile: string, activeProfile: string): Promise<string | null>;
  get(key: string): Promise<ParsedConfigEntry | null>;
  set(key: string, entry: ParsedConfigEntry): Promise<void>;
}

async function identity(path: string): Promise<string> {
  const info = await stat(path, { bigint: true }).catch((error: NodeJS.ErrnoException) => error.code ?? 'error');
  return typeof info === 'string' ? `${path}:${info}` : `${path}:${info.dev}:${info.ino}:${info.size}:${info.mtimeNs}:${info.ctimeNs}`;
}

export function openParsedConfigCache(dir: string): ParsedConfigCache {
  const file = join(dir, FILE_NAME);
  return {
    async keyOf(configFile, credentialsFile, activeProfile) {
      return [FORMAT, activeProfile, await identity(configFile), await identity(credentialsFile)].join('\n');
    },
    async get(key) {
      try {
        const stored = JSON.parse(await readFile(file, 'utf8')) as { key?: unknown; entry?: ParsedConfigEntry };
        return stored.key === key && stored.entry ? stored.entry : null;
      } catch {
        return null; // missing or damaged: it is only a cache
      }
    },
    async set(key, entry) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const temp = `${file}.${process.pid}.tmp`;
      await writeFile(temp, JSON.stringify({ key, entry }), { mode: 0o600 });
      await rename(temp, file);
    },
  };
}
