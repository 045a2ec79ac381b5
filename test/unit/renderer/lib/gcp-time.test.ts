import { describe, expect, it } from 'vitest';
import { formatInstant } from '../../../../renderer/src/lib/gcp-time';

describe('GCP dates', () => {
  it('shows an instant as day, month, year and 24-hour time in the given zone', () => {
    expect(formatInstant('2026-11-26T06:04:59.000Z', 'UTC')).toBe('26 Nov 2026, 06:04');
    expect(formatInstant('2026-11-26T23:30:00.000Z', 'Asia/Tokyo')).toBe('27 Nov 2026, 08:30');
  });

  it('leaves text that is not a date as it is', () => {
    expect(formatInstant('soon')).toBe('soon');
  });
});
