import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatTimeLeft } from '../../../../electron/core/identity/expiry';
import {
  formatCheckedAt,
  formatDuration,
  formatExpiry,
  formatSince,
  msUntilLabelsChange,
} from '../../../../renderer/src/lib/time-left';

const NOW = Date.parse('2026-11-26T12:00:00Z');
const SEC = 1000;
const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('formatDuration', () => {
  it('uses the two largest units, rounded down', () => {
    expect(formatDuration(130 * MIN)).toBe('2h 10m');
    expect(formatDuration(130 * MIN - 1)).toBe('2h 9m');
    expect(formatDuration((3 * 24 + 4) * 60 * MIN)).toBe('3d 4h');
    expect(formatDuration(45 * MIN)).toBe('45m');
    expect(formatDuration(120 * MIN)).toBe('2h');
    expect(formatDuration(24 * 60 * MIN)).toBe('1d');
    expect(formatDuration(45 * SEC + 999)).toBe('45s');
  });
});

describe('formatExpiry', () => {
  it('says how long is left', () => {
    expect(formatExpiry(iso(NOW + 130 * MIN), NOW)).toBe('expires in 2h 10m');
    expect(formatExpiry(iso(NOW + 1), NOW)).toBe('expires in 1s');
  });

  it('says how long ago it expired', () => {
    expect(formatExpiry(iso(NOW - 5 * MIN - 30 * SEC), NOW)).toBe('expired 5m ago');
    expect(formatExpiry(iso(NOW - 10 * SEC), NOW)).toBe('expired 10s ago');
    expect(formatExpiry(iso(NOW), NOW)).toBe('expired just now');
  });

  it('returns null for unknown or unreadable expiries', () => {
    expect(formatExpiry(null, NOW)).toBeNull();
    expect(formatExpiry('not a date', NOW)).toBeNull();
  });

  it('reads exactly as the tray does (the core formatTimeLeft)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -40 * 86_400_000, max: 40 * 86_400_000 }), (offset) => {
        const at = NOW + offset;
        expect(formatExpiry(iso(at), NOW)).toBe(formatTimeLeft(new Date(at), NOW));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('formatSince', () => {
  it('reads naturally', () => {
    expect(formatCheckedAt(iso(NOW - 20 * SEC), NOW)).toBe('checked just now');
    expect(formatCheckedAt(iso(NOW - 75 * MIN), NOW)).toBe('checked 1h 15m ago');
    expect(formatCheckedAt('garbage', NOW)).toBe('checked at an unknown time');
    expect(formatSince(iso(NOW - 3 * MIN), NOW)).toBe('3m ago');
  });
});

describe('msUntilLabelsChange', () => {
  it('is null without any known expiry', () => {
    expect(msUntilLabelsChange([null, 'nonsense'], NOW)).toBeNull();
  });

  it('finds the soonest minute boundary across expiries', () => {
    expect(msUntilLabelsChange([iso(NOW + 130 * MIN + 20 * SEC), iso(NOW + 5 * MIN + 40 * SEC)], NOW)).toBe(
      20 * SEC + 1,
    );
    expect(msUntilLabelsChange([iso(NOW - 2 * MIN - 15 * SEC)], NOW)).toBe(45 * SEC);
    // Exactly 3m left reads "3m" now and "2m" a millisecond later.
    expect(msUntilLabelsChange([iso(NOW + 3 * MIN)], NOW)).toBe(1);
  });

  it('counts seconds within a minute of an expiry', () => {
    expect(msUntilLabelsChange([iso(NOW + 30 * SEC + 250)], NOW)).toBe(251);
    expect(msUntilLabelsChange([iso(NOW + 400)], NOW)).toBe(400);
    expect(msUntilLabelsChange([iso(NOW - 10 * SEC)], NOW)).toBe(SEC);
  });

  it('never lets a label change unseen: the label is constant until the wait ends', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -3 * 3_600_000, max: 3 * 3_600_000 }),
        fc.integer({ min: 0, max: 120_000 }),
        (offset, probe) => {
          const expiresAt = iso(NOW + offset);
          const wait = msUntilLabelsChange([expiresAt], NOW);
          expect(wait).not.toBeNull();
          const before = formatExpiry(expiresAt, NOW);
          // Any instant strictly before the wait ends reads the same as now.
          const inside = NOW + Math.min(probe, (wait ?? 1) - 1);
          expect(formatExpiry(expiresAt, inside)).toBe(before);
          // And it does not wake for nothing where labels count minutes.
          if (Math.abs(offset) >= 2 * MIN) expect(formatExpiry(expiresAt, NOW + (wait ?? 0))).not.toBe(before);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
