import { describe, expect, it } from 'vitest';
import { createGcpProbeTimer, GCP_REAUTH_PROBE_INTERVAL_MS } from '../../../../electron/core/app/gcp-probe-timer';

/** Timers the test runs by hand. */
class ManualTimers {
  private seq = 0;
  readonly pending = new Map<number, { fn: () => void; ms: number }>();
  setTimeout = (fn: () => void, ms: number): unknown => {
    this.pending.set(++this.seq, { fn, ms });
    return this.seq;
  };
  clearTimeout = (handle: unknown): void => {
    this.pending.delete(handle as number);
  };
  /** Fires every pending timer once. */
  fireAll(): void {
    const due = [...this.pending];
    this.pending.clear();
    for (const [, timer] of due) timer.fn();
  }
  delays(): number[] {
    return [...this.pending.values()].map((t) => t.ms);
  }
}

function setup() {
  const timers = new ManualTimers();
  let probes = 0;
  const timer = createGcpProbeTimer({
    probe: async () => {
      probes++;
    },
    clock: timers,
  });
  return { timers, timer, probes: () => probes };
}

describe('createGcpProbeTimer', () => {
  it('probes on the first account seen, even none, then every few hours with one timer', () => {
    const { timers, timer, probes } = setup();
    timer.activeAccountIs(null);
    expect(probes()).toBe(1);
    expect(timers.delays()).toEqual([GCP_REAUTH_PROBE_INTERVAL_MS]);
    timers.fireAll();
    timers.fireAll();
    expect(probes()).toBe(3);
    expect(timers.pending.size).toBe(1);
  });

  it('probes again at once when the active account changes, and not when it stays', () => {
    const { timers, timer, probes } = setup();
    timer.activeAccountIs('me@example.com');
    timer.activeAccountIs('me@example.com');
    expect(probes()).toBe(1);
    timer.activeAccountIs('you@example.com');
    expect(probes()).toBe(2);
    // The switch restarted the interval: still one timer.
    expect(timers.pending.size).toBe(1);
  });

  it('ignores a failed probe and keeps the schedule', () => {
    const timers = new ManualTimers();
    let probes = 0;
    const timer = createGcpProbeTimer({
      probe: () => Promise.reject(new Error(`offline ${++probes}`)),
      clock: timers,
      intervalMs: 1000,
    });
    timer.activeAccountIs('me@example.com');
    timers.fireAll();
    expect(probes).toBe(2);
    expect(timers.delays()).toEqual([1000]);
  });

  it('stops for good', () => {
    const { timers, timer, probes } = setup();
    timer.activeAccountIs('me@example.com');
    timer.stop();
    expect(timers.pending.size).toBe(0);
    timer.activeAccountIs('you@example.com');
    expect(probes()).toBe(1);
    expect(timers.pending.size).toBe(0);
  });
});
