// The tables of `cloudid status` and `cloudid clusters`: columns padded to their widest cell,
// two spaces apart, fitted to the terminal by shortening the widest shrinkable cells in the
// middle, and status words in colour. Every cell is shown on one line, control characters
// made visible (terminal-text.ts), before any colour is added.
import { oneLine } from './terminal-text';
import { displayWidth, paint, shortenMiddle, type TerminalStyle, type Tone } from './terminal-style';

export type Cell = string | { text: string; tone: Tone | null };

export interface TableLayout {
  /** Columns that may be shortened to fit, by index; the others keep their width. */
  shrink: readonly number[];
  /** No shrinkable column gets narrower than this (default 8) or its heading. */
  minWidth?: number;
}

const GAP = 2;

const cellText = (cell: Cell): string => oneLine(typeof cell === 'string' ? cell : cell.text);
const cellTone = (cell: Cell): Tone | null => (typeof cell === 'string' ? null : cell.tone);

/** Column widths that fit `columns`: one column at a time from the widest shrinkable one. */
function fitWidths(natural: number[], floors: number[], layout: TableLayout, columns: number | null): number[] {
  const widths = [...natural];
  if (columns === null) return widths;
  let excess = widths.reduce((a, b) => a + b, 0) + GAP * (widths.length - 1) - columns;
  while (excess > 0) {
    let widest: number | null = null;
    for (const i of layout.shrink) {
      const width = widths[i] ?? 0;
      if (width > (floors[i] ?? 0) && (widest === null || width > (widths[widest] ?? 0))) widest = i;
    }
    if (widest === null) break; // the rest is as narrow as it may be: the terminal wraps
    widths[widest] = (widths[widest] ?? 0) - 1;
    excess--;
  }
  return widths;
}

/** The rows as lines, the first row being the headings. */
export function formatTable(rows: Cell[][], style: TerminalStyle, layout: TableLayout): string[] {
  const texts = rows.map((row) => row.map(cellText));
  const count = Math.max(0, ...texts.map((row) => row.length));
  const natural = Array.from({ length: count }, (_, i) =>
    Math.max(0, ...texts.map((row) => displayWidth(row[i] ?? ''))),
  );
  const heading = texts[0] ?? [];
  const floors = natural.map((w, i) => Math.min(w, Math.max(layout.minWidth ?? 8, displayWidth(heading[i] ?? ''))));
  const widths = fitWidths(natural, floors, layout, style.columns);
  return rows.map((row, r) =>
    row
      .map((cell, i) => {
        const width = widths[i] ?? 0;
        const text = shortenMiddle(texts[r]?.[i] ?? '', width);
        const pad = i === row.length - 1 ? '' : ' '.repeat(Math.max(0, width - displayWidth(text)));
        return paint(style, r === 0 ? null : cellTone(cell), text) + pad;
      })
      .join(' '.repeat(GAP))
      .trimEnd(),
  );
}
