// Every tray label is made here, by `menuLabel`: the menu must stay narrow whatever the names in
// the user's files, and what it shortens must stay readable. So the label's own words — status
// words, times, counts, sentences — are kept whole, and the names in it (profile, session,
// account, ARN, e-mail) give way first, each shortened in the middle at a separator
// (`team-data-…-admin`), so both its start and its end still say which one it is.
//
// Menu labels on Windows and Linux treat `&` as the mnemonic marker ("&File" underlines F), so a
// profile named `dev&test` would lose its ampersand; `&&` is a literal one. macOS shows labels
// as written. Labels hold names from users' files, so control characters and line breaks are
// shown (`\u001b`, shared/visible-text.ts), never passed to the menu.
import { oneLine } from '../../shared/visible-text';

/** The longest label the tray shows, in code points. */
export const MAX_MENU_LABEL_CHARS = 48;
/** A name is never shortened below this, unless the label's own words leave no room at all. */
const MIN_NAME_CHARS = 9;
const ELLIPSIS = '…';

/** Text a label keeps whole (a status, a time, a sentence); a bare string in `menuLabel` is a name. */
export interface Whole {
  readonly whole: string;
}
export const whole = (text: string): Whole => ({ whole: text });

type Part = { text: string; name: boolean };

/**
 * A tray label of at most MAX_MENU_LABEL_CHARS: the template's text, numbers and `whole(...)`
 * values are kept whole; each interpolated string is a name and shortened in the middle when the
 * label is too long (the longest names first). Only if the whole words alone are too long is the
 * end cut, at a space.
 */
export function menuLabel(strings: TemplateStringsArray, ...values: (string | number | Whole)[]): string {
  const parts: Part[] = [];
  strings.forEach((text, i) => {
    if (text) parts.push({ text: oneLine(text), name: false });
    const value = values[i];
    if (value === undefined) return;
    if (typeof value === 'string') parts.push({ text: oneLine(value), name: true });
    else parts.push({ text: oneLine(typeof value === 'number' ? String(value) : value.whole), name: false });
  });
  return fitParts(parts, MAX_MENU_LABEL_CHARS);
}

function fitParts(parts: Part[], max: number): string {
  const total = parts.reduce((sum, p) => sum + length(p.text), 0);
  if (total <= max) return parts.map((p) => p.text).join('');
  const fixed = parts.reduce((sum, p) => sum + (p.name ? 0 : length(p.text)), 0);
  // Water-filling: names shorter than an equal share keep their length, the rest share what is left.
  const names = parts.filter((p) => p.name).sort((a, b) => length(a.text) - length(b.text));
  const room = new Map<Part, number>();
  let left = max - fixed;
  names.forEach((p, i) => {
    const share = Math.max(MIN_NAME_CHARS, Math.floor(left / (names.length - i)));
    room.set(p, Math.min(length(p.text), share));
    left -= room.get(p)!;
  });
  const text = parts.map((p) => (p.name ? shortenMiddle(p.text, room.get(p)!) : p.text)).join('');
  return length(text) <= max ? text : cutAtWord(text, max);
}

/** Characters for the 48-character limit: code points, as the tooltip's limit counts them. */
function length(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const clusters = (text: string): string[] => Array.from(graphemes.segment(text), (s) => s.segment);

/** The longest run of whole graphemes from the start (or the end) within `max` code points. */
function take(text: string, max: number, from: 'start' | 'end'): string {
  const all = clusters(text);
  if (from === 'end') all.reverse();
  const kept: string[] = [];
  let used = 0;
  for (const c of all) {
    if (used + length(c) > max) break;
    kept.push(c);
    used += length(c);
  }
  if (from === 'end') kept.reverse();
  return kept.join('');
}

// What separates the words of a name: profile and session names (`team-data_admin`), e-mail
// addresses, ARNs (`assumed-role/Admin/alice`), URLs.
const SEPARATORS = /([\s\-_./@:+,=|]+)/;

/**
 * `name` in at most `max` code points: whole words from its start and its end around an "…", cut
 * at its separators. A name whose words are too long for that (one long word, or nearly all of it
 * in one) is cut between graphemes, half of it from each end.
 */
export function shortenMiddle(name: string, max: number): string {
  if (length(name) <= max) return name;
  if (max <= 1) return ELLIPSIS.slice(0, Math.max(0, max));
  const budget = max - length(ELLIPSIS);
  // Words at even indexes, separators at odd ones; first and last are words (maybe empty).
  const tokens = name.split(SEPARATORS);
  const words = (tokens.length + 1) / 2;
  const head = (i: number): string => tokens.slice(0, 2 * i).join('');
  const tail = (j: number): string => (j === 0 ? '' : tokens.slice(tokens.length - 2 * j).join(''));
  let i = 0;
  let j = 0;
  for (;;) {
    if (i + j + 1 >= words) break;
    const withHead = length(head(i + 1)) + length(tail(j));
    const withTail = length(head(i)) + length(tail(j + 1));
    // Keep the two ends balanced; the start first on a tie (it is what people read first).
    const preferHead = length(head(i)) <= length(tail(j));
    if (preferHead && withHead <= budget) i++;
    else if (withTail <= budget) j++;
    else if (withHead <= budget) i++;
    else break;
  }
  const kept = length(head(i)) + length(tail(j));
  if (i > 0 && j > 0 && kept * 2 >= budget) return `${head(i)}${ELLIPSIS}${tail(j)}`;
  const front = Math.ceil(budget / 2);
  return `${take(name, front, 'start')}${ELLIPSIS}${take(name, budget - front, 'end')}`;
}

/**
 * A sentence (a problem, a tool's message) as up to `maxLines` menu lines, wrapped between words;
 * the last line is cut after a whole word when the sentence is longer.
 */
export function menuLines(text: string, maxLines = 2): string[] {
  const lines: string[] = [];
  let rest = oneLine(text).trim();
  while (rest !== '' && lines.length < maxLines - 1 && length(rest) > MAX_MENU_LABEL_CHARS) {
    const start = take(rest, MAX_MENU_LABEL_CHARS, 'start');
    // Break at the last space that fits; a word longer than a line is cut there.
    const space = start.search(/\s\S*$/);
    const line = space > 0 && /\s/.test(rest.charAt(start.length)) === false ? start.slice(0, space) : start;
    lines.push(line.trimEnd());
    rest = rest.slice(line.length).trimStart();
  }
  if (rest !== '') lines.push(length(rest) <= MAX_MENU_LABEL_CHARS ? rest : cutAtWord(rest, MAX_MENU_LABEL_CHARS));
  return lines;
}

/** Text cut at its end to `max` code points, after the last whole word that fits. */
function cutAtWord(text: string, max: number): string {
  const room = max - length(ELLIPSIS);
  const start = take(text, room, 'start');
  const endsAtWord = /\s/.test(text.charAt(start.length));
  const space = start.search(/\s\S*$/);
  const cut = endsAtWord || space <= start.length / 2 ? start : start.slice(0, space);
  return `${cut.replace(/[\s,;:·—-]+$/, '')}${ELLIPSIS}`;
}

export function escapeMenuLabel(label: string, platform: NodeJS.Platform): string {
  const visible = oneLine(label);
  return platform === 'darwin' ? visible : visible.replaceAll('&', '&&');
}
