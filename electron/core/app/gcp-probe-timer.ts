// When to ask Google whether gcloud's user credentials still refresh ("Reauthentication is
// needed" under a session-control policy): at start, whenever the active account changes, and a
// few times a day while it does not. One timer, re-armed after each probe.
import { systemClock, type SchedulerClock } from '../identity/expiry-scheduler';

/** "A few times a day": user credentials under a session-control policy last 1–24 h. */
export const GCP_REAUTH_PROBE_INTERVAL_MS = 6 * 3_600_000;

export interface GcpProbeTimer {
  /** The active account now (null: none). A change since the last call, or the first call, probes now. */
  activeAccountIs(account: string | null): void;
  /** No more probes; later calls do nothing. */
  stop(): void;
}

export interface GcpProbeTimerOptions {
  /** Runs a probe; a rejection is ignored (the next one may succeed). */
  probe(): Promise<void>;
  intervalMs?: number;
  clock?: Pick<SchedulerClock, 'setTimeout' | 'clearTimeout'>;
}

export function createGcpProbeTimer(options: GcpProbeTimerOptions): GcpProbeTimer {
  const clock = options.clock ?? systemClock;
  const intervalMs = options.intervalMs ?? GCP_REAUTH_PROBE_INTERVAL_MS;
  // undefined until the first call, so that the first call always probes, even for no account.
  let probedAccount: string | null | undefined;
  let handle: unknown = null;
  let stopped = false;

  const disarm = (): void => {
    if (handle !== null) clock.clearTimeout(handle);
    handle = null;
  };
  const run = (): void => {
    options.probe().catch(() => undefined);
    handle = stopped ? null : clock.setTimeout(run, intervalMs);
  };

  return {
    activeAccountIs(account) {
      if (stopped || account === probedAccount) return;
      probedAccount = account;
      disarm();
      run();
    },
    stop() {
      stopped = true;
      disarm();
    },
  };
}
