// How `cloudid`'s human output fits the terminal: colour for status words, and the width tables
// fit. JSON output never uses either. docs/cli.md, "Colour and width", says what decides them.
import type { TerminalOutput } from './terminal-text';

/** What a status word means to the reader: usable, needs attention soon, unusable, or quiet. */
export type Tone = 'good' | 'warn' | 'bad' | 'dim';

export interface TerminalStyle {
  color: boolean;
  /** The width tables fit; null: no limit (a pipe or a file, where nothing wraps). */
  columns: number | null;
  /** For times; undefined: the process's own (TZ). Tests pin it. */
  timeZone?: string;
}

/** Human output to a file or pipe: no colour, nothing shortened. */
export const PLAIN_STYLE: TerminalStyle = { color: false, columns: null };

/** Narrower than this, a table is laid out for this width anyway and the terminal wraps it. */
export const MIN_COLUMNS = 80;

const SGR: Record<Tone, string> = { good: '\u001b[32m', warn: '\u001b[33m', bad: '\u001b[31m', dim: '\u001b[2m' };
const RESET = '\u001b[0m';

/** Exactly the sequences paint() writes, and nothing else: terminal-text.ts lets only these through. */
// eslint-disable-next-line no-control-regex -- these are the escape sequences the CLI itself sends
export const STYLE_SEQUENCE = /(\u001b\[(?:32|33|31|2|0)m)/;

/**
 * Node's rule (tty.getColorDepth): FORCE_COLOR wins (empty, "1", "2", "3", "true": on; "0",
 * "false": off), then NO_COLOR set to anything non-empty turns it off (no-color.org), then only
 * a terminal that is not TERM=dumb gets colour.
 */
export function colorWanted(env: NodeJS.ProcessEnv, stream: TerminalOutput): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR) return false;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/** COLUMNS when it is a whole number, else the terminal's width, else none; never under 80. */
export function columnsFor(env: NodeJS.ProcessEnv, stream: TerminalOutput): number | null {
  const fromEnv = /^\d+$/.test(env.COLUMNS ?? '') ? Number(env.COLUMNS) : 0;
  const width = fromEnv > 0 ? fromEnv : stream.isTTY === true ? (stream.columns ?? 0) : 0;
  return width > 0 ? Math.max(width, MIN_COLUMNS) : null;
}

export function terminalStyle(env: NodeJS.ProcessEnv, stream: TerminalOutput): TerminalStyle {
  return { color: colorWanted(env, stream), columns: columnsFor(env, stream) };
}

/** `text` (already made visible) in the tone's colour when colour is on. */
export function paint(style: Pick<TerminalStyle, 'color'>, tone: Tone | null, text: string): string {
  return style.color && tone !== null && text !== '' ? `${SGR[tone]}${text}${RESET}` : text;
}

const WIDE =
  /\p{Emoji_Presentation}|[\u1100-\u115f\u2e80-\u303e\u3041-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;
const ZERO = /\p{M}|\u200b|\u200d|\ufe0f/u;

/** Columns a character takes in a terminal: 2 for East Asian wide and emoji, 0 for combining marks. */
function charWidth(char: string): number {
  if (ZERO.test(char)) return 0;
  return WIDE.test(char) ? 2 : 1;
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char);
  return width;
}

/** `text` in at most `width` columns, its middle replaced by `…` when it does not fit. */
export function shortenMiddle(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 1) return width === 1 ? '…' : '';
  const chars = [...text];
  const room = width - 1;
  const headRoom = Math.ceil(room / 2);
  let head = '';
  let used = 0;
  for (const char of chars) {
    if (used + charWidth(char) > headRoom) break;
    head += char;
    used += charWidth(char);
  }
  let tail = '';
  let tailUsed = 0;
  for (let i = chars.length - 1; i >= 0; i--) {
    const char = chars[i] ?? '';
    if (used + tailUsed + charWidth(char) > room) break;
    tail = char + tail;
    tailUsed += charWidth(char);
  }
  return `${head}…${tail}`;
}
