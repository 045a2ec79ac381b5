// What "Copy export line" puts on the clipboard: a POSIX shell line that makes a profile the
// active one for the rest of the terminal session. Profile names may hold characters a shell
// would interpret, so anything beyond a safe set is single-quoted (the same rule as the window's
// renderer/src/lib/shell-command.ts; the renderer may not import from electron/core).

const SHELL_SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

export function shellQuote(value: string): string {
  if (SHELL_SAFE.test(value)) return value;
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

export function profileExportLine(profile: string): string {
  return `export AWS_PROFILE=${shellQuote(profile)}`;
}
