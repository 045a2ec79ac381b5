// The marked block that sets GOOGLE_APPLICATION_CREDENTIALS in a shell profile. Pure text in,
// text out: bytes outside the block are never touched, setting twice changes nothing, and
// removing the block gives back the file as it was (when it ended with a line break, as
// profiles do; a missing final newline is added once and stays).

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

export function blockLines(shell: ShellKind, keyPath: string): string[] {
  const assignment = shell === 'fish' ? `set -gx GOOGLE_APPLICATION_CREDENTIALS ${fishQuote(keyPath)}` : `export GOOGLE_APPLICATION_CREDENTIALS=${posixQuote(keyPath)}`;
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

/** Every complete block (BEGIN ... END, each marker on a line of its own). */
export function findBlocks(text: string): BlockSpan[] {
  const spans: BlockSpan[] = [];
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  let open: number | null = null;
  for (const [n, start] of lineStarts.entries()) {
    const next = lineStarts[n + 1] ?? text.length;
    const line = text.slice(start, next).replace(/\r?\n$/, '');
    if (line.trimEnd() === BLOCK_BEGIN && open === null) open = start;
    else if (line.trimEnd() === BLOCK_END && open !== null) {
      spans.push({ start: open, end: next });
      open = null;
    }
  }
  return spans;
}

/** The text with the block set to `keyPath`: replaced in place if present, else appended. */
export function setCredentialsBlock(text: string, shell: ShellKind, keyPath: string): string {
  const eol = lineEnding(text);
  const block = blockLines(shell, keyPath).join(eol) + eol;
  const spans = findBlocks(text);
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
export function removeCredentialsBlock(text: string): string {
  let result = '';
  let cursor = 0;
  for (const span of findBlocks(text)) {
    result += text.slice(cursor, span.start);
    cursor = span.end;
  }
  return result + text.slice(cursor);
}

/** The key path the block currently sets, if any (for showing state). */
export function credentialsBlockPath(text: string): string | null {
  const span = findBlocks(text)[0];
  if (!span) return null;
  const body = text.slice(span.start, span.end);
  const posix = /export GOOGLE_APPLICATION_CREDENTIALS='((?:[^']|'\\'')*)'/.exec(body);
  if (posix?.[1] !== undefined) return posix[1].replace(/'\\''/g, "'");
  const fish = /set -gx GOOGLE_APPLICATION_CREDENTIALS '((?:[^'\\]|\\.)*)'/.exec(body);
  if (fish?.[1] !== undefined) return fish[1].replace(/\\(.)/g, '$1');
  return null;
}
