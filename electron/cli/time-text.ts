// Every time `cloudid` shows a person: how long from now, then the local clock time, as in
// "in 4h 59m, 14:45" or "2d 3h ago, Mon 09:12"; a week or more away, days and the date:
// "377d ago, 2025-11-24". JSON keeps ISO 8601 (docs/cli.md).
import { formatDuration, SECOND } from '../shared/time-words';

const DAY_MS = 86_400_000;
/** From here on, the day is what matters: no hours, no clock time. */
const FAR_MS = 6 * DAY_MS;

interface ClockParts {
  year: string;
  month: string;
  day: string;
  weekday: string;
  hour: string;
  minute: string;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const two = (n: number): string => String(n).padStart(2, '0');

/**
 * The clock and calendar at `at`, in `timeZone` or the local zone. The local zone (every real run)
 * and UTC come from Date's own fields: an Intl.DateTimeFormat is built only for another named zone,
 * since building the first one costs a one-shot command some 20 ms (docs/performance.md).
 */
function clockParts(at: Date, timeZone: string | undefined): ClockParts {
  if (timeZone === undefined || timeZone === 'UTC') {
    const utc = timeZone === 'UTC';
    return {
      year: String(utc ? at.getUTCFullYear() : at.getFullYear()),
      month: two((utc ? at.getUTCMonth() : at.getMonth()) + 1),
      day: two(utc ? at.getUTCDate() : at.getDate()),
      weekday: WEEKDAYS[utc ? at.getUTCDay() : at.getDay()] as string,
      hour: two(utc ? at.getUTCHours() : at.getHours()),
      minute: two(utc ? at.getUTCMinutes() : at.getMinutes()),
    };
  }
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    weekday: part('weekday'),
    hour: part('hour'),
    minute: part('minute'),
  };
}

/** "14:45" today, "Tue 14:45" within six days, "2026-01-12" further away. */
export function localClock(at: Date, now: number, timeZone?: string): string {
  const p = clockParts(at, timeZone);
  const today = clockParts(new Date(now), timeZone);
  const time = `${p.hour}:${p.minute}`;
  const sameDay = p.year === today.year && p.month === today.month && p.day === today.day;
  if (sameDay) return time;
  if (Math.abs(at.getTime() - now) < FAR_MS) return `${p.weekday} ${time}`;
  return `${p.year}-${p.month}-${p.day}`;
}

/** "in 4h 59m, 14:45", "3m ago, 14:42", "now, 14:45", "377d ago, 2025-11-24"; "" when it does not parse. */
export function whenText(at: Date | string | null, now: number, timeZone?: string): string {
  if (at === null) return '';
  const date = typeof at === 'string' ? new Date(at) : at;
  const ms = date.getTime() - now;
  if (Number.isNaN(ms)) return '';
  const clock = localClock(date, now, timeZone);
  if (Math.abs(ms) < SECOND) return `now, ${clock}`;
  const span = Math.abs(ms) < FAR_MS ? formatDuration(ms) : `${Math.floor(Math.abs(ms) / DAY_MS)}d`;
  return ms > 0 ? `in ${span}, ${clock}` : `${span} ago, ${clock}`;
}
