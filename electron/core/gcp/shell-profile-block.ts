// The marked block that sets GOOGLE_APPLICATION_CREDENTIALS in a shell profile. Pure text in,
// text out: bytes outside the block are never touched, setting twice changes nothing, and
// removing the block gives back the file as it was (when it ended with a line break, as
// profiles do; a missing final newline is added once and stays).
//
// A marker counts only at the start of a line that is outside any quoted value, so a key path
// that holds a line and a marker (written by a version that did not refuse such paths) cannot end
// the block early and leave the rest of its name behind as commands. New paths with control
// characters are refused outright (UnsafeKeyPathError).
import { hasControlCharacters } from '../../shared/control-characters';

export type ShellKind = 'bash' | 'zsh' | 'fish';

export const BLOCK_BEGIN = '# >>> cloud-identity-tray: GOOGLE_APPLICATION_CREDENTIALS >>>';
export const BLOCK_END = '# <<< cloud-identity-tray: GOOGLE_APPLICATION_CREDENTIALS <<<';
const BLOCK_NOTE = '# Added by Cloud Identity Tray; remove it from the app (or delete these lines).';

/** POSIX single quotes: nothing inside is special; a quote is written as '\'' . */
export function posixQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** fish single quotes: only \\ and \' are escapes. */
export function fishQuote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export class UnsafeKeyPathError extends Error {
  constructor(readonly keyPath: string) {
    super(
      `The key path ${JSON.stringify(keyPath)} has a control character (a line break, tab or escape) in it; it cannot be written into a shell profile. Rename the file.`,
    );
    this.name = 'UnsafeKeyPathError';
  }
}

export function blockLines(shell: ShellKind, keyPath: string): string[] {
  if (hasControlCharacters(keyPath)) throw new UnsafeKeyPathError(keyPath);
  const assignment =
    shell === 'fish'
      ? `set -gx GOOGLE_APPLICATION_CREDENTIALS ${fishQuote(keyPath)}`
      : `export GOOGLE_APPLICATION_CREDENTIALS=${posixQuote(keyPath)}`;
  return [BLOCK_BEGIN, BLOCK_NOTE, assignment, BLOCK_END];
}

interface BlockSpan {
  /** Index of the first character of the BEGIN line. */
  start: number;
  /** Index just past the END line's line break (or the end of the text). */
  end: number;
}

function lineEnding(text: string): '\n' | '\r\n' {
  const lf = text.indexOf('\n');
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}

const isPosixBlank = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/**
 * Just past the END line of the block whose BEGIN line ends at `from`, or -1 when no END line
 * follows outside quotes. Reads the shell's quoting as far as a marker needs it: '...' (in fish
 * with \\ and \' inside), "..." with backslash escapes, a backslash outside quotes, and
 * comments from a # that starts a word.
 */
function blockEnd(text: string, from: number, shell: ShellKind): number {
  let quote: "'" | '"' | null = null;
  let lineStart = from;
  for (let i = from; i < text.length;) {
    if (quote === null && i === lineStart) {
      const lf = text.indexOf('\n', i);
      const next = lf < 0 ? text.length : lf + 1;
      if (
        text
          .slice(i, next)
          .replace(/\r?\n$/, '')
          .trimEnd() === BLOCK_END
      )
        return next;
    }
    const c = text[i];
    if (c === '\n') {
      lineStart = i + 1;
      i++;
    } else if (quote === "'") {
      if (shell === 'fish' && c === '\\') i += 2;
      else {
        if (c === "'") quote = null;
        i++;
      }
    } else if (quote === '"') {
      if (c === '\\') i += 2;
      else {
        if (c === '"') quote = null;
        i++;
      }
    } else if (c === '\\') {
      // Escapes the next character; an escaped line break joins the next line to this one.
      i += 2;
    } else if (c === '#' && (i === lineStart || isPosixBlank(text[i - 1]))) {
      const lf = text.indexOf('\n', i);
      i = lf < 0 ? text.length : lf;
    } else {
      if (c === "'" || c === '"') quote = c;
      i++;
    }
  }
  return -1;
}

/** Every complete block (BEGIN ... END, each marker on a line of its own, END outside quotes). */
export function findBlocks(text: string, shell: ShellKind): BlockSpan[] {
  const spans: BlockSpan[] = [];
  for (let start = 0; start < text.length;) {
    const lf = text.indexOf('\n', start);
    const next = lf < 0 ? text.length : lf + 1;
    if (
      text
        .slice(start, next)
        .replace(/\r?\n$/, '')
        .trimEnd() === BLOCK_BEGIN
    ) {
      const end = blockEnd(text, next, shell);
      if (end >= 0) {
        spans.push({ start, end });
        start = end;
        continue;
      }
    }
    start = next;
  }
  return spans;
}

/** The text with the block set to `keyPath`: replaced in place if present, else appended. */
export function setCredentialsBlock(text: string, shell: ShellKind, keyPath: string): string {
  const eol = lineEnding(text);
  const block = blockLines(shell, keyPath).join(eol) + eol;
  const spans = findBlocks(text, shell);
  const first = spans[0];
  if (first) {
    // Keep the first block's place; drop any duplicates further down.
    let result = text.slice(0, first.start) + block;
    let cursor = first.end;
    for (const span of spans.slice(1)) {
      result += text.slice(cursor, span.start);
      cursor = span.end;
    }
    return result + text.slice(cursor);
  }
  const separator = text === '' || text.endsWith('\n') ? '' : eol;
  return text + separator + block;
}

/** The text without any block. */
export function removeCredentialsBlock(text: string, shell: ShellKind): string {
  let result = '';
  let cursor = 0;
  for (const span of findBlocks(text, shell)) {
    result += text.slice(cursor, span.start);
    cursor = span.end;
  }
  return result + text.slice(cursor);
}

/** The key path the block currently sets, if any (for showing state). */
export function credentialsBlockPath(text: string, shell: ShellKind): string | null {
  const span = findBlocks(text, shell)[0];
  if (!span) return null;
  const body = text.slice(span.start, span.end);
  const posix = /export GOOGLE_APPLICATION_CREDENTIALS='((?:[^']|'\\'')*)'/.exec(body);
  if (posix?.[1] !== undefined) return posix[1].replace(/'\\''/g, "'");
  const fish = /set -gx GOOGLE_APPLICATION_CREDENTIALS '((?:[^'\\]|\\.)*)'/.exec(body);
  if (fish?.[1] !== undefined) return fish[1].replace(/\\(.)/g, '$1');
  return null;
}
