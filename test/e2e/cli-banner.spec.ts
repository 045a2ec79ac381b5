import { CONFIG, CREDENTIALS } from './aws-files';
import { AWS_CLI_V1, expect, test } from '../support/e2e-fixtures';
import { profileOptions } from './window-locators';

test.describe('the AWS CLI banner', () => {
  test('warns at the top when the first aws on PATH is v1', async ({ launchApp }) => {
    const { page } = await launchApp({ config: CONFIG, credentials: CREDENTIALS, awsCli: AWS_CLI_V1 });
    const banner = page.getByRole('alert', { name: 'AWS CLI warning' });
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('1.45.11');
    // It sits above the list and the details.
    const bannerBox = await banner.boundingBox();
    const listBox = await page.getByRole('listbox', { name: 'AWS profiles' }).boundingBox();
    expect(bannerBox && listBox && bannerBox.y < listBox.y).toBe(true);
  });

  test('is one line, folds how to fix away, and stays dismissed', async ({ launchApp }) => {
    const { page } = await launchApp({ config: CONFIG, credentials: CREDENTIALS, awsCli: AWS_CLI_V1 });
    await page.setViewportSize({ width: 800, height: 600 });
    const banner = page.getByRole('alert', { name: 'AWS CLI warning' });
    await expect(banner).toContainText('AWS CLI v1');
    const closed = await banner.boundingBox();
    expect(closed?.height).toBeLessThan(40);
    const fix = banner.getByText('This app does not need it');
    await expect(fix).toBeHidden();

    await banner.getByText('How to fix').click();
    await expect(fix).toBeVisible();
    await expect(fix).toContainText('cloudid login');
    await expect(fix).toContainText('aws sso login');

    await banner.getByRole('button', { name: 'Dismiss' }).click();
    await expect(banner).toHaveCount(0);
    // Remembered: the window opened again does not show it.
    await page.reload();
    await expect(profileOptions(page).first()).toBeVisible();
    await expect(page.getByRole('alert', { name: 'AWS CLI warning' })).toHaveCount(0);
  });

  test('stays away when the first aws on PATH is v2', async ({ launchApp }) => {
    const { page } = await launchApp({ config: CONFIG, credentials: CREDENTIALS });
    await expect(profileOptions(page).first()).toBeVisible();
    await expect(page.getByRole('alert', { name: 'AWS CLI warning' })).toHaveCount(0);
  });
});
