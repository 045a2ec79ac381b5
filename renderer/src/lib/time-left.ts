// Human wording for how long an identity has left, and when that wording next changes, so the
// window can re-render exactly then instead of on a fixed tick.

const MINUTE = 60_000;


/**
 * A duration as the two largest units: "3d 4h", "2h 10m", "45m", "1m".
 * Counts whole minutes rounded up, so a countdown reads "1m" until it truly ends.
 */
export function formatDuration(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / MINUTE));
  const days = Math.floor(minutes / (24 * 60));
  const hours = Math.floor((minutes % (24 * 60)) / 60);
  const mins = minutes % 60;
  if (days > 0) return hours > 0 ? `${days}d ${hours}h` : `${days}d`;
  if (hours > 0) return mins > 0 ? `${hours}h ${mins}m` : `${hours}h`;
  return `${mins}m`;
}

/** "expires in 2h 10m" or "expired 5m ago"; null when the expiry is unknown or unreadable. */
export function formatExpiry(expiresAt: string | null, now: number): string | null {
  if (expiresAt === null) return null;
  const at = Date.parse(expiresAt);
  if (Number.isNaN(at)) return null;
  const left = at - now;
  return left > 0 ? `expires in ${formatDuration(left)}` : `expired ${formatAgo(-left)} ago`;
}

/** "just now", "5m", "2h 10m" for a time in the past. */
function formatAgo(ms: number): string {
  return ms < MINUTE ? 'moments' : formatDurationFloor(ms);
}

function formatDurationFloor(ms: number): string {
  return formatDuration(Math.floor(ms / MINUTE) * MINUTE);
}

/** "just now", "5m ago" for when something happened. */
export function formatSince(at: string, now: number): string {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) return 'at an unknown time';
  const ago = now - ms;
  return ago < MINUTE ? 'just now' : `${formatDurationFloor(ago)} ago`;
}

/** "checked just now", "checked 5m ago". */
export function formatCheckedAt(checkedAt: string, now: number): string {
  return `checked ${formatSince(checkedAt, now)}`;
}

/**
 * Milliseconds until any of these expiry labels would read differently (at most one minute, at
 * least one second), or null when none has a known expiry. Labels change on minute boundaries
 * relative to each expiry, so the soonest boundary over all of them is the next change.
 */
export function msUntilLabelsChange(expiries: Iterable<string | null>, now: number): number | null {
  let soonest: number | null = null;
  for (const expiresAt of expiries) {
    if (expiresAt === null) continue;
    const at = Date.parse(expiresAt);
    if (Number.isNaN(at)) continue;
    const offset = (((at - now) % MINUTE) + MINUTE) % MINUTE;
    const wait = offset === 0 ? MINUTE : offset;
    if (soonest === null || wait < soonest) soonest = wait;
  }
  return soonest === null ? null : Math.max(1000, soonest);
}

