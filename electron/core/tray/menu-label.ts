// Menu labels on Windows and Linux treat `&` as the mnemonic marker ("&File" underlines F), so a
// profile named `dev&test` would lose its ampersand; `&&` is a literal one. macOS shows labels
// as written.
export function escapeMenuLabel(label: string, platform: NodeJS.Platform): string {
  return platform === 'darwin' ? label : label.replaceAll('&', '&&');
}
