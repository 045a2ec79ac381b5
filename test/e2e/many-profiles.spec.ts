import { expect, test } from '../support/e2e-fixtures';
import { detail, profileCount, profileList, profileOption, profileOptions, searchBox } from './window-locators';

const COUNT = 10_000;
const name = (i: number): string => `team-${String(i).padStart(5, '0')}`;

/** 10,000 profiles, alternating SSO and assume-role, in one config file. */
function bigConfig(): string {
  const sections = [
    '[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\n',
    '[profile base]\nregion = us-east-1\n',
  ];
  for (let i = 0; i < COUNT; i++) {
    const account = String(100000000000 + i);
    sections.push(
      i % 2 === 0
        ? `[profile ${name(i)}]\nsso_session = corp\nsso_account_id = ${account}\nsso_role_name = Dev\n`
        : `[profile ${name(i)}]\nrole_arn = arn:aws:iam::${account}:role/Deployer\nsource_profile = base\n`,
    );
  }
  return sections.join('\n');
}

test.describe('10,000 profiles', () => {
  test('render as a virtual list, and search and navigation still work', async ({ launchApp }) => {
    const { page } = await launchApp({ config: bigConfig() });
    await expect(profileCount(page)).toHaveText(`${COUNT + 1} profiles`);
    // Only the rows in view exist in the page.
    const rendered = await profileOptions(page).count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(100);
    await expect(profileOptions(page).first()).toHaveAttribute('aria-setsize', String(COUNT + 1));

    await searchBox(page).fill('team-09999');
    await expect(profileOptions(page)).toHaveCount(1);
    await profileOption(page, name(9999)).click();
    await expect(detail(page).getByRole('heading', { level: 2 })).toHaveText(name(9999));

    // Search by account reaches deep into the list too.
    await searchBox(page).fill(String(100000000000 + 7322));
    await expect(profileOptions(page)).toHaveCount(1);
    await expect(profileOption(page, name(7322))).toBeVisible();

    // Clearing brings back everything; End scrolls the last one into view and selects it.
    await searchBox(page).fill('');
    await expect(profileCount(page)).toHaveText(`${COUNT + 1} profiles`);
    await profileList(page).focus();
    await page.keyboard.press('End');
    await expect(profileOption(page, name(COUNT - 1))).toBeVisible();
    await expect(profileOption(page, name(COUNT - 1))).toHaveAttribute('aria-selected', 'true');
    await expect(profileOption(page, name(COUNT - 1))).toHaveAttribute('aria-posinset', String(COUNT + 1));
    await page.keyboard.press('PageUp');
    await expect(profileOption(page, name(COUNT - 1))).toHaveAttribute('aria-selected', 'false');

    // Scrolled far away with the wheel, the selected option still exists for assistive technology.
    await profileList(page).evaluate((list) => (list.scrollTop = 0));
    await expect(profileOption(page, name(0))).toBeVisible();
    const active = await profileList(page).getAttribute('aria-activedescendant');
    await expect(page.locator(`[id="${active}"]`)).toHaveAttribute('aria-selected', 'true');
    expect(await profileOptions(page).count()).toBeLessThan(100);

    await page.getByLabel('Kind').selectOption('sso');
    await expect(profileCount(page)).toHaveText(`${COUNT / 2} of ${COUNT + 1} profiles`);
  });
});

test.describe('many SSO sessions', () => {
  test('list the selected profile’s session first and 20 in all, with a filter and “Show all”', async ({
    launchApp,
  }) => {
    const sessions = Array.from({ length: 60 }, (_, i) => `org-${String(i).padStart(2, '0')}`);
    const config = sessions
      .map(
        (s, i) =>
          `[sso-session ${s}]\nsso_start_url = https://d-${9000000000 + i}.awsapps.com/start\nsso_region = eu-west-1\n\n[profile p-${s}]\nsso_session = ${s}\nsso_account_id = ${100000000000 + i}\nsso_role_name = Dev\n`,
      )
      .join('\n');
    const { page } = await launchApp({ config, env: { AWS_PROFILE: 'p-org-42' } });
    const items = page.getByRole('listitem', { name: /^SSO session / });
    await expect(page.getByRole('heading', { name: 'SSO sessions (60)' })).toBeVisible();
    await expect(items).toHaveCount(20);
    await expect(items.first()).toHaveAccessibleName('SSO session org-42');
    await expect(page.getByRole('status').filter({ hasText: 'shown' })).toHaveText('20 of 60 shown');
    await page.getByRole('heading', { name: 'SSO sessions (60)' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath('many-sessions.png') });

    const filter = page.getByLabel('Filter SSO sessions');
    await filter.fill('d-9000000057');
    await expect(items).toHaveCount(1);
    await expect(items.first()).toHaveAccessibleName('SSO session org-57');
    await filter.fill('nothing-like-this');
    await expect(page.getByText('No SSO session matches “nothing-like-this”.')).toBeVisible();

    await filter.fill('');
    await page.getByRole('button', { name: 'Show all 60' }).click();
    await expect(items).toHaveCount(60);
    await expect(page.getByRole('status').filter({ hasText: 'shown' })).toHaveText('60 shown');
  });
});
