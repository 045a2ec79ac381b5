// Where JSON.parse stopped, without its message. V8's message quotes up to ten characters of the
// text it choked on, and in a credential file that text may be the start of a private key or a
// token, so no caller puts the message itself in a problem.

/** ` (line L, column C)` when V8 gave a position, ': it ends early' at a cut-off end, else ''. */
export function jsonSyntaxWhere(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : '';
  if (/end of JSON input|Unterminated string/.test(message)) return ': it ends early';
  const position = /at position (\d+)/.exec(message)?.[1];
  if (position === undefined) return '';
  const before = text.slice(0, Number(position)).split('\n');
  return ` (line ${before.length}, column ${(before.at(-1) ?? '').length + 1})`;
}
