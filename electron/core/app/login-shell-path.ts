// A desktop app started from a dock or launcher does not inherit the PATH of the user's terminal
// (macOS gives GUI apps /usr/bin:/bin:/usr/sbin:/sbin). To tell which `aws` the user's terminal
// runs, ask their login shell once, with a timeout, and fall back to our own PATH.
//
// The shell runs in a process group of its own: an rc file's `sleep`, or anything else it starts
// and waits for, holds the output pipe open after the shell itself is killed, so a timeout or a
// quit kills the whole group at once. Interactive bash ignores SIGTERM, hence SIGKILL.
import { spawn } from 'node:child_process';

const START = '__CLOUDID_PATH_START__';
const END = '__CLOUDID_PATH_END__';
const PATH_PATTERN = new RegExp(`${START}(.*)${END}`, 's');

export interface LoginShellPathOptions {
  shell: string | undefined;
  fallback: string | undefined;
  platform: NodeJS.Platform;
  timeoutMs?: number;
  /** Aborting (the app quits) kills the shell at once and answers the fallback. */
  signal?: AbortSignal;
}

/** The PATH an interactive login shell sets up; rc-file chatter around it is ignored. */
export function loginShellPath(opts: LoginShellPathOptions): Promise<string | undefined> {
  if (opts.platform === 'win32' || !opts.shell || opts.signal?.aborted) return Promise.resolve(opts.fallback);
  const script = `printf '%s%s%s' '${START}' "$PATH" '${END}'`;
  const shell = opts.shell;
  return new Promise((resolve) => {
    let output = '';
    let settled = false;
    const child = spawn(shell, ['-ilc', script], { detached: true, stdio: ['ignore', 'pipe', 'ignore'] });

    const killGroup = (): void => {
      if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const finish = (path: string | undefined): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      // Whatever the shell started and left running must not keep this process waiting.
      child.stdout.destroy();
      resolve(path);
    };
    const giveUp = (): void => {
      killGroup();
      finish(opts.fallback);
    };
    const onAbort = giveUp;
    const timer = setTimeout(giveUp, opts.timeoutMs ?? 3000);
    opts.signal?.addEventListener('abort', onAbort, { once: true });

    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
      // The marker is the script's last output: the answer is complete, whatever runs on.
      const match = output.match(PATH_PATTERN);
      if (match) finish(match[1] || opts.fallback);
    });
    child.stdout.on('end', () => finish(opts.fallback));
    child.on('error', () => finish(opts.fallback));
  });
}
