// Logging in to AWS IAM Identity Center from the window, against the local SSO-OIDC server: the
// code is shown, approving it turns the session valid live (the token file write arrives as a
// snapshot, no reload), a second click joins the login, cancel and log out work, and the running
// app refreshes a session that is due without anyone asking.
import { readFile, writeFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { cacheStamp } from '../support/aws-home';
import { expect, test } from '../support/e2e-fixtures';
import type { SsoOidcServer } from '../support/sso-oidc-server';

const LEGACY_URL = 'https://legacy.awsapps.com/start';
const CONFIG = `[sso-session corp]
sso_start_url = https://d-1234567890.awsapps.com/start
sso_region = eu-west-1
sso_registration_scopes = sso:account:access

[profile corp-admin]
sso_session = corp
sso_account_id = 111111111111
sso_role_name = Admin

[profile legacy-dev]
sso_start_url = ${LEGACY_URL}
sso_region = us-east-1
sso_account_id = 222222222222
sso_role_name = Dev
`;

const sessionItem = (page: Page, name: string): Locator =>
  page.getByRole('listitem', { name: `SSO session ${name}`, exact: true });
const statusOf = (item: Locator): Locator => item.locator('.session-head .status-badge');
const notReloaded = (page: Page) =>
  page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
const serverOf = (oidc: SsoOidcServer | null): SsoOidcServer => {
  if (oidc === null) throw new Error('launched without the local SSO servers');
  return oidc;
};
const stillSamePage = async (page: Page) =>
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

/** Stands in for the browser: follows the authorize page to its redirect into our loopback server. */
async function approveInBrowser(url: string): Promise<void> {
  const authorize = await fetch(url, { redirect: 'manual' });
  const location = authorize.headers.get('location');
  if (authorize.status !== 302 || location === null) throw new Error(`authorize answered ${authorize.status}`);
  await (await fetch(location)).text();
}

test.describe('SSO login from the window', () => {
  test('device code: the code is shown, a second click joins, approving it turns the session valid live; log out', async ({
    launchApp,
  }) => {
    const launched = await launchApp({ config: CONFIG, sso: {} });
    const { page, home, opened, copied } = launched;
    const oidc = serverOf(launched.oidc);
    await notReloaded(page);
    const item = sessionItem(page, LEGACY_URL);
    await expect(statusOf(item)).toHaveText('Signed out');

    await item.getByRole('button', { name: `Log in to ${LEGACY_URL}` }).click();
    const prompt = item.getByRole('group', { name: `Login to ${LEGACY_URL}` });
    await expect(prompt.getByText('Confirm this code on the sign-in page')).toBeVisible();
    const code = (await prompt.locator('.sso-user-code').textContent()) ?? '';
    expect(code).toMatch(/^[A-Z0-9-]{4,}$/);
    await expect.poll(() => opened.length).toBe(1);
    expect(opened[0]).toContain(`user_code=${code}`);

    // Clicking again while the login runs joins it: no second device authorization, no second tab.
    await item.getByRole('button', { name: `Log in to ${LEGACY_URL}` }).click();
    await expect(prompt.locator('.sso-user-code')).toHaveText(code);
    expect(oidc.requests.filter((r) => r.operation === 'StartDeviceAuthorization')).toHaveLength(1);
    expect(opened).toHaveLength(1);

    // "Copy link" for a browser elsewhere; "Open the page" opens the same page again through the shell.
    await prompt.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => copied).toEqual([opened[0]]);
    await prompt.getByRole('button', { name: 'Open the page' }).click();
    await expect.poll(() => opened.length).toBe(2);
    expect(opened[1]).toBe(opened[0]);

    oidc.approve(code);
    await expect(statusOf(item)).toHaveText('Valid');
    await expect(prompt).toHaveCount(0);
    await expect(item.locator('.sso-token-time')).toHaveText(/^Access token expires in (59m|1h)$/);
    await expect(item.getByText('Legacy profile: renews only with a browser sign-in')).toBeVisible();
    expect(oidc.requests.filter((r) => r.operation === 'StartDeviceAuthorization')).toHaveLength(1);
    await expect(
      page.getByRole('listbox', { name: 'AWS profiles' }).getByRole('option', { name: 'legacy-dev', exact: true }),
    ).toContainText('Valid');

    await item.getByRole('button', { name: `Log out of ${LEGACY_URL}` }).click();
    await expect(statusOf(item)).toHaveText('Signed out');
    // The token is the session's: the message names every profile it signed out.
    await expect(item.getByText('Logged out. Profile signed out with it: legacy-dev.')).toBeVisible();
    await expect(readFile(home.tokenPath(LEGACY_URL), 'utf8')).rejects.toThrow();
    await stillSamePage(page);
  });

  test('PKCE for an sso-session: waits for the browser, then valid and refreshable; cancel ends a login', async ({
    launchApp,
  }) => {
    const launched = await launchApp({ config: CONFIG, sso: {} });
    const { page, opened } = launched;
    const oidc = serverOf(launched.oidc);
    await notReloaded(page);
    const item = sessionItem(page, 'corp');
    const logIn = item.getByRole('button', { name: 'Log in to corp' });
    const prompt = item.getByRole('group', { name: 'Login to corp' });

    await logIn.click();
    await expect(prompt.getByText('Waiting for the browser')).toBeVisible();
    await prompt.getByRole('button', { name: 'Cancel login' }).click();
    await expect(prompt).toHaveCount(0);
    await expect(statusOf(item)).toHaveText('Signed out');

    await logIn.click();
    await expect(prompt.getByText('Waiting for the browser')).toBeVisible();
    await expect.poll(() => opened.length).toBe(2);
    await approveInBrowser(opened[1] ?? '');
    await expect(statusOf(item)).toHaveText('Valid');
    await expect(item.getByText('Token refreshes without a browser')).toBeVisible();
    await expect(item.locator('.sso-session-time')).toHaveText(
      /^Session lasts up to \d+d( \d+h)? more without a browser sign-in$/,
    );
    await expect(item.getByRole('button', { name: 'Refresh corp' })).toBeEnabled();
    expect(oidc.requests.some((r) => r.operation === 'StartDeviceAuthorization')).toBe(false);
    await stillSamePage(page);
  });

  test('the running app refreshes a session that is due, and the window shows the new expiry live', async ({
    launchApp,
  }) => {
    const launched = await launchApp({ config: CONFIG, sso: { keepSessions: true } });
    const { page, home, opened } = launched;
    const oidc = serverOf(launched.oidc);
    const item = sessionItem(page, 'corp');
    await item.getByRole('button', { name: 'Log in to corp' }).click();
    await expect.poll(() => opened.length).toBe(1);
    await approveInBrowser(opened[0] ?? '');
    await expect(statusOf(item)).toHaveText('Valid');
    const refreshes = () =>
      oidc.requests.filter((r) => r.operation === 'CreateToken' && r.body.grantType === 'refresh_token').length;
    expect(refreshes()).toBe(0);

    // Ten minutes left: inside the keeper's window. Nobody clicks anything.
    const token = JSON.parse(await readFile(home.tokenPath('corp'), 'utf8')) as Record<string, string>;
    await writeFile(
      home.tokenPath('corp'),
      JSON.stringify({ ...token, expiresAt: cacheStamp(Date.now() + 10 * 60_000) }),
    );
    // The keeper sees the change on the snapshot, refreshes, and the new token arrives as another.
    await expect.poll(refreshes).toBe(1);
    await expect(item.locator('.sso-token-time')).toHaveText(/^Access token expires in (59m|1h)$/);
    const renewed = JSON.parse(await readFile(home.tokenPath('corp'), 'utf8')) as Record<string, string>;
    expect(renewed.accessToken).not.toBe(token.accessToken);
    expect(renewed.refreshToken).toBeTruthy();
  });
});
