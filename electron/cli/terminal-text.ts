// Every string `cloudid` prints comes from somewhere it does not control: profile and section
// names, AWS_PROFILE, a key's project_id, gcloud's and the identity providers' messages. Written
// raw, an escape sequence in one of them reaches the terminal: it can recolour or hide output,
// move the cursor, retitle the window or, with OSC 52, write the clipboard. So the CLI's two
// streams pass through one filter (main.ts) that makes every control character visible.
//
// The notation is JSON's: `\u001b`. It is what `--json` shows for the same character (JSON.stringify
// escapes C0 itself), and it stays valid inside a JSON string, so the filter can sit under the JSON
// output too without changing a value: JSON text never holds a raw C0 character, and a raw C1, DEL
// or bidi control inside a JSON string means the same once written as `\uXXXX`.
import { escapeControlCharacters, oneLine } from '../shared/visible-text';
import { STYLE_SEQUENCE } from './terminal-style';

export { escapeControlCharacters, oneLine };

/** What a command writes to: the process's stream, or a test's. */
export interface TerminalOutput {
  write(chunk: string | Uint8Array): boolean;
  readonly isTTY?: boolean;
  /** The terminal's width, when it is one (terminal-style.ts). */
  readonly columns?: number;
}

/**
 * Whether UTF-8 bytes hold a character escapeControlCharacters changes. Bytes are checked without decoding, so the
 * remembered status of `cloudid status --json` (megabytes for thousands of profiles) passes
 * through unchanged and uncopied in the usual case.
 */
function bytesHoldControl(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if ((b < 0x20 && b !== 0x0a && b !== 0x09) || b === 0x7f) return true;
    // C1 controls are C2 80..C2 9F; the bidi and separator marks are E2 80 8E/8F/A8..AE, E2 81 A6..A9.
    if (b === 0xc2 && (bytes[i + 1] ?? 0) >= 0x80 && (bytes[i + 1] ?? 0) <= 0x9f) return true;
    if (b === 0xe2) {
      const b1 = bytes[i + 1] ?? 0;
      const b2 = bytes[i + 2] ?? 0;
      if (b1 === 0x80 && (b2 === 0x8e || b2 === 0x8f || (b2 >= 0xa8 && b2 <= 0xae))) return true;
      if (b1 === 0x81 && b2 >= 0xa6 && b2 <= 0xa9) return true;
    }
  }
  return false;
}

function escapeChunk(chunk: string | Uint8Array): string | Uint8Array {
  if (typeof chunk === 'string') return escapeControlCharacters(chunk);
  return bytesHoldControl(chunk) ? escapeControlCharacters(Buffer.from(chunk).toString('utf8')) : chunk;
}

const RAW = Symbol('raw terminal stream');

interface SafeOutput extends TerminalOutput {
  readonly [RAW]: TerminalOutput;
}

/** A stream that writes everything through escapeControlCharacters. */
export function terminalSafeOutput(stream: TerminalOutput): TerminalOutput {
  const safe: SafeOutput = {
    [RAW]: stream,
    isTTY: stream.isTTY === true,
    // A getter: the terminal may be resized while a command runs.
    get columns() {
      return stream.columns;
    },
    write: (chunk: string | Uint8Array) => stream.write(escapeChunk(chunk)),
  };
  return safe;
}

/** The progress line's own cursor control (`\r\x1b[K`), the one sequence the CLI itself sends. */
export function writeTerminalControl(stream: TerminalOutput, sequence: '\r\x1b[K'): void {
  const raw = (stream as Partial<SafeOutput>)[RAW] ?? stream;
  raw.write(sequence);
}

/**
 * Text with colour from terminal-style.ts's paint(): the colour sequences paint() writes reach the
 * terminal, and every other control character is made visible as on the filtered stream.
 */
export function writeStyled(stream: TerminalOutput, text: string): void {
  const raw = (stream as Partial<SafeOutput>)[RAW] ?? stream;
  const parts = text.split(STYLE_SEQUENCE);
  // split() with a capturing group: the odd parts are the sequences themselves.
  raw.write(parts.map((part, i) => (i % 2 === 1 ? part : escapeControlCharacters(part))).join(''));
}
