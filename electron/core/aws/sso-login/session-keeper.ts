// Keeps SSO sessions alive: on each review (a cache file changed, or the time it asked for came)
// it refreshes the sessions that are due, remembers attempts so no session is tried more than
// once a minute, and raises each "cannot refresh" notice once per token, so the app can tell
// the user to log in before the session dies. It never polls: it returns when to look again.
// A refresh that fails (no answer, a server error) is retried with backoff: 1, 2, 4... minutes,
// at most MAX_RETRY_BACKOFF_MS, and an unreachable identity provider is reported once a streak.
import {
  DEFAULT_REFRESH_POLICY,
  planRefresh,
  recordRefreshAttempt,
  type CannotRefreshCause,
  type RefreshHistory,
  type RefreshInput,
  type RefreshPolicy,
} from './refresh-plan';
import type { RefreshOutcome } from './refresh';
import type { SsoSessionRef } from './sso-session-ref';

export interface KeptSession {
  session: SsoSessionRef;
  /** From the token cache (sso-token-cache.ts readSsoTokenSummary); null when logged out. */
  summary: RefreshInput;
}

export interface CannotRefreshNotice {
  session: string;
  cause: CannotRefreshCause;
  /** When the access token, and so every profile of the session, stops working. */
  expiresAt: Date;
}

/** A refresh that could not reach the identity provider, the first of a streak of failures. */
export interface UnreachableNotice {
  session: string;
  /** One sentence naming the host and what to check (NetworkTimeoutError in electron/core/net/deadline.ts). */
  message: string;
}

/** The longest wait between two failed refreshes of one session. */
export const MAX_RETRY_BACKOFF_MS = 16 * 60 * 1000;

export interface SessionReview {
  /** Refreshes done during this review. */
  refreshed: RefreshOutcome[];
  /** New only: a session's refresh found the network silent or down (once until one succeeds). */
  unreachable: UnreachableNotice[];
  /** New notices only: each (session, cause, token) is reported once. */
  notices: CannotRefreshNotice[];
  /** Review again at this instant (null: nothing is scheduled until a file changes). */
  nextReviewAt: Date | null;
}

export interface SessionKeeperDeps {
  refresh: (session: SsoSessionRef) => Promise<RefreshOutcome>;
  now?: () => Date;
  policy?: RefreshPolicy;
}

interface Memory {
  history: RefreshHistory;
  /** The token the history belongs to: a new login (another expiry) starts afresh. */
  tokenExpiresAt: number | null;
  noticed: Set<string>;
  /** Failed refreshes in a row, and when the next may be tried. */
  failures: number;
  retryAt: Date | null;
}

export class SsoSessionKeeper {
  private readonly memory = new Map<string, Memory>();
  private readonly now: () => Date;
  private readonly policy: RefreshPolicy;

  constructor(private readonly deps: SessionKeeperDeps) {
    this.now = deps.now ?? (() => new Date());
    this.policy = deps.policy ?? DEFAULT_REFRESH_POLICY;
  }

  async review(sessions: readonly KeptSession[]): Promise<SessionReview> {
    const refreshed: RefreshOutcome[] = [];
    const notices: CannotRefreshNotice[] = [];
    const unreachable: UnreachableNotice[] = [];
    let next: number | null = null;
    const later = (at: Date): void => {
      next = next === null ? at.getTime() : Math.min(next, at.getTime());
    };

    await Promise.all(
      sessions.map(async ({ session, summary }) => {
        const memory = this.remember(session.name, summary);
        let plan = planRefresh(summary, this.now(), memory.history, this.policy);
        const retryAt = memory.retryAt;
        if (retryAt && this.now().getTime() < retryAt.getTime()) {
          // Backing off after failures: neither a refresh nor a review before retryAt.
          if (plan.action === 'refresh-now' || (plan.action === 'later' && plan.at.getTime() < retryAt.getTime()))
            plan = { action: 'later', at: retryAt };
        }
        if (plan.action === 'refresh-now') {
          const outcome = await this.deps.refresh(session);
          const refused = outcome.status === 'cannot-refresh' && outcome.reason === 'refused';
          memory.history = recordRefreshAttempt(this.now(), refused);
          if (outcome.status === 'refreshed' || outcome.status === 'superseded') {
            memory.failures = 0;
            memory.retryAt = null;
            refreshed.push(outcome);
            return; // the file changed: the watcher brings the new summary and another review
          }
          if (outcome.status === 'failed') {
            if (outcome.reason === 'cancelled') {
              later(new Date(this.now().getTime() + this.policy.minIntervalMs));
              return;
            }
            memory.failures += 1;
            if (memory.failures === 1 && outcome.reason === 'network')
              unreachable.push({ session: session.name, message: outcome.message });
            const wait = Math.min(this.policy.minIntervalMs * 2 ** (memory.failures - 1), MAX_RETRY_BACKOFF_MS);
            memory.retryAt = new Date(this.now().getTime() + wait);
            later(memory.retryAt);
            return;
          }
          memory.failures = 0;
          memory.retryAt = null;
          plan = summary
            ? { action: 'cannot-refresh', cause: causeOf(outcome.reason), expiresAt: summary.expiresAt }
            : plan;
        }
        if (plan.action === 'later') later(plan.at);
        if (plan.action === 'cannot-refresh') {
          const key = `${plan.cause}@${plan.expiresAt.getTime()}`;
          if (!memory.noticed.has(key)) {
            memory.noticed.add(key);
            notices.push({ session: session.name, cause: plan.cause, expiresAt: plan.expiresAt });
          }
        }
      }),
    );
    for (const name of [...this.memory.keys()]) {
      if (!sessions.some((s) => s.session.name === name)) this.memory.delete(name);
    }
    return { refreshed, notices, unreachable, nextReviewAt: next === null ? null : new Date(next) };
  }

  private remember(name: string, summary: RefreshInput): Memory {
    const tokenExpiresAt = summary ? summary.expiresAt.getTime() : null;
    const known = this.memory.get(name);
    if (known && known.tokenExpiresAt === tokenExpiresAt) return known;
    // A different token (login, refresh by another tool): keep the attempt time, forget the refusal.
    // A new token (a login, another tool's refresh) reached the provider: the failure streak ends.
    const fresh: Memory = {
      history: { lastAttemptAt: known?.history.lastAttemptAt ?? null, lastRefused: false },
      tokenExpiresAt,
      noticed: known?.noticed ?? new Set(),
      failures: 0,
      retryAt: null,
    };
    this.memory.set(name, fresh);
    return fresh;
  }
}

function causeOf(reason: 'no-token' | 'no-refresh-token' | 'registration-expired' | 'refused'): CannotRefreshCause {
  return reason === 'no-token' ? 'no-refresh-token' : reason;
}
