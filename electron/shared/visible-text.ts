// Control characters made visible, for every place text from files or the environment is shown
// outside a web page: the terminal (electron/cli/terminal-text.ts) and the tray menu
// (electron/core/tray/menu-label.ts). The notation is JSON's, `\u001b`, which `--json` shows for
// the same character and which stays valid inside a JSON string.

/**
 * C0 controls but line feed and tab, DEL, C1 controls (0x9b is a one-byte CSI), the bidi
 * embeddings, overrides and isolates (they reorder what is shown), and the line and paragraph
 * separators.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

const visible = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** `text` with each control character written as `\uXXXX`; line feeds and tabs kept. */
export function escapeControlCharacters(text: string): string {
  return text.replace(CONTROL, visible);
}

/**
 * One field of a line, a table cell or a menu label: also the line feed and tab shown as
 * `\u000a` / `\u0009`, so a value from a file cannot start a line of its own.
 */
export function oneLine(text: string): string {
  return escapeControlCharacters(text).replace(/[\n\t]/g, visible);
}
