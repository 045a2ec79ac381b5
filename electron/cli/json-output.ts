// The one style of every `--json` document: one object on one line, `version` first. One line is
// what `status --json` has always printed (status-json.ts builds it in parts for speed), and what
// line-oriented tools expect; `jq .` shows it indented. Each document's fields are in docs/cli.md.

/** The version of every `cloudid … --json` document: fields may be added, none renamed or removed. */
export const JSON_VERSION = 1;

/** `document` as printed: `{"version":1,…}` and a line feed. */
export function jsonLine(document: Record<string, unknown> & { version?: never }): string {
  return `${JSON.stringify({ version: JSON_VERSION, ...document })}\n`;
}
