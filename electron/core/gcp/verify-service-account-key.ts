// Proves a key works by minting an access token with google-auth-library's JWT client, at the
// key's own token_uri. google-auth-library 10.x ignores token_uri for JWT clients and always posts
// to https://oauth2.googleapis.com/token (build/src/gtoken/getToken.js, GOOGLE_TOKEN_URL), so a
// request interceptor on the client's transporter redirects that one URL. The JWT audience stays
// Google's token URL, which is what Google's endpoint expects for every universe-default key.
import { JWT } from 'google-auth-library';
import { DEFAULT_REQUEST_DEADLINE_MS, hostOf, isNetworkTimeout, withDeadline } from '../net/deadline';
import { decideTokenEndpoint } from './token-endpoint';
import {
  GOOGLE_TOKEN_URI,
  readServiceAccountKeyFile,
  type KeyRejectionReason,
  type ServiceAccountKey,
  type ServiceAccountSecret,
} from './service-account-key';

export const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';

export type KeyVerificationFailure =
  | 'key-disabled'
  | 'account-not-found'
  | 'invalid-grant'
  | 'clock-skew'
  | 'network'
  | 'timeout'
  | 'rejected-file'
  | 'untrusted-token-uri'
  | 'other';

export type KeyVerification =
  | { ok: true; key: ServiceAccountKey; expiresAt: string | null }
  | { ok: false; kind: KeyVerificationFailure; message: string; reason?: KeyRejectionReason; key?: ServiceAccountKey };

export interface VerifyOptions {
  /** The request's deadline (default DEFAULT_REQUEST_DEADLINE_MS, electron/core/net/deadline.ts). */
  timeoutMs?: number;
  /** For CLOUDSDK_AUTH_TOKEN_HOST, the one token endpoint trusted besides Google's (token-endpoint.ts). */
  env?: NodeJS.ProcessEnv;
}

interface GaxiosLikeError {
  message?: string;
  code?: string | number;
  response?: { status?: number; data?: unknown };
}

export function classifyTokenError(
  error: unknown,
  key: ServiceAccountKey,
): { kind: KeyVerificationFailure; message: string } {
  const err = (error ?? {}) as GaxiosLikeError;
  const data = err.response?.data;
  const body = data !== null && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  const code = typeof body.error === 'string' ? body.error : '';
  const description =
    typeof body.error_description === 'string' ? body.error_description : (err.message ?? String(error));
  if (/Invalid JWT Signature/i.test(description)) {
    return {
      kind: 'key-disabled',
      message: `Google rejected the key's signature ("Invalid JWT Signature"): key ${key.keyId} of ${key.clientEmail} was deleted or disabled. Create a new key for the service account.`,
    };
  }
  if (/account not found/i.test(description)) {
    return {
      kind: 'account-not-found',
      message: `Google does not know ${key.clientEmail} (deleted service account?): ${description}`,
    };
  }
  if (/iat and exp|reasonable timeframe/i.test(description)) {
    return {
      kind: 'clock-skew',
      message: `Google rejected the token's time window; check this computer's clock (${description})`,
    };
  }
  if (code === 'invalid_grant') return { kind: 'invalid-grant', message: `Google refused the key: ${description}` };
  if (err.code === 'ETIMEDOUT' || err.code === 'ABORT_ERR' || /timeout|aborted/i.test(err.message ?? '')) {
    return { kind: 'timeout', message: `The token endpoint (${key.tokenUri}) did not answer in time` };
  }
  if (!err.response)
    return {
      kind: 'network',
      message: `Cannot reach the token endpoint ${key.tokenUri} (${err.message ?? String(error)})`,
    };
  return {
    kind: 'other',
    message: `The token endpoint answered HTTP ${err.response.status ?? '?'}: ${code ? `${code}: ` : ''}${description}`,
  };
}

export async function mintAccessToken(
  secret: ServiceAccountSecret,
  options: VerifyOptions = {},
): Promise<KeyVerification> {
  const { key, privateKeyPem } = secret;
  const endpoint = decideTokenEndpoint(key.tokenUri, options.env ?? {});
  if (!endpoint.trusted) return { ok: false, kind: 'untrusted-token-uri', message: endpoint.message, key };
  const client = new JWT({
    email: key.clientEmail,
    key: privateKeyPem,
    keyId: key.keyId,
    scopes: [CLOUD_PLATFORM_SCOPE],
  });
  const timeoutMs = options.timeoutMs ?? DEFAULT_REQUEST_DEADLINE_MS;
  let deadlineSignal: AbortSignal | undefined;
  client.transporter.interceptors.request.add({
    resolved: async (request) => {
      if (String(request.url) === GOOGLE_TOKEN_URI && key.tokenUri !== GOOGLE_TOKEN_URI)
        request.url = new URL(key.tokenUri);
      // A refused key is an answer, not a transient failure: do not retry it.
      request.retry = false;
      // gaxios turns `timeout` into a signal before interceptors run, so setting it here would
      // do nothing (node_modules/gaxios/build/cjs/src/gaxios.js, #appendTimeoutToSignal): the
      // deadline's own signal is what cancels the request.
      if (deadlineSignal) request.signal = deadlineSignal;
      return request;
    },
  });
  try {
    const credentials = await withDeadline(
      { host: hostOf(endpoint.url) },
      { requestTimeoutMs: timeoutMs },
      (signal) => {
        deadlineSignal = signal;
        return client.authorize();
      },
    );
    if (!credentials.access_token)
      return { ok: false, kind: 'other', message: 'The token endpoint answered without an access token', key };
    return {
      ok: true,
      key,
      expiresAt: credentials.expiry_date ? new Date(credentials.expiry_date).toISOString() : null,
    };
  } catch (error) {
    if (isNetworkTimeout(error)) return { ok: false, key, kind: 'timeout', message: error.message };
    return { ok: false, key, ...classifyTokenError(error, key) };
  }
}

/** Validates the file, then mints a token with it. */
export async function verifyKeyFile(path: string, options: VerifyOptions = {}): Promise<KeyVerification> {
  const validated = await readServiceAccountKeyFile(path);
  if (!validated.ok) return { ok: false, kind: 'rejected-file', reason: validated.reason, message: validated.message };
  return mintAccessToken(validated.secret, options);
}
