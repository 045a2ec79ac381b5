// The test side: runs one scenario in a fresh Node process with its own HOME, AWS files and app
// folder, then reads its report. The process must end on its own soon after the scenario ends;
// if it does not, it is killed and `leftover` lists what it still had open.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import { makeAwsHome, type AwsHome } from '../../support/aws-home';
import { repoRoot } from './shell-harness';

export interface ScenarioReport<T> {
  result: T;
  /** The scenario threw: its stack. */
  failure: string | null;
  /** Unhandled rejections and uncaught exceptions in the app's process. */
  unhandled: string[];
  /** Options, events and members the app used that electron.d.ts does not declare. */
  undeclared: string[];
  /** The fake app's exit code, or null when it never ended. */
  exitCode: number | null;
  /** The process ended by itself within the deadline after the scenario. */
  endedOnItsOwn: boolean;
  /** What was still open when it had not (process.getActiveResourcesInfo()). */
  leftover: string[] | null;
  stderr: string;
}

export interface RunOptions {
  /** Prepares the throwaway HOME before the app starts. */
  setUp?(home: AwsHome): Promise<void>;
  env?: Record<string, string> | ((home: AwsHome) => Record<string, string>);
  /** How long the scenario may take. */
  timeoutMs?: number;
  /** How long the process may live on after the scenario. */
  endWithinMs?: number;
}

export async function runScenario<T>(
  file: string,
  name: string,
  options: RunOptions = {},
): Promise<ScenarioReport<T> & { home: AwsHome }> {
  const home = await makeAwsHome();
  await options.setUp?.(home);
  const reportFile = join(await mkdtemp(join(tmpdir(), 'cloudid-shell-')), 'report.json');
  const endWithinMs = options.endWithinMs ?? 4000;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home.home,
    SHELL: '/bin/sh',
    LANG: 'C.UTF-8',
    TZ: 'UTC',
    XDG_CONFIG_HOME: join(home.home, '.config'),
    CLOUDSDK_CONFIG: join(home.home, '.config', 'gcloud'),
    AWS_CONFIG_FILE: home.configFile,
    AWS_SHARED_CREDENTIALS_FILE: home.credentialsFile,
    AWS_EC2_METADATA_DISABLED: 'true',
    // Nothing reaches AWS: every SDK endpoint is a closed local port unless a scenario sets one.
    AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
    SHELL_REPORT_FILE: reportFile,
    SHELL_LEFTOVER_AFTER_MS: String(endWithinMs - 500),
    ...(process.env.DBUS_SESSION_BUS_ADDRESS ? { DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS } : {}),
    ...(typeof options.env === 'function' ? options.env(home) : options.env),
  };
  const child = spawn(
    process.execPath,
    [
      '--expose-gc',
      '--import',
      'tsx',
      '--import',
      './test/support/electron-fake/register.mjs',
      'test/shell/support/scenario-child.ts',
      file,
      name,
    ],
    { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  while (!existsSync(reportFile) && child.exitCode === null && child.signalCode === null && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  let endedOnItsOwn = false;
  if (existsSync(reportFile)) {
    endedOnItsOwn = await Promise.race([
      ended.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), endWithinMs)),
    ]);
  }
  if (!endedOnItsOwn && child.exitCode === null) {
    // Give the leftover dump its moment, then stop the process.
    await new Promise((resolve) => setTimeout(resolve, 600));
    child.kill('SIGKILL');
    await ended;
  }
  if (!existsSync(reportFile))
    throw new Error(`scenario ${name} wrote no report (exit ${child.exitCode ?? child.signalCode}):\n${stderr}`);
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as Omit<
    ScenarioReport<T>,
    'endedOnItsOwn' | 'leftover' | 'stderr'
  >;
  const leftover = existsSync(`${reportFile}.leftover`)
    ? (JSON.parse(readFileSync(`${reportFile}.leftover`, 'utf8')) as string[])
    : null;
  return { ...report, endedOnItsOwn, leftover, stderr, home };
}

/** The checks every scenario shares: it ran through, on declared API only, with nothing unhandled. */
export function cleanRun(report: ScenarioReport<unknown>): {
  failure: string | null;
  unhandled: string[];
  undeclared: string[];
} {
  return { failure: report.failure, unhandled: report.unhandled, undeclared: report.undeclared };
}

type ScenarioNames<S> = { [N in keyof S]: S[N] extends (...args: never[]) => unknown ? N : never }[keyof S] & string;
type ScenarioResult<S, K extends keyof S> = S[K] extends (...args: never[]) => infer R ? Awaited<R> : never;

/**
 * `run(name, options)` for the scenarios of one file (`S`: `typeof import` of it): runs one, checks
 * it ran clean on declared API, ended on its own with nothing left open (and exited 0 unless
 * `anyExitCode`), and removes its home after each test.
 */
export function scenarioRunner<S>(file: string, defaults: RunOptions = {}, { anyExitCode = false } = {}) {
  const homes: AwsHome[] = [];
  afterEach(async () => {
    await Promise.all(homes.splice(0).map((h) => h.cleanup()));
  });
  return async <K extends ScenarioNames<S>>(name: K, options: RunOptions = {}) => {
    const report = await runScenario<ScenarioResult<S, K>>(file, name, { ...defaults, ...options });
    homes.push(report.home);
    expect(cleanRun(report), report.stderr).toEqual({ failure: null, unhandled: [], undeclared: [] });
    if (!anyExitCode) expect(report.exitCode).toBe(0);
    expect(report.leftover).toBeNull();
    expect(report.endedOnItsOwn).toBe(true);
    return report;
  };
}
