// The `awsLoginProfile` operation over a real core: a fake `aws` 2.32 on PATH writes the login
// cache as `aws login` does, and the snapshot follows; an older first `aws` is refused by name.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/app/core';
import { createOperationHandlers } from '../../../../electron/core/app/operation-handlers';
import { parseInput } from '../../../../electron/shared/contract';
import { makeAwsHome, type AwsHome } from '../../../support/aws-home';
import { fakeAws } from '../../../support/fake-aws-login';

const ARN = 'arn:aws:iam::012345678901:user/alice';
let home: AwsHome | null = null;
let core: Core | null = null;
let bins: string | null = null;
afterEach(async () => {
  await core?.stop();
  core = null;
  await home?.cleanup();
  home = null;
  if (bins) await rm(bins, { recursive: true, force: true });
  bins = null;
});

async function setUp(version: string) {
  home = await makeAwsHome();
  await home.writeConfig(
    `[profile console]\nlogin_session = ${ARN}\n\n[profile keys]\naws_access_key_id = AKIAEXAMPLE\n`,
  );
  bins = await mkdtemp(join(tmpdir(), 'cloudid-fake-aws-'));
  const aws = await fakeAws(bins, version);
  core = createCore({
    env: { HOME: home.home, PATH: `${aws.bin}:/usr/bin:/bin`, FAKE_LOGIN_SESSION: ARN },
    homeDir: home.home,
    settingsFile: home.settingsFile,
    detectCli: false,
    watch: false,
  });
  await core.start();
  return { aws, handlers: createOperationHandlers(core, { copyText: () => undefined }), core };
}

const status = (c: Core) => c.snapshot().aws.loginSessions.find((s) => s.name === ARN)?.status;

describe('awsLoginProfile', () => {
  it('runs aws login and aws logout for the profile, and the snapshot follows the cache', async () => {
    const { aws, handlers, core: c } = await setUp('2.32.0');
    expect(status(c)).toBe('signed-out');
    const loggedIn = await handlers.awsLoginProfile(
      parseInput('awsLoginProfile', { profile: 'console', action: 'login' }),
    );
    expect(loggedIn).toEqual({ ok: true, message: 'Logged in with profile console.' });
    expect(status(c)).toBe('valid');
    expect(c.snapshot().aws.profiles.find((p) => p.name === 'console')).toMatchObject({
      status: 'valid',
      accountId: '012345678901',
    });
    expect(await handlers.awsLoginProfile({ profile: 'console', action: 'logout' })).toEqual({
      ok: true,
      message: 'Logged out of profile console.',
    });
    expect(status(c)).toBe('signed-out');
    expect(await aws.calls()).toEqual([
      ['login', '--profile', 'console'],
      ['logout', '--profile', 'console'],
    ]);
  });

  it('says which version is needed when the first aws on PATH is older, and refuses other kinds', async () => {
    const { aws, handlers } = await setUp('2.31.0');
    const result = await handlers.awsLoginProfile({ profile: 'console', action: 'login' });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/needs AWS CLI 2\.32\.0 or later; .* is 2\.31\.0/);
    expect(await handlers.awsLoginProfile({ profile: 'keys', action: 'login' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('no login_session'),
    });
    expect(await aws.calls()).toEqual([]);
    expect(() => parseInput('awsLoginProfile', { profile: 'console', action: 'sso' })).toThrow();
  });
});
