// Keeps SSO sessions alive: on each review (a cache file changed, or the time it asked for came)
// it refreshes the sessions that are due, remembers attempts so no session is tried more than
// once a minute, and raises each "cannot refresh" notice once per token, so the app can tell
// the user to log in before the session dies. It never polls: it returns when to look again.
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

export interface SessionReview {
  /** Refreshes done during this review. */
  refreshed: RefreshOutcome[];
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
    let next: number | null = null;
    const later = (at: Date): void => {
      next = next === null ? at.getTime() : Math.min(next, at.getTime());
    };

    await Promise.all(
      sessions.map(async ({ session, summary }) => {
        const memory = this.remember(session.name, summary);
        let plan = planRefresh(summary, this.now(), memory.history, this.policy);
        if (plan.action === 'refresh-now') {
          const outcome = await this.deps.refresh(session);
          const refused = outcome.status === 'cannot-refresh' && outcome.reason === 'refused';
          memory.history = recordRefreshAttempt(this.now(), refused);
          if (outcome.status === 'refreshed' || outcome.status === 'superseded') {
            refreshed.push(outcome);
            return; // the file changed: the watcher brings the new summary and another review
          }
          if (outcome.status === 'failed') {
            later(new Date(this.now().getTime() + this.policy.minIntervalMs));
            return;
          }
          plan = summary ? { action: 'cannot-refresh', cause: causeOf(outcome.reason), expiresAt: summary.expiresAt } : plan;
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
    return { refreshed, notices, nextReviewAt: next === null ? null : new Date(next) };
  }

  private remember(name: string, summary: RefreshInput): Memory {
    const tokenExpiresAt = summary ? summary.expiresAt.getTime() : null;
    const known = this.memory.get(name);
    if (known && known.tokenExpiresAt === tokenExpiresAt) return known;
    // A different token (login, refresh by another tool): keep the attempt time, forget the refusal.
    const fresh: Memory = {
      history: { lastAttemptAt: known?.history.lastAttemptAt ?? null, lastRefused: false },
      tokenExpiresAt,
      noticed: known?.noticed ?? new Set(),
    };
    this.memory.set(name, fresh);
    return fresh;
  }
}

function causeOf(reason: 'no-token' | 'no-refresh-token' | 'registration-expired' | 'refused'): CannotRefreshCause {
  return reason === 'no-token' ? 'no-refresh-token' : reason;
}
