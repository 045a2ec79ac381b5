// For the one-shot `cloudid` command: the parsed AWS config, kept between runs and used again only
// while both files are exactly the files it was parsed from (device, inode, size, and nanosecond
// mtime and ctime: any write changes ctime, and no tool can set it back). A 10,000-profile config
// then costs one JSON read instead of a parse in a cold process. The long-running app parses once
// and does not use it. Metadata only: the parsed config holds no secret (see aws-config.ts).
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod/mini';
import type { Problem } from '../../shared/model';
import { errnoCode } from '../fs/errno';
import type { UserFileRead } from '../fs/read-user-file';
import { writeJsonFileAtomic } from '../fs/safe-file-writer';
import type { ParsedAwsConfig } from './aws-config';

/** Bump when ParsedAwsConfig or the parser's behaviour changes: old entries are then ignored. */
const FORMAT = 4;
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

const ProblemSchema = z.object({
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  file: z.optional(z.string()),
  line: z.optional(z.number()),
}) satisfies z.ZodMiniType<Problem>;

const FileReadSummarySchema = z.union([
  z.object({ ok: z.literal(true), path: z.string(), size: z.number(), mtimeMs: z.number() }),
  z.object({ ok: z.literal(false), path: z.string(), missing: z.boolean(), problem: ProblemSchema }),
]) satisfies z.ZodMiniType<FileReadSummary>;

/** Every item of `list` is an object (its fields are not checked one by one: see CacheFile). */
function allObjects(list: unknown): boolean {
  if (!Array.isArray(list)) return false;
  for (let i = 0; i < list.length; i++) {
    const item: unknown = list[i];
    if (typeof item !== 'object' || item === null) return false;
  }
  return true;
}

const Problems = z.array(ProblemSchema);

/** The parsed config's lists hold objects, and its problems are problems. */
const ParsedShape = z.custom<ParsedAwsConfig>((value: unknown) => {
  if (typeof value !== 'object' || value === null) return false;
  const { profiles, ssoSessions, problems } = value as Record<string, unknown>;
  return allObjects(profiles) && allObjects(ssoSessions) && Problems.safeParse(problems).success;
});

/**
 * The file: `{ key, entry }`, compact JSON. The key is compared first: an entry for other files
 * is dropped unchecked. Then the envelope and the two file summaries are checked in full; of the
 * parsed config, that its lists hold objects and its problems are problems, in a plain loop (zod
 * would build a checked copy of each list, 12,000 items for 10,000 profiles, in a cold process).
 * Profiles and sessions are not checked field by field: their shape is pinned by the key, which
 * starts with FORMAT (bumped whenever ParsedAwsConfig changes), so what is left to catch is
 * damage, and what a crash or a full disk leaves JSON.parse refuses. A schema of every field
 * would be a second copy of ParsedAwsProfile to keep in step with aws-config.ts.
 */
const CacheFile = z.object({
  key: z.string(),
  entry: z.object({
    config: FileReadSummarySchema,
    credentials: FileReadSummarySchema,
    parsed: ParsedShape,
  }),
}) satisfies z.ZodMiniType<{ key: string; entry: ParsedConfigEntry }>;

/** The stored entry when it is for `key` and whole; null for anything else (it is only a cache). */
function entryFor(text: string, key: string): ParsedConfigEntry | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof json !== 'object' || json === null || (json as { key?: unknown }).key !== key) return null;
  const checked = CacheFile.safeParse(json);
  return checked.success ? checked.data.entry : null;
}

async function identity(path: string): Promise<string> {
  const info = await stat(path, { bigint: true }).catch((error: unknown) => errnoCode(error) ?? 'error');
  return typeof info === 'string'
    ? `${path}:${info}`
    : `${path}:${info.dev}:${info.ino}:${info.size}:${info.mtimeNs}:${info.ctimeNs}`;
}

export function openParsedConfigCache(dir: string): ParsedConfigCache {
  const file = join(dir, FILE_NAME);
  return {
    async keyOf(configFile, credentialsFile, activeProfile) {
      return [FORMAT, activeProfile, await identity(configFile), await identity(credentialsFile)].join('\n');
    },
    async get(key) {
      const text = await readFile(file, 'utf8').catch(() => null);
      return text === null ? null : entryFor(text, key);
    },
    async set(key, entry) {
      await writeJsonFileAtomic(file, { key, entry }, { format: 'compact', mode: 0o600, dirMode: 0o700 });
    },
  };
}
