// The OIDC client registration cache shared with the AWS CLI v2: one JSON file per
// (tool, start URL, region, scopes, session name) in ~/.aws/sso/cache, named by the sha1 of
// Python's `json.dumps(args, sort_keys=True)`, holding clientId, clientSecret, expiresAt and
// (for PKCE registrations) scopes and grantTypes. Reused while more than 15 minutes remain;
// device-code and PKCE registrations share the key and replace each other.
// https://github.com/aws/aws-cli/blob/v2/awscli/botocore/utils.py
// (BaseSSOTokenFetcher._registration_cache_key, SSOTokenFetcher/SSOTokenFetcherAuth._registration)
import { createHash } from 'node:crypto';
import { readRegularFile } from '../../fs/regular-file';
import path from 'node:path';
import { formatCacheTimestamp, parseCacheTimestamp } from '../sso-token-cache';
import { pythonJsonDumps } from './python-json';
import { writePrivateFileAtomic } from './private-file';
import type { SsoLoginFlow, SsoSessionRef } from './sso-session-ref';

export interface ClientRegistration {
  clientId: string;
  clientSecret: string;
  expiresAt: Date;
  scopes?: string[];
  grantTypes?: string[];
}

/** Same as the CLI's `_EXPIRY_WINDOW`. */
export const REGISTRATION_REUSE_MARGIN_MS = 15 * 60 * 1000;

/**
 * The cache file's base name (without `.json`). `scopes` is the configured
 * `sso_registration_scopes` list, null when not configured; `session_name` is null for legacy
 * profiles, exactly as the CLI passes them.
 */
export function registrationCacheKey(session: SsoSessionRef): string {
  const args = {
    tool: 'botocore',
    startUrl: session.startUrl,
    region: session.region,
    scopes: session.registrationScopes.length > 0 ? session.registrationScopes : null,
    session_name: session.legacy ? null : session.name,
  };
  return createHash('sha1')
    .update(pythonJsonDumps(args, { sortKeys: true }), 'utf8')
    .digest('hex');
}

export function registrationCachePath(cacheDir: string, session: SsoSessionRef): string {
  return path.join(cacheDir, `${registrationCacheKey(session)}.json`);
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined;
}

/** The cached registration, or null when there is none or it cannot be read. */
export async function readCachedRegistration(
  cacheDir: string,
  session: SsoSessionRef,
): Promise<ClientRegistration | null> {
  let parsed: unknown;
  try {
    // A regular file only: a FIFO here would wait forever (electron/core/fs/regular-file.ts).
    parsed = JSON.parse((await readRegularFile(registrationCachePath(cacheDir, session))).toString('utf8'));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const record = parsed as Record<string, unknown>;
  const { clientId, clientSecret, expiresAt } = record;
  if (typeof clientId !== 'string' || typeof clientSecret !== 'string' || typeof expiresAt !== 'string') return null;
  const expires = parseCacheTimestamp(expiresAt);
  if (expires === null) return null;
  const scopes = stringList(record.scopes);
  const grantTypes = stringList(record.grantTypes);
  return {
    clientId,
    clientSecret,
    expiresAt: expires,
    ...(scopes ? { scopes } : {}),
    ...(grantTypes ? { grantTypes } : {}),
  };
}

export async function writeCachedRegistration(
  cacheDir: string,
  session: SsoSessionRef,
  registration: ClientRegistration,
): Promise<void> {
  const content = pythonJsonDumps({
    clientId: registration.clientId,
    clientSecret: registration.clientSecret,
    expiresAt: formatCacheTimestamp(registration.expiresAt),
    scopes: registration.scopes,
    grantTypes: registration.grantTypes,
  });
  await writePrivateFileAtomic(registrationCachePath(cacheDir, session), content);
}

/** The CLI's rule: live for more than 15 more minutes, and registered for the same flow. */
export function isRegistrationReusable(registration: ClientRegistration, flow: SsoLoginFlow, now: Date): boolean {
  if (registration.expiresAt.getTime() - now.getTime() < REGISTRATION_REUSE_MARGIN_MS) return false;
  const forAuthCode = registration.grantTypes?.includes('authorization_code') ?? false;
  return flow === 'pkce' ? forAuthCode : !forAuthCode;
}
