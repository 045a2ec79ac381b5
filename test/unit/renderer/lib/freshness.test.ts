import { describe, expect, it } from 'vitest';
import { isNewerSnapshot, latestCheck } from '../../../../renderer/src/lib/freshness';
import type { IdentityCheck, Snapshot } from '../../../../electron/shared/model';

const snapshot = (generatedAt: string) => ({ generatedAt }) as Snapshot;
const check = (checkedAt: string): IdentityCheck => ({ profile: 'p', checkedAt, identity: null, error: null });

describe('freshness', () => {
  it('keeps the newer snapshot, taking the later arrival on a tie', () => {
    expect(isNewerSnapshot(snapshot('2026-01-01T00:00:01Z'), null)).toBe(true);
    expect(isNewerSnapshot(snapshot('2026-01-01T00:00:01Z'), snapshot('2026-01-01T00:00:02Z'))).toBe(false);
    expect(isNewerSnapshot(snapshot('2026-01-01T00:00:02Z'), snapshot('2026-01-01T00:00:02Z'))).toBe(true);
  });

  it('picks the latest identity check', () => {
    const older = check('2026-01-01T00:00:00Z');
    const newer = check('2026-01-01T00:05:00Z');
    expect(latestCheck(null, null)).toBeNull();
    expect(latestCheck(older, null)).toBe(older);
    expect(latestCheck(null, newer)).toBe(newer);
    expect(latestCheck(older, newer)).toBe(newer);
    expect(latestCheck(newer, older)).toBe(newer);
  });
});
