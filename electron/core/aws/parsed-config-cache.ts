// For the one-shot `cloudid` command: the parsed AWS config, kept between runs and used again only
// while both files are exactly the files it was parsed from (device, inode, size, and nanosecond
// mtime and ctime: any write changes ctime, and no tool can set it back). A 10,000-profile config
// then costs one JSON read instead of a parse in a cold process. The long-running app parses once
// and does not use it. Metadata only: the parsed config holds no secret (see aws-config.ts).
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod/mini';
import type { AwsProfileKind, Problem, SourceLocation } from '../../shared/model';
import { errnoCode } from '../fs/errno';
import type { UserFileRead } from '../fs/read-user-file';
import { writeJsonFileAtomic } from '../fs/safe-file-writer';
import type { ParsedAwsConfig, ParsedAwsProfile } from './aws-config';

/** Bump when ParsedAwsConfig or the parser's behaviour changes: old entries are then ignored. */
const FORMAT = 5;
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

/**
 * A profile as stored: a row of its fields in the order of toRow, its sources as one flat list of
 * (file index, line) pairs into StoredParsed.files. Against the objects themselves this is a
 * third of the JSON (7.5 MB to 2.8 MB for the bench's 10,000 profiles, test/bench/fixtures.ts):
 * field names and file paths are written once, not per profile. JSON.parse of it and the loop
 * of fromRow cost less than JSON.parse of the objects, and JSON.stringify of it much less.
 */
type ProfileRow = unknown[];
const ROW_LENGTH = 23;

interface StoredParsed {
  files: string[];
  profiles: ProfileRow[];
  ssoSessions: ParsedAwsConfig['ssoSessions'];
  problems: Problem[];
}

function toRow(p: ParsedAwsProfile, fileIndex: (file: string) => number): ProfileRow {
  const sources: number[] = [];
  for (let i = 0; i < p.sources.length; i++) {
    const source = p.sources[i] as SourceLocation;
    sources.push(fileIndex(source.file), source.line);
  }
  return [
    p.name,
    p.kind,
    sources,
    p.ssoSessionName,
    p.ssoStartUrl,
    p.ssoRegion,
    p.accountId,
    p.roleName,
    p.roleArn,
    p.sourceProfile,
    p.credentialSource,
    p.region,
    p.webIdentityTokenFile,
    p.roleSessionName,
    p.externalId,
    p.mfaSerial,
    p.durationSeconds,
    p.credentialProcess,
    p.credentialProcessDigest,
    p.accessKeyId,
    p.loginSession,
    // The two flags in one number: 1 static keys, 2 a session token.
    (p.hasStaticKeys ? 1 : 0) + (p.hasSessionToken ? 2 : 0),
    p.problems,
  ];
}

/** The profile of a row, or null when the row is not one toRow wrote. */
function fromRow(row: unknown, files: readonly string[]): ParsedAwsProfile | null {
  if (!Array.isArray(row) || row.length !== ROW_LENGTH) return null;
  const pairs: unknown = row[2];
  if (!Array.isArray(pairs) || pairs.length % 2 !== 0 || !Array.isArray(row[22])) return null;
  const sources: SourceLocation[] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    const file = files[pairs[i] as number];
    if (typeof file !== 'string') return null;
    sources.push({ file, line: pairs[i + 1] as number });
  }
  const flags = row[21] as number;
  // Each field as toRow stored it: the key starts with FORMAT, so a row of another layout is
  // never read (see CacheFile).
  return {
    name: row[0] as string,
    kind: row[1] as AwsProfileKind,
    // As parseAwsConfig sets it: the first of the sources.
    source: sources[0] ?? null,
    sources,
    ssoSessionName: row[3] as string | null,
    ssoStartUrl: row[4] as string | null,
    ssoRegion: row[5] as string | null,
    accountId: row[6] as string | null,
    roleName: row[7] as string | null,
    roleArn: row[8] as string | null,
    sourceProfile: row[9] as string | null,
    credentialSource: row[10] as string | null,
    region: row[11] as string | null,
    webIdentityTokenFile: row[12] as string | null,
    roleSessionName: row[13] as string | null,
    externalId: row[14] as string | null,
    mfaSerial: row[15] as string | null,
    durationSeconds: row[16] as string | null,
    credentialProcess: row[17] as boolean,
    credentialProcessDigest: row[18] as string | null,
    accessKeyId: row[19] as string | null,
    loginSession: row[20] as string | null,
    hasStaticKeys: (flags & 1) !== 0,
    hasSessionToken: (flags & 2) !== 0,
    problems: row[22] as Problem[],
  };
}

function toStored(parsed: ParsedAwsConfig): StoredParsed {
  const files: string[] = [];
  const fileIndex = (file: string): number => {
    let index = files.indexOf(file);
    if (index < 0) index = files.push(file) - 1;
    return index;
  };
  const profiles: ProfileRow[] = [];
  for (let i = 0; i < parsed.profiles.length; i++)
    profiles.push(toRow(parsed.profiles[i] as ParsedAwsProfile, fileIndex));
  return { files, profiles, ssoSessions: parsed.ssoSessions, problems: parsed.problems };
}

/** The parsed config of a stored one, or null when any row is not one toStored wrote. */
function fromStored(stored: StoredParsed): ParsedAwsConfig | null {
  const profiles: ParsedAwsProfile[] = [];
  for (let i = 0; i < stored.profiles.length; i++) {
    const profile = fromRow(stored.profiles[i], stored.files);
    if (profile === null) return null;
    profiles.push(profile);
  }
  return { profiles, ssoSessions: stored.ssoSessions, problems: stored.problems };
}

/** The stored parse's lists are lists, its sessions objects, and its problems problems. */
const StoredShape = z.custom<StoredParsed>((value: unknown) => {
  if (typeof value !== 'object' || value === null) return false;
  const { files, profiles, ssoSessions, problems } = value as Record<string, unknown>;
  return (
    Array.isArray(files) &&
    files.every((file) => typeof file === 'string') &&
    Array.isArray(profiles) &&
    allObjects(ssoSessions) &&
    Problems.safeParse(problems).success
  );
});

/**
 * The file: `{ key, entry }`, compact JSON. The key is compared first: an entry for other files
 * is dropped unchecked. Then the envelope and the two file summaries are checked in full; of the
 * parsed config, that its lists are lists and its problems are problems, in plain loops (zod
 * would build a checked copy of each list, 12,000 items for 10,000 profiles, in a cold process),
 * and each profile row's length and sources as fromRow reads it. Fields are not checked one by
 * one: their layout is pinned by the key, which starts with FORMAT (bumped whenever
 * ParsedAwsConfig or the rows change), so what is left to catch is damage, and what a crash or a
 * full disk leaves JSON.parse refuses. A schema of every field would be a second copy of
 * ParsedAwsProfile to keep in step with aws-config.ts; fromRow's object literal is typed as one,
 * so a field added there and not here fails to compile.
 */
const CacheFile = z.object({
  key: z.string(),
  entry: z.object({
    config: FileReadSummarySchema,
    credentials: FileReadSummarySchema,
    parsed: StoredShape,
  }),
});

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
  if (!checked.success) return null;
  const { config, credentials, parsed } = checked.data.entry;
  const restored = fromStored(parsed);
  return restored === null ? null : { config, credentials, parsed: restored };
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
      const stored = { config: entry.config, credentials: entry.credentials, parsed: toStored(entry.parsed) };
      await writeJsonFileAtomic(file, { key, entry: stored }, { format: 'compact', mode: 0o600, dirMode: 0o700 });
    },
  };
}
