import { describe, expect, it } from 'vitest';
import { formatCheckedAt, formatDuration, formatSince, formatExpiry, msUntilLabelsChange } from '../../../renderer/src/lib/time-left';

const NOW = Date.parse('2026-11-26T12:00:00Z');
const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('formatDuration', () => {
  it('uses the two largest units', () => {
    expect(formatDuration(2 * 60 * MIN + 10 * MIN)).toBe('2h 10m');
    expect(formatDuration(3 * 24 * 60 * MIN + 4 * 60 * MIN)).toBe('3d 4h');
    expect(formatDuration(45 * MIN)).toBe('45m');
    expect(formatDuration(2 * 60 * MIN)).toBe('2h');
    expect(formatDuration(24 * 60 * MIN)).toBe('1d');
  });

  it('rounds up to whole minutes so a countdown never reads 0', () => {
    expect(formatDuration(1)).toBe('1m');
    expect(formatDuration(2 * 60 * MIN + 9 * MIN + 1)).toBe('2h 10m');
  });
});

describe('formatExpiry', () => {
  it('says how long is left', () => {
    expect(formatExpiry(iso(NOW + 130 * MIN), NOW)).toBe('expires in 2h 10m');
  });

  it('says how long ago it expired', () => {
    expect(formatExpiry(iso(NOW - 5 * MIN - 30_000), NOW)).toBe('expired 5m ago');
    expect(formatExpiry(iso(NOW - 10_000), NOW)).toBe('expired moments ago');
    expect(formatExpiry(iso(NOW), NOW)).toBe('expired moments ago');
  });

  it('returns null for unknown or unreadable expiries', () => {
    expect(formatExpiry(null, NOW)).toBeNull();
    expect(formatExpiry('not a date', NOW)).toBeNull();
  });
});

describe('formatCheckedAt', () => {
  it('reads naturally', () => {
    expect(formatCheckedAt(iso(NOW - 20_000), NOW)).toBe('checked just now');
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
    expect(msUntilLabelsChange([iso(NOW + 130 * MIN + 20_000), iso(NOW + 5 * MIN + 40_000)], NOW)).toBe(20_000);
    expect(msUntilLabelsChange([iso(NOW - 2 * MIN - 15_000)], NOW)).toBe(45_000);
  });

  it('waits a full minute on a boundary and never less than a second', () => {
    expect(msUntilLabelsChange([iso(NOW + 3 * MIN)], NOW)).toBe(MIN);
    expect(msUntilLabelsChange([iso(NOW + 3 * MIN + 10)], NOW)).toBe(1000);
  });

  it('is consistent with formatExpiry: the label changes exactly after the wait', () => {
    const expiresAt = iso(NOW + 17 * MIN + 12_345);
    const wait = msUntilLabelsChange([expiresAt], NOW);
    expect(wait).not.toBeNull();
    const before = formatExpiry(expiresAt, NOW + (wait ?? 0) - 1);
    const after = formatExpiry(expiresAt, NOW + (wait ?? 0));
    expect(before).toBe(formatExpiry(expiresAt, NOW));
    expect(after).not.toBe(before);
  });
});
