// The cache `aws login` (AWS CLI 2.32+, "console credentials") writes and botocore and the JS SDK
// read and refresh: <dir>/<sha256 hex of the login_session value>.json, <dir> being
// AWS_LOGIN_CACHE_DIRECTORY or ~/.aws/login/cache (docs/interop-aws.md, "Login credentials cache").
// The format follows the JS SDK's reader and refresher, installed in this repository as
// node_modules/@aws-sdk/credential-provider-login/dist-es/LoginCredentialsFetcher.js
// (`getTokenFilePath`, `loadToken`, `refresh`; the shape is `LoginToken` in its dist-types/types.d.ts).
// Its own reader is not used: it refreshes over the network and returns credentials, while a
// snapshot needs a summary read from disk alone.
// The file holds secrets (accessToken's keys, refreshToken, idToken, dpopKey): they are read here
// and never leave this module, nor appear in a message.
import { join, resolve } from 'node:path';
import type { Problem } from '../../shared/model';
import { readSmallRegularFileSync, smallFileReadProblem } from '../fs/regular-file';
import { parseCacheTimestamp, quoteValue } from './sso-token-cache';
import { hexDigest } from '../node-crypto';

/**
 * How long `aws login` lets the refresh token renew the 15-minute credentials (the AWS CLI's
 * documentation of `aws login`: up to 12 hours). The cache does not say when the session began;
 * the id token's `iat` (issued at sign-in, and kept by a refresh, which replaces only the access
 * credentials and the refresh token) tells it.
 */
export const LOGIN_SESSION_MS = 12 * 60 * 60 * 1000;

/** The cache folder, as botocore's `get_login_token_cache_directory` and the JS SDK resolve it. */
export function loginCacheDir(env: NodeJS.ProcessEnv, homeDir: string): string {
  const override = env.AWS_LOGIN_CACHE_DIRECTORY;
  if (override !== undefined && override !== '') {
    // botocore expands a leading ~; both tools take any other value as it is.
    if (override === '~' || override.startsWith('~/')) return join(homeDir, override.slice(1));
    return resolve(override);
  }
  return join(homeDir, '.aws', 'login', 'cache');
}

/** sha256 hex of the login_session value, exactly as written (UTF-8). */
export function loginCacheKey(loginSession: string): string {
  return hexDigest('sha256', loginSession);
}

export function loginCachePath(cacheDir: string, loginSession: string): string {
  return join(cacheDir, `${loginCacheKey(loginSession)}.json`);
}

/** What the rest of the app may know about a login cache: no secrets. */
export interface LoginTokenSummary {
  /** When the access credentials (`accessToken.expiresAt`) expire. */
  expiresAt: Date;
  accountId: string;
  /** When the refresh stops working (sign-in + 12 h), if the id token says when sign-in was. */
  sessionEndsAt: Date | null;
}

export interface LoginTokenRead {
  token: LoginTokenSummary | null;
  missing: boolean;
  problem: Problem | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmpty = (v: unknown): boolean => typeof v === 'string' && v !== '';

/** The `iat` claim of a JWT, without checking its signature (only a time is wanted from it). */
function issuedAt(idToken: unknown): Date | null {
  if (typeof idToken !== 'string') return null;
  const payload = idToken.split('.')[1];
  if (payload === undefined) return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const iat = isRecord(claims) ? claims.iat : undefined;
    return typeof iat === 'number' && Number.isFinite(iat) && iat > 0 ? new Date(iat * 1000) : null;
  } catch {
    return null;
  }
}

/**
 * A cache file's text. What the SDKs refuse (a missing access token, expiry, account, client
 * id, refresh token or DPoP key) gives an error naming the file and the missing field names, never a value.
 */
export function parseLoginTokenCache(
  text: string,
  file: string,
): { token: LoginTokenSummary | null; problem: Problem | null } {
  const error = (message: string) => ({ token: null, problem: { severity: 'error' as const, message, file } });
  if (text.trim() === '')
    return error(
      'The login cache file is empty (a login may be writing it right now). Run `aws login` again if this persists.',
    );
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    // JSON.parse's message quotes the text, which holds secrets.
    return error('The login cache file is not valid JSON (it may be half-written). Run `aws login` again.');
  }
  if (!isRecord(doc)) return error('The login cache file does not hold a JSON object. Run `aws login` again.');
  const access = doc.accessToken;
  // Both SDKs refuse the whole file without these (botocore `load_cached_credentials`, the JS
  // SDK's `loadToken`, which also wants accountId), even while its credentials are still good.
  const missing = ['accessToken', 'clientId', 'refreshToken', 'dpopKey'].filter(
    (k) => !nonEmpty(doc[k]) && !(k === 'accessToken' && isRecord(access)),
  );
  if (!isRecord(access) || !nonEmpty(access.accountId)) missing.push('accessToken.accountId');
  if (!isRecord(access) || typeof access.expiresAt !== 'string') missing.push('accessToken.expiresAt');
  if (!isRecord(access) || missing.length > 0) {
    return error(
      `The login cache file lacks ${missing.join(', ')}; the AWS CLI and SDKs will not use it. Run \`aws login\` again.`,
    );
  }
  const expiresAt = parseCacheTimestamp(access.expiresAt as string);
  if (!expiresAt) {
    return error(
      `The login cache file says its credentials expire at ${quoteValue(access.expiresAt)}, which is not a timestamp with a time zone. Run \`aws login\` again.`,
    );
  }
  const signedInAt = issuedAt(doc.idToken);
  return {
    token: {
      expiresAt,
      accountId: access.accountId as string,
      sessionEndsAt: signedInAt ? new Date(signedInAt.getTime() + LOGIN_SESSION_MS) : null,
    },
    problem: null,
  };
}

/** Login caches are a few kilobytes. */
const MAX_LOGIN_FILE_BYTES = 1024 * 1024;

/** Reads and summarises one cache file; a missing file (never logged in, or logged out) is no problem. */
export function readLoginTokenSummarySync(file: string): LoginTokenRead {
  const read = readSmallRegularFileSync(file, MAX_LOGIN_FILE_BYTES);
  if (read.kind === 'text') return { ...parseLoginTokenCache(read.text, file), missing: false };
  return {
    token: null,
    missing: read.kind === 'missing',
    problem: smallFileReadProblem(read, file, 'login cache', 'login cache'),
  };
}
