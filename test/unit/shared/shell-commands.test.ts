import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  awsSsoLoginCommand,
  cloudidCommand,
  commandLine,
  gcloudLoginCommand,
  profileExportLine,
  profilePrefix,
  shellQuote,
} from '../../../electron/shared/shell-commands';
import { ssoLoginGuidance } from '../../../electron/core/aws/identity-errors';

// Names from users' files have no line breaks or NUL (the contract and the parsers refuse them).
const nameArb = fc.string({ minLength: 1, maxLength: 40, unit: 'binary' }).filter((s) => !/[\r\n\0]/.test(s));
const HOSTILE = [
  'a b',
  "'",
  '"',
  '\\',
  '`id`',
  '$HOME',
  '*',
  '-n',
  '!',
  ';ls',
  'x@e.com;touch PWNED',
  '$(touch PWNED)',
  "a'; touch PWNED; '",
];

/** Runs a script in a real /bin/sh in an empty folder; returns stdout and what the folder holds after. */
function runSh(script: string): { out: string; files: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'cloudid-quote-'));
  try {
    const out = execFileSync('/bin/sh', ['-c', script], { encoding: 'utf8', cwd: dir, env: { PATH: '/usr/bin:/bin' } });
    return { out, files: readdirSync(dir) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('shell commands', () => {
  it('leaves ordinary names bare and quotes the rest', () => {
    expect(profilePrefix('prod-admin')).toBe('AWS_PROFILE=prod-admin');
    expect(profileExportLine('team/dev.eu-west-1')).toBe('export AWS_PROFILE=team/dev.eu-west-1');
    expect(profileExportLine('my profile')).toBe("export AWS_PROFILE='my profile'");
    expect(shellQuote("it's $HOME")).toBe(`'it'\\''s $HOME'`);
    expect(gcloudLoginCommand('alice@example.com')).toBe('gcloud auth login alice@example.com');
    expect(gcloudLoginCommand(null)).toBe('gcloud auth login');
  });

  it('gives sh exactly the profile name back, whatever it is (property, real /bin/sh)', () => {
    const names = fc.sample(nameArb, { numRuns: 60, seed: 7 }).concat(HOSTILE);
    const script = names.map((n) => `${profileExportLine(n)}; printf '%s\\0' "$AWS_PROFILE"`).join('\n');
    const { out, files } = runSh(script);
    expect(out.split('\0').slice(0, -1)).toEqual(names);
    expect(files).toEqual([]);
  });

  it('passes a hostile account to gcloud as one argument and runs nothing else', () => {
    const accounts = fc.sample(nameArb, { numRuns: 40, seed: 11 }).concat(HOSTILE);
    // A stand-in `gcloud` that prints its arguments, NUL-separated, one line per call.
    const script = [
      'gcloud() { printf "%s\\0" "$@"; printf "\\n"; }',
      ...accounts.map((a) => gcloudLoginCommand(a)),
    ].join('\n');
    const { out, files } = runSh(script);
    const calls = out
      .split('\n')
      .slice(0, -1)
      .map((line) => line.split('\0').slice(0, -1));
    expect(calls).toEqual(accounts.map((a) => ['auth', 'login', a]));
    expect(files).toEqual([]);
  });

  it('builds every other offered command with the same quoting: cloudid, aws sso login, a command line', () => {
    const names = fc.sample(nameArb, { numRuns: 30, seed: 13 }).concat(HOSTILE);
    // Stand-ins that print their name and arguments, NUL-separated, one line per call.
    const stub = (name: string): string => `${name}() { printf "%s\\0" ${name} "$@"; printf "\\n"; }`;
    const lines = names.flatMap((n) => [
      cloudidCommand('login', n),
      cloudidCommand('refresh', n),
      awsSsoLoginCommand(n),
      commandLine(['gcloud', 'config', 'set', 'project', n]),
    ]);
    const { out, files } = runSh([stub('cloudid'), stub('aws'), stub('gcloud'), ...lines].join('\n'));
    const calls = out
      .split('\n')
      .slice(0, -1)
      .map((line) => line.split('\0').slice(0, -1));
    expect(calls).toEqual(
      names.flatMap((n) => [
        ['cloudid', 'login', n],
        ['cloudid', 'refresh', n],
        ['aws', 'sso', 'login', '--profile', n],
        ['gcloud', 'config', 'set', 'project', n],
      ]),
    );
    expect(files).toEqual([]);
  });

  it('quotes the commands in the SSO login guidance, the message the window and tray show', () => {
    expect(ssoLoginGuidance('x;touch PWNED')).toBe(
      "AWS SSO login required for profile x;touch PWNED. Log in: cloudid login 'x;touch PWNED' (or: aws sso login --profile 'x;touch PWNED')",
    );
  });
});
