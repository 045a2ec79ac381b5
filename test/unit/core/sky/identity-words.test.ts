import { describe, expect, it } from 'vitest';
import { identityInWords, verifiedAgo, verifiedAgoChangesAt } from '../../../../electron/core/sky/identity-words';

describe('verifiedAgo', () => {
  const at = '2026-12-07T12:00:00.000Z';
  const after = (ms: number): number => Date.parse(at) + ms;
  it('says the largest unit only', () => {
    expect(verifiedAgo(at, after(59_000))).toBe('verified just now');
    expect(verifiedAgo(at, after(5 * 60_000 + 59_000))).toBe('verified 5m ago');
    expect(verifiedAgo(at, after(2 * 3_600_000 + 59 * 60_000))).toBe('verified 2h ago');
    expect(verifiedAgo(at, after(3 * 86_400_000 + 23 * 3_600_000))).toBe('verified 3d ago');
    expect(verifiedAgo('not a time', after(0))).toBe('verified at an unknown time');
  });
});

describe('verifiedAgoChangesAt', () => {
  const at = '2026-12-07T12:00:00.000Z';
  const start = Date.parse(at);
  it('is the first instant the words differ: the same before it, different at it', () => {
    // Ages from before the answer (a clock behind) to past a month, at awkward offsets.
    for (let age = -90_000; age < 40 * 86_400_000; age = Math.ceil(Math.abs(age) * 1.37) + 7_919) {
      const now = start + age;
      const changes = verifiedAgoChangesAt(at, now);
      expect(changes).toBeGreaterThan(now);
      expect(verifiedAgo(at, changes - 1)).toBe(verifiedAgo(at, now));
      expect(verifiedAgo(at, changes)).not.toBe(verifiedAgo(at, now));
    }
  });
  it('never changes for a time it cannot read', () => {
    expect(verifiedAgoChangesAt('not a time', start)).toBe(Infinity);
  });
});

describe('identityInWords', () => {
  it('says SkyPilot identities without their list syntax', () => {
    expect(identityInWords(['AIDAALICE00000000001', '111122223333'], 'aws')).toBe(
      'IAM user AIDAALICE00000000001 in account 111122223333',
    );
    expect(identityInWords(['AROAROLE000000000001:me', '111122223333'], 'aws')).toBe(
      'role session AROAROLE000000000001:me in account 111122223333',
    );
    expect(identityInWords(['111122223333', '111122223333'], 'aws')).toBe('the root user in account 111122223333');
    expect(identityInWords(['AIDAALICE00000000001'], 'aws')).toBe('IAM user AIDAALICE00000000001');
    // gcloud leaves line breaks and backslashes in stored owners; SkyPilot strips them, and so do the words.
    expect(identityInWords(['me@example.com [project_id=ml-prod]\n'], 'gcp')).toBe('me@example.com in project ml-prod');
  });
});
