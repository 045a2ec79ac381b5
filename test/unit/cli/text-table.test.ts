import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTable, type Cell } from '../../../electron/cli/text-table';
import { displayWidth, PLAIN_STYLE } from '../../../electron/cli/terminal-style';

const ROWS: Cell[][] = [
  ['NAME', 'STATUS', 'OWNER'],
  ['train', { text: 'UP', tone: 'good' }, 'arn:aws:iam::111122223333:user/alice-with-a-very-long-name-indeed'],
  ['a-cluster-with-a-long-name-too', { text: 'STOPPED', tone: 'dim' }, '-'],
];

describe('formatTable', () => {
  it('pads each column to its widest cell and leaves a pipe its full values', () => {
    const lines = formatTable(ROWS, PLAIN_STYLE, { shrink: [0, 2] });
    expect(lines[0]).toBe('NAME                            STATUS   OWNER');
    expect(lines[1]).toBe(
      'train                           UP       arn:aws:iam::111122223333:user/alice-with-a-very-long-name-indeed',
    );
    expect(lines[2]).toBe('a-cluster-with-a-long-name-too  STOPPED  -');
  });

  it('fits the width by shortening the widest shrinkable column first, in the middle', () => {
    const lines = formatTable(ROWS, { color: false, columns: 80 }, { shrink: [0, 2] });
    expect(Math.max(...lines.map(displayWidth))).toBe(80);
    expect(lines[1]).toMatch(/^train +UP +arn:aws:iam::\S*…\S*indeed$/);
    // The name column kept its width: the owner column was wider.
    expect(lines[2]).toMatch(/^a-cluster-with-a-long-name-too {2}STOPPED/);
  });

  it('never shortens a column below its heading or the minimum; the terminal wraps the rest', () => {
    const rows: Cell[][] = [
      ['A', 'B'],
      ['x'.repeat(100), 'y'.repeat(100)],
    ];
    const lines = formatTable(rows, { color: false, columns: 80 }, { shrink: [1], minWidth: 8 });
    expect(lines[1]).toBe(`${'x'.repeat(100)}  ${'y'.repeat(4)}…${'y'.repeat(3)}`);
  });

  it('colours status cells only, after padding is worked out from the visible text', () => {
    const lines = formatTable(ROWS, { color: true, columns: null }, { shrink: [] });
    expect(lines[0]).not.toContain('\u001b');
    expect(lines[1]).toContain('\u001b[32mUP\u001b[0m       arn');
    expect(lines[2]).toBe('a-cluster-with-a-long-name-too  \u001b[2mSTOPPED\u001b[0m  -');
  });

  it('shows a line break or escape in a cell, never obeys it', () => {
    const lines = formatTable([['A'], ['x\ny\u001b[2J']], PLAIN_STYLE, { shrink: [] });
    expect(lines[1]).toBe('x\\u000ay\\u001b[2J');
  });

  it('no line is wider than the terminal when every column may shrink (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ maxLength: 60 }), { minLength: 3, maxLength: 3 }), { maxLength: 6 }),
        fc.integer({ min: 80, max: 200 }),
        (rows, columns) => {
          const lines = formatTable([['A', 'B', 'C'], ...rows], { color: false, columns }, { shrink: [0, 1, 2] });
          for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(columns);
        },
      ),
    );
  });
});
