// Human wording for how long an identity has left, and when that wording next changes, so the
// window re-renders exactly then instead of on a polling tick. The words are the tray's own
// (electron/core/identity/expiry.ts formatTimeLeft); a unit test holds the two to each other,
// since the renderer may not import the core.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A duration in its two largest units, rounded down: "45s", "9m", "2h 10m", "3d 4h". A countdown
 * rounds down so it never promises more time than is left.
 */
export function formatDuration(ms: number): string {
  const abs = Math.max(0, Math.floor(Math.abs(ms)));
  if (abs < MINUTE) return `${Math.floor(abs / SECOND)}s`;
  if (abs < HOUR) return `${Math.floor(abs / MINUTE)}m`;
  if (abs < DAY) {
    const h = Math.floor(abs / HOUR);
    const m = Math.floor((abs % HOUR) / MINUTE);
    return m === 0 ? `${h}h` : `${h}h ${m}m`;
  }
  const d = Math.floor(abs / DAY);
  const h = Math.floor((abs % DAY) / HOUR);
  return h === 0 ? `${d}d` : `${d}d ${h}h`;
}

/** "expires in 2h 10m", "expires in 45s", "expired 3m ago", "expired just now"; null when unknown. */
export function formatExpiry(expiresAt: string | null, now: number): string | null {
  if (expiresAt === null) return null;
  const at = Date.parse(expiresAt);
  if (Number.isNaN(at)) return null;
  const left = at - now;
  if (left > 0) return `expires in ${formatDuration(Math.max(left, SECOND))}`;
  if (-left < SECOND) return 'expired just now';
  return `expired ${formatDuration(-left)} ago`;
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
