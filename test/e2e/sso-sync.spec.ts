// Configuring IAM Identity Center from the window, against the local portal: "Sync accounts"
// previews every account and role as profiles and applying it updates the profile list live;
// "New SSO session" writes the section; "Add profile" picks an account and a role.
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { cacheStamp } from '../support/aws-home';
import { expect, test } from '../support/e2e-fixtures';
import { makePortalAccounts, type SsoPortalServer } from '../support/sso-portal-rate-limited';

const TOKEN = 'e2e-portal-token';
const START_URL = 'https://d-1234567890.awsapps.com/start';
const CONFIG = `# my own settings
[profile mine]
region = us-east-1

[sso-session corp]
sso_start_url = ${START_URL}
sso_region = eu-west-1
`;
const TOKENS = {
  corp: { startUrl: START_URL, region: 'eu-west-1', accessToken: TOKEN, expiresAt: cacheStamp(Date.now() + 3600_000) },
};

const SSO = { accounts: makePortalAccounts(3, ['Admin', 'ReadOnly']), portalTokens: [TOKEN] };
const portalOf = (portal: SsoPortalServer | null): SsoPortalServer => {
  if (portal === null) throw new Error('launched without the local SSO servers');
  return portal;
};

const sessionItem = (page: Page, name: string): Locator =>
  page.getByRole('listitem', { name: `SSO session ${name}`, exact: true });
const profileCount = (page: Page): Locator => page.locator('#profile-count');
const profileOption = (page: Page, name: string): Locator =>
  page.getByRole('listbox', { name: 'AWS profiles' }).getByRole('option', { name, exact: true });

test.describe('SSO configure and sync from the window', () => {
  test('sync accounts: progress, the preview lists the profiles, an edited template renames them, apply updates the list live', async ({
    launchApp,
  }) => {
    const launched = await launchApp({ config: CONFIG, tokens: TOKENS, sso: SSO });
    const { page, home } = launched;
    const portal = portalOf(launched.portal);
    await expect(profileCount(page)).toHaveText('1 profile');
    const item = sessionItem(page, 'corp');
    await item.getByRole('button', { name: 'Sync accounts…' }).click();
    const panel = item.getByRole('form', { name: 'Sync accounts of corp' });
    const table = panel.getByRole('table', { name: 'Sync preview' });
    await expect(panel.getByText('6 to add')).toBeVisible();
    await expect(table.getByRole('row')).toHaveCount(7);
    await expect(table.getByRole('cell', { name: 'Prod-EU.Admin', exact: true })).toBeVisible();

    const template = panel.getByRole('textbox', { name: 'Profile name template' });
    await template.fill('corp-<account id>-<role>');
    await template.press('Enter');
    await expect(table.getByRole('cell', { name: 'corp-100000000000-Admin', exact: true })).toBeVisible();
    await expect(table.getByRole('cell', { name: 'Prod-EU.Admin', exact: true })).toHaveCount(0);
    // Re-previewing a template asks the portal nothing new.
    const listed = portal.counters.requests;

    await panel.getByRole('button', { name: 'Apply' }).click();
    await expect(profileCount(page)).toHaveText('7 profiles');
    await expect(profileOption(page, 'corp-100000000000-ReadOnly')).toBeVisible();
    await expect(panel.getByText('Applied: 6 to add.')).toBeVisible();
    await expect(panel.getByText('6 unchanged')).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Apply' })).toBeDisabled();
    expect(portal.counters.requests).toBe(listed);
    expect((await readFile(home.configFile, 'utf8')).startsWith(CONFIG)).toBe(true);
  });

  test('sync accounts: a role the user already has a profile for is shown as already present, and added only when asked', async ({
    launchApp,
  }) => {
    const mine = `${CONFIG}\n[profile acme-dev-admin]\nsso_session = corp\nsso_account_id = 100000000000\nsso_role_name = Admin\n`;
    const { page, home } = await launchApp({ config: mine, tokens: TOKENS, sso: SSO });
    await expect(profileCount(page)).toHaveText('2 profiles');
    const item = sessionItem(page, 'corp');
    await item.getByRole('button', { name: 'Sync accounts…' }).click();
    const panel = item.getByRole('form', { name: 'Sync accounts of corp' });
    const table = panel.getByRole('table', { name: 'Sync preview' });
    await expect(panel.getByText('5 to add, 1 already present')).toBeVisible();
    const present = table.getByRole('row').filter({ hasText: 'Already present' });
    await expect(present).toHaveCount(1);
    await expect(present).toContainText('Prod-EU.Admin');
    await expect(present).toContainText('already present as acme-dev-admin; not added');
    await panel.screenshot({ path: test.info().outputPath('sso-sync-duplicates.png') });

    await panel.getByRole('button', { name: 'Apply' }).click();
    await expect(profileCount(page)).toHaveText('7 profiles');
    await expect(panel.getByText('Applied: 5 to add.')).toBeVisible();
    expect(
      (await readFile(home.configFile, 'utf8')).match(/sso_account_id = 100000000000\nsso_role_name = Admin\n/g),
    ).toHaveLength(1);

    await panel.getByRole('checkbox', { name: /Also add a profile for roles I already have a profile for/ }).check();
    await expect(panel.getByText('1 to add, 5 unchanged')).toBeVisible();
    await expect(table.getByRole('row').filter({ hasText: 'Already present' })).toHaveCount(0);
    await panel.getByRole('button', { name: 'Apply' }).click();
    await expect(profileCount(page)).toHaveText('8 profiles');
    await expect(profileOption(page, 'Prod-EU.Admin')).toBeVisible();
  });

  test('new SSO session, then add a profile for an account and role', async ({ launchApp }) => {
    const { page, home } = await launchApp({ config: CONFIG, tokens: TOKENS, sso: SSO });
    await page.getByRole('button', { name: 'New SSO session…' }).click();
    const form = page.getByRole('form', { name: 'New SSO session' });
    await form.getByRole('textbox', { name: 'Start URL' }).fill('http://not-https.example');
    await form.getByRole('textbox', { name: 'Region' }).fill('eu-west-1');
    await form.getByRole('textbox', { name: 'Session name' }).fill('team');
    await form.getByRole('button', { name: 'Create session' }).click();
    await expect(form.getByText('An https:// address')).toBeVisible();
    await form.getByRole('textbox', { name: 'Start URL' }).fill('https://team.awsapps.com/start');
    await form.getByRole('button', { name: 'Create session' }).click();

    const team = sessionItem(page, 'team');
    await expect(team).toBeVisible();
    await expect(team.locator('.status-badge').first()).toHaveText('Signed out');
    await expect(
      team.getByRole('form', { name: 'Add a profile for team' }).getByText('Log in to team to list its accounts'),
    ).toBeVisible();
    expect(await readFile(home.configFile, 'utf8')).toContain(
      '[sso-session team]\nsso_start_url = https://team.awsapps.com/start\nsso_region = eu-west-1\nsso_registration_scopes = sso:account:access\n',
    );

    const corp = sessionItem(page, 'corp');
    await corp.getByRole('button', { name: 'Add profile…' }).click();
    const add = corp.getByRole('form', { name: 'Add a profile for corp' });
    await add.getByRole('combobox', { name: 'Account' }).selectOption({ label: 'dev/sandbox (100000007919)' });
    await add.getByRole('combobox', { name: 'Role' }).selectOption('ReadOnly');
    await expect(add.getByRole('textbox', { name: 'Profile name' })).toHaveValue('dev-sandbox.ReadOnly');
    await add.getByRole('button', { name: 'Add profile' }).click();
    await expect(profileOption(page, 'dev-sandbox.ReadOnly')).toBeVisible();
    await expect(add.getByText('Added profile dev-sandbox.ReadOnly.')).toBeVisible();
  });
});
