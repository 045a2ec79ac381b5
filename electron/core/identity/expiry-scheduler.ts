// Wakes the app exactly when some status changes by the passage of time, and at no other time:
// one timer, armed for the next deadline only. No polling loop (Leapp wakes every 10 s for this).
//
// Timers run on a monotonic clock but deadlines are wall-clock instants, and the two drift apart
// when the machine sleeps or the clock is set. So a timer that fires checks the wall clock and
// re-arms if it is early; the shell calls `reevaluate()` on resume and on clock changes, which
// is the only way to learn that a deadline passed while the timer was still waiting.

export interface SchedulerClock {
  /** Wall-clock milliseconds (Date.now). */
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface ExpiryScheduler {
  /** Arm for `deadline` (or disarm with null). Same deadline again: nothing changes. */
  schedule(deadline: Date | null): void;
  /** The clock may have jumped (resume from sleep, time change): recompute now, then re-arm. */
  reevaluate(): void;
  /** Disarm for good; later calls do nothing. */
  dispose(): void;
}

/** setTimeout's largest delay; longer ones fire immediately in Node and browsers. */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

export const systemClock: SchedulerClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function createExpiryScheduler(opts: { clock?: SchedulerClock; onDeadline: () => void }): ExpiryScheduler {
  const clock = opts.clock ?? systemClock;
  let target: number | null = null;
  let handle: unknown = null;
  let armed = false;
  let disposed = false;
  // The deadline we last announced, so that a caller handing back a deadline that has already
  // passed cannot make us announce it again and again in a tight loop.
  let announced: number | null = null;

  const disarm = (): void => {
    if (armed) clock.clearTimeout(handle);
    armed = false;
    handle = null;
  };

  const arm = (): void => {
    disarm();
    if (disposed || target === null) return;
    if (target === announced && target <= clock.now()) return;
    const delay = Math.min(Math.max(0, target - clock.now()), MAX_TIMER_DELAY_MS);
    armed = true;
    handle = clock.setTimeout(fire, delay);
  };

  const announce = (): void => {
    try {
      opts.onDeadline();
    } finally {
      // onDeadline usually calls schedule() with the next deadline; if it did not, keep waiting
      // for the one we have (or stay quiet if it was the one just announced).
      if (!armed) arm();
    }
  };

  function fire(): void {
    armed = false;
    handle = null;
    if (disposed || target === null) return;
    if (clock.now() < target) {
      // Early: the delay was clamped, or the wall clock went back while we waited.
      arm();
      return;
    }
    announced = target;
    announce();
  }

  return {
    schedule(deadline) {
      if (disposed) return;
      const next = deadline === null || Number.isNaN(deadline.getTime()) ? null : deadline.getTime();
      if (next === target && armed) return;
      target = next;
      arm();
    },
    reevaluate() {
      if (disposed) return;
      disarm();
      if (target !== null && target <= clock.now()) announced = target;
      announce();
    },
    dispose() {
      disposed = true;
      target = null;
      disarm();
    },
  };
}
