// The Google Cloud tab's view of gcloud: configurations switched from the window (and by gcloud
// itself, outside the app) show live; a user sign-in Google now refuses is shown prominently
// with its fix; environment overrides show as overrides; the tabs work from the keyboard.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/e2e-fixtures';
import {
  authorizedUserJson,
  runGcloud,
  serviceAccountKey,
  writeConfiguration,
  writeGcloudDatabases,
} from '../support/gcloud-fixtures';

async function openGcpTab(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Google Cloud' }).click();
  await expect(page.getByRole('heading', { name: 'Service-account keys' })).toBeVisible();
}

const configurationsTable = (page: Page) => page.getByRole('region', { name: 'Configurations' }).getByRole('table');
const configurationRow = (page: Page, name: string) =>
  configurationsTable(page)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name, exact: true }) });

test.describe('Google Cloud: gcloud at a glance', () => {
  // The real gcloud takes seconds per command on a busy machine.
  test.describe.configure({ timeout: 120_000 });

  test('switching configuration in the window and in a terminal both show live', async ({ launchApp }) => {
    const ci = serviceAccountKey({ project_id: 'acme-ci' });
    const app = await launchApp({
      gcloud: true,
      prepareGcloud: async (dir) => {
        await writeGcloudDatabases(dir, [{ account: ci.client_email, credential: { ...ci } }]);
        await writeConfiguration(dir, 'default', `[core]\naccount = ${ci.client_email}\nproject = acme-ci\n`);
        await writeConfiguration(
          dir,
          'staging',
          `[core]\naccount = ${ci.client_email}\nproject = acme-staging\n\n[compute]\nregion = europe-west4\nzone = europe-west4-a\n`,
        );
        await writeFile(join(dir, 'active_config'), 'default');
      },
    });
    const { page } = app;
    await openGcpTab(page);
    await expect(page.locator('.gcp-active-configuration')).toHaveText('default');
    await expect(page.locator('.gcp-active-project')).toHaveText('acme-ci');
    await expect(configurationRow(page, 'default')).toContainText('Active');
    await expect(configurationRow(page, 'staging')).toContainText('europe-west4 / europe-west4-a');

    await page.getByRole('button', { name: 'Switch to configuration staging' }).click();
    await expect(page.locator('.gcp-active-configuration')).toHaveText('staging', { timeout: 30_000 });
    await expect(page.locator('.gcp-active-project')).toHaveText('acme-staging');
    await expect(configurationRow(page, 'staging')).toContainText('Active');
    await expect(page.getByRole('button', { name: 'Switch to configuration default' })).toBeVisible();
    expect(
      (
        await runGcloud(
          ['config', 'configurations', 'list', '--filter=is_active=true', '--format=value(name)'],
          app.gcloudDir,
        )
      ).stdout.trim(),
    ).toBe('staging');

    // gcloud run in a terminal: the window follows through the watcher.
    const back = await runGcloud(['config', 'configurations', 'activate', 'default'], app.gcloudDir);
    expect(back.code).toBe(0);
    await expect(page.locator('.gcp-active-configuration')).toHaveText('default', { timeout: 15_000 });
    await expect(page.locator('.gcp-active-project')).toHaveText('acme-ci');
    await page.screenshot({ path: test.info().outputPath('gcp-configurations.png') });
  });

  test('a sign-in Google now refuses shows prominently with the re-login command and the key alternative', async ({
    launchApp,
  }) => {
    const app = await launchApp({
      gcloud: true,
      pickedFile: null,
      prepareGcloud: async (dir, google) => {
        if (!google) throw new Error('needs the token server');
        google.registerRefreshToken('1//alice', { outcome: 'invalid_rapt' });
        google.registerRefreshToken('1//adc', { outcome: 'revoked' });
        await writeGcloudDatabases(dir, [
          { account: 'alice@example.com', credential: authorizedUserJson('1//alice', google.tokenUrl) },
        ]);
        await writeConfiguration(dir, 'default', '[core]\naccount = alice@example.com\nproject = acme-research\n');
        await writeFile(join(dir, 'active_config'), 'default');
        await writeFile(
          join(dir, 'application_default_credentials.json'),
          JSON.stringify(authorizedUserJson('1//adc', google.tokenUrl)),
        );
      },
    });
    const { page, copied } = app;
    await openGcpTab(page);
    await expect(page.getByRole('alert', { name: 'Sign in again: alice@example.com' })).toHaveCount(0);

    await page.getByRole('button', { name: 'Check sign-ins' }).click();
    const alert = page.getByRole('alert', { name: 'Sign in again: alice@example.com' });
    await expect(alert).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('.gcp-probe-status')).toHaveText('Checked just now: 2 sign-ins need attention (above).');
    await expect(alert).toContainText('“Reauthentication is needed”');
    await expect(alert.locator('code')).toHaveText('gcloud auth login alice@example.com');
    await alert.getByRole('button', { name: 'Copy gcloud auth login alice@example.com' }).click();
    await expect.poll(() => copied).toEqual(['gcloud auth login alice@example.com']);
    await expect(alert.getByRole('button', { name: 'Import a service-account key instead…' })).toBeVisible();

    const adc = page.getByRole('alert', { name: 'Application default credentials need a new sign-in' });
    await expect(adc.locator('code')).toHaveText('gcloud auth application-default login');

    const accounts = page.getByRole('region', { name: 'Accounts' });
    await expect(accounts.getByRole('listitem').filter({ hasText: 'alice@example.com' })).toContainText(
      'User accountSign-in needed',
    );
    await expect(accounts.locator('.gcp-adc')).toContainText('Revoked');
    await expect(page.locator('.gcp-active-account')).toContainText('Sign-in needed');
    await page.screenshot({ path: test.info().outputPath('gcp-reauth.png') });
  });

  test('environment variables show as overrides of the configuration', async ({ launchApp }) => {
    const ci = serviceAccountKey({ project_id: 'acme-ci' });
    const app = await launchApp({
      env: { CLOUDSDK_CORE_PROJECT: 'from-the-env', CLOUDSDK_CORE_API_KEY: 'AIzaSyE2eSecretValue' },
      prepareGcloud: async (dir) => {
        await writeGcloudDatabases(dir, [{ account: ci.client_email, credential: { ...ci } }]);
        await writeConfiguration(dir, 'default', `[core]\naccount = ${ci.client_email}\nproject = acme-ci\n`);
      },
    });
    await openGcpTab(app.page);
    await expect(app.page.locator('.gcp-active-project')).toHaveText('from-the-env override: CLOUDSDK_CORE_PROJECT');
    await expect(app.page.locator('.gcp-overrides')).toContainText(
      'CLOUDSDK_CORE_PROJECT sets core/project to from-the-env',
    );
    // A secret property is named, and its value never reaches the window.
    await expect(app.page.locator('.gcp-overrides')).toContainText(
      'CLOUDSDK_CORE_API_KEY sets core/api_key (a secret value, not shown)',
    );
    await expect(app.page.locator('body')).not.toContainText('E2eSecret');
    await expect(configurationRow(app.page, 'default')).toContainText('acme-ci');
  });

  test('the tabs work from the keyboard (in the dark theme)', async ({ launchApp }) => {
    const app = await launchApp({ colorScheme: 'dark' });
    const { page } = app;
    const aws = page.getByRole('tab', { name: 'AWS' });
    const gcp = page.getByRole('tab', { name: 'Google Cloud' });
    await expect(aws).toHaveAttribute('aria-selected', 'true');
    await aws.focus();
    await page.keyboard.press('ArrowRight');
    await expect(gcp).toBeFocused();
    await expect(gcp).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel', { name: 'Google Cloud' })).toBeVisible();
    await expect(page.getByRole('tabpanel', { name: 'AWS' })).toBeHidden();
    // Tab from the tabs reaches the view's controls.
    await page.getByRole('button', { name: 'Choose file…' }).focus();
    await expect(page.getByRole('button', { name: 'Choose file…' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Activate it in gcloud and set its project')).toBeFocused();
    await page.screenshot({ path: test.info().outputPath('gcp-dark.png') });
    await gcp.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(aws).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel', { name: 'AWS' })).toBeVisible();
  });
});
