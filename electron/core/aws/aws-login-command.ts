// "Log in" and "Log out" for `aws login` profiles: the app does not speak AWS Sign-In itself (its
// DPoP-bound OAuth flow belongs to the CLI), it runs the first `aws` on PATH, as the user's
// terminal would, once that `aws` is new enough to have the command (AWS CLI 2.32.0).
// `aws logout` deletes the login cache the tools share (electron/core/aws/login-token-cache.ts).
import { spawn } from 'node:child_process';
import type { AwsCliReport } from '../../shared/model';
import { commandLine } from '../../shared/shell-commands';

export type AwsLoginAction = 'login' | 'logout';

/** The first release of AWS CLI v2 with `aws login` and `aws logout`. */
const AWS_LOGIN_MIN_VERSION = '2.32.0';

/** Note for SkyPilot users, shown beside login profiles (docs/interop-aws.md, "Login credentials cache"). */
export const LOGIN_SKYPILOT_NOTE =
  'botocore (and so SkyPilot) needs awscrt 0.28.4 or later (pip install "botocore[crt]") for login_session profiles, and only recent SkyPilot versions recognise them.';

function atLeast(version: string, minimum: string): boolean {
  const a = version.split('.').map(Number);
  const b = minimum.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

export type AwsLoginCli = { ok: true; path: string } | { ok: false; message: string };

/** The `aws` that `aws login` would run, or why it cannot be used. */
export function awsLoginCli(cli: AwsCliReport): AwsLoginCli {
  const first = cli.found[0];
  const needs = `\`aws login\` needs AWS CLI ${AWS_LOGIN_MIN_VERSION} or later`;
  if (!first) return { ok: false, message: `${needs}, and there is no \`aws\` on PATH.` };
  if (first.version === null)
    return { ok: false, message: `${needs}; the first \`aws\` on PATH (${first.path}) did not say its version.` };
  if (!atLeast(first.version, AWS_LOGIN_MIN_VERSION)) {
    return {
      ok: false,
      message: `${needs}; the first \`aws\` on PATH (${first.path}) is ${first.version}. Update it, or put a newer one first on PATH.`,
    };
  }
  return { ok: true, path: first.path };
}

export interface RunAwsLoginOptions {
  action: AwsLoginAction;
  profile: string;
  /** The `aws` to run (from awsLoginCli). */
  aws: string;
  env: NodeJS.ProcessEnv;
  /** Where its output goes; it prints a sign-in URL, never the credentials. */
  onOutput?: (stream: 'stdout' | 'stderr', text: string) => void;
  /** The terminal's stdin for `cloudid` (the CLI may ask a question); none for the app. */
  stdin?: 'inherit' | 'ignore';
  signal?: AbortSignal;
}

export interface AwsLoginOutcome {
  ok: boolean;
  exitCode: number | null;
  message: string;
}

/** Runs `aws login|logout --profile <profile>` and waits for it. */
export function runAwsLogin(opts: RunAwsLoginOptions): Promise<AwsLoginOutcome> {
  const args = [opts.action, '--profile', opts.profile];
  return new Promise((resolve) => {
    const child = spawn(opts.aws, args, {
      env: opts.env,
      stdio: [opts.stdin ?? 'ignore', 'pipe', 'pipe'],
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
    let lastLine = '';
    const take = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      const lines = text.trim().split(/\r?\n/);
      if (stream === 'stderr' && lines.at(-1)) lastLine = lines.at(-1) as string;
      opts.onOutput?.(stream, text);
    };
    child.stdout.on('data', take('stdout'));
    child.stderr.on('data', take('stderr'));
    child.on('error', (error) =>
      resolve({ ok: false, exitCode: null, message: `\`aws ${opts.action}\` could not run: ${error.message}` }),
    );
    child.on('close', (code) => {
      const done =
        opts.action === 'login' ? `Logged in with profile ${opts.profile}.` : `Logged out of profile ${opts.profile}.`;
      resolve(
        code === 0
          ? { ok: true, exitCode: 0, message: done }
          : {
              ok: false,
              exitCode: code,
              message: `\`${commandLine(['aws', opts.action, '--profile', opts.profile])}\` failed (exit ${code ?? 'signal'})${lastLine ? `: ${lastLine}` : '.'}`,
            },
      );
    });
  });
}
