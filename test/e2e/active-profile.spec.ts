import { writeFile } from 'node:fs/promises';
import { CONFIG, CREDENTIALS, PROFILE_NAMES } from './aws-files';
import { expect, test } from '../support/e2e-fixtures';
import { detail, profileOption, profileOptions } from './window-locators';

test.describe('the active profile and file-level problems', () => {
  test('marks the active profile, starts on it, and says when botocore and the JS SDK differ', async ({
    launchApp,
  }) => {
    const { page } = await launchApp({
      config: CONFIG,
      credentials: CREDENTIALS,
      env: { AWS_PROFILE: 'dev', AWS_DEFAULT_PROFILE: 'prod' },
    });
    await expect(page.getByRole('button', { name: /Active profile: dev/ })).toContainText('from AWS_PROFILE');
    await expect(detail(page).getByRole('heading', { level: 2 })).toHaveText('dev');
    await expect(profileOption(page, 'dev')).toContainText('Active');
    await expect(profileOption(page, 'prod')).not.toContainText('Active');
    const notes = page.getByRole('region', { name: 'Active profile notes' });
    await expect(notes).toContainText('botocore');
    await expect(notes).toContainText('"prod"');

    // The header's active profile is a way back to it.
    await profileOption(page, 'ci').click();
    await page.getByRole('button', { name: /Active profile: dev/ }).click();
    await expect(detail(page).getByRole('heading', { level: 2 })).toHaveText('dev');
  });

  test('no notes when every tool agrees', async ({ launchApp }) => {
    const { page } = await launchApp({ config: CONFIG, credentials: CREDENTIALS });
    await expect(page.getByRole('button', { name: /Active profile: default/ })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Active profile notes' })).toHaveCount(0);
  });

  test('an unreadable credentials file is shown as a problem and the config profiles stay', async ({ launchApp }) => {
    const { page, home } = await launchApp({ config: CONFIG, credentials: CREDENTIALS });
    await expect(profileOptions(page)).toHaveCount(PROFILE_NAMES.length);
    await writeFile(home.credentialsFile, Buffer.from([0x5b, 0x64, 0x65, 0x76, 0x5d, 0x0a, 0xff, 0xfe, 0x00, 0x81]));
    const problems = page.getByRole('region', { name: 'Problems with your AWS files' });
    await expect(problems).toContainText(home.credentialsFile);
    await expect(profileOption(page, 'prod')).toBeVisible();
    await expect(profileOption(page, 'deploy')).toBeVisible();
  });
});
