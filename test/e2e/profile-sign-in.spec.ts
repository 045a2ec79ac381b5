// The selected profile's card signs its SSO session in and refreshes it, against the local
// SSO-OIDC server, without a trip to the SSO sessions card further down.
import { expect, test } from '../support/e2e-fixtures';
import { detail, profileOption } from './window-locators';

const CONFIG = `[sso-session corp]
sso_start_url = https://d-1234567890.awsapps.com/start
sso_region = eu-west-1
sso_registration_scopes = sso:account:access

[profile corp-admin]
sso_session = corp
sso_account_id = 111111111111
sso_role_name = Admin

[profile plain]
region = us-east-1
`;

/** Stands in for the browser: follows the authorize page to its redirect into our loopback server. */
async function approveInBrowser(url: string): Promise<void> {
  const authorize = await fetch(url, { redirect: 'manual' });
  const location = authorize.headers.get('location');
  if (authorize.status !== 302 || location === null) throw new Error(`authorize answered ${authorize.status}`);
  await (await fetch(location)).text();
}

test('the profile card logs its SSO session in, then refreshes it', async ({ launchApp }) => {
  const { page, opened, oidc } = await launchApp({ config: CONFIG, sso: {} });
  await profileOption(page, 'corp-admin').click();
  const signIn = detail(page).getByRole('region', { name: 'Sign-in' });
  await expect(signIn).toContainText('SSO session corp · Not signed in');
  // Nothing to refresh while signed out.
  await expect(signIn.getByRole('button', { name: 'Refresh', exact: true })).toHaveCount(0);

  await signIn.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(signIn.getByRole('button', { name: 'Logging in…' })).toBeVisible();
  await expect(signIn).toContainText('finish signing in in the browser');
  await expect.poll(() => opened.length).toBe(1);
  await approveInBrowser(opened[0] ?? '');
  await expect(signIn).toContainText(/Access token expires in (59m|1h)/);
  await expect(detail(page).locator('.detail-header').getByText('Valid', { exact: true })).toBeVisible();

  const refreshes = (): number =>
    (oidc?.requests ?? []).filter((r) => r.operation === 'CreateToken' && r.body.grantType === 'refresh_token').length;
  expect(refreshes()).toBe(0);
  await signIn.getByRole('button', { name: 'Refresh', exact: true }).click();
  await expect.poll(refreshes).toBe(1);

  // A profile without an SSO session has no sign-in section.
  await profileOption(page, 'plain').click();
  await expect(detail(page).getByRole('heading', { level: 2 })).toHaveText('plain');
  await expect(detail(page).getByRole('region', { name: 'Sign-in' })).toHaveCount(0);
});
