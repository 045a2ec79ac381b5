import { spawn } from 'node:child_process';
import { basename, dirname, join } from 'node:path';
import { build } from 'esbuild';

export interface BenchRow {
  name: string;
  value: string;
}

export const ms = (n: number): string => `${n.toFixed(n < 10 ? 2 : 0)} ms`;

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? NaN;
}

export const median = (values: number[]): number => percentile(values, 50);

/** Wall time of a whole command, start to exit; rejects on a non-zero exit. */
export function timeCommand(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ ms: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const elapsed = performance.now() - started;
      if (code !== 0 && code !== 1) reject(new Error(`${command} exited ${code}: ${stderr.slice(0, 500)}`));
      else resolve({ ms: elapsed, stdout });
    });
  });
}

/**
 * Bundles a bench child the way the shipped code is built (esbuild, no name-keeping helpers that
 * tsx adds), so what is timed is what users run.
 */
async function bundleChild(script: string): Promise<string> {
  const outfile = join(dirname(script), '..', '..', 'out', 'bench', basename(script).replace(/\.ts$/, '.mjs'));
  await build({
    entryPoints: [script],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22.12',
    packages: 'external',
    logLevel: 'warning',
  });
  return outfile;
}

/** Runs a bench child script, bundled, and parses the JSON it prints last. */
export async function runChild<T>(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  nodeArgs: string[] = [],
): Promise<T> {
  const { stdout } = await timeCommand(process.execPath, [...nodeArgs, await bundleChild(script), ...args], env);
  const last = stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as T;
}

export function printTable(title: string, rows: BenchRow[]): void {
  const width = Math.max(...rows.map((r) => r.name.length));
  console.log(`\n${title}`);
  console.log('-'.repeat(title.length));
  for (const row of rows) console.log(`${row.name.padEnd(width)}  ${row.value}`);
}

export interface TimedCommand {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  /** Run before each timed run, not timed (delete a cache, touch a file). */
  before?: () => Promise<void>;
}

/**
 * Median wall time of each command over `rounds` rounds, the commands taking turns within each
 * round: this machine's speed drifts from second to second, and taking turns exposes a command
 * and its peer to the same drift, so their ratio means more than either figure.
 */
export async function interleavedMedians(rounds: number, commands: TimedCommand[]): Promise<number[]> {
  const times: number[][] = commands.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (const [i, c] of commands.entries()) {
      await c.before?.();
      times[i]?.push((await timeCommand(c.command, c.args, c.env)).ms);
    }
  }
  return times.map(median);
}
