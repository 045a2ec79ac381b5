import { readFile } from 'node:fs/promises';
import { CONFIG, CREDENTIALS, corpToken } from './aws-files';
import { profileOption } from './window-locators';
import { expect, test } from '../support/e2e-fixtures';

test.describe('settings', () => {
  test('Settings opens as a dialog that Escape closes, and saves the lead time', async ({ launchApp }) => {
    const { page, core, home } = await launchApp({ config: CONFIG, credentials: CREDENTIALS });
    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    const leadTime = dialog.getByRole('spinbutton', { name: /minutes before a credential expires/ });
    await expect(leadTime).toHaveValue('15');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    await page.getByRole('button', { name: 'Settings' }).click();
    await leadTime.fill('45');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    expect(core.settings().leadTimeMinutes).toBe(45);
    expect(JSON.parse(await readFile(home.settingsFile, 'utf8'))).toMatchObject({ leadTimeMinutes: 45 });

    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(leadTime).toHaveValue('45');
    await leadTime.fill('0');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByRole('alert')).toContainText('1 to 1440');
    expect(core.settings().leadTimeMinutes).toBe(45);
  });

  test('a longer lead time turns a profile to expiring, live', async ({ launchApp }) => {
    const now = Date.parse('2026-11-26T12:00:00Z');
    const { page } = await launchApp({ config: CONFIG, credentials: CREDENTIALS, tokens: { corp: corpToken(now + 130 * 60_000) }, now });
    await expect(profileOption(page, 'prod')).toContainText('Valid');
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('spinbutton', { name: /minutes before a credential expires/ }).fill('180');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(profileOption(page, 'prod')).toContainText('Expiring soon');
    await expect(profileOption(page, 'prod')).toContainText('expires in 2h 10m');
  });
});
