import { writeFile } from 'node:fs/promises';
import { CONFIG, CREDENTIALS, PROFILE_NAMES } from './aws-files';
import { expect, test } from '../support/e2e-fixtures';
import { detail, profileCount, profileOption } from './window-locators';

test.describe('live updates from disk', () => {
  test('a profile added to the config file appears without a reload, and an edit updates it', async ({ launchApp }) => {
    const { page, home } = await launchApp({ config: CONFIG, credentials: CREDENTIALS });
    await expect(profileCount(page)).toHaveText(`${PROFILE_NAMES.length} profiles`);
    // Any reload would lose this marker.
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    await writeFile(home.configFile, `${CONFIG}\n[profile added-live]\nregion = ap-southeast-2\n`);
    await expect(profileOption(page, 'added-live')).toBeVisible();
    await expect(profileCount(page)).toHaveText(`${PROFILE_NAMES.length + 1} profiles`);

    await profileOption(page, 'added-live').click();
    const region = detail(page)
      .getByRole('definition')
      .filter({ hasText: /^(ap-southeast-2|us-west-2)$/ });
    await expect(region).toHaveText('ap-southeast-2');

    await writeFile(home.configFile, `${CONFIG}\n[profile added-live]\nregion = us-west-2\n`);
    await expect(region).toHaveText('us-west-2');
    // Still selected, still the same page.
    await expect(profileOption(page, 'added-live')).toHaveAttribute('aria-selected', 'true');
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  });

  test('a profile removed from disk leaves the list', async ({ launchApp }) => {
    const { page, home } = await launchApp({ config: CONFIG, credentials: CREDENTIALS });
    await expect(profileOption(page, 'tool')).toBeVisible();
    await writeFile(
      home.configFile,
      CONFIG.replace('[profile tool]\ncredential_process = /usr/local/bin/get-creds --profile tool\n', ''),
    );
    await expect(profileOption(page, 'tool')).toHaveCount(0);
    await expect(profileCount(page)).toHaveText(`${PROFILE_NAMES.length - 1} profiles`);
  });

  test('the shell can ask the window to show a profile', async ({ launchApp }) => {
    const { page, bridge } = await launchApp({ config: CONFIG, credentials: CREDENTIALS });
    // Even when the current search hides it.
    await page.getByRole('searchbox', { name: 'Search profiles' }).fill('prod');
    bridge.emit('focusProfile', { profile: 'deploy' });
    await expect(profileOption(page, 'deploy')).toHaveAttribute('aria-selected', 'true');
    await expect(detail(page).getByRole('heading', { level: 2 })).toHaveText('deploy');
    await expect(page.getByRole('listbox', { name: 'AWS profiles' })).toBeFocused();
  });
});
