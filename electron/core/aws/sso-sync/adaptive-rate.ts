// Client-side rate control for the SSO portal, which answers 429 TooManyRequestsException
// beyond a per-user request rate it does not publish. Every request takes a slot from a pacer
// whose rate adapts, AIMD style (as TCP congestion control):
// - slow start: until the first 429 the rate doubles about every second (+1 per success);
// - on a 429: the rate drops to `decrease` x the rate the service actually served over the
//   last second (not the rate we asked for, which overshoots), at most once per second so one
//   overshoot is not punished many times; a Retry-After from the service pauses every request;
// - afterwards: +`increasePerSecond` req/s for each second of successes, probing upwards slowly.
// Defaults (decrease 0.8, +1 req/s per second) were picked against the local token-bucket portal
// (test/bench/sso-sync.bench.ts): total time at the floor the limit sets (the bucket's burst
// covers the sawtooth's dips), with ~3% of attempts answered 429, each retried, none failed.
// Time is injectable for tests.

export interface AdaptiveRateOptions {
  /** Requests per second to start with. */
  initialRate?: number;
  minRate?: number;
  maxRate?: number;
  /** Factor applied on a 429 to the served rate. */
  decrease?: number;
  /** Additive increase, in requests per second, per second without a 429. */
  increasePerSecond?: number;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface AdaptiveRateStats {
  rate: number;
  throttled: number;
  decreases: number;
  slowStart: boolean;
}

const WINDOW_MS = 1000;

export class AdaptiveRateLimiter {
  private rateValue: number;
  private readonly minRate: number;
  private readonly maxRate: number;
  private readonly decrease: number;
  private readonly increasePerSecond: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private nextSlotAt = 0;
  private pausedUntil = 0;
  private lastDecreaseAt = Number.NEGATIVE_INFINITY;
  private inSlowStart = true;
  private throttledCount = 0;
  private decreaseCount = 0;
  /** Times of recent successes, to measure the rate the service serves. */
  private readonly successes: number[] = [];
  private readonly startedAt: number;

  constructor(options: AdaptiveRateOptions = {}) {
    this.rateValue = options.initialRate ?? 10;
    this.minRate = options.minRate ?? 0.5;
    this.maxRate = options.maxRate ?? 200;
    this.decrease = options.decrease ?? 0.8;
    this.increasePerSecond = options.increasePerSecond ?? 1;
    this.now = options.now ?? (() => performance.now());
    this.sleep = options.sleep ?? abortableSleep;
    this.startedAt = this.now();
  }

  get rate(): number {
    return this.rateValue;
  }

  stats(): AdaptiveRateStats {
    return {
      rate: this.rateValue,
      throttled: this.throttledCount,
      decreases: this.decreaseCount,
      slowStart: this.inSlowStart,
    };
  }

  /** Waits for this request's slot. Slots are spaced 1/rate apart; a pause delays them all. */
  async acquire(signal?: AbortSignal): Promise<void> {
    const now = this.now();
    const at = Math.max(now, this.nextSlotAt, this.pausedUntil);
    this.nextSlotAt = at + 1000 / this.rateValue;
    if (at > now) await this.sleep(at - now, signal);
  }

  onSuccess(): void {
    const now = this.now();
    this.successes.push(now);
    while ((this.successes[0] ?? now) < now - WINDOW_MS) this.successes.shift();
    // +1 per success doubles the rate each second; +k/rate per success adds k per second.
    const step = this.inSlowStart ? 1 : this.increasePerSecond / this.rateValue;
    this.rateValue = Math.min(this.maxRate, this.rateValue + step);
  }

  /** A 429. `retryAfterMs` is the service's Retry-After, when it sent one. */
  onThrottle(retryAfterMs: number | null): void {
    const now = this.now();
    this.throttledCount++;
    if (retryAfterMs !== null && retryAfterMs > 0) {
      this.pausedUntil = Math.max(this.pausedUntil, now + retryAfterMs);
    }
    if (now - this.lastDecreaseAt < WINDOW_MS) return;
    this.lastDecreaseAt = now;
    this.inSlowStart = false;
    this.decreaseCount++;
    const served = this.servedRate(now);
    const base = served === null ? this.rateValue : Math.min(this.rateValue, served);
    this.rateValue = Math.max(this.minRate, base * this.decrease);
    // Requests already given slots at the old rate would overshoot again: respace from now.
    this.nextSlotAt = Math.max(now, this.pausedUntil) + 1000 / this.rateValue;
  }

  /** Successes per second over the last window, or null when too little time has passed to say. */
  private servedRate(now: number): number | null {
    while ((this.successes[0] ?? now) < now - WINDOW_MS) this.successes.shift();
    const span = Math.min(WINDOW_MS, now - this.startedAt);
    if (span < WINDOW_MS / 4 || this.successes.length < 2) return null;
    return (this.successes.length * 1000) / span;
  }
}

/** Retry-After as seconds or an HTTP date (RFC 9110 10.2.3), in ms from `nowMs`; null if absent or unreadable. */
export function parseRetryAfter(value: string | undefined, nowMs: number = Date.now()): number | null {
  if (value === undefined || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
