// C0 control characters and DEL. A file path holding one (a line break above all) can end a line
// of a shell profile early or rewrite a terminal, so no path with one is written or shown as is.

export function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
