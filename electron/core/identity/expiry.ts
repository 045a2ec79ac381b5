// Pure time arithmetic for identities: what a known expiry means at an instant, when that meaning
// next changes, and how to say it in a few words. No clock is read here: `now` is always passed in,
// so the same functions serve the live app, the scheduler, the CLI and the tests.
import type { IdentityStatus } from '../../shared/model';

/** The statuses that follow from an expiry time alone. */
export type TimedStatus = Extract<IdentityStatus, 'valid' | 'expiring' | 'expired' | 'unknown'>;

function isValidDate(d: Date | null): d is Date {
  return d !== null && !Number.isNaN(d.getTime());
}

/**
 * The status of a credential that expires at `expiresAt`, seen at `now`.
 * The boundaries match `deadlinesOf`: at exactly `expiresAt - leadMs` it is already expiring, and at
 * exactly `expiresAt` it is already expired (botocore and the CLI also treat "no time left" as gone).
 */
export function statusFromExpiry(expiresAt: Date | null, now: number, leadMs: number): TimedStatus {
  if (!isValidDate(expiresAt)) return 'unknown';
  const t = expiresAt.getTime();
  if (t <= now) return 'expired';
  if (t - now <= Math.max(0, leadMs)) return 'expiring';
  return 'valid';
}

/** The two instants at which an expiry changes status: it turns expiring, then expired. */
export function deadlinesOf(expiresAt: Date, leadMs: number): [Date, Date] {
  const t = expiresAt.getTime();
  return [new Date(t - Math.max(0, leadMs)), new Date(t)];
}

/**
 * The soonest instant strictly after `now` at which any of `expiries` changes status, or any of
 * `changes` comes (instants that change something themselves, without a lead time: the end of an
 * SSO client registration), or null when nothing will change by the passage of time alone.
 * Invalid dates and nulls never change, so they are skipped.
 */
export function nextDeadline(
  expiries: Iterable<Date | null>,
  now: number,
  leadMs: number,
  changes: Iterable<Date | null> = [],
): Date | null {
  let best = Infinity;
  for (const expiresAt of expiries) {
    if (!isValidDate(expiresAt)) continue;
    for (const deadline of deadlinesOf(expiresAt, leadMs)) {
      const t = deadline.getTime();
      if (t > now && t < best) best = t;
    }
  }
  for (const at of changes) {
    if (!isValidDate(at)) continue;
    const t = at.getTime();
    if (t > now && t < best) best = t;
  }
  return best === Infinity ? null : new Date(best);
}

/**
 * A snapshot's next deadline: its AWS expiries and registration ends, and gcloud's token expiries.
 * The core and `cloudid status --json` (from what it remembered) both time a document with this.
 */
export function snapshotDeadline(
  aws: { expiries: readonly Date[]; refreshEnds: readonly Date[] },
  gcpAccounts: readonly { tokenExpiresAt: string | null }[],
  now: number,
  leadMs: number,
): Date | null {
  const expiries: Date[] = aws.expiries.slice();
  for (const account of gcpAccounts) if (account.tokenExpiresAt) expiries.push(new Date(account.tokenExpiresAt));
  return nextDeadline(expiries, now, leadMs, aws.refreshEnds);
}

export { formatDuration, formatTimeLeft } from '../../shared/time-words';

/**
 * Most urgent first, for one icon that stands for many identities:
 * - error: the configuration itself is broken; no login will fix it, so it must never be hidden.
 * - expired: work that uses it fails right now.
 * - signed-out: also fails now, but it is often a session the user has not used yet, so an
 *   expired one (something that was working) is the more pressing news.
 * - expiring: works now, will fail soon: the one status that asks for action before trouble.
 * - unknown: nothing is known to be wrong, but nothing is known to be right either.
 * - valid: fine for now.
 * - long-lived: static keys never expire by time; the least to say.
 */
const URGENCY: readonly IdentityStatus[] = [
  'error',
  'expired',
  'signed-out',
  'expiring',
  'unknown',
  'valid',
  'long-lived',
];

/** A comparator, most urgent first (for sorting lists the same way the icon is chosen). */
export function compareUrgency(a: IdentityStatus, b: IdentityStatus): number {
  return URGENCY.indexOf(a) - URGENCY.indexOf(b);
}

/** The most urgent of `statuses`, or null when there are none. */
export function worstStatus(statuses: Iterable<IdentityStatus>): IdentityStatus | null {
  let worst: IdentityStatus | null = null;
  for (const status of statuses) {
    if (worst === null || compareUrgency(status, worst) < 0) worst = status;
  }
  return worst;
}
