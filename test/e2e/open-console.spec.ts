// "Open AWS console" on a profile's card: the real core exchanges the profile's credentials at a
// local federation endpoint (AWS_ENDPOINT_URL_SIGNIN) and hands the sign-in URL to the shell's
// opener (a recorder here). The page shows what happened and never the URL; the URL is checked
// as booleans, so a failure does not print it.
import { expect, test } from '../support/e2e-fixtures';
import { startFederationServer, type FederationServer } from '../support/federation-server';
import { detail, profileOption } from './window-locators';

const TEMP = {
  accessKeyId: 'ASIAE2ECONSOLE000001',
  secretAccessKey: 'e2e-console-secret-0000000000000000000',
  sessionToken: 'e2e-console-session-token',
};
const CONFIG = [
  '[profile temp]',
  'region = eu-west-1',
  '',
  '[profile sso]',
  'sso_session = corp',
  'sso_account_id = 123456789012',
  'sso_role_name = ReadOnly',
  '',
  '[sso-session corp]',
  'sso_start_url = https://d-1234567890.awsapps.com/start',
  'sso_region = eu-west-1',
  '',
].join('\n');
const CREDENTIALS = `[temp]\naws_access_key_id = ${TEMP.accessKeyId}\naws_secret_access_key = ${TEMP.secretAccessKey}\naws_session_token = ${TEMP.sessionToken}\n`;

let federation: FederationServer;
test.beforeEach(async () => {
  federation = await startFederationServer({
    accepts: (s) =>
      s.sessionId === TEMP.accessKeyId && s.sessionKey === TEMP.secretAccessKey && s.sessionToken === TEMP.sessionToken,
  });
});
test.afterEach(async () => {
  await federation.close();
});

test.describe('Open AWS console', () => {
  test('opens the sign-in URL through the shell and says so, without showing it', async ({ launchApp }) => {
    const { page, opened } = await launchApp({
      config: CONFIG,
      credentials: CREDENTIALS,
      env: { AWS_ENDPOINT_URL_SIGNIN: federation.url },
    });
    await profileOption(page, 'temp').click();
    const section = detail(page).getByRole('region', { name: 'AWS console' });
    await section.getByRole('button', { name: 'Open AWS console' }).click();
    await expect(section.getByRole('status')).toHaveText('Opened the AWS console as profile temp.');
    expect(opened).toHaveLength(1);
    const url = new URL(opened[0] ?? '');
    expect(`${url.origin}${url.pathname}` === `${federation.url}/federation`).toBe(true);
    expect(federation.issued(url.searchParams.get('SigninToken') ?? '')).toBe(true);
    expect((await page.locator('body').innerText()).includes(url.searchParams.get('SigninToken') ?? 'none')).toBe(
      false,
    );
  });

  test('shows why it failed', async ({ launchApp }) => {
    await federation.close();
    federation = await startFederationServer({ accepts: () => false });
    const { page, opened } = await launchApp({
      config: CONFIG,
      credentials: CREDENTIALS,
      env: { AWS_ENDPOINT_URL_SIGNIN: federation.url },
    });
    await profileOption(page, 'temp').click();
    const section = detail(page).getByRole('region', { name: 'AWS console' });
    await section.getByRole('button', { name: 'Open AWS console' }).click();
    await expect(section.getByRole('status')).toHaveText(
      `${new URL(federation.url).host} refused the credentials for a console sign-in token (HTTP 400).`,
    );
    expect(opened).toEqual([]);
  });

  test('is not offered for a signed-out profile, and says why', async ({ launchApp }) => {
    const { page } = await launchApp({
      config: CONFIG,
      credentials: CREDENTIALS,
      env: { AWS_ENDPOINT_URL_SIGNIN: federation.url },
    });
    await profileOption(page, 'sso').click();
    const section = detail(page).getByRole('region', { name: 'AWS console' });
    await expect(section.getByRole('button', { name: 'Open AWS console' })).toBeDisabled();
    await expect(section.getByRole('status')).toHaveText(
      'Log in first: the profile has no credentials to sign in to the console with.',
    );
    expect(federation.requests).toEqual([]);
  });
});
