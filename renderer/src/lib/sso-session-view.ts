// What the window says about one SSO session: how long its access token and the session itself
// have left, whether it renews silently, and which of Log in / Log out / Refresh make sense.
// Pure, so it is unit-tested without a browser.
import type { SsoSession } from '../shared-types';
import { formatDuration, formatExpiry } from './time-left';

export interface SessionTimes {
  /** "Access token expires in 42m", "Not signed in". */
  token: string;
  /**
   * How long the session can last without a browser sign-in, where the cache says: the client
   * registration's end when the token refreshes (the refresh token's own life is not in the cache),
   * else the access token's end. Null when there is nothing to add to `token`.
   */
  session: string | null;
  /** "Renews silently" or why not. */
  renewal: string;
}

export function sessionTimes(session: SsoSession, now: number): SessionTimes {
  const token = session.status === 'signed-out' ? 'Not signed in' : tokenLine(session.expiresAt, now);
  if (session.status === 'signed-out') return { token, session: null, renewal: 'Log in to use its profiles' };
  if (session.legacy) return { token, session: null, renewal: 'Legacy profile: renews only with a browser sign-in' };
  if (!session.refreshable) return { token, session: null, renewal: 'Renews only with a browser sign-in' };
  const ends = session.registrationExpiresAt === null ? Number.NaN : Date.parse(session.registrationExpiresAt);
  const expires = session.expiresAt === null ? Number.NaN : Date.parse(session.expiresAt);
  const line =
    Number.isNaN(ends) || (!Number.isNaN(expires) && ends <= expires)
      ? null
      : `Session lasts up to ${formatDuration(ends - now)} more without a browser sign-in`;
  return { token, session: line, renewal: 'Token refreshes without a browser' };
}

function tokenLine(expiresAt: string | null, now: number): string {
  const text = formatExpiry(expiresAt, now);
  return text === null ? 'Access token expiry unknown' : `Access token ${text}`;
}

export interface SessionActions {
  canLogIn: boolean;
  canLogOut: boolean;
  canRefresh: boolean;
  /** Sync and "add profile" need an [sso-session] (legacy profiles have none) and a live token. */
  canConfigure: boolean;
  /** Why "Log in" is not possible, when it is not. */
  loginBlocked: string | null;
}

export function sessionActions(session: SsoSession): SessionActions {
  const signedIn = session.status !== 'signed-out';
  const configured = session.startUrl !== null && session.region !== null;
  const missing = [
    session.startUrl === null ? 'sso_start_url' : null,
    session.region === null ? 'sso_region' : null,
  ].filter((s) => s !== null);
  return {
    canLogIn: configured,
    canLogOut: signedIn,
    canRefresh: signedIn && session.refreshable && !session.legacy,
    canConfigure: !session.legacy && configured,
    loginBlocked: configured ? null : `The session has no ${missing.join(' and ')}.`,
  };
}

/** "Code expires in 9m" for a login prompt. */
export function promptExpiry(expiresAt: string, now: number): string {
  const at = Date.parse(expiresAt);
  if (Number.isNaN(at)) return '';
  return at > now ? `expires in ${formatDuration(at - now)}` : 'expired';
}
