// ~/.aws/cli/cache: role credentials the AWS CLI (and only the CLI: not boto3, not the JS SDK)
// keeps between commands, one JSON file per role, named by a hash of how the role was obtained.
// We only read the expiry and account from it; the keys inside never leave this file.
// Key algorithms: botocore/credentials.py `AssumeRoleCredentialFetcher._create_cache_key` (also used
// for web identity), `SSOCredentialFetcher._create_cache_key`, `CachedCredentialFetcher._make_file_safe`;
// the CLI installs the cache in awscli/customizations/assumerole.py and customizations/sso/__init__.py.
// https://github.com/boto/botocore/blob/develop/botocore/credentials.py
import * as path from 'node:path';
import type { Problem } from '../../shared/model';
import { parseCacheTimestamp, quoteValue } from './sso-token-cache';
import { pyInt, pythonJsonDumps, pythonJsonLoads, type PyJson } from './botocore-json';
import { errnoCode } from '../fs/errno';
import { NotRegularFileError, readRegularFile } from '../fs/regular-file';
import { hexDigest } from '../node-crypto';

const sha1Hex = (s: string): string => hexDigest('sha1', s);

/** botocore's `_make_file_safe` (a no-op on hex digests, kept so the algorithm reads the same). */
function makeFileSafe(name: string): string {
  return name.replaceAll(':', '_').replaceAll(path.sep, '_').replaceAll('/', '_');
}

/**
 * The cache key of an SSO profile's role credentials. `sessionName` is the profile's sso_session
 * (new style); without it (legacy profiles) the start URL is hashed instead, exactly as written.
 */
export function ssoRoleCredentialsCacheKey(args: {
  startUrl: string;
  accountId: string;
  roleName: string;
  sessionName?: string | null;
}): string {
  const key = new Map<string, PyJson>([
    ['roleName', args.roleName],
    ['accountId', args.accountId],
  ]);
  // botocore tests truthiness: an empty session name falls back to the start URL.
  if (args.sessionName) key.set('sessionName', args.sessionName);
  else key.set('startUrl', args.startUrl);
  return makeFileSafe(sha1Hex(pythonJsonDumps(key, { sortKeys: true, separators: [',', ':'] })));
}

export interface AssumeRoleCacheArgs {
  roleArn: string;
  /** role_session_name; absent or empty means botocore generates one, which is left out of the key. */
  roleSessionName?: string | null;
  /** external_id as configured; an empty value still counts (botocore only skips a missing one). */
  externalId?: string | null;
  /** mfa_serial as configured. */
  serialNumber?: string | null;
  /** duration_seconds, already read as an integer (see `parseDurationSeconds`). */
  durationSeconds?: number | null;
  /** An inline session policy, as JSON text (programmatic callers only; profiles cannot set one). */
  policy?: string | null;
}

/**
 * The cache key of an assume-role profile's credentials. It is also the key of a
 * `web_identity_token_file` profile, whose fetcher hashes the same way with only
 * `roleArn` and `roleSessionName`.
 * Throws a SyntaxError when `policy` is not JSON (botocore fails the same way, so no file exists).
 */
export function assumeRoleCacheKey(args: AssumeRoleCacheArgs): string {
  const key = new Map<string, PyJson>([['RoleArn', args.roleArn]]);
  if (args.roleSessionName) key.set('RoleSessionName', args.roleSessionName);
  if (args.externalId != null) key.set('ExternalId', args.externalId);
  if (args.serialNumber != null) key.set('SerialNumber', args.serialNumber);
  if (args.durationSeconds != null) key.set('DurationSeconds', pyInt(args.durationSeconds));
  if (args.policy != null) {
    // botocore loads the policy so that sort_keys reaches inside it.
    key.set('Policy', pythonJsonLoads(args.policy));
  }
  // No separators here: botocore's assume-role fetchers hash the default ", " / ": " form.
  return makeFileSafe(sha1Hex(pythonJsonDumps(key, { sortKeys: true })));
}

/**
 * `duration_seconds` the way botocore reads it: Python's `int(value)`, and ignored (left out of the
 * request and the key) when that fails. Covers ASCII digits, a sign, surrounding whitespace and
 * single underscores between digits.
 */
export function parseDurationSeconds(raw: string | null | undefined): number | null {
  if (raw == null) return null;
  const m = /^\s*([+-]?)(\d+(?:_\d+)*)\s*$/.exec(raw);
  if (!m) return null;
  const n = Number(`${m[1]}${(m[2] as string).replaceAll('_', '')}`);
  return Number.isSafeInteger(n) ? n : null;
}

export interface CliCacheEntry {
  expiresAt: Date | null;
  accountId: string | null;
  problem: Problem | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The account in an STS ARN such as arn:aws:sts::123456789012:assumed-role/Role/session. */
function accountFromArn(arn: unknown): string | null {
  if (typeof arn !== 'string') return null;
  const parts = arn.split(':');
  return parts.length >= 6 && parts[0] === 'arn' && /^\d{12}$/.test(parts[4] ?? '') ? (parts[4] as string) : null;
}

/**
 * Read one cache entry: the SSO shape `{"ProviderType":"sso","Credentials":{...,"Expiration",
 * "AccountId"}}` or the raw STS AssumeRole response (`Credentials.Expiration` written by Python's
 * strftime as "2026-01-01T00:00:00UTC", plus `AssumedRoleUser.Arn`). The keys inside are not returned.
 */
export function parseCliCacheEntry(text: string, file: string): CliCacheEntry {
  const bad = (message: string): CliCacheEntry => ({
    expiresAt: null,
    accountId: null,
    problem: {
      severity: 'warning',
      message: `${message} The AWS CLI will fetch new credentials and rewrite it.`,
      file,
    },
  });
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return bad(
      text.trim() === ''
        ? 'The cached role credentials file is empty.'
        : 'The cached role credentials file is not valid JSON.',
    );
  }
  if (!isRecord(doc) || !isRecord(doc.Credentials))
    return bad('The cached role credentials file has no "Credentials" object.');
  const creds = doc.Credentials;
  if (typeof creds.Expiration !== 'string') return bad('The cached role credentials have no "Expiration".');
  const expiresAt = parseCacheTimestamp(creds.Expiration);
  if (!expiresAt)
    return bad(
      `The cached role credentials expire at ${quoteValue(creds.Expiration)}, which is not a timestamp with a time zone.`,
    );
  const accountId =
    typeof creds.AccountId === 'string' && creds.AccountId !== ''
      ? creds.AccountId
      : isRecord(doc.AssumedRoleUser)
        ? accountFromArn(doc.AssumedRoleUser.Arn)
        : null;
  return { expiresAt, accountId, problem: null };
}

/** Read `<cacheDir>/<key>.json`. A missing file is normal (never used, or swept by `aws sso logout`). */
export async function readCliCacheEntry(
  cacheDir: string,
  key: string,
): Promise<{ expiresAt: Date | null; accountId: string | null; missing: boolean; problem: Problem | null }> {
  const file = path.join(cacheDir, `${key}.json`);
  let text: string;
  try {
    text = (await readRegularFile(file)).toString('utf8');
  } catch (error) {
    if (error instanceof NotRegularFileError) {
      return {
        expiresAt: null,
        accountId: null,
        missing: false,
        problem: {
          severity: 'warning',
          message: `The cached role credentials cannot be read (${error.kind}, not a regular file).`,
          file,
        },
      };
    }
    const code = errnoCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR')
      return { expiresAt: null, accountId: null, missing: true, problem: null };
    return {
      expiresAt: null,
      accountId: null,
      missing: false,
      problem: {
        severity: 'warning',
        message: `The cached role credentials cannot be read (${code ?? String(error)}).`,
        file,
      },
    };
  }
  return { ...parseCliCacheEntry(text, file), missing: false };
}
