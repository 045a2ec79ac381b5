// Runs the real gcloud, never through a shell, never prompting, and keeps its own error text:
// when gcloud refuses, the user sees gcloud's words.
import { execFile } from 'node:child_process';
import { errnoCode } from '../fs/errno';

export interface GcloudRun {
  command: string[];
  exitCode: number;
  stdout: string;
  stderr: string;
  /** gcloud's own message when it failed (its `ERROR:` lines), else null. */
  error: string | null;
}

export interface GcloudRunnerOptions {
  env: NodeJS.ProcessEnv;
  /** The gcloud executable (default: `gcloud` on PATH). */
  gcloudPath?: string;
  timeoutMs?: number;
}

export function gcloudErrorText(stderr: string): string {
  const lines = stderr.split(/\r?\n/);
  const start = lines.findIndex((line) => line.startsWith('ERROR:'));
  const text = (start >= 0 ? lines.slice(start) : lines).join('\n').trim();
  return text || 'gcloud failed without saying why';
}

export function runGcloudCommand(args: string[], options: GcloudRunnerOptions): Promise<GcloudRun> {
  const gcloud = options.gcloudPath ?? 'gcloud';
  const env = { ...options.env, CLOUDSDK_CORE_DISABLE_PROMPTS: '1' };
  return new Promise((resolve) => {
    execFile(
      gcloud,
      args,
      { env, timeout: options.timeoutMs ?? 120_000, maxBuffer: 4 * 1024 * 1024, windowsHide: true },
      (error, stdout, stderr) => {
        let exitCode = 0;
        let extra = '';
        if (error) {
          const code = errnoCode(error);
          if (code === 'ENOENT') {
            exitCode = 127;
            extra = `gcloud was not found (${gcloud}). Install the Google Cloud CLI: https://cloud.google.com/sdk/docs/install`;
          } else if (error.killed) {
            exitCode = 124;
            extra = `gcloud did not finish within ${Math.round((options.timeoutMs ?? 120_000) / 1000)} s and was stopped`;
          } else {
            exitCode = typeof error.code === 'number' ? error.code : 1;
          }
        }
        const allErr = extra ? `${stderr}${stderr ? '\n' : ''}${extra}` : stderr;
        resolve({
          command: [gcloud, ...args],
          exitCode,
          stdout,
          stderr: allErr,
          error: exitCode === 0 ? null : extra || gcloudErrorText(stderr),
        });
      },
    );
  });
}
