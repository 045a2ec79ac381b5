import { isNetworkTimeout } from '../../net/deadline';
import type { SsoLoginFlow } from './sso-session-ref';

/** What the user must see to approve a login; never a secret. */
export interface LoginPrompt {
  session: string;
  flow: SsoLoginFlow;
  /** The device code to compare in the browser; null for PKCE. */
  userCode: string | null;
  verificationUri: string;
  /** The URL to open: device page with the code filled in, or the PKCE authorize URL. */
  verificationUriComplete: string;
  /** When the code or the wait for the browser runs out (ISO 8601 UTC). */
  expiresAt: string;
}

export type LoginFailureReason =
  'cancelled' | 'code-expired' | 'denied' | 'timeout' | 'state-mismatch' | 'network' | 'service';

export interface LoginSuccess {
  status: 'logged-in';
  session: string;
  flow: SsoLoginFlow;
  expiresAt: string;
  /** True when the service returned a refresh token: the app can keep the session alive. */
  refreshable: boolean;
  cacheFile: string;
}

export interface LoginFailure {
  status: 'failed';
  session: string;
  reason: LoginFailureReason;
  message: string;
}

export type LoginOutcome = LoginSuccess | LoginFailure;

/** Thrown inside a flow, turned into a LoginFailure at its edge. */
export class SsoLoginError extends Error {
  constructor(
    readonly reason: LoginFailureReason,
    message: string,
  ) {
    super(message);
    this.name = 'SsoLoginError';
  }
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/** Maps whatever a flow threw to a reason and a message with no secret in it. */
export function toLoginFailure(session: string, error: unknown): LoginFailure {
  if (error instanceof SsoLoginError)
    return { status: 'failed', session, reason: error.reason, message: error.message };
  if (isNetworkTimeout(error)) return { status: 'failed', session, reason: 'network', message: error.message };
  const named = error as { name?: string; code?: string; message?: string; error_description?: string };
  const fail = (reason: LoginFailureReason, message: string): LoginFailure => ({
    status: 'failed',
    session,
    reason,
    message,
  });
  switch (named.name) {
    case 'AbortError':
      return fail('cancelled', 'Login cancelled.');
    case 'AccessDeniedException':
      return fail('denied', 'The login was denied in the browser.');
    case 'ExpiredTokenException':
      return fail('code-expired', 'The login code expired before it was approved. Start the login again.');
    case 'InvalidGrantException':
      return fail(
        'denied',
        `The identity provider refused the grant${named.error_description ? `: ${named.error_description}` : '.'}`,
      );
    default:
      break;
  }
  if (named.code !== undefined && NETWORK_CODES.has(named.code)) {
    return fail('network', `Cannot reach the identity provider (${named.code}).`);
  }
  const detail = named.error_description ?? named.message ?? String(error);
  return fail('service', `${named.name ?? 'Error'}: ${detail}`);
}
