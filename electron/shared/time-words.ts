// How long an identity has left, in words: one wording for the tray, the window, notifications
// and `cloudid status`. No imports: the renderer uses it too.

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/**
 * A duration in its two largest units, rounded down: "45s", "9m", "2h 10m", "3d 4h".
 * Rounding down is what a countdown should do: "9m" while 9m59s remain, never a promise too long.
 * Seconds appear only under a minute, so a tray label does not change every second.
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

/** "expires in 2h 10m", "expires in 45s", "expired 3m ago", "expired just now". */
export function formatTimeLeft(expiresAt: Date, now: number): string {
  const left = expiresAt.getTime() - now;
  if (Number.isNaN(left)) return 'expiry unknown';
  if (left > 0) {
    // Under a second left still reads as a second, not "expires in 0s".
    return `expires in ${formatDuration(Math.max(left, SECOND))}`;
  }
  if (-left < SECOND) return 'expired just now';
  return `expired ${formatDuration(-left)} ago`;
}
