// Reads everything the AWS side of a snapshot is built from: the two shared files and the two
// caches. No network, no AWS SDK: `cloudid status` and every file change pay only for file reads.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '../../shared/model';
import { readUserFile, type UserFileRead } from '../fs/read-user-file';
import { type FileReadSummary, type ParsedConfigCache, type ParsedConfigEntry } from './parsed-config-cache';
import { parseAwsConfig, type AwsConfigInput, type ParsedAwsConfig } from './aws-config';
import {
  emptyFileVariables,
  resolveActiveProfile,
  resolveAwsPaths,
  type ActiveProfile,
  type AwsPaths,
} from './aws-environment';
import { assumeRoleCacheKey, parseDurationSeconds, readCliCacheEntry } from './cli-credential-cache';
import { parseSsoTokenCache, readSsoTokenSummarySync, ssoTokenCacheKey, type SsoTokenSummary } from './sso-token-cache';
import type { TokenFolderRead, TokenFolderReader } from './token-folder-reader';
import { loginCacheDir, loginCachePath, readLoginTokenSummarySync, type LoginTokenRead } from './login-token-cache';

export interface SsoTokenRead {
  file: string;
  token: SsoTokenSummary | null;
  missing: boolean;
  problem: Problem | null;
}

export interface RoleCacheRead {
  expiresAt: Date | null;
  problem: Problem | null;
}

export interface AwsInputs {
  paths: AwsPaths;
  active: ActiveProfile;
  config: FileReadSummary;
  credentials: FileReadSummary;
  parsed: ParsedAwsConfig;
  /** By sso-session name (or start URL for legacy sessions). */
  tokens: Map<string, SsoTokenRead>;
  /** By login_session value: the `aws login` cache, read once per session. */
  logins: Map<string, LoginTokenRead & { file: string }>;
  /** By profile name: the CLI's cached AssumeRole credentials, when there are some. */
  roleCache: Map<string, RoleCacheRead>;
  /** Where the environment makes the tools disagree about which files they read. */
  environmentProblems: Problem[];
}

/** The names in a cache folder, so files that do not exist cost no system call at all. */
function listFolder(dir: string): Set<string> {
  try {
    return new Set(readdirSync(dir));
  } catch {
    return new Set();
  }
}

/**
 * The last parse a reader made, with the exact input it was made from. The app reads everything
 * again whenever a watched file changes, most often a token an SSO refresh rewrote; while the two
 * files read the same, their parse is the same (parseAwsConfig depends on its input alone), so it
 * is taken as it is rather than worked out again. The texts are compared, not the files' times
 * and sizes: an edit that keeps both, within the file system's timestamp granularity, still counts.
 */
export class LastParse {
  private input: AwsConfigInput | null = null;
  private parsed: ParsedAwsConfig | null = null;

  /** The parse of exactly this input, when it was the last one made. */
  of(input: AwsConfigInput): ParsedAwsConfig | null {
    const last = this.input;
    if (
      last === null ||
      last.configText !== input.configText ||
      last.credentialsText !== input.credentialsText ||
      last.configFile !== input.configFile ||
      last.credentialsFile !== input.credentialsFile ||
      last.activeProfile !== input.activeProfile
    )
      return null;
    return this.parsed;
  }

  remember(input: AwsConfigInput, parsed: ParsedAwsConfig): void {
    this.input = input;
    this.parsed = parsed;
  }
}

/**
 * Reads and parses the two files, or takes the result from the cache while they are unchanged,
 * or from the last parse while they read the same.
 */
async function readAndParse(
  paths: AwsPaths,
  activeProfile: string,
  options: Pick<ReadAwsInputsOptions, 'parseCache' | 'lastParse'>,
): Promise<ParsedConfigEntry> {
  const cache = options.parseCache;
  const key = cache ? await cache.keyOf(paths.configFile, paths.credentialsFile, activeProfile) : null;
  const cached = key && cache ? await cache.get(key) : null;
  if (cached) return cached;
  const [config, credentials] = await Promise.all([
    readUserFile(paths.configFile),
    readUserFile(paths.credentialsFile),
  ]);
  const input: AwsConfigInput = {
    configFile: paths.configFile,
    credentialsFile: paths.credentialsFile,
    configText: config.ok ? config.text : null,
    credentialsText: credentials.ok ? credentials.text : null,
    activeProfile,
  };
  const summaries = { config: withoutText(config), credentials: withoutText(credentials) };
  const remembered = options.lastParse?.of(input) ?? null;
  if (remembered !== null) return { ...summaries, parsed: remembered };
  const parsed = parseAwsConfig(input);
  options.lastParse?.remember(input, parsed);
  const entry: ParsedConfigEntry = { ...summaries, parsed };
  // The key was taken before reading: a write in between makes the next run parse again.
  if (key && cache) await cache.set(key, entry).catch(() => undefined);
  return entry;
}

const withoutText = (read: UserFileRead): FileReadSummary => {
  if (!read.ok) return read;
  const { text: _text, ...rest } = read;
  return rest;
};

export interface ReadAwsInputsOptions {
  /** Keep the parsed config between runs (the one-shot CLI). */
  parseCache?: ParsedConfigCache;
  /** Read the token folder on another thread while the config is parsed (the app). */
  tokenReader?: TokenFolderReader;
  /** Take the last parse again while the files read the same (a reader that reads more than once). */
  lastParse?: LastParse;
}

export async function readAwsInputs(
  env: NodeJS.ProcessEnv,
  homeDir: string,
  now: number,
  options: ReadAwsInputsOptions = {},
): Promise<AwsInputs> {
  const paths = resolveAwsPaths(env, homeDir);
  const active = resolveActiveProfile(env);
  // Started first, so the folder is read on the worker while this thread parses.
  const folder: Promise<TokenFolderRead | null> = options.tokenReader
    ? options.tokenReader.read(paths.ssoCacheDir).catch(() => null)
    : Promise.resolve(null);
  const { config, credentials, parsed } = await readAndParse(paths, active.name, options);

  // Without the worker (or if it failed), token files are read synchronously: thousands of tiny
  // files cost far less as plain system calls than as thread-pool round trips (see the benchmark).
  const fromWorker = await folder;
  const ssoFiles = fromWorker?.names ?? listFolder(paths.ssoCacheDir);
  const tokens = new Map<string, SsoTokenRead>();
  const folderPrefix = join(paths.ssoCacheDir, '/');
  for (let i = 0; i < parsed.ssoSessions.length; i++) {
    const session = parsed.ssoSessions[i] as ParsedAwsConfig['ssoSessions'][number];
    // ssoTokenCachePath, without a path.join per session.
    const name = `${ssoTokenCacheKey(session)}.json`;
    const file = folderPrefix + name;
    const text = ssoFiles.has(name) ? fromWorker?.text(name) : undefined;
    const read =
      text !== undefined
        ? { ...parseSsoTokenCache(text, file, now), missing: false }
        : ssoFiles.has(name)
          ? readSsoTokenSummarySync(file, now)
          : { token: null, missing: true, problem: null };
    tokens.set(session.name, { file, ...read });
  }

  const logins = readLoginCaches(parsed, loginCacheDir(env, homeDir));

  const cliFiles = listFolder(paths.cliCacheDir);
  const roleCache = new Map<string, RoleCacheRead>();
  // Hashing every role's key is skipped when the CLI has cached nothing at all.
  for (const profile of cliFiles.size === 0 ? [] : parsed.profiles) {
    if (profile.kind !== 'assume-role' || !profile.roleArn) continue;
    // The CLI caches AssumeRole (and web identity) answers under a hash of the call's arguments.
    const key = assumeRoleCacheKey({
      roleArn: profile.roleArn,
      roleSessionName: profile.roleSessionName ?? undefined,
      externalId: profile.externalId ?? undefined,
      serialNumber: profile.mfaSerial ?? undefined,
      durationSeconds: parseDurationSeconds(profile.durationSeconds) ?? undefined,
    });
    if (!cliFiles.has(`${key}.json`)) continue;
    const read = await readCliCacheEntry(paths.cliCacheDir, key);
    if (read.expiresAt !== null || read.problem !== null)
      roleCache.set(profile.name, { expiresAt: read.expiresAt, problem: read.problem });
  }

  return {
    paths,
    active,
    config,
    credentials,
    parsed,
    tokens,
    logins,
    roleCache,
    environmentProblems: emptyFileVariables(env, homeDir),
  };
}

/** One read per distinct login_session; nothing at all when no profile uses `aws login`. */
function readLoginCaches(parsed: ParsedAwsConfig, dir: string): AwsInputs['logins'] {
  const logins: AwsInputs['logins'] = new Map();
  for (const profile of parsed.profiles) {
    const session = profile.kind === 'login' ? profile.loginSession : null;
    if (session === null || logins.has(session)) continue;
    const file = loginCachePath(dir, session);
    logins.set(session, { file, ...readLoginTokenSummarySync(file) });
  }
  return logins;
}
