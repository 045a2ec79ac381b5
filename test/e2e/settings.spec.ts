import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
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
    const { page } = await launchApp({
      config: CONFIG,
      credentials: CREDENTIALS,
      tokens: { corp: corpToken(now + 130 * 60_000) },
      now,
    });
    await expect(profileOption(page, 'prod')).toContainText('Valid');
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('spinbutton', { name: /minutes before a credential expires/ }).fill('180');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(profileOption(page, 'prod')).toContainText('Expiring soon');
    await expect(profileOption(page, 'prod')).toContainText('expires in 2h 10m');
  });

  test('Start at login: the checkbox writes and removes the autostart entry, and is remembered', async ({
    launchApp,
  }) => {
    const { page, core, home } = await launchApp({ config: CONFIG, credentials: CREDENTIALS });
    const entry = join(home.home, '.config', 'autostart', 'cloud-identity-tray.desktop');
    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    const checkbox = dialog.getByRole('checkbox', { name: 'Start at login' });
    await expect(checkbox).not.toBeChecked();
    await checkbox.check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    expect(await readFile(entry, 'utf8')).toContain('Exec="/opt/Cloud Identity Tray/cloud-identity-tray"\n');
    expect(core.settings().startAtLogin).toBe(true);

    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(checkbox).toBeChecked();
    await checkbox.uncheck();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(stat(entry)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(core.settings().startAtLogin).toBe(false);
    expect(JSON.parse(await readFile(home.settingsFile, 'utf8'))).toMatchObject({ startAtLogin: false });
  });

  test('Start at login: what could not be done is said, and the dialog stays open', async ({ launchApp }) => {
    const { page, core, home } = await launchApp({ config: CONFIG, credentials: CREDENTIALS });
    // Something in the way: a folder where the autostart file goes.
    await mkdir(join(home.home, '.config', 'autostart', 'cloud-identity-tray.desktop'), { recursive: true });
    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.getByRole('checkbox', { name: 'Start at login' }).check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByRole('alert')).toContainText('cloud-identity-tray.desktop could not be read');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('checkbox', { name: 'Start at login' })).not.toBeChecked();
    expect(core.settings().startAtLogin).toBeNull();
  });

  test('Install the cloudid command: a launcher in ~/.local/bin, and the PATH line to add', async ({ launchApp }) => {
    const { page, home, copied } = await launchApp({ config: CONFIG, credentials: CREDENTIALS });
    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    const section = dialog.getByRole('region', { name: 'The cloudid command' });
    await expect(section.getByRole('status').first()).toContainText('Puts cloudid in ~/.local/bin');
    await section.getByRole('button', { name: 'Install the cloudid command' }).click();
    await expect(section.getByRole('status').first()).toHaveText('cloudid is installed at ~/.local/bin/cloudid.');
    await expect(section).toContainText(
      '~/.local/bin is not on your PATH, so terminals will not find cloudid. Add this line to ~/.bashrc:',
    );
    await section.getByRole('button', { name: 'Copy export PATH="$HOME/.local/bin:$PATH"' }).click();
    await expect.poll(() => copied).toEqual(['export PATH="$HOME/.local/bin:$PATH"']);
    const launcher = await readFile(join(home.home, '.local', 'bin', 'cloudid'), 'utf8');
    expect(launcher).toMatch(/^#!\/bin\/sh\n/);
    expect(launcher).toContain('/out/cli-standalone/bin/cloudid.mjs');
    await expect(section.getByRole('button', { name: 'Install the cloudid command again' })).toBeVisible();
  });
});
