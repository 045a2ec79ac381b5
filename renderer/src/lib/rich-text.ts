// The core's messages mark commands and paths with backticks (`aws sso login`) and can run to
// several sentences of guidance. These split them for display: code spans, and a headline.

export interface TextRun {
  text: string;
  code: boolean;
}

/** Backtick-delimited spans become code runs; an unpaired backtick stays literal text. */
export function splitInlineCode(text: string): TextRun[] {
  const runs: TextRun[] = [];
  const pattern = /`([^`]+)`/g;
  let last = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (match.index > last) runs.push({ text: text.slice(last, match.index), code: false });
    runs.push({ text: match[1] ?? '', code: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last), code: false });
  return runs;
}

/**
 * The first sentence, and the rest. A sentence ends at ". " followed by a capital letter,
 * outside backticks, so paths and versions ("1.45.11", "./aws/install") do not split it.
 */
export function splitHeadline(text: string): { headline: string; rest: string } {
  let inCode = false;
  for (let i = 0; i < text.length - 2; i++) {
    const c = text[i];
    if (c === '`') inCode = !inCode;
    if (!inCode && c === '.' && text[i + 1] === ' ' && /[A-Z]/.test(text[i + 2] ?? '')) {
      return { headline: text.slice(0, i + 1), rest: text.slice(i + 2) };
    }
  }
  return { headline: text, rest: '' };
}
