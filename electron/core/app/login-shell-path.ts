// A desktop app started from a dock or launcher does not inherit the PATH of the user's terminal
// (macOS gives GUI apps /usr/bin:/bin:/usr/sbin:/sbin). To tell which `aws` the user's terminal
// runs, ask their login shell once, with a timeout, and fall back to our own PATH.
import { execFile } from 'node:child_process';

const START = '__CLOUDID_PATH_START__';
const END = '__CLOUDID_PATH_END__';

export interface LoginShellPathOptions {
  shell: string | undefined;
  fallback: string | undefined;
  platform: NodeJS.Platform;
  timeoutMs?: number;
}

/** The PATH an interactive login shell sets up; rc-file chatter around it is ignored. */
export function loginShellPath(opts: LoginShellPathOptions): Promise<string | undefined> {
  if (opts.platform === 'win32' || !opts.shell) return Promise.resolve(opts.fallback);
  const script = `printf '%s%s%s' '${START}' "$PATH" '${END}'`;
  return new Promise((resolve) => {
    execFile(opts.shell as string, ['-ilc', script], { timeout: opts.timeoutMs ?? 3000, encoding: 'utf8' }, (error, stdout) => {
      const match = typeof stdout === 'string' ? stdout.match(new RegExp(`${START}(.*)${END}`, 's')) : null;
      resolve(!error && match?.[1] ? match[1] : opts.fallback);
    });
  });
}
