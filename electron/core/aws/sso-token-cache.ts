// The SSO token cache the AWS CLI v2, botocore (so SkyPilot) and the JS SDK share:
// ~/.aws/sso/cache/<sha1>.json, one file per sso-session (or per start URL for legacy profiles).
// Whatever we read or write here must mean the same to all three (docs/interop-aws.md, "SSO token
// cache").
// - key: botocore/utils.py `SSOTokenLoader._generate_cache_key`
// - refresh rule: botocore/tokens.py `SSOTokenProvider._refresh_access_token`
// - timestamps: botocore parses with dateutil; the CLI writes "%Y-%m-%dT%H:%M:%SZ"; the JS SDK
//   writes toISOString() (with milliseconds); Python's JSONFileCache writes "...%H:%M:%SUTC".
// https://github.com/boto/botocore/blob/develop/botocore/utils.py
// https://github.com/boto/botocore/blob/develop/botocore/tokens.py
import * as path from 'node:path';
import type { Problem } from '../../shared/model';
import { readSmallRegularFileSync, smallFileReadProblem } from '../fs/regular-file';
import { jsonSyntaxWhere } from '../fs/json-syntax-error';
import { hexDigest } from '../node-crypto';

/** What names a token cache file: the sso-session, or for a legacy profile its start URL. */
export interface SsoTokenCacheRef {
  name: string;
  legacy: boolean;
  startUrl: string | null;
}

/**
 * sha1 hex of the sso-session name, or for a legacy profile of `sso_start_url` exactly as written
 * (no trailing-slash or case normalisation: "https://x/start" and "https://x/start/" are two files).
 */
export function ssoTokenCacheKey(session: SsoTokenCacheRef): string {
  const input = session.legacy ? (session.startUrl ?? session.name) : session.name;
  // Every reload asks again for the same few (or few thousand) names: remember the answers.
  let key = keyCache.get(input);
  if (key === undefined) {
    key = hexDigest('sha1', input);
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
    keyCache.set(input, key);
  }
  return key;
}

const KEY_CACHE_LIMIT = 50_000;
const keyCache = new Map<string, string>();

export function ssoTokenCachePath(cacheDir: string, session: SsoTokenCacheRef): string {
  return path.join(cacheDir, `${ssoTokenCacheKey(session)}.json`);
}

/** What the rest of the app may know about a cached token: no secrets. */
export interface SsoTokenSummary {
  expiresAt: Date;
  /**
   * The cache holds what botocore and the CLI need to renew the token silently: a refresh token,
   * the client id and secret, and a registration that has not expired. Only sso-session tokens
   * are ever refreshed; for a legacy (start-URL) profile treat this as false.
   */
  refreshable: boolean;
  registrationExpiresAt: Date | null;
  startUrl: string | null;
  region: string | null;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

// Extended (2026-01-01T00:00:00Z) or basic (20260101T000000Z) ISO 8601, as dateutil reads them:
// 'T', 't' or a space between date and time, optional seconds and fraction ('.' or ','), and a
// time zone that must be there: Z, UTC, GMT or an offset. A timestamp without a zone is refused:
// botocore cannot compare it with the current time and the JS SDK would read it as local time.
const EXTENDED = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(.*)$/;
const BASIC = /^(\d{4})(\d{2})(\d{2})[Tt](\d{2})(\d{2})(?:(\d{2})(?:[.,](\d{1,9}))?)?(.*)$/;
const ZONE = /^ ?(?:([Zz])|(UTC|GMT)|([+-])(\d{2})(?::?(\d{2}))?)$/;

/** Parse a cache timestamp to an instant, or null when botocore would not read it as one. */
export function parseCacheTimestamp(s: string): Date | null {
  return canonicalTimestamp(s) ?? parseAnyTimestamp(s);
}

const digit = (s: string, at: number): number => s.charCodeAt(at) - 0x30;
/** Where the digits are in `YYYY-MM-DDTHH:MM:SS` and in `.sss`. */
const DATE_TIME_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18];
const MILLISECOND_DIGITS = [20, 21, 22];
const allDigits = (s: string, positions: readonly number[]): boolean => {
  for (let i = 0; i < positions.length; i++) {
    const d = digit(s, positions[i] as number);
    if (d < 0 || d > 9) return false;
  }
  return true;
};

/**
 * The two forms the tools write, `2026-01-01T00:00:00Z` (the CLI, botocore) and
 * `2026-01-01T00:00:00.000Z` (the JS SDK), read without a regular expression: a config naming
 * thousands of sessions reads two of these per token. Anything else, or anything out of range,
 * is left to the general reader (null here means "not this form", never "invalid").
 */
function canonicalTimestamp(s: string): Date | null {
  const length = s.length;
  if (length !== 20 && length !== 24) return null;
  if (
    s.charCodeAt(4) !== 0x2d ||
    s.charCodeAt(7) !== 0x2d ||
    s.charCodeAt(10) !== 0x54 ||
    s.charCodeAt(13) !== 0x3a ||
    s.charCodeAt(16) !== 0x3a ||
    s.charCodeAt(length - 1) !== 0x5a
  )
    return null;
  if (length === 24 && (s.charCodeAt(19) !== 0x2e || !allDigits(s, MILLISECOND_DIGITS))) return null;
  if (!allDigits(s, DATE_TIME_DIGITS)) return null;
  const year = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const month = digit(s, 5) * 10 + digit(s, 6);
  const day = digit(s, 8) * 10 + digit(s, 9);
  const hour = digit(s, 11) * 10 + digit(s, 12);
  const minute = digit(s, 14) * 10 + digit(s, 15);
  const second = digit(s, 17) * 10 + digit(s, 18);
  const ms = length === 24 ? digit(s, 20) * 100 + digit(s, 21) * 10 + digit(s, 22) : 0;
  // Years before 100 would need setUTCFullYear (Date.UTC maps 0-99 to 1900-1999): general reader.
  if (year < 100 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const monthDays = month === 2 && isLeap(year) ? 29 : (DAYS_IN_MONTH[month - 1] as number);
  if (day > monthDays) return null;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
}

function parseAnyTimestamp(s: string): Date | null {
  const m = EXTENDED.exec(s.trim()) ?? BASIC.exec(s.trim());
  if (!m) return null;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Number(m[7].padEnd(3, '0').slice(0, 3)); // truncated, like dateutil's microseconds
  const zone = ZONE.exec(m[8] ?? '');
  if (!zone) return null;
  if (year < 1 || month < 1 || month > 12) return null;
  const monthDays = month === 2 && isLeap(year) ? 29 : (DAYS_IN_MONTH[month - 1] as number);
  if (day < 1 || day > monthDays || hour > 23 || minute > 59 || second > 59) return null;
  let offsetMinutes = 0;
  if (zone[3]) {
    const oh = Number(zone[4]);
    const om = zone[5] === undefined ? 0 : Number(zone[5]);
    if (oh > 23 || om > 59) return null;
    offsetMinutes = (zone[3] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0-99 to 1900-1999.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute - offsetMinutes, second, ms);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "YYYY-MM-DDTHH:MM:SSZ", the form the CLI and botocore write (yawsso rejects milliseconds). */
export function formatCacheTimestamp(d: Date): string {
  const iso = d.toISOString(); // throws RangeError on an invalid date
  if (!/^\d{4}-/.test(iso)) throw new RangeError(`year out of range for a cache timestamp: ${iso}`);
  return `${iso.slice(0, 19)}Z`;
}

/** A field's value for a message: short, on one line (a timestamp field holds no secret). */
export function quoteValue(v: unknown): string {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const optionalString = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

export interface SsoTokenRead {
  token: SsoTokenSummary | null;
  problem: Problem | null;
}

/**
 * Read a token cache file's text. A file the tools would refuse (half-written, no access token,
 * no or unreadable expiry) gives `token: null` and an error naming the file; a usable token with
 * something odd beside it (an unreadable registration expiry) gives both the token and a warning.
 */
export function parseSsoTokenCache(text: string, file: string, now: number): SsoTokenRead {
  const error = (message: string): SsoTokenRead => ({ token: null, problem: { severity: 'error', message, file } });
  if (text.trim() === '') {
    // The CLI truncates then writes in place: an empty file is usually a login in progress.
    return error(
      'The SSO token cache file is empty (a login may be writing it right now). Log in again if this persists.',
    );
  }
  if (text.charCodeAt(0) === 0xfeff) {
    return error(
      'The SSO token cache file starts with a byte-order mark, which the AWS CLI and botocore refuse. Log in again to rewrite it.',
    );
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return error(
      `The SSO token cache file is not valid JSON${jsonSyntaxWhere(e, text)} (it may be half-written). Log in again to rewrite it.`,
    );
  }
  if (!isRecord(doc)) return error('The SSO token cache file does not hold a JSON object. Log in again to rewrite it.');

  // botocore and the JS SDK both refuse a token without these two (SSOTokenLoader: "Token for ... is invalid").
  if (typeof doc.accessToken !== 'string' || doc.accessToken === '') {
    return error('The SSO token cache file has no "accessToken"; the AWS CLI will not use it. Log in again.');
  }
  if (typeof doc.expiresAt !== 'string') {
    return error('The SSO token cache file has no "expiresAt"; the AWS CLI will not use it. Log in again.');
  }
  const expiresAt = parseCacheTimestamp(doc.expiresAt);
  if (!expiresAt) {
    return error(
      `The SSO token cache file says it expires at ${quoteValue(doc.expiresAt)}, which is not a timestamp with a time zone. Log in again.`,
    );
  }

  let problem: Problem | null = null;
  let registrationExpiresAt: Date | null = null;
  if (doc.registrationExpiresAt !== undefined) {
    registrationExpiresAt =
      typeof doc.registrationExpiresAt === 'string' ? parseCacheTimestamp(doc.registrationExpiresAt) : null;
    if (!registrationExpiresAt) {
      problem = {
        severity: 'warning',
        message: `The SSO token cache file's "registrationExpiresAt" (${quoteValue(doc.registrationExpiresAt)}) is not a timestamp; the token cannot be refreshed.`,
        file,
      };
    }
  }
  // botocore's rule (tokens.py `_refresh_access_token`): all four present and the registration live.
  // We also require non-empty strings, since an empty one can only make CreateToken fail.
  const refreshable =
    optionalString(doc.refreshToken) !== null &&
    optionalString(doc.clientId) !== null &&
    optionalString(doc.clientSecret) !== null &&
    registrationExpiresAt !== null &&
    registrationExpiresAt.getTime() > now;

  return {
    token: {
      expiresAt,
      refreshable,
      registrationExpiresAt,
      startUrl: optionalString(doc.startUrl),
      region: optionalString(doc.region),
    },
    problem,
  };
}

/** Token caches are a few kilobytes; anything this large is not one, so do not read it all. */
const MAX_TOKEN_FILE_BYTES = 1024 * 1024;

/**
 * Reads and summarises one token cache file (a missing one, never logged in or logged out, is no
 * problem), synchronously: four system calls and no thread-pool round
 * trips, which matters when a config names thousands of sessions (a file is ~1 KB).
 */
export function readSsoTokenSummarySync(
  file: string,
  now: number,
): { token: SsoTokenSummary | null; missing: boolean; problem: Problem | null } {
  // Nearly every token file fits the shared buffer: open, one read, close.
  const read = readSmallRegularFileSync(
    file,
    MAX_TOKEN_FILE_BYTES,
    (sharedBuffer ??= Buffer.allocUnsafe(SHARED_BUFFER_BYTES)),
  );
  if (read.kind === 'text') return { ...parseSsoTokenCache(read.text, file, now), missing: false };
  return {
    token: null,
    missing: read.kind === 'missing',
    problem: smallFileReadProblem(read, file, 'SSO token cache', 'token cache'),
  };
}

/** Bigger than any real token cache file (~1-2 KB), far smaller than MAX_TOKEN_FILE_BYTES. */
const SHARED_BUFFER_BYTES = 64 * 1024;
let sharedBuffer: Buffer | undefined;

export async function readSsoTokenSummary(
  file: string,
  now: number,
): Promise<{ token: SsoTokenSummary | null; missing: boolean; problem: Problem | null }> {
  return readSsoTokenSummarySync(file, now);
}
