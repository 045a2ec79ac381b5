// The one line `cloudid status` prints when the first `aws` on PATH is not AWS CLI v2. The full
// advice (core/aws/aws-cli-warning.ts) stays in `status --json` and the window; a terminal gets
// what is wrong, the one command or page that fixes it, and that cloudid itself does not need it.
import path from 'node:path';
import type { AwsCliReport } from '../shared/model';

const INSTALL_GUIDE = 'https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html';
const COVERED = '`cloudid login` covers `aws sso login` for cloudid and the tools that read its cache.';
/** Putting one of these first on PATH would shadow a pyenv's or virtualenv's python: alias instead. */
const SYSTEM_DIRS = new Set(['/usr/bin', '/bin', '/usr/sbin', '/sbin', '/usr/local/bin']);

function fixFor(v2Path: string, platform: NodeJS.Platform): string {
  if (platform === 'win32') return `put ${path.win32.dirname(v2Path)} first in your Path`;
  const dir = path.posix.dirname(v2Path);
  return SYSTEM_DIRS.has(dir) ? `\`alias aws=${v2Path}\`` : `\`export PATH="${dir}:$PATH"\``;
}

/** Null when the first `aws` on PATH is v2 or later (the report has no warning). */
export function awsCliLine(cli: AwsCliReport, platform: NodeJS.Platform): string | null {
  if (cli.warning === null) return null;
  const [first, ...rest] = cli.found;
  if (!first) return `! No \`aws\` on PATH (AWS CLI v2: ${INSTALL_GUIDE}). ${COVERED}`;
  const what = first.major === 1 ? `AWS CLI v1 (${first.path})` : `not a working AWS CLI v2 (${first.path})`;
  const v2 = rest.find((c) => c.major !== null && c.major >= 2);
  const fix = v2 ? `v2 is at ${v2.path}: ${fixFor(v2.path, platform)}` : `install v2: ${INSTALL_GUIDE}`;
  return `! The first \`aws\` on PATH is ${what}; ${fix}. ${COVERED}`;
}
