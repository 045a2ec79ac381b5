// `aws login` sessions in the window: state from the login cache, and Log in / Log out through a
// fake `aws` 2.32 first on PATH that writes and deletes the cache as the CLI does
// (test/support/fake-aws-login.ts).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '../support/e2e-fixtures';
import { fakeAws, type FakeAws } from '../support/fake-aws-login';
import { LOGIN_SECRETS, loginCacheName, loginToken } from '../support/login-cache';

const ARN = 'arn:aws:iam::012345678901:user/alice';
const CONFIG = `[profile console]\nlogin_session = ${ARN}\nregion = eu-west-1\n\n[profile keys]\naws_access_key_id = AKIAEXAMPLE\n`;

let bins: string;
test.beforeEach(async () => {
  bins = await mkdtemp(join(tmpdir(), 'cloudid-e2e-aws-'));
});
test.afterEach(async () => {
  await rm(bins, { recursive: true, force: true });
});

const envFor = (aws: FakeAws) => ({
  PATH: `${aws.bin}:/usr/bin:/bin`,
  FAKE_LOGIN_SESSION: ARN,
  AWS_PROFILE: 'console',
});

test.describe('aws login sessions', () => {
  test('shows a session from its cache: status, account, cache file; never a secret', async ({
    launchApp,
  }, testInfo) => {
    const aws = await fakeAws(bins, '2.32.0');
    const token = loginToken({
      expiresAt: new Date(Date.now() + 14 * 60_000).toISOString(),
      signedInAt: Date.now() - 3_600_000,
    });
    const { page, home } = await launchApp({
      config: CONFIG,
      env: envFor(aws),
      files: { [`.aws/login/cache/${loginCacheName(ARN)}`]: JSON.stringify(token, null, 2) },
    });
    const item = page.getByRole('listitem', { name: `Login session ${ARN}` });
    await expect(page.getByRole('heading', { name: 'AWS login sessions (1)' })).toBeVisible();
    await expect(item.locator('.status-badge')).toHaveText('Valid');
    await expect(item).toContainText('Account 012345678901');
    await expect(item).toContainText('renewed by the AWS tools on use');
    await expect(item).toContainText(`login cache ${join(home.home, '.aws', 'login', 'cache', loginCacheName(ARN))}`);
    await expect(page.getByText(/awscrt 0\.28\.4/)).toBeVisible();
    await item.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('aws-login-sessions.png'), fullPage: true });
    const text = await page.locator('body').innerText();
    for (const secret of Object.values(LOGIN_SECRETS)) expect(text).not.toContain(secret.trim());
  });

  test('Log in runs aws login, Log out runs aws logout, and the session follows', async ({ launchApp }) => {
    const aws = await fakeAws(bins, '2.32.0');
    const { page } = await launchApp({ config: CONFIG, env: envFor(aws) });
    const item = page.getByRole('listitem', { name: `Login session ${ARN}` });
    await expect(item.locator('.status-badge')).toHaveText('Signed out');
    await expect(item.getByRole('button', { name: `Log out of ${ARN}` })).toBeDisabled();

    await item.getByRole('button', { name: `Log in to ${ARN}` }).click();
    await expect(item.getByRole('status')).toHaveText('Logged in with profile console.');
    await expect(item.locator('.status-badge')).toHaveText('Valid');
    await expect(item).toContainText('Account 012345678901');

    await item.getByRole('button', { name: `Log out of ${ARN}` }).click();
    await expect(item.getByRole('status')).toHaveText('Logged out of profile console.');
    await expect(item.locator('.status-badge')).toHaveText('Signed out');
    expect(await aws.calls()).toEqual([
      ['login', '--profile', 'console'],
      ['logout', '--profile', 'console'],
    ]);
  });

  test('says which version is needed when the first aws on PATH is too old', async ({ launchApp }) => {
    const old = await fakeAws(bins, '2.31.2');
    const { page } = await launchApp({ config: CONFIG, env: envFor(old) });
    const item = page.getByRole('listitem', { name: `Login session ${ARN}` });
    await item.getByRole('button', { name: `Log in to ${ARN}` }).click();
    await expect(item.getByRole('status')).toContainText('needs AWS CLI 2.32.0 or later');
    await expect(item.getByRole('status')).toContainText('is 2.31.2');
    expect(await old.calls()).toEqual([]);
  });
});
