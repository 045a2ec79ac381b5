// Reads everything the AWS side of a snapshot is built from: the two shared files and the two
// caches. No network, no AWS SDK: `cloudid status` and every file change pay only for file reads.
import type { Problem } from '../../shared/model';
import { readUserFile, type UserFileRead } from '../fs/read-user-file';
import { parseAwsConfig, type ParsedAwsConfig } from './aws-config';
import { resolveActiveProfile, resolveAwsPaths, type ActiveProfile, type AwsPaths } from './aws-environment';
import { assumeRoleCacheKey, parseDurationSeconds, readCliCacheEntry } from './cli-credential-cache';
import { readSsoTokenSummary, ssoTokenCachePath, type SsoTokenSummary } from './sso-token-cache';

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
  config: UserFileRead;
  credentials: UserFileRead;
  parsed: ParsedAwsConfig;
  /** By sso-session name (or start URL for legacy sessions). */
  tokens: Map<string, SsoTokenRead>;
  /** By profile name: the CLI's cached AssumeRole credentials, when there are some. */
  roleCache: Map<string, RoleCacheRead>;
}

/** Run `task` over `items` with at most `limit` in flight (file descriptors are finite). */
async function mapBounded<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export async function readAwsInputs(env: NodeJS.ProcessEnv, homeDir: string, now: number): Promise<AwsInputs> {
  const paths = resolveAwsPaths(env, homeDir);
  const active = resolveActiveProfile(env);
  const [config, credentials] = await Promise.all([readUserFile(paths.configFile), readUserFile(paths.credentialsFile)]);
  const parsed = parseAwsConfig({
    configFile: paths.configFile,
    credentialsFile: paths.credentialsFile,
    configText: config.ok ? config.text : null,
    credentialsText: credentials.ok ? credentials.text : null,
    activeProfile: active.name,
  });

  const tokenEntries = await mapBounded(parsed.ssoSessions, 64, async (session) => {
    const file = ssoTokenCachePath(paths.ssoCacheDir, session);
    const read = await readSsoTokenSummary(file, now);
    return [session.name, { file, ...read }] as const;
  });

  const roleProfiles = parsed.profiles.filter((p) => p.kind === 'assume-role' && p.roleArn);
  const roleEntries = await mapBounded(roleProfiles, 64, async (profile) => {
    // The CLI caches AssumeRole (and web identity) answers under a hash of the call's arguments.
    const key = assumeRoleCacheKey({
      roleArn: profile.roleArn as string,
      roleSessionName: profile.roleSessionName ?? undefined,
      externalId: profile.externalId ?? undefined,
      serialNumber: profile.mfaSerial ?? undefined,
      durationSeconds: parseDurationSeconds(profile.durationSeconds) ?? undefined,
    });
    const read = await readCliCacheEntry(paths.cliCacheDir, key);
    return [profile.name, { expiresAt: read.expiresAt, problem: read.problem }] as const;
  });

  return {
    paths,
    active,
    config,
    credentials,
    parsed,
    tokens: new Map(tokenEntries),
    roleCache: new Map(roleEntries.filter(([, read]) => read.expiresAt !== null || read.problem !== null)),
  };
}
