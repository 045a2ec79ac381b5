// Human wording for how long an identity has left, and when that wording next changes, so the
// window re-renders exactly then instead of on a polling tick. The words are the tray's own
// (electron/shared/time-words.ts).
import { formatDuration, formatTimeLeft, MINUTE, SECOND } from '../../../electron/shared/time-words';

export { formatDuration };

/** "expires in 2h 10m", "expires in 45s", "expired 3m ago", "expired just now"; null when unknown. */
export function formatExpiry(expiresAt: string | null, now: number): string | null {
  if (expiresAt === null) return null;
  const at = Date.parse(expiresAt);
  return Number.isNaN(at) ? null : formatTimeLeft(new Date(at), now);
}

/** "just now", "5m ago" for when something happened (minutes are enough for a check). */
export function formatSince(at: string, now: number): string {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) return 'at an unknown time';
  const ago = now - ms;
  return ago < MINUTE ? 'just now' : `${formatDuration(ago)} ago`;
}

/** "checked just now", "checked 5m ago". */
export function formatCheckedAt(checkedAt: string, now: number): string {
  return `checked ${formatSince(checkedAt, now)}`;
}

/**
 * Milliseconds until any of these expiry labels could read differently (waking early is
 * harmless, late is not), or null when none has a known expiry. Within a minute of its expiry a
 * label counts seconds; otherwise it changes only where the time crosses a whole minute.
 */
export function msUntilLabelsChange(expiries: Iterable<string | null>, now: number): number | null {
  let soonest: number | null = null;
  for (const expiresAt of expiries) {
    if (expiresAt === null) continue;
    const at = Date.parse(expiresAt);
    if (Number.isNaN(at)) continue;
    const wait = msUntilLabelChanges(at - now);
    if (soonest === null || wait < soonest) soonest = wait;
  }
  return soonest;
}

/** For one expiry `left` ms away (negative: past), matching formatExpiry's rounding. */
function msUntilLabelChanges(left: number): number {
  if (left > 0) {
    // Rounded down: "45m" turns "44m" one millisecond after exactly 45m are left; the last
    // second reads "1s" until the instant of expiry.
    const unit = left <= MINUTE ? SECOND : MINUTE;
    return Math.min((left % unit) + 1, left);
  }
  const ago = -left;
  const unit = ago < MINUTE ? SECOND : MINUTE;
  return unit - (ago % unit);
}
