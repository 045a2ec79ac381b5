import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IDENTITY_STATUSES, type IdentityStatus } from '../../../../electron/shared/model';
import {
  deadlinesOf,
  formatDuration,
  formatTimeLeft,
  nextDeadline,
  snapshotDeadline,
  statusFromExpiry,
  worstStatus,
} from '../../../../electron/core/identity/expiry';

const NOW = Date.parse('2026-11-26T12:00:00Z');
const MIN = 60_000;
const LEAD = 15 * MIN;
const at = (minutesFromNow: number): Date => new Date(NOW + minutesFromNow * MIN);

describe('statusFromExpiry', () => {
  it('is unknown without an expiry or with an invalid date', () => {
    expect(statusFromExpiry(null, NOW, LEAD)).toBe('unknown');
    expect(statusFromExpiry(new Date('not a date'), NOW, LEAD)).toBe('unknown');
  });

  it('is valid beyond the lead time, expiring within it, expired at and after the instant', () => {
    expect(statusFromExpiry(at(60), NOW, LEAD)).toBe('valid');
    expect(statusFromExpiry(new Date(NOW + LEAD + 1), NOW, LEAD)).toBe('valid');
    expect(statusFromExpiry(new Date(NOW + LEAD), NOW, LEAD)).toBe('expiring');
    expect(statusFromExpiry(at(1), NOW, LEAD)).toBe('expiring');
    expect(statusFromExpiry(new Date(NOW + 1), NOW, LEAD)).toBe('expiring');
    expect(statusFromExpiry(new Date(NOW), NOW, LEAD)).toBe('expired');
    expect(statusFromExpiry(at(-5), NOW, LEAD)).toBe('expired');
  });

  it('with no lead time goes straight from valid to expired', () => {
    expect(statusFromExpiry(new Date(NOW + 1), NOW, 0)).toBe('valid');
    expect(statusFromExpiry(new Date(NOW), NOW, 0)).toBe('expired');
  });
});

describe('deadlinesOf', () => {
  it('gives the instant it turns expiring, then the instant it expires', () => {
    const [expiring, expired] = deadlinesOf(at(60), LEAD);
    expect(expiring.toISOString()).toBe('2026-11-26T12:45:00.000Z');
    expect(expired.toISOString()).toBe('2026-11-26T13:00:00.000Z');
  });

  it('agrees with statusFromExpiry at each boundary', () => {
    const expiresAt = at(60);
    const [expiring, expired] = deadlinesOf(expiresAt, LEAD);
    expect(statusFromExpiry(expiresAt, expiring.getTime() - 1, LEAD)).toBe('valid');
    expect(statusFromExpiry(expiresAt, expiring.getTime(), LEAD)).toBe('expiring');
    expect(statusFromExpiry(expiresAt, expired.getTime() - 1, LEAD)).toBe('expiring');
    expect(statusFromExpiry(expiresAt, expired.getTime(), LEAD)).toBe('expired');
  });
});

describe('nextDeadline', () => {
  it('is null when nothing will change by time alone', () => {
    expect(nextDeadline([], NOW, LEAD)).toBeNull();
    expect(nextDeadline([null, new Date('bad'), at(-60)], NOW, LEAD)).toBeNull();
  });

  it('counts an instant that changes something by itself exactly, without a lead time', () => {
    // A registration ending in 20 minutes comes before the token's turn to "expiring" at 105.
    expect(nextDeadline([at(120)], NOW, LEAD, [at(20)])?.toISOString()).toBe(at(20).toISOString());
    expect(nextDeadline([at(30)], NOW, LEAD, [at(20), at(-5), null])?.toISOString()).toBe(at(15).toISOString());
    expect(nextDeadline([], NOW, LEAD, [at(-1), new Date('bad')])).toBeNull();
  });

  it('times a snapshot by its AWS expiries, its registration ends and the gcloud tokens together', () => {
    const aws = { expiries: [at(120)], refreshEnds: [at(90)] };
    expect(snapshotDeadline(aws, [], NOW, LEAD)?.toISOString()).toBe(at(90).toISOString());
    expect(
      snapshotDeadline(
        aws,
        [{ tokenExpiresAt: at(40).toISOString() }, { tokenExpiresAt: null }],
        NOW,
        LEAD,
      )?.toISOString(),
    ).toBe(at(25).toISOString());
    expect(aws.expiries).toHaveLength(1); // the caller's list is left as it was
  });

  it('picks the soonest future deadline across identities, including turning expiring', () => {
    expect(nextDeadline([at(120), at(30), null], NOW, LEAD)?.toISOString()).toBe(at(15).toISOString());
    // Already expiring: the next change is the expiry itself.
    expect(nextDeadline([at(10), at(120)], NOW, LEAD)?.toISOString()).toBe(at(10).toISOString());
  });

  it('is strictly after now, even when now sits exactly on a deadline', () => {
    expect(nextDeadline([at(15)], NOW, LEAD)?.toISOString()).toBe(at(15).toISOString());
    expect(nextDeadline([new Date(NOW + LEAD)], NOW, LEAD)?.getTime()).toBe(NOW + LEAD);
    expect(nextDeadline([new Date(NOW)], NOW, LEAD)).toBeNull();
  });

  it('property: statuses stay constant until the deadline and some status changes at it', () => {
    const minute = fc.integer({ min: -600, max: 600 });
    fc.assert(
      fc.property(
        fc.array(fc.option(minute), { maxLength: 8 }),
        minute,
        fc.integer({ min: 0, max: 120 }),
        (offsets, nowMin, leadMin) => {
          const expiries = offsets.map((o) => (o === null ? null : at(o)));
          const now = NOW + nowMin * MIN;
          const lead = leadMin * MIN;
          const statusesAt = (t: number) => expiries.map((e) => statusFromExpiry(e, t, lead));
          const deadline = nextDeadline(expiries, now, lead);
          const before = statusesAt(now);
          if (deadline === null) {
            // Nothing may change, however far ahead we look.
            expect(statusesAt(now + 10_000 * MIN)).toEqual(before);
            return;
          }
          expect(deadline.getTime()).toBeGreaterThan(now);
          expect(statusesAt(deadline.getTime() - 1)).toEqual(before);
          expect(statusesAt(deadline.getTime())).not.toEqual(before);
        },
      ),
    );
  });
});

describe('formatTimeLeft', () => {
  it.each([
    [NOW + 2 * 3600_000 + 10 * MIN, 'expires in 2h 10m'],
    [NOW + 2 * 3600_000 + 10 * MIN + 59_000, 'expires in 2h 10m'],
    [NOW + 2 * 3600_000, 'expires in 2h'],
    [NOW + 45_000, 'expires in 45s'],
    [NOW + 300, 'expires in 1s'],
    [NOW + 9 * MIN + 59_000, 'expires in 9m'],
    [NOW + 3 * 86_400_000 + 4 * 3600_000 + 7 * MIN, 'expires in 3d 4h'],
    [NOW + 86_400_000, 'expires in 1d'],
    [NOW - 3 * MIN, 'expired 3m ago'],
    [NOW - 3 * MIN - 30_000, 'expired 3m ago'],
    [NOW - 26 * 3600_000, 'expired 1d 2h ago'],
    [NOW, 'expired just now'],
    [NOW - 400, 'expired just now'],
  ])('at %s says %s', (t, text) => {
    expect(formatTimeLeft(new Date(t), NOW)).toBe(text);
  });

  it('formatDuration gives the bare amount for callers that word it themselves', () => {
    expect(formatDuration(130 * MIN)).toBe('2h 10m');
    expect(formatDuration(-130 * MIN)).toBe('2h 10m');
    expect(formatDuration(0)).toBe('0s');
  });
});

describe('worstStatus', () => {
  it('is null for no statuses', () => {
    expect(worstStatus([])).toBeNull();
  });

  it('orders error > expired > signed-out > expiring > unknown > valid > long-lived', () => {
    const order: IdentityStatus[] = ['error', 'expired', 'signed-out', 'expiring', 'unknown', 'valid', 'long-lived'];
    for (let i = 0; i < order.length; i++) {
      // The worst of everything from position i onwards is the one at i, in any order.
      const tail = order.slice(i);
      expect(worstStatus(tail)).toBe(order[i]);
      expect(worstStatus([...tail].reverse())).toBe(order[i]);
    }
    expect(new Set(order)).toEqual(new Set(IDENTITY_STATUSES));
  });

  it('property: the result is one of the inputs and does not depend on their order', () => {
    const status = fc.constantFrom(...IDENTITY_STATUSES);
    fc.assert(
      fc.property(fc.array(status, { minLength: 1, maxLength: 10 }), (statuses) => {
        const worst = worstStatus(statuses);
        expect(statuses).toContain(worst);
        expect(worstStatus([...statuses].reverse())).toBe(worst);
      }),
    );
  });
});
