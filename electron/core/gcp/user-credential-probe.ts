// Early warning for "RefreshError: Reauthentication is needed": refresh a user credential at its
// own token_uri (with gcloud's stored rapt token, as gcloud would) and classify Google's answer.
// Answers documented by Google: HTTP 400 invalid_grant + error_subtype invalid_rapt or
// rapt_required (session-control policy, https://support.google.com/a/answer/9368756);
// invalid_grant without a subtype: the grant was revoked or expired. Service accounts are immune.
import { DEFAULT_REQUEST_DEADLINE_MS, formatSeconds, hostOf, whatToCheck } from '../net/deadline';
import { GOOGLE_TOKEN_URI } from './service-account-key';
import { decideTokenEndpoint } from './token-endpoint';

/** The fields of an `authorized_user` credential the refresh needs. Secrets: keep in the core. */
export interface UserCredential {
  client_id: string;
  client_secret: string;
  refresh_token: string;
  token_uri?: string;
}

export type UserCredentialProbe =
  | { status: 'healthy'; checkedAt: string }
  | { status: 'reauth-needed'; subtype: 'invalid_rapt' | 'rapt_required'; checkedAt: string; message: string }
  | { status: 'revoked'; checkedAt: string; message: string }
  | { status: 'error'; checkedAt: string; message: string };

export interface ProbeOptions {
  /** gcloud's rapt token for this account (access_tokens.db), when it has one. */
  rapt?: string | null;
  /** The fetch to use (tests, proxies); default: global fetch. */
  fetch?: typeof fetch;
  /** The request's deadline (default DEFAULT_REQUEST_DEADLINE_MS, electron/core/net/deadline.ts). */
  timeoutMs?: number;
  now?: () => Date;
  /**
   * CLOUDSDK_AUTH_TOKEN_HOST: where a credential that names no token_uri is refreshed (else
   * Google's), and the one endpoint trusted besides Google's (token-endpoint.ts).
   */
  env?: NodeJS.ProcessEnv;
}

function describe(body: Record<string, unknown>): string {
  const error = typeof body.error === 'string' ? body.error : 'error';
  const description = typeof body.error_description === 'string' ? `: ${body.error_description}` : '';
  return `${error}${description}`;
}

export async function probeUserCredential(
  credential: UserCredential,
  options: ProbeOptions = {},
): Promise<UserCredentialProbe> {
  const checkedAt = (options.now?.() ?? new Date()).toISOString();
  const doFetch = options.fetch ?? fetch;
  const form = new URLSearchParams({
    grant_type: 'refresh_token',
    client_id: credential.client_id,
    client_secret: credential.client_secret,
    refresh_token: credential.refresh_token,
  });
  if (options.rapt) form.set('rapt', options.rapt);
  const env = options.env ?? {};
  const endpoint = decideTokenEndpoint(credential.token_uri || env.CLOUDSDK_AUTH_TOKEN_HOST || GOOGLE_TOKEN_URI, env);
  if (!endpoint.trusted) return { status: 'error', checkedAt, message: endpoint.message };
  const timeoutMs = options.timeoutMs ?? DEFAULT_REQUEST_DEADLINE_MS;
  const host = hostOf(endpoint.url);
  // One deadline for the answer and its body: a server may send headers and then stall.
  const signal = AbortSignal.timeout(timeoutMs);
  const unreachable = (error: unknown): UserCredentialProbe => {
    const timedOut = signal.aborted || (error instanceof Error && error.name === 'TimeoutError');
    const cause =
      error instanceof Error && error.cause instanceof Error
        ? error.cause.message
        : error instanceof Error
          ? error.message
          : String(error);
    // "could not reach …" is what gcp-state.ts reports as "not checked": never a valid account.
    const why = timedOut ? `no answer within ${formatSeconds(timeoutMs)}: ${whatToCheck({ host })}` : cause;
    return { status: 'error', checkedAt, message: `could not reach ${host} (${why})` };
  };
  let response: Response;
  let body: Record<string, unknown> = {};
  try {
    response = await doFetch(endpoint.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      signal,
    });
  } catch (error) {
    return unreachable(error);
  }
  try {
    const parsed: unknown = await response.json();
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed))
      body = parsed as Record<string, unknown>;
  } catch (error) {
    if (signal.aborted) return unreachable(error);
    body = {};
  }
  if (response.ok && typeof body.access_token === 'string') return { status: 'healthy', checkedAt };
  if (body.error === 'invalid_grant') {
    const subtype = body.error_subtype;
    if (subtype === 'invalid_rapt' || subtype === 'rapt_required') {
      return {
        status: 'reauth-needed',
        subtype,
        checkedAt,
        message: 'Google asks this account to sign in again (reauthentication policy)',
      };
    }
    return { status: 'revoked', checkedAt, message: `The sign-in was revoked or has expired (${describe(body)})` };
  }
  return {
    status: 'error',
    checkedAt,
    message: `The token endpoint answered HTTP ${response.status} (${describe(body)})`,
  };
}

/** The refresh fields of a credential JSON, when it is a refreshable user credential. */
export function userCredentialFrom(json: Record<string, unknown>): UserCredential | null {
  const { client_id, client_secret, refresh_token, token_uri } = json;
  if (json.type !== 'authorized_user') return null;
  if (typeof client_id !== 'string' || typeof client_secret !== 'string' || typeof refresh_token !== 'string')
    return null;
  return {
    client_id,
    client_secret,
    refresh_token,
    ...(typeof token_uri === 'string' && token_uri ? { token_uri } : {}),
  };
}
