import { CONFIG, CREDENTIALS, IDENTITIES, PROFILE_NAMES, corpToken, lineOf } from './aws-files';
import { expect, test } from '../support/e2e-fixtures';
import { detail, profileCount, profileOption, profileOptions, searchBox } from './window-locators';

const NOW = Date.parse('2026-11-26T12:00:00Z');
const TWO_HOURS_TEN = (2 * 60 + 10) * 60_000;

test.describe('the profile list', () => {
  test('shows every profile of the real config and credentials files', async ({ launchApp }) => {
    const { page } = await launchApp({ config: CONFIG, credentials: CREDENTIALS, identities: IDENTITIES });
    await expect(profileCount(page)).toHaveText(`${PROFILE_NAMES.length} profiles`);
    for (const name of PROFILE_NAMES) await expect(profileOption(page, name)).toBeVisible();
    // Ordered by name, as the Sort control says.
    await expect(profileOptions(page).locator('[id$="-name"]')).toHaveText(PROFILE_NAMES);
  });

  test('search narrows by name, account, role ARN and session', async ({ launchApp }) => {
    const { page } = await launchApp({ config: CONFIG, credentials: CREDENTIALS });
    const shown = profileOptions(page).locator('[id$="-name"]');
    await searchBox(page).fill('dep');
    await expect(shown).toHaveText(['deploy']);
    await searchBox(page).fill('444455556666');
    await expect(shown).toHaveText(['old-sso']);
    await searchBox(page).fill('role/ci');
    await expect(shown).toHaveText(['ci']);
    await searchBox(page).fill('corp');
    await expect(shown).toHaveText(['prod']);
    await expect(profileCount(page)).toHaveText(`1 of ${PROFILE_NAMES.length} profiles`);
    await searchBox(page).fill('no-such-profile');
    await expect(profileOptions(page)).toHaveCount(0);
    await expect(page.getByText('No profiles match.')).toBeVisible();
    await searchBox(page).press('Escape');
    await expect(shown).toHaveText(PROFILE_NAMES);
  });

  test('filters by kind, status and account', async ({ launchApp }) => {
    const { page } = await launchApp({ config: CONFIG, credentials: CREDENTIALS });
    const shown = profileOptions(page).locator('[id$="-name"]');
    await page.getByLabel('Kind').selectOption('assume-role');
    await expect(shown).toHaveText(['broken', 'deploy']);
    await page.getByLabel('Kind').selectOption('');
    await page.getByLabel('Status').selectOption('error');
    await expect(shown).toHaveText(['broken']);
    await page.getByLabel('Status').selectOption('');
    await page.getByLabel('Account').selectOption('111122223333');
    await expect(shown).toHaveText(['prod']);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(shown).toHaveText(PROFILE_NAMES);
  });

  test('selecting a profile shows its kind, source file and line, session, account, role, region and expiry', async ({
    launchApp,
  }) => {
    const { page, home } = await launchApp({
      config: CONFIG,
      credentials: CREDENTIALS,
      tokens: { corp: corpToken(NOW + TWO_HOURS_TEN) },
      now: NOW,
    });
    await profileOption(page, 'prod').click();
    const pane = detail(page);
    await expect(pane.getByRole('heading', { level: 2 })).toHaveText('prod');
    const config = pane.getByRole('definition');
    // The file and line are a developer's detail, folded under Details.
    const configDetails = pane.getByRole('region', { name: 'Configuration' }).locator('details');
    await configDetails.locator('summary').click();
    await expect(pane.getByText('expires in 2h 10m').first()).toBeVisible();
    await expect(pane.getByText('Valid', { exact: true })).toBeVisible();
    await expect(config.filter({ hasText: `${home.configFile}:${lineOf(CONFIG, '[profile prod]')}` })).toHaveCount(1);
    await expect(config.filter({ hasText: /^SSO$/ })).toHaveCount(1);
    await expect(config.filter({ hasText: /^corp/ })).toHaveCount(1);
    await expect(config.filter({ hasText: /^111122223333$/ })).toHaveCount(1);
    await expect(config.filter({ hasText: /^AdministratorAccess$/ })).toHaveCount(1);
    await expect(config.filter({ hasText: /^eu-west-1$/ })).toHaveCount(1);

    // The session is listed with its token's state.
    const session = page.getByRole('listitem', { name: 'SSO session corp' });
    await expect(session).toContainText('expires in 2h 10m');
    await expect(session).toContainText('refreshes without a browser');
    await expect(session).toContainText(home.tokenPath('corp'));
    // The profile's card has the session's own Log in and Refresh.
    const signIn = pane.getByRole('region', { name: 'Sign-in' });
    await expect(signIn).toContainText('SSO session corp');
    await expect(signIn.getByRole('button', { name: 'Log in', exact: true })).toBeEnabled();
    await expect(signIn.getByRole('button', { name: 'Refresh', exact: true })).toBeEnabled();

    // A profile whose keys live in the credentials file points there.
    await profileOption(page, 'dev').click();
    await expect(pane.getByRole('heading', { level: 2 })).toHaveText('dev');
    await expect(pane.getByRole('region', { name: 'Sign-in' })).toHaveCount(0);
    if ((await configDetails.getAttribute('open')) === null) await configDetails.locator('summary').click();
    await expect(pane.getByText(`${home.credentialsFile}:${lineOf(CREDENTIALS, '[dev]')}`)).toBeVisible();
    await expect(pane.getByText('never (long-lived keys)')).toBeVisible();
  });

  test('a broken profile shows its problem with file and line while the others still show', async ({ launchApp }) => {
    const { page, home } = await launchApp({ config: CONFIG, credentials: CREDENTIALS });
    await expect(profileOptions(page)).toHaveCount(PROFILE_NAMES.length);
    await profileOption(page, 'broken').click();
    const problems = detail(page).getByRole('list', { name: 'Problems of broken' });
    await expect(problems).toContainText('does-not-exist');
    await expect(problems).toContainText(`${home.configFile}:`);
    await expect(profileOption(page, 'broken')).toContainText('Error');
    await profileOption(page, 'deploy').click();
    await expect(detail(page).getByRole('list', { name: 'Problems of deploy' })).toHaveCount(0);
  });

  test('says where to start when there are no AWS files at all', async ({ launchApp }) => {
    const { page } = await launchApp({});
    await expect(page.getByRole('region', { name: 'No AWS profiles yet' })).toContainText('~/.aws/credentials');
    // No empty list, count or filters to look at.
    await expect(profileCount(page)).toHaveCount(0);
    await expect(page.getByRole('listbox', { name: 'AWS profiles' })).toHaveCount(0);
  });
});
