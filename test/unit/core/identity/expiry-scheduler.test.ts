import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextDeadline } from '../../../../electron/core/identity/expiry';
import {
  createExpiryScheduler,
  MAX_TIMER_DELAY_MS,
  type SchedulerClock,
} from '../../../../electron/core/identity/expiry-scheduler';

/**
 * A clock whose wall time (what `now()` says) and timer time (monotonic, what setTimeout counts)
 * can drift apart, as they do across sleep and clock changes.
 */
class FakeClock implements SchedulerClock {
  wall: number;
  mono = 0;
  private seq = 0;
  readonly timers = new Map<number, { due: number; fn: () => void }>();
  maxPending = 0;
  armedDelays: number[] = [];

  constructor(wall: number) {
    this.wall = wall;
  }
  now(): number {
    return this.wall;
  }
  setTimeout(fn: () => void, ms: number): unknown {
    const id = ++this.seq;
    this.timers.set(id, { due: this.mono + ms, fn });
    this.armedDelays.push(ms);
    this.maxPending = Math.max(this.maxPending, this.timers.size);
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  get pending(): number {
    return this.timers.size;
  }
  /** Let `ms` pass on both clocks, running timers as they come due. */
  advance(ms: number): void {
    const end = this.mono + ms;
    for (;;) {
      let soonest: [number, { due: number; fn: () => void }] | null = null;
      for (const entry of this.timers)
        if (entry[1].due <= end && (!soonest || entry[1].due < soonest[1].due)) soonest = entry;
      if (!soonest) break;
      const [id, timer] = soonest;
      this.wall += timer.due - this.mono;
      this.mono = timer.due;
      this.timers.delete(id);
      timer.fn();
    }
    this.wall += end - this.mono;
    this.mono = end;
  }
  /** The wall clock is set, or the machine slept: timers do not notice. */
  jumpWall(ms: number): void {
    this.wall += ms;
  }
}

const T0 = Date.parse('2026-11-26T12:00:00Z');
const MIN = 60_000;

/** A scheduler driven like the core drives it: on each deadline, schedule the next one. */
function harness(expiries: Date[], leadMs = 15 * MIN) {
  const clock = new FakeClock(T0);
  const fired: number[] = [];
  const scheduler = createExpiryScheduler({
    clock,
    onDeadline: () => {
      fired.push(clock.now());
      scheduler.schedule(nextDeadline(expiries, clock.now(), leadMs));
    },
  });
  scheduler.schedule(nextDeadline(expiries, clock.now(), leadMs));
  return { clock, fired, scheduler };
}

describe('createExpiryScheduler', () => {
  it('arms one timer for the deadline and fires at it, not before', () => {
    const clock = new FakeClock(T0);
    const fired: number[] = [];
    const scheduler = createExpiryScheduler({ clock, onDeadline: () => fired.push(clock.now()) });
    scheduler.schedule(new Date(T0 + 30 * MIN));
    expect(clock.pending).toBe(1);
    clock.advance(30 * MIN - 1);
    expect(fired).toEqual([]);
    clock.advance(1);
    expect(fired).toEqual([T0 + 30 * MIN]);
    // Nothing was scheduled after it: no timer is left behind, and nothing fires again.
    expect(clock.pending).toBe(0);
    clock.advance(24 * 60 * MIN);
    expect(fired).toHaveLength(1);
  });

  it('walks through every deadline in order with never more than one timer', () => {
    const { clock, fired } = harness([new Date(T0 + 60 * MIN), new Date(T0 + 20 * MIN), new Date(T0 + 20 * MIN)]);
    clock.advance(3 * 60 * MIN);
    expect(fired).toEqual([T0 + 5 * MIN, T0 + 20 * MIN, T0 + 45 * MIN, T0 + 60 * MIN]);
    expect(clock.maxPending).toBe(1);
    expect(clock.pending).toBe(0);
  });

  it('is idempotent: scheduling the same deadline again keeps the one timer', () => {
    const clock = new FakeClock(T0);
    const scheduler = createExpiryScheduler({ clock, onDeadline: () => {} });
    for (let i = 0; i < 100; i++) scheduler.schedule(new Date(T0 + 10 * MIN));
    expect(clock.armedDelays).toEqual([10 * MIN]);
    expect(clock.pending).toBe(1);
  });

  it('re-arms for a new deadline and disarms for null', () => {
    const clock = new FakeClock(T0);
    const fired: number[] = [];
    const scheduler = createExpiryScheduler({ clock, onDeadline: () => fired.push(clock.now()) });
    scheduler.schedule(new Date(T0 + 10 * MIN));
    scheduler.schedule(new Date(T0 + 5 * MIN));
    expect(clock.pending).toBe(1);
    clock.advance(5 * MIN);
    expect(fired).toEqual([T0 + 5 * MIN]);
    scheduler.schedule(new Date(T0 + 20 * MIN));
    scheduler.schedule(null);
    expect(clock.pending).toBe(0);
    clock.advance(60 * MIN);
    expect(fired).toHaveLength(1);
  });

  it('clamps a far deadline to the largest timer delay and re-arms until it is reached', () => {
    const clock = new FakeClock(T0);
    const fired: number[] = [];
    const scheduler = createExpiryScheduler({ clock, onDeadline: () => fired.push(clock.now()) });
    const far = T0 + 90 * 24 * 60 * MIN; // 90 days: an SSO registration
    scheduler.schedule(new Date(far));
    expect(clock.armedDelays[0]).toBe(MAX_TIMER_DELAY_MS);
    clock.advance(89 * 24 * 60 * MIN);
    expect(fired).toEqual([]);
    expect(clock.pending).toBe(1);
    clock.advance(24 * 60 * MIN);
    expect(fired).toEqual([far]);
    expect(clock.maxPending).toBe(1);
  });

  it('survives the wall clock jumping back: the early timer re-arms instead of firing', () => {
    const { clock, fired } = harness([new Date(T0 + 60 * MIN)], 0);
    clock.advance(10 * MIN);
    clock.jumpWall(-2 * 60 * MIN); // wall now T0-110m, timer still due at mono 60m
    clock.advance(50 * MIN); // timer fires at wall T0-60m: too early
    expect(fired).toEqual([]);
    expect(clock.pending).toBe(1);
    clock.advance(2 * 60 * MIN);
    expect(fired).toEqual([T0 + 60 * MIN]);
    expect(clock.maxPending).toBe(1);
  });

  it('survives the wall clock jumping forward: the late timer still fires once, and reevaluate() catches it at once', () => {
    const late = harness([new Date(T0 + 60 * MIN)], 0);
    late.clock.jumpWall(3 * 60 * MIN);
    late.clock.advance(60 * MIN); // timer fires at wall T0+4h: past the deadline, announced once
    expect(late.fired).toEqual([T0 + 4 * 60 * MIN]);
    expect(late.clock.pending).toBe(0);

    const resumed = harness([new Date(T0 + 60 * MIN), new Date(T0 + 5 * 60 * MIN)], 0);
    resumed.clock.jumpWall(3 * 60 * MIN); // asleep for 3 h
    resumed.scheduler.reevaluate(); // powerMonitor 'resume'
    expect(resumed.fired).toEqual([T0 + 3 * 60 * MIN]);
    expect(resumed.clock.pending).toBe(1);
    resumed.clock.advance(2 * 60 * MIN);
    expect(resumed.fired).toEqual([T0 + 3 * 60 * MIN, T0 + 5 * 60 * MIN]);
    expect(resumed.clock.maxPending).toBe(1);
  });

  it('reevaluate() calls onDeadline once and re-arms the current deadline with a fresh delay', () => {
    const clock = new FakeClock(T0);
    let calls = 0;
    const scheduler = createExpiryScheduler({ clock, onDeadline: () => calls++ });
    scheduler.schedule(new Date(T0 + 60 * MIN));
    clock.jumpWall(20 * MIN);
    scheduler.reevaluate();
    expect(calls).toBe(1);
    expect(clock.pending).toBe(1);
    expect(clock.armedDelays.at(-1)).toBe(40 * MIN);
    clock.advance(40 * MIN);
    expect(calls).toBe(2);
  });

  it('does not spin when a caller hands back a deadline that already passed', () => {
    const clock = new FakeClock(T0);
    let calls = 0;
    const scheduler = createExpiryScheduler({
      clock,
      onDeadline: () => {
        calls++;
        scheduler.schedule(new Date(T0 + MIN)); // a buggy caller: the same, now past, deadline
      },
    });
    scheduler.schedule(new Date(T0 + MIN));
    clock.advance(10 * MIN);
    expect(calls).toBe(1);
    expect(clock.pending).toBe(0);
  });

  it('keeps working when onDeadline throws', () => {
    const clock = new FakeClock(T0);
    const scheduler = createExpiryScheduler({
      clock,
      onDeadline: () => {
        throw new Error('boom');
      },
    });
    scheduler.schedule(new Date(T0 + 60 * MIN));
    clock.jumpWall(10 * MIN);
    expect(() => scheduler.reevaluate()).toThrow('boom');
    expect(clock.pending).toBe(1);
  });

  it('dispose() clears the timer and ignores later calls', () => {
    const clock = new FakeClock(T0);
    let calls = 0;
    const scheduler = createExpiryScheduler({ clock, onDeadline: () => calls++ });
    scheduler.schedule(new Date(T0 + MIN));
    scheduler.dispose();
    expect(clock.pending).toBe(0);
    scheduler.schedule(new Date(T0 + 2 * MIN));
    scheduler.reevaluate();
    clock.advance(10 * MIN);
    expect(calls).toBe(0);
    expect(clock.pending).toBe(0);
  });

  it('property: under any mix of waits, clock jumps, resumes and reschedules there is at most one timer, and no deadline is announced early', () => {
    const step = fc.oneof(
      fc.record({ op: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 120 * MIN }) }),
      fc.record({ op: fc.constant('jump' as const), ms: fc.integer({ min: -180 * MIN, max: 180 * MIN }) }),
      fc.record({ op: fc.constant('reevaluate' as const), ms: fc.constant(0) }),
      fc.record({ op: fc.constant('schedule' as const), ms: fc.integer({ min: -30 * MIN, max: 300 * MIN }) }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -60, max: 600 }), { maxLength: 6 }),
        fc.array(step, { maxLength: 30 }),
        (offsets, steps) => {
          const expiries = offsets.map((m) => new Date(T0 + m * MIN));
          const clock = new FakeClock(T0);
          const early: Array<{ at: number; target: number }> = [];
          let target: number | null = null; // the deadline most recently handed to schedule()
          let reevaluating = false;
          const schedule = (d: Date | null): void => {
            target = d ? d.getTime() : null;
            scheduler.schedule(d);
          };
          const scheduler = createExpiryScheduler({
            clock,
            onDeadline: () => {
              // Only reevaluate() may announce before the deadline; a timer never may.
              if (!reevaluating && (target === null || clock.now() < target))
                early.push({ at: clock.now(), target: target ?? NaN });
              schedule(nextDeadline(expiries, clock.now(), 15 * MIN));
            },
          });
          schedule(nextDeadline(expiries, clock.now(), 15 * MIN));
          for (const s of steps) {
            if (s.op === 'advance') clock.advance(s.ms);
            else if (s.op === 'jump') clock.jumpWall(s.ms);
            else if (s.op === 'schedule') schedule(new Date(T0 + s.ms));
            else {
              reevaluating = true;
              scheduler.reevaluate();
              reevaluating = false;
            }
            expect(clock.pending).toBeLessThanOrEqual(1);
            // Whenever a future deadline is set, a timer is waiting for it.
            if (target !== null && target > clock.now()) expect(clock.pending).toBe(1);
          }
          expect(clock.maxPending).toBeLessThanOrEqual(1);
          expect(early).toEqual([]);
        },
      ),
    );
  });
});
