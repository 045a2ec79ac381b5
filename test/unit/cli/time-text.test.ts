import { afterEach, describe, expect, it } from 'vitest';
import { localClock, whenText } from '../../../electron/cli/time-text';

const NOW = Date.parse('2026-11-26T09:46:00Z'); // a Thursday

describe('whenText', () => {
  it('says how long from now, then the local clock time', () => {
    expect(whenText('2026-11-26T14:45:30.123Z', NOW, 'UTC')).toBe('in 4h 59m, 14:45');
    expect(whenText(new Date('2026-11-26T09:43:00Z'), NOW, 'UTC')).toBe('3m ago, 09:43');
    expect(whenText('2026-11-26T09:46:00.400Z', NOW, 'UTC')).toBe('now, 09:46');
  });

  it('uses the time zone it is given', () => {
    expect(whenText('2026-11-26T14:45:00Z', NOW, 'Europe/Paris')).toBe('in 4h 59m, 15:45');
  });

  it('names the weekday within six days, only days and the date further away; never milliseconds', () => {
    expect(whenText('2026-11-28T08:00:00Z', NOW, 'UTC')).toBe('in 1d 22h, Sat 08:00');
    expect(whenText('2026-10-01T08:00:00Z', NOW, 'UTC')).toBe('56d ago, 2026-10-01');
    expect(whenText('2027-02-01T08:00:00Z', NOW, 'UTC')).toBe('in 66d, 2027-02-01');
    expect(localClock(new Date('2026-11-27T00:10:00Z'), NOW, 'UTC')).toBe('Fri 00:10');
  });

  it('is empty for no time or one that does not parse', () => {
    expect(whenText(null, NOW)).toBe('');
    expect(whenText('soon', NOW)).toBe('');
  });
});

describe('the local zone', () => {
  const savedTz = process.env.TZ;
  afterEach(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  // Without a zone, the clock comes from Date's local fields, not Intl: both must agree, on both
  // sides of a date line and with a half-hour offset, across midnight and a daylight-saving change.
  it.each(['Pacific/Kiritimati', 'America/St_Johns', 'Europe/Paris', 'Etc/UTC'])('reads as Intl does in %s', (zone) => {
    process.env.TZ = zone;
    const instants = [
      '2026-11-26T09:46:00Z',
      '2026-11-26T23:59:00Z',
      '2026-11-27T10:31:00Z',
      '2026-03-29T00:30:00Z',
      '2026-03-29T01:30:00Z',
      '2026-12-03T02:00:00Z',
      '2027-06-01T12:00:00Z',
    ].map((iso) => new Date(iso));
    for (const at of instants) {
      expect(localClock(at, NOW)).toBe(localClock(at, NOW, zone));
      expect(whenText(at, NOW)).toBe(whenText(at, NOW, zone));
    }
    // The zone really is in effect: Kiritimati is 14 hours ahead, so 09:47 UTC reads 23:47 there.
    if (zone === 'Pacific/Kiritimati') expect(localClock(new Date(NOW + 60_000), NOW)).toBe('23:47');
  });
});
