import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_MENU_LABEL_CHARS,
  menuLabel,
  menuLines,
  shortenMiddle,
  whole,
} from '../../../../electron/core/tray/menu-label';

const chars = (text: string): number => Array.from(text).length;
const graphemes = (text: string): string[] =>
  Array.from(new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text), (s) => s.segment);

describe('shortenMiddle', () => {
  it('keeps whole words from both ends of a name, around an ellipsis', () => {
    const name = 'engineering-platform-production-administrator-access';
    const short = shortenMiddle(name, 30);
    expect(short).toBe('engineering-platform-…-access');
    expect(chars(short)).toBeLessThanOrEqual(30);
  });

  it('cuts e-mail addresses and ARNs at their own separators', () => {
    expect(shortenMiddle('firstname.lastname@subsidiary.example-corp.com', 30)).toBe('firstname.….example-corp.com');
    expect(shortenMiddle('assumed-role/AWSReservedSSO_AdministratorAccess_0123456789abcdef/alice', 30)).toBe(
      'assumed-role/…/alice',
    );
  });

  it('leaves a name that fits as it is', () => {
    expect(shortenMiddle('prod-admin', 10)).toBe('prod-admin');
  });

  it('cuts one long word in its middle, half from each end', () => {
    const short = shortenMiddle(`start${'x'.repeat(100)}end`, 21);
    expect(short).toBe('startxxxxx…xxxxxxxend');
    expect(chars(short)).toBe(21);
  });

  it('never cuts a word when the words allow it (property)', () => {
    const word = fc.stringMatching(/^[a-z0-9]{1,12}$/);
    const separator = fc.constantFrom('-', '_', '.', '/', '@', ':');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(word, separator), { minLength: 2, maxLength: 12 }),
        word,
        fc.integer({ min: 20, max: 48 }),
        (pairs, last, max) => {
          const name = `${pairs.map(([w, s]) => w + s).join('')}${last}`;
          const short = shortenMiddle(name, max);
          expect(chars(short)).toBeLessThanOrEqual(max);
          if (short === name) return;
          const [head = '', tail = ''] = short.split('…');
          // A cut between words leaves a separator beside the ellipsis on both sides.
          if (/[-_./@:]$/.test(head) && /^[-_./@:]/.test(tail)) {
            expect(name.startsWith(head)).toBe(true);
            expect(name.endsWith(tail)).toBe(true);
          } else {
            // Only when whole words would keep less than half the room is a word cut.
            expect(head.length + tail.length).toBeGreaterThanOrEqual(max - 2);
          }
        },
      ),
    );
  });

  it('never splits a grapheme: emoji sequences and combining marks stay whole', () => {
    const family = '👩‍👩‍👧';
    const name = family.repeat(30);
    const short = shortenMiddle(name, 20);
    expect(chars(short)).toBeLessThanOrEqual(20);
    for (const g of graphemes(short)) expect([family, '…']).toContain(g);
    const accents = 'e\u0301'.repeat(40);
    for (const g of graphemes(shortenMiddle(accents, 15))) expect(['e\u0301', '…']).toContain(g);
  });
});

describe('menuLabel', () => {
  it('keeps status words and times whole and shortens the name', () => {
    const label = menuLabel`${'team-data-platform-production-readonly-access'} — ${whole('expires at 14:30 (in 2h)')}`;
    expect(label).toBe('team-data-…-access — expires at 14:30 (in 2h)');
    expect(chars(label)).toBeLessThanOrEqual(MAX_MENU_LABEL_CHARS);
  });

  it('returns a label that fits unchanged', () => {
    expect(menuLabel`${'dev'} — ${whole('valid')}`).toBe('dev — valid');
    expect(menuLabel`${3} more in the window…`).toBe('3 more in the window…');
  });

  it('gives the room to the longer name: a short one stays whole', () => {
    const label = menuLabel`Account ${'prod'} · ${'assumed-role/AWSReservedSSO_AdministratorAccess_abcdef/alice'}`;
    expect(label.startsWith('Account prod · assumed-role/')).toBe(true);
    expect(label.endsWith('/alice')).toBe(true);
    expect(chars(label)).toBeLessThanOrEqual(MAX_MENU_LABEL_CHARS);
  });

  it('shows control characters and line breaks, and counts them as shown', () => {
    const label = menuLabel`${'evil\u001b]52;c;\nnext'} — ${whole('valid')}`;
    expect(label).toBe('evil\\u001b]52;c;\\u000anext — valid');
    const long = menuLabel`${'\u202e'.repeat(40)} — ${whole('valid')}`;
    expect(long.includes('\u202e')).toBe(false);
    expect(chars(long)).toBeLessThanOrEqual(MAX_MENU_LABEL_CHARS);
  });

  it('cuts its own words only when they alone are too long, after a whole word', () => {
    const label = menuLabel`⚠ ${whole('The config file could not be read because the folder is not readable')}`;
    expect(label).toBe('⚠ The config file could not be read because the…');
    expect(chars(label)).toBeLessThanOrEqual(MAX_MENU_LABEL_CHARS);
  });

  it('is at most 48 characters for any names (property)', () => {
    const name = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ maxLength: 300, unit: 'binary' }));
    fc.assert(
      fc.property(name, name, fc.string({ maxLength: 60 }), (a, b, words) => {
        expect(chars(menuLabel`${a} — ${whole(words)} · ${b}`)).toBeLessThanOrEqual(MAX_MENU_LABEL_CHARS);
      }),
    );
  });
});

describe('menuLines', () => {
  it('wraps a sentence between words over two lines, and cuts the rest after a word', () => {
    const lines = menuLines(
      'Last check failed: AccessDenied: User arn:aws:iam::123456789012:user/alice is not authorized to perform sts:GetCallerIdentity',
    );
    expect(lines).toEqual(['Last check failed: AccessDenied: User', 'arn:aws:iam::123456789012:user/alice is not…']);
    for (const line of lines) expect(chars(line)).toBeLessThanOrEqual(MAX_MENU_LABEL_CHARS);
  });

  it('keeps a short sentence on one line', () => {
    expect(menuLines('region is not set')).toEqual(['region is not set']);
  });
});
