// The SSO section by keyboard alone, and readable in both themes with every panel open: the
// login code, the sync preview table, the forms.
import { readFile } from 'node:fs/promises';
import { cacheStamp } from '../support/aws-home';
import { expect, test } from '../support/e2e-fixtures';
import { makePortalAccounts } from '../support/sso-portal-rate-limited';
import { lowContrastTexts } from '../support/text-contrast';

const TOKEN = 'e2e-portal-token';
const CONFIG = `[sso-session corp]
sso_start_url = https://d-1234567890.awsapps.com/start
sso_region = eu-west-1
sso_registration_scopes = sso:account:access

[profile Prod-EU.Admin]
region = us-east-1

[profile legacy-dev]
sso_start_url = https://legacy.awsapps.com/start
sso_region = us-east-1
sso_account_id = 222222222222
sso_role_name = Dev
`;
const TOKENS = {
  corp: {
    startUrl: 'https://d-1234567890.awsapps.com/start',
    region: 'eu-west-1',
    accessToken: TOKEN,
    expiresAt: cacheStamp(Date.now() + 3600_000),
    refreshToken: 'r',
    clientId: 'c',
    clientSecret: 's',
    registrationExpiresAt: cacheStamp(Date.now() + 80 * 86_400_000),
  },
};
const SSO = { accounts: makePortalAccounts(4, ['Admin', 'ReadOnly']), portalTokens: [TOKEN] };

test('the SSO section works from the keyboard: new session form, Escape closes a panel', async ({ launchApp }) => {
  const { page, home } = await launchApp({ config: CONFIG, tokens: TOKENS, sso: SSO });
  await page.getByRole('button', { name: 'New SSO session…' }).focus();
  await page.keyboard.press('Enter');
  const form = page.getByRole('form', { name: 'New SSO session' });
  await expect(form.getByRole('textbox', { name: 'Start URL' })).toBeFocused();
  await page.keyboard.type('https://kb.awsapps.com/start');
  await page.keyboard.press('Tab');
  await expect(form.getByRole('textbox', { name: 'Region' })).toBeFocused();
  await page.keyboard.type('us-east-2');
  await page.keyboard.press('Tab');
  await page.keyboard.type('kb');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('listitem', { name: 'SSO session kb', exact: true })).toBeVisible();
  await expect(form).toHaveCount(0);

  // The add-profile panel opened for the new session; Escape closes it.
  const panel = page.getByRole('form', { name: 'Add a profile for kb' });
  await expect(panel).toBeVisible();
  await panel.getByRole('button', { name: 'Log in' }).focus();
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  expect(await readFile(home.configFile, 'utf8')).toContain(
    '[sso-session kb]\nsso_start_url = https://kb.awsapps.com/start\nsso_region = us-east-2\n',
  );
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every SSO text meets WCAG AA contrast in the ${colorScheme} theme, panels open`, async ({ launchApp }) => {
    const { page } = await launchApp({ config: CONFIG, tokens: TOKENS, sso: SSO, colorScheme });
    await page.setViewportSize({ width: 1040, height: 2400 });
    const legacy = page.getByRole('listitem', { name: 'SSO session https://legacy.awsapps.com/start', exact: true });
    await legacy.getByRole('button', { name: /^Log in to/ }).click();
    await expect(legacy.locator('.sso-user-code')).toBeVisible();
    const corp = page.getByRole('listitem', { name: 'SSO session corp', exact: true });
    await corp.getByRole('button', { name: 'Sync accounts…' }).click();
    await expect(corp.getByText('1 conflict')).toBeVisible();
    await page.getByRole('button', { name: 'New SSO session…' }).click();
    await page.getByRole('form', { name: 'New SSO session' }).getByRole('button', { name: 'Create session' }).click();
    await expect(page.getByText('Give the session a name.')).toBeVisible();

    const lowContrast = await page.locator('.sessions').evaluate(lowContrastTexts, false);
    expect(lowContrast.checked).toBeGreaterThan(50);
    expect(lowContrast.failures).toEqual([]);
  });
}
