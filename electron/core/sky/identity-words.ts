// SkyPilot identities and the age of an STS answer, in words for the notes people read (instead
// of the Python lists SkyPilot prints). The shapes: sky/clouds/aws.py `get_user_identities`
// ([UserId, Account]) and sky/clouds/gcp.py (`<account> [project_id=<p>]`), see sky-owner.ts.
import { cleanOwnerElement, splitGcpIdentity } from './sky-owner';

const ACCOUNT = /^\d{12}$/;

/** An AWS UserId: `AIDA…` an IAM user, `AROA…:<session>` a role session, an account id the root user. */
function awsPrincipal(userId: string): string {
  if (ACCOUNT.test(userId)) return 'the root user';
  if (userId.startsWith('AIDA')) return `IAM user ${userId}`;
  if (userId.startsWith('AROA')) return `role session ${userId}`;
  return `user ${userId}`;
}

/** `IAM user AIDA… in account 111122223333`, `me@example.com in project ml-prod`. */
export function identityInWords(identity: readonly string[], cloud: 'aws' | 'gcp'): string {
  const parts = identity.map(cleanOwnerElement);
  const [first = '', second] = parts;
  if (cloud === 'gcp' && parts.length === 1) {
    const gcp = splitGcpIdentity(first);
    return gcp ? `${gcp.account} in project ${gcp.project}` : first;
  }
  if (cloud === 'aws' && parts.length === 2 && second !== undefined && ACCOUNT.test(second))
    return `${awsPrincipal(first)} in account ${second}`;
  if (cloud === 'aws' && parts.length === 1) return ACCOUNT.test(first) ? `account ${first}` : awsPrincipal(first);
  return parts.join(', ');
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * `verified 5m ago`, `verified 2h ago`, `verified 3d ago`: the largest unit only, in the words of
 * electron/shared/time-words.ts, so a note stays true for a while after it is written.
 */
export function verifiedAgo(at: string, now: number): string {
  const ms = now - Date.parse(at);
  if (Number.isNaN(ms)) return 'verified at an unknown time';
  if (ms < MINUTE) return 'verified just now';
  if (ms < HOUR) return `verified ${Math.floor(ms / MINUTE)}m ago`;
  if (ms < DAY) return `verified ${Math.floor(ms / HOUR)}h ago`;
  return `verified ${Math.floor(ms / DAY)}d ago`;
}

/** The first instant after `now` at which verifiedAgo(at, ·) reads differently. */
export function verifiedAgoChangesAt(at: string, now: number): number {
  const then = Date.parse(at);
  if (Number.isNaN(then)) return Infinity;
  const ms = now - then;
  if (ms < MINUTE) return then + MINUTE; // "just now", an answer from the future too
  const unit = ms < HOUR ? MINUTE : ms < DAY ? HOUR : DAY;
  return then + (Math.floor(ms / unit) + 1) * unit;
}
