import { describe, expect, it } from 'vitest';
import { AdaptiveRateLimiter, parseRetryAfter } from '../../../../../electron/core/aws/sso-sync/adaptive-rate';

/** A virtual clock: sleep() advances it, so the limiter runs deterministically and instantly. */
function virtualClock(): { now: () => number; sleep: (ms: number) => Promise<void> } {
  let t = 0;
  return {
    now: () => t,
    sleep: async (ms) => {
      t += ms;
    },
  };
}

/** The portal's token bucket on the same virtual clock. */
function bucket(clock: { now: () => number }, ratePerSecond: number, burst: number): () => boolean {
  let tokens = burst;
  let last = clock.now();
  return () => {
    const now = clock.now();
    tokens = Math.min(burst, tokens + ((now - last) / 1000) * ratePerSecond);
    last = now;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
}

describe('AdaptiveRateLimiter', () => {
  it('converges on a rate-limited service: most attempts succeed and throughput nears the limit', async () => {
    const clock = virtualClock();
    const limiter = new AdaptiveRateLimiter({ now: clock.now, sleep: clock.sleep });
    const allow = bucket(clock, 20, 20);
    let ok = 0;
    let throttled = 0;
    while (ok < 2000) {
      await limiter.acquire();
      if (allow()) {
        ok++;
        limiter.onSuccess();
      } else {
        throttled++;
        limiter.onThrottle(null);
      }
    }
    const seconds = clock.now() / 1000;
    const floor = (2000 - 20) / 20; // the bucket's burst is free
    expect(seconds / floor).toBeLessThan(1.15);
    expect(throttled / (ok + throttled)).toBeLessThan(0.05);
    expect(limiter.rate).toBeGreaterThan(12);
    expect(limiter.rate).toBeLessThan(26);
  });

  it('doubles per second in slow start and leaves it on the first 429', async () => {
    const clock = virtualClock();
    const limiter = new AdaptiveRateLimiter({ initialRate: 4, now: clock.now, sleep: clock.sleep });
    for (let i = 0; i < 4; i++) {
      await limiter.acquire();
      limiter.onSuccess();
    }
    expect(limiter.rate).toBe(8);
    expect(limiter.stats().slowStart).toBe(true);
    limiter.onThrottle(null);
    expect(limiter.stats().slowStart).toBe(false);
    expect(limiter.rate).toBeLessThan(8);
  });

  it('decreases once per window however many 429s a single overshoot causes', async () => {
    const clock = virtualClock();
    const limiter = new AdaptiveRateLimiter({ initialRate: 10, now: clock.now, sleep: clock.sleep });
    limiter.onThrottle(null);
    const after = limiter.rate;
    limiter.onThrottle(null);
    limiter.onThrottle(null);
    expect(limiter.rate).toBe(after);
    expect(limiter.stats()).toMatchObject({ throttled: 3, decreases: 1 });
    await clock.sleep(1001);
    limiter.onThrottle(null);
    expect(limiter.rate).toBeLessThan(after);
  });

  it('pauses every request for the Retry-After the service asked for', async () => {
    const clock = virtualClock();
    const limiter = new AdaptiveRateLimiter({ initialRate: 100, now: clock.now, sleep: clock.sleep });
    await limiter.acquire();
    limiter.onThrottle(3000);
    await limiter.acquire();
    expect(clock.now()).toBeGreaterThanOrEqual(3000);
  });

  it('never goes under its minimum rate', () => {
    let t = 0;
    const limiter = new AdaptiveRateLimiter({ initialRate: 1, minRate: 0.5, now: () => t });
    for (let i = 0; i < 20; i++) {
      t += 2000;
      limiter.onThrottle(null);
    }
    expect(limiter.rate).toBe(0.5);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, and nothing else', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter(' 0.5 ')).toBe(500);
    expect(parseRetryAfter('Thu, 26 Nov 2026 05:00:10 GMT', Date.parse('2026-11-26T05:00:00Z'))).toBe(10_000);
    expect(parseRetryAfter(undefined)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
  });
});
