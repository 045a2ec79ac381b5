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

  test('stays away when the first aws on PATH is v2', async ({ launchApp }) => {
    const { page } = await launchApp({ config: CONFIG, credentials: CREDENTIALS });
    await expect(profileOptions(page).first()).toBeVisible();
    await expect(page.getByRole('alert', { name: 'AWS CLI warning' })).toHaveCount(0);
  });
});
