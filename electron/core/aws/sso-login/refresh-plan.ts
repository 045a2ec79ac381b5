// When to refresh an SSO session, as a pure function of what the token cache says and of the
// last attempt. botocore and the CLI refresh inside 15 minutes (mandatory at 10), at most once a
// minute; the app starts at 30 minutes so they never have to, and schedules the next check
// instead of polling.
import type { SsoTokenSummary } from '../sso-token-cache';

/** What planning needs from the cache summary (see sso-token-cache.ts); null when no token. */
export type RefreshInput = Pick<SsoTokenSummary, 'expiresAt' | 'refreshable' | 'registrationExpiresAt'> | null;

export interface RefreshHistory {
  lastAttemptAt: Date | null;
  /** The last attempt was refused by the identity provider (invalid grant, revoked...). */
  lastRefused: boolean;
}

export interface RefreshPolicy {
  /** Refresh when less than this remains. */
  windowMs: number;
  /** At most one attempt per session in this span. */
  minIntervalMs: number;
  /** Refresh at least this long before the registration (client secret) expires. */
  registrationMarginMs: number;
}

export const DEFAULT_REFRESH_POLICY: RefreshPolicy = {
  windowMs: 30 * 60 * 1000,
  minIntervalMs: 60 * 1000,
  registrationMarginMs: 5 * 60 * 1000,
};

export type CannotRefreshCause = 'no-refresh-token' | 'registration-expired' | 'refused';

export type RefreshPlan =
  | { action: 'none'; reason: 'no-token' | 'expired' }
  /** Nothing to do until `at` (schedule a check then). */
  | { action: 'later'; at: Date }
  | { action: 'refresh-now' }
  /** The session will die at `expiresAt` and only a login saves it: tell the user (once). */
  | { action: 'cannot-refresh'; cause: CannotRefreshCause; expiresAt: Date };

export function planRefresh(
  summary: RefreshInput,
  now: Date,
  history: RefreshHistory = { lastAttemptAt: null, lastRefused: false },
  policy: RefreshPolicy = DEFAULT_REFRESH_POLICY,
): RefreshPlan {
  if (!summary) return { action: 'none', reason: 'no-token' };
  const { expiresAt, registrationExpiresAt } = summary;
  const t = now.getTime();
  const dead = expiresAt.getTime() <= t;
  if (!summary.refreshable || !registrationExpiresAt) {
    if (dead) return { action: 'none', reason: 'expired' };
    const registrationDead = registrationExpiresAt !== null && registrationExpiresAt.getTime() <= t;
    return {
      action: 'cannot-refresh',
      cause: registrationDead ? 'registration-expired' : 'no-refresh-token',
      expiresAt,
    };
  }
  if (history.lastRefused)
    return dead ? { action: 'none', reason: 'expired' } : { action: 'cannot-refresh', cause: 'refused', expiresAt };
  // An expired access token can still be refreshed while the refresh token and registration live.
  const due = Math.min(
    expiresAt.getTime() - policy.windowMs,
    registrationExpiresAt.getTime() - policy.registrationMarginMs,
  );
  if (t < due) return { action: 'later', at: new Date(due) };
  if (history.lastAttemptAt) {
    const nextAllowed = history.lastAttemptAt.getTime() + policy.minIntervalMs;
    if (t < nextAllowed) return { action: 'later', at: new Date(nextAllowed) };
  }
  return { action: 'refresh-now' };
}

/** The history after an attempt: `refused` when the identity provider said no for good. */
export function recordRefreshAttempt(at: Date, refused: boolean): RefreshHistory {
  return { lastAttemptAt: at, lastRefused: refused };
}

export interface SessionLifetime {
  accessTokenExpiresAt: Date;
  /**
   * The latest the session can last without a new login: the client registration's expiry when
   * the token can be refreshed (the refresh token's own life, set by the administrator's session
   * duration, is not in the cache), else the access token's expiry.
   */
  sessionEndsBy: Date;
}

export function sessionLifetime(summary: NonNullable<RefreshInput>): SessionLifetime {
  const ends = summary.refreshable && summary.registrationExpiresAt ? summary.registrationExpiresAt : summary.expiresAt;
  return {
    accessTokenExpiresAt: summary.expiresAt,
    sessionEndsBy: ends.getTime() < summary.expiresAt.getTime() ? summary.expiresAt : ends,
  };
}
