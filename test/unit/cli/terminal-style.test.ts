import { describe, expect, it } from 'vitest';
import {
  colorWanted,
  columnsFor,
  displayWidth,
  paint,
  shortenMiddle,
  terminalStyle,
} from '../../../electron/cli/terminal-style';

const tty = { write: () => true, isTTY: true, columns: 132 };
const pipe = { write: () => true, isTTY: false };

describe('colour', () => {
  it('is on for a terminal and off for a pipe, unless FORCE_COLOR or NO_COLOR says otherwise', () => {
    expect(colorWanted({}, tty)).toBe(true);
    expect(colorWanted({}, pipe)).toBe(false);
    expect(colorWanted({ NO_COLOR: '1' }, tty)).toBe(false);
    // no-color.org: an empty NO_COLOR is as if unset.
    expect(colorWanted({ NO_COLOR: '' }, tty)).toBe(true);
    expect(colorWanted({ TERM: 'dumb' }, tty)).toBe(false);
    expect(colorWanted({ FORCE_COLOR: '1' }, pipe)).toBe(true);
    expect(colorWanted({ FORCE_COLOR: '' }, pipe)).toBe(true);
    expect(colorWanted({ FORCE_COLOR: '0' }, tty)).toBe(false);
    expect(colorWanted({ FORCE_COLOR: 'false' }, tty)).toBe(false);
    // Node's order: FORCE_COLOR first.
    expect(colorWanted({ FORCE_COLOR: '1', NO_COLOR: '1' }, pipe)).toBe(true);
  });

  it('paints only when on, and only non-empty text with a tone', () => {
    expect(paint({ color: true }, 'bad', 'expired')).toBe('\u001b[31mexpired\u001b[0m');
    expect(paint({ color: false }, 'bad', 'expired')).toBe('expired');
    expect(paint({ color: true }, null, 'unknown')).toBe('unknown');
    expect(paint({ color: true }, 'good', '')).toBe('');
  });
});

describe('width', () => {
  it('is COLUMNS, else the terminal width, else none for a pipe; never under 80', () => {
    expect(columnsFor({ COLUMNS: '120' }, pipe)).toBe(120);
    expect(columnsFor({ COLUMNS: '120' }, tty)).toBe(120);
    expect(columnsFor({}, tty)).toBe(132);
    expect(columnsFor({}, pipe)).toBeNull();
    expect(columnsFor({ COLUMNS: '40' }, tty)).toBe(80);
    expect(columnsFor({ COLUMNS: 'wide' }, tty)).toBe(132);
    expect(columnsFor({ COLUMNS: '0' }, pipe)).toBeNull();
    expect(terminalStyle({ NO_COLOR: '1' }, tty)).toEqual({ color: false, columns: 132 });
  });

  it('counts wide characters twice and combining marks not at all', () => {
    expect(displayWidth('prod')).toBe(4);
    expect(displayWidth('本番')).toBe(4);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('✓ ok')).toBe(4);
  });

  it('shortens in the middle, keeping both ends', () => {
    expect(shortenMiddle('arn:aws:iam::111122223333:role/Admin', 20)).toBe('arn:aws:ia…ole/Admin');
    expect(displayWidth(shortenMiddle('arn:aws:iam::111122223333:role/Admin', 20))).toBe(20);
    expect(shortenMiddle('short', 20)).toBe('short');
    expect(shortenMiddle('本番環境のプロファイル', 9)).toBe('本番…イル');
    expect(displayWidth(shortenMiddle('本番環境のプロファイル', 9))).toBeLessThanOrEqual(9);
    expect(shortenMiddle('abc', 1)).toBe('…');
  });
});
