// gcloud's credential store: credentials.db (account -> credential JSON, secrets included) and
// access_tokens.db (account -> cached access token, expiry, rapt token). Layout checked against
// gcloud 528 (googlecloudsdk/core/credentials/creds.py, SqliteCredentialStore/AccessTokenStore).
// The records below hold secrets and stay inside the core; gcp-state.ts keeps only metadata.
import type { Problem } from '../../shared/model';
import { gcloudLoginCommand } from '../../shared/shell-commands';
import { isJsonObject, summarizeCredential, type CredentialSummary, type JsonObject } from './credential-json';
import { readSqliteTable, sqlText, type SqliteRead } from './gcloud-sqlite';

export interface GcloudStoredCredential {
  account: string;
  /** Null when the stored value is not a JSON object. */
  json: JsonObject | null;
  summary: CredentialSummary | null;
}

export interface GcloudAccessToken {
  account: string;
  /** ISO 8601 UTC, null when absent or unreadable. */
  expiresAt: string | null;
  hasToken: boolean;
  raptToken: string | null;
}

export interface GcloudCredentialStore {
  credentials: GcloudStoredCredential[];
  tokens: Map<string, GcloudAccessToken>;
  problems: Problem[];
}

/**
 * gcloud stores `token_expiry` as Python's str(datetime) of a naive UTC time:
 * `2026-11-26 05:09:15.537051` (microseconds omitted when zero).
 */
export function parseTokenExpiry(text: string | null): string | null {
  if (!text) return null;
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?$/.exec(text.trim());
  if (!match) return null;
  const millis = (match[3] ?? '').padEnd(3, '0').slice(0, 3);
  const date = new Date(`${match[1]}T${match[2]}.${millis}Z`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function problemFor(file: string, what: string, read: Extract<SqliteRead, { kind: 'failed' }>): Problem {
  const severity = read.reason === 'busy' ? 'warning' : 'error';
  return { severity, message: `gcloud's ${what} (${file}) could not be read: ${read.message}`, file };
}

// Python's sqlite3 stores None as NULL, but older gcloud versions wrote the string "None".
const nullish = (value: string | null): string | null =>
  value === null || value === '' || value === 'None' ? null : value;

function parseObject(text: string | null): JsonObject | null {
  try {
    const parsed: unknown = JSON.parse(text ?? '');
    return isJsonObject(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

export async function readGcloudCredentialStore(
  credentialsDb: string,
  accessTokensDb: string,
): Promise<GcloudCredentialStore> {
  const problems: Problem[] = [];
  const credentials: GcloudStoredCredential[] = [];
  const tokens = new Map<string, GcloudAccessToken>();
  const [credRead, tokenRead] = await Promise.all([
    readSqliteTable(credentialsDb, 'SELECT account_id, value FROM credentials'),
    readSqliteTable(accessTokensDb, 'SELECT account_id, access_token, token_expiry, rapt_token FROM access_tokens'),
  ]);
  if (credRead.kind === 'failed') problems.push(problemFor(credentialsDb, 'credential store', credRead));
  if (credRead.kind === 'ok') {
    for (const row of credRead.rows) {
      const account = sqlText(row.account_id);
      if (!account) continue;
      const json = parseObject(sqlText(row.value));
      if (!json)
        problems.push({
          severity: 'error',
          message: `The stored credential of ${account} is not valid JSON; run \`${gcloudLoginCommand(account)}\` (or activate its key) again.`,
          file: credentialsDb,
        });
      credentials.push({ account, json, summary: json ? summarizeCredential(json) : null });
    }
  }
  if (tokenRead.kind === 'failed') problems.push(problemFor(accessTokensDb, 'access-token cache', tokenRead));
  if (tokenRead.kind === 'ok') {
    for (const row of tokenRead.rows) {
      const account = sqlText(row.account_id);
      if (!account) continue;
      tokens.set(account, {
        account,
        expiresAt: parseTokenExpiry(nullish(sqlText(row.token_expiry))),
        hasToken: nullish(sqlText(row.access_token)) !== null,
        raptToken: nullish(sqlText(row.rapt_token)),
      });
    }
  }
  return { credentials, tokens, problems };
}
