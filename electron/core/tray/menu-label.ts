// Menu labels on Windows and Linux treat `&` as the mnemonic marker ("&File" underlines F), so a
// profile named `dev&test` would lose its ampersand; `&&` is a literal one. macOS shows labels
// as written. Labels hold names from users' files, so control characters and line breaks are
// shown (`\u001b`, shared/visible-text.ts), never passed to the menu.
import { oneLine } from '../../shared/visible-text';

export function escapeMenuLabel(label: string, platform: NodeJS.Platform): string {
  const visible = oneLine(label);
  return platform === 'darwin' ? visible : visible.replaceAll('&', '&&');
}
