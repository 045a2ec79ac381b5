// Silent refresh in the running app: on every snapshot (a token file changed, or a deadline
// passed) and at the instant the keeper asks for, review every SSO session with
// SsoSessionKeeper and refresh the ones that are due. One timer, never polling. When a session
// cannot be refreshed, its notice ("log in before HH:MM") goes to listeners once per token; when
// the identity provider does not answer, listeners hear it once and the keeper backs off.
import { readSsoTokenSummary } from '../aws/sso-token-cache';
import { refreshSsoSession, type RefreshOutcome } from '../aws/sso-login/refresh';
import {
  SsoSessionKeeper,
  type CannotRefreshNotice,
  type KeptSession,
  type UnreachableNotice,
} from '../aws/sso-login/session-keeper';
import { ssoCacheDir, type SsoSessionRef } from '../aws/sso-login/sso-session-ref';
import type { Snapshot } from '../../shared/model';
import type { Core } from './core';
import { sessionRefOf } from './sso-login-service';

export interface SsoKeeperServiceOptions {
  core: Core;
  now?: () => Date;
  /** Defaults to the shared single-flight refresh over the core's env and home. */
  refresh?: (session: SsoSessionRef) => Promise<RefreshOutcome>;
  /** The default refresh's request deadline (electron/core/net/deadline.ts); tests pass a short one. */
  requestTimeoutMs?: number;
  /**
   * How long before a session dies its "cannot refresh" notice is shown (default: the lead time
   * setting, at least 30 minutes), so a login without a refresh token is not followed at once by
   * a warning hours ahead.
   */
  noticeLeadMs?: () => number;
  /** Timers (tests pass fakes); default setTimeout / clearTimeout. */
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface SsoKeeperService {
  start(): void;
  stop(): void;
  /** Review now (also what each snapshot and the timer do); resolves when the review ran. */
  review(): Promise<void>;
  onNotice(listener: (notice: CannotRefreshNotice) => void): () => void;
  onRefreshed(listener: (outcome: RefreshOutcome) => void): () => void;
  /** A refresh found the identity provider silent or down: once until a refresh succeeds. */
  onUnreachable(listener: (notice: UnreachableNotice) => void): () => void;
  /** When the next timed review is due (null: none until a file changes). */
  nextReviewAt(): Date | null;
}

/** setTimeout's limit (2^31-1 ms, about 24.8 days): a later wake-up is re-armed on the way. */
const MAX_TIMER_MS = 2_147_483_647;

export function createSsoKeeperService(options: SsoKeeperServiceOptions): SsoKeeperService {
  const { core } = options;
  const now = options.now ?? (() => new Date());
  const setTimer = options.setTimer ?? ((callback: () => void, ms: number) => setTimeout(callback, ms));
  const clearTimer = options.clearTimer ?? ((handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  const refresh =
    options.refresh ??
    ((session: SsoSessionRef) =>
      refreshSsoSession({
        session,
        cacheDir: ssoCacheDir(core.context.homeDir),
        env: core.context.env,
        ...(options.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: options.requestTimeoutMs }),
      }));
  const keeper = new SsoSessionKeeper({ refresh, now });
  const noticeLeadMs = options.noticeLeadMs ?? (() => Math.max(core.settings().leadTimeMinutes, 30) * 60_000);
  /** Notices raised by the keeper, held until their time; dropped when the token changes. */
  let held: CannotRefreshNotice[] = [];
  const noticeListeners = new Set<(notice: CannotRefreshNotice) => void>();
  const refreshListeners = new Set<(outcome: RefreshOutcome) => void>();
  const unreachableListeners = new Set<(notice: UnreachableNotice) => void>();
  let timer: unknown = null;
  let wakeAt: Date | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = true;
  let unsubscribe: (() => void) | null = null;

  const arm = (at: Date | null): void => {
    if (timer !== null) clearTimer(timer);
    timer = null;
    wakeAt = at;
    if (at === null || stopped) return;
    const wait = Math.min(Math.max(0, at.getTime() - now().getTime()), MAX_TIMER_MS);
    timer = setTimer(() => {
      timer = null;
      void review();
    }, wait);
  };

  const sessionsOf = async (snapshot: Snapshot): Promise<KeptSession[]> => {
    const at = now().getTime();
    const kept = await Promise.all(
      snapshot.aws.ssoSessions.map(async (s): Promise<KeptSession | null> => {
        const session = sessionRefOf(s);
        if (session === null) return null;
        const read = await readSsoTokenSummary(s.cacheFile, at);
        const token = read.token;
        // Only sso-session tokens are ever refreshed (botocore, the CLI): a legacy one cannot be.
        const summary =
          token === null
            ? null
            : {
                expiresAt: token.expiresAt,
                refreshable: token.refreshable && !s.legacy,
                registrationExpiresAt: token.registrationExpiresAt,
              };
        return { session, summary };
      }),
    );
    return kept.filter((k): k is KeptSession => k !== null);
  };

  const reviewOnce = async (): Promise<void> => {
    const sessions = await sessionsOf(core.snapshot());
    const result = await keeper.review(sessions);
    if (stopped) return;
    for (const outcome of result.refreshed) for (const listener of refreshListeners) listener(outcome);
    for (const notice of result.unreachable) for (const listener of unreachableListeners) listener(notice);
    // Hold each notice until shortly before its session dies; forget it if the token changed.
    const tokenOf = new Map(sessions.map((k) => [k.session.name, k.summary?.expiresAt.getTime() ?? null]));
    held = [...held, ...result.notices].filter((n) => tokenOf.get(n.session) === n.expiresAt.getTime());
    const at = now().getTime();
    const lead = noticeLeadMs();
    const due = held.filter((n) => n.expiresAt.getTime() - lead <= at);
    held = held.filter((n) => !due.includes(n));
    const wake = [result.nextReviewAt?.getTime() ?? null, ...held.map((n) => n.expiresAt.getTime() - lead)].filter(
      (t): t is number => t !== null,
    );
    arm(wake.length === 0 ? null : new Date(Math.min(...wake)));
    for (const notice of due) for (const listener of noticeListeners) listener(notice);
    // A refresh rewrote a token file: read it now rather than after the watcher's debounce.
    if (result.refreshed.length > 0) await core.reload().catch(() => undefined);
  };

  /** One review at a time; a snapshot during a review asks for one more after it. */
  const review = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await reviewOnce().catch((error: unknown) => {
            // A review failing (a file unreadable mid-write) must not stop the next one.
            console.error('SSO session review failed:', error);
            arm(new Date(now().getTime() + 60_000));
          });
        } while (again && !stopped);
      } finally {
        running = null;
      }
    })();
    return running;
  };

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      unsubscribe = core.onSnapshot(() => void review());
      void review();
    },
    stop() {
      stopped = true;
      unsubscribe?.();
      unsubscribe = null;
      arm(null);
    },
    review,
    onNotice(listener) {
      noticeListeners.add(listener);
      return () => noticeListeners.delete(listener);
    },
    onRefreshed(listener) {
      refreshListeners.add(listener);
      return () => refreshListeners.delete(listener);
    },
    onUnreachable(listener) {
      unreachableListeners.add(listener);
      return () => unreachableListeners.delete(listener);
    },
    nextReviewAt: () => wakeAt,
  };
}

/** "Cannot refresh SSO session corp: log in before 14:05." */
export function describeNotice(
  notice: CannotRefreshNotice,
  formatTime: (at: Date) => string,
): { title: string; body: string } {
  const why =
    notice.cause === 'refused'
      ? 'the identity provider refused to renew it'
      : notice.cause === 'registration-expired'
        ? 'its client registration expired'
        : 'it has no refresh token';
  return {
    title: `SSO session ${notice.session} will sign out`,
    body: `Cannot refresh: ${why}. Log in before ${formatTime(notice.expiresAt)} to keep its profiles working.`,
  };
}

/** "Cannot refresh SSO session corp: oidc.eu-west-1.amazonaws.com did not answer ...; retrying later." */
export function describeUnreachable(notice: UnreachableNotice): { title: string; body: string } {
  return {
    title: `Cannot refresh SSO session ${notice.session}`,
    body: `${notice.message} The app will try again later.`,
  };
}
