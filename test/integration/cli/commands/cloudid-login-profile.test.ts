// `cloudid login|logout <profile>` for an `aws login` profile, with a fake `aws` first on PATH
// that says its version and records the arguments it was given (test/support/fake-aws-login.ts).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../../../electron/cli/command';
import { run as login } from '../../../../electron/cli/commands/login';
import { run as logout } from '../../../../electron/cli/commands/logout';
import { EXIT } from '../../../../electron/cli/exit-codes';
import { fakeAws as makeFakeAws } from '../../../support/fake-aws-login';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

const ARN = 'arn:aws:iam::012345678901:user/alice';
let home: string;
let stdout: Capture;
let stderr: Capture;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'cloudid-awslogin-'));
  await mkdir(join(home, '.aws'));
  await writeFile(
    join(home, '.aws', 'config'),
    `[profile console]\nlogin_session = ${ARN}\nregion = eu-west-1\n\n[profile keys]\naws_access_key_id = AKIAEXAMPLE\n`,
  );
  stdout = new Capture();
  stderr = new Capture();
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

const fakeAws = (version: string) => makeFakeAws(home, version);

const ctx = (path: string): CommandContext => ({ env: { HOME: home, PATH: path }, homeDir: home, stdout, stderr });

describe('cloudid login|logout for a login_session profile', () => {
  it('runs `aws login --profile` and `aws logout --profile` with the first aws on PATH when it is 2.32+', async () => {
    const newer = await fakeAws('2.32.3');
    const older = await fakeAws('2.9.19');
    const path = `${newer.bin}:${older.bin}:/usr/bin:/bin`;
    expect(await login(['console'], ctx(path))).toBe(EXIT.ok);
    expect(await logout(['--profile', 'console'], ctx(path))).toBe(EXIT.ok);
    expect(await newer.calls()).toEqual([
      ['login', '--profile', 'console'],
      ['logout', '--profile', 'console'],
    ]);
    expect(await older.calls()).toEqual([]);
    expect(stdout.text).toContain('Updated profile console.');
    expect(stderr.text).toMatch(/SkyPilot.*awscrt 0\.28\.4/);
  });

  it('says which version is needed when the first aws on PATH is older, and runs nothing', async () => {
    const older = await fakeAws('2.31.9');
    const newer = await fakeAws('2.33.0');
    const path = `${older.bin}:${newer.bin}:/usr/bin:/bin`;
    expect(await login(['console'], ctx(path))).toBe(EXIT.unusable);
    expect(stderr.text).toContain(
      `needs AWS CLI 2.32.0 or later; the first \`aws\` on PATH (${join(older.bin, 'aws')}) is 2.31.9`,
    );
    expect(await older.calls()).toEqual([]);
    expect(await newer.calls()).toEqual([]);
  });

  it('leaves other profiles to the SSO commands', async () => {
    const newer = await fakeAws('2.32.3');
    expect(await login(['keys'], ctx(`${newer.bin}:/usr/bin:/bin`))).toBe(EXIT.unusable);
    expect(await newer.calls()).toEqual([]);
    expect(stderr.text).not.toContain('aws login');
  });
});
