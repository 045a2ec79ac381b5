// Does a shell profile still parse? Asked of the shell itself (`bash -n`, `zsh -n`: read and
// parse, run nothing) before an edited profile is written. fish is not checked. A shell that is
// not installed cannot be asked: then the answer is null, as it is for fish.
import { spawn } from 'node:child_process';
import type { ShellKind } from './shell-profile-block';

const CHECK_TIMEOUT_MS = 10_000;
const MESSAGE_CHARS = 200;

// --norc/--noprofile and -f: no startup file is read; -n: nothing is run.
const CHECKERS: Partial<Record<ShellKind, { command: string; args: string[] }>> = {
  bash: { command: 'bash', args: ['--norc', '--noprofile', '-n'] },
  zsh: { command: 'zsh', args: ['-f', '-n'] },
};

export type SyntaxCheck = { ok: true } | { ok: false; message: string } | null;

/** The script on stdin; `env.PATH` finds the shell. */
export function checkShellSyntax(shell: ShellKind, text: string, env: NodeJS.ProcessEnv): Promise<SyntaxCheck> {
  const checker = CHECKERS[shell];
  if (!checker) return Promise.resolve(null);
  return new Promise((resolve) => {
    const child = spawn(checker.command, checker.args, {
      env: { PATH: env.PATH ?? '' },
      stdio: ['pipe', 'ignore', 'pipe'],
      timeout: CHECK_TIMEOUT_MS,
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString();
    });
    child.on('error', () => resolve(null));
    // The shell may stop reading at the first error: a closed pipe is not a failure of ours.
    child.stdin.on('error', () => undefined);
    child.on('close', (code, signal) => {
      if (code === 0) resolve({ ok: true });
      else if (signal !== null) resolve({ ok: false, message: `${checker.command} -n did not finish` });
      else resolve({ ok: false, message: firstLine(stderr) || `${checker.command} -n failed` });
    });
    child.stdin.end(text);
  });
}

function firstLine(text: string): string {
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > MESSAGE_CHARS ? `${line.slice(0, MESSAGE_CHARS)}…` : line;
}
