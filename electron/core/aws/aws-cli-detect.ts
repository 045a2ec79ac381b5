// Which `aws` does the user's terminal run? Every `aws` on PATH, in PATH order, with its version.
// The trap this guards against: `pip install awscli` puts AWS CLI v1 first on PATH, and v1 has no
// `aws sso login`, so SSO "does not work" although v2 is installed further down the PATH.
import type { ChildProcess } from 'node:child_process';
import { constants as fsConstants } from 'node:fs';
import { access, realpath, stat } from 'node:fs/promises';
import type { AwsCliInstall, AwsCliReport } from '../../shared/model';
import { readInstalledAwsVersion } from './aws-cli-install-version';
import { awsCliWarning } from './aws-cli-warning';
import type { AwsCliVersionCache } from './aws-cli-version-cache';
import { errnoCode } from '../fs/errno';
import { awsCandidatePaths } from './aws-cli-candidates';

export { awsCliWarning } from './aws-cli-warning';

export interface DetectAwsClisOptions {
  /** The PATH to search (the user's login-shell PATH in the app). */
  path: string | undefined;
  platform: NodeJS.Platform;
  /** Windows only; defaults to the system's default `.COM;.EXE;.BAT;.CMD`. */
  pathExt?: string;
  /** Per `aws --version`; default 5 s. */
  timeoutMs?: number;
  /**
   * Environment for the `--version` runs; PATH is replaced by `path` so shims (pyenv, asdf) that
   * look up their interpreter on PATH behave as in the user's terminal. Default: process.env.
   */
  env?: NodeJS.ProcessEnv;
  /** Remember answers between runs (the `cloudid` command); the app asks afresh at start. */
  versionCache?: AwsCliVersionCache;
  /** Aborting (the app quits) kills a running `--version` at once, as its timeout does. */
  signal?: AbortSignal;
}

export interface AwsVersion {
  version: string;
  major: number;
}

const DEFAULT_TIMEOUT_MS = 5_000;

/**
 * Reads `aws-cli/2.9.19 Python/3.11.2 ...` (v2 on stdout) or `aws-cli/1.45.11 Python/...`
 * (v1; very old v1 prints it on stderr). Returns null for anything else.
 */
export function parseAwsVersion(text: string): AwsVersion | null {
  const match = /(?:^|\s)aws-cli\/(\d+)\.(\d+)\.(\d+)(?=\s|$)/m.exec(text);
  if (!match || match[1] === undefined || match[2] === undefined || match[3] === undefined) return null;
  return { version: `${match[1]}.${match[2]}.${match[3]}`, major: Number(match[1]) };
}

async function isExecutableFile(file: string, platform: NodeJS.Platform): Promise<boolean> {
  try {
    if (!(await stat(file)).isFile()) return false;
    if (platform !== 'win32') await access(file, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Runs `<file> --version` and resolves with both streams; never rejects. */
async function runVersion(file: string, opts: DetectAwsClisOptions): Promise<AwsCliInstall> {
  // Loaded only when a version is not already known: `cloudid status` usually runs nothing.
  const { spawn } = await import('node:child_process');
  // Windows names are case-insensitive: drop `Path` too, or the child might see the old one.
  const env: NodeJS.ProcessEnv = Object.fromEntries(
    Object.entries(opts.env ?? process.env).filter(([name]) => name.toUpperCase() !== 'PATH'),
  );
  env.PATH = opts.path ?? '';
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // Since Node 20.12 (CVE-2024-27980) .cmd/.bat files cannot be spawned without a shell.
  const viaCmd = opts.platform === 'win32' && /\.(cmd|bat)$/i.test(file);
  const command = viaCmd ? (env.ComSpec ?? 'cmd.exe') : file;
  // As Node's own `shell: true` does: /s strips the outer quotes, keeping a path with spaces quoted.
  const args = viaCmd ? ['/d', '/s', '/c', `""${file}" --version"`] : ['--version'];
  const posix = process.platform !== 'win32';
  return new Promise((resolve) => {
    const failure = (error: string): AwsCliInstall => ({ path: file, version: null, major: null, error });
    let child: ChildProcess;
    try {
      child = spawn(command, args, {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
        windowsHide: true,
        windowsVerbatimArguments: viaCmd,
        // Its own process group, so a timeout also kills what a shim started (bash -> pyenv -> python).
        detached: posix,
      });
    } catch (error) {
      resolve(failure(`could not run \`aws --version\` (${errorCode(error)})`));
      return;
    }
    let output = '';
    let settled = false;
    const finish = (install: AwsCliInstall): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      resolve(install);
    };
    const stop = (why: string): void => {
      killTree(child, posix);
      child.stdout?.destroy();
      child.stderr?.destroy();
      finish(failure(why));
    };
    const timer = setTimeout(() => stop(`\`aws --version\` did not finish within ${timeoutMs} ms`), timeoutMs);
    const onAbort = (): void => stop('`aws --version` was stopped: the app is quitting');
    if (opts.signal?.aborted) onAbort();
    else opts.signal?.addEventListener('abort', onAbort, { once: true });
    const collect = (chunk: Buffer): void => {
      if (output.length < MAX_OUTPUT) output += chunk.toString('utf8');
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.on('error', (error) => finish(failure(`could not run \`aws --version\` (${errorCode(error)})`)));
    child.on('close', (code, signal) => {
      const parsed = parseAwsVersion(output);
      if (parsed) finish({ path: file, version: parsed.version, major: parsed.major, error: null });
      else finish(failure(describeFailure(code, signal, output)));
    });
  });
}

const MAX_OUTPUT = 64 * 1024;

function errorCode(error: unknown): string {
  return errnoCode(error) ?? (error instanceof Error ? error.message : String(error));
}

function killTree(child: ChildProcess, posix: boolean): void {
  try {
    if (posix && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    else child.kill('SIGKILL');
  } catch {
    // Already gone.
  }
}

function describeFailure(code: number | null, signal: NodeJS.Signals | null, output: string): string {
  const firstLine = output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .find((line) => line !== '');
  const said = firstLine ? `: ${firstLine.slice(0, 200)}` : '';
  if (signal) return `\`aws --version\` was killed by ${signal}${said}`;
  if (code !== null && code !== 0) return `\`aws --version\` exited with status ${code}${said}`;
  return firstLine ? `\`aws --version\` printed no AWS CLI version${said}` : '`aws --version` printed nothing';
}

/** Every `aws` on PATH in PATH order, deduplicated by real path, each with its version or error. */
export async function detectAwsClis(opts: DetectAwsClisOptions): Promise<AwsCliReport> {
  const candidates = awsCandidatePaths(opts.path, opts.platform, opts.pathExt);
  const checks = await Promise.all(
    candidates.map(async (file) => {
      if (!(await isExecutableFile(file, opts.platform))) return null;
      const real = await realpath(file).catch(() => file);
      return { file, real };
    }),
  );
  const seen = new Set<string>();
  const unique: Array<{ file: string; real: string }> = [];
  for (const check of checks) {
    if (!check || seen.has(check.real)) continue;
    seen.add(check.real);
    unique.push(check);
  }
  const cache = opts.versionCache;
  // `aws --version` runs in this process's directory, so pyenv's `.python-version` is looked for
  // from there too.
  const installOpts = { path: opts.path, env: opts.env ?? process.env, cwd: process.cwd(), platform: opts.platform };
  const found = await Promise.all(
    unique.map(async ({ file, real }) => {
      const cached = await cache?.get(file, real);
      if (cached) return cached;
      // The installation's files, read in milliseconds; `aws --version` only when they say nothing sure.
      const installed = await readInstalledAwsVersion(file, installOpts);
      const install = installed ? { path: file, ...installed, error: null } : await runVersion(file, opts);
      await cache?.set(file, real, install);
      return install;
    }),
  );
  await cache?.save().catch(() => undefined);
  return { found, warning: awsCliWarning(found, opts.platform) };
}
