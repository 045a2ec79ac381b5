// The Google Cloud tab end to end: keys dropped on the window (a real DataTransfer with a File,
// dispatched as the browser would), the real key store and keychain, the real gcloud against a
// local Google token server, and what a user sees of each outcome.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test, type LaunchedApp } from '../support/e2e-fixtures';
import {
  runGcloud,
  serviceAccountKey,
  tempDir,
  wrongFiles,
  type ServiceAccountKeyJson,
} from '../support/gcloud-fixtures';

/** The app with gcloud and a local Google that knows a new key; the key's token_uri is that Google. */
async function launchWithKnownKey(
  launchApp: (launch?: { gcloud?: boolean }) => Promise<LaunchedApp>,
  options: Parameters<typeof serviceAccountKey>[0],
) {
  const app = await launchApp({ gcloud: true });
  const google = app.google!;
  const key = serviceAccountKey(options);
  key.token_uri = google.tokenUrl;
  google.registerServiceAccount(key.client_email, key.private_key, key.private_key_id);
  return { app, google, key };
}

/**
 * Writes `bytes` where the page bridge says a dropped `name` lives, then drops it on the view;
 * `enteringOver` is where the drag first comes into the window (another view, say).
 */
async function dropFile(app: LaunchedApp, name: string, bytes: Buffer, enteringOver?: Locator): Promise<void> {
  const drops = join(app.home.home, 'drops');
  await mkdir(drops, { recursive: true });
  await writeFile(join(drops, name), bytes);
  const dataTransfer = await app.page.evaluateHandle(
    ({ fileName, base64 }) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(
        new File([data], fileName, {
          type: fileName.endsWith('.json') ? 'application/json' : 'application/octet-stream',
        }),
      );
      return transfer;
    },
    // The page's File only carries the name to getPathForFile; a huge file's bytes stay on disk.
    { fileName: name, base64: bytes.subarray(0, 64 * 1024).toString('base64') },
  );
  if (enteringOver) await enteringOver.dispatchEvent('dragenter', { dataTransfer });
  const view = app.page.locator('.gcp-view');
  await view.dispatchEvent('dragenter', { dataTransfer });
  await expect(app.page.locator('.gcp-drop-overlay')).toHaveText('Drop a service-account key JSON');
  await view.dispatchEvent('dragover', { dataTransfer });
  await view.dispatchEvent('drop', { dataTransfer });
}

async function openGcpTab(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Google Cloud' }).click();
  await expect(page.getByRole('heading', { name: 'Service-account keys' })).toBeVisible();
}

const keyBytes = (key: ServiceAccountKeyJson): Buffer => Buffer.from(JSON.stringify(key, null, 2));
const keysList = (page: Page) => page.getByRole('list', { name: 'Imported keys' });
/** What the newest drop or pick did (newest first). */
const latestImport = (page: Page) => page.locator('.gcp-import-entry').first();
/** What the drop of one file did. */
const importOf = (page: Page, file: string) => page.locator(`.gcp-import-entry[data-file="${file}"]`);

test.describe('Google Cloud: service-account keys by drag and drop', () => {
  // The real gcloud takes seconds per command on a busy machine.
  test.describe.configure({ timeout: 120_000 });

  test('a dropped key is imported, activated in a gcloud configuration of its own, listed, verified, and its download deleted', async ({
    launchApp,
  }) => {
    const { app, google, key } = await launchWithKnownKey(launchApp, { project_id: 'acme-prod' });
    google.addProject('acme-prod');
    const { page } = app;
    await openGcpTab(page);
    await expect(page.getByText('No service-account key imported yet.')).toBeVisible();

    // What the user had in the current configuration stays there.
    expect((await runGcloud(['config', 'set', 'project', 'my-own-proj'], app.gcloudDir)).code).toBe(0);
    expect((await runGcloud(['config', 'set', 'account', 'me@example.com'], app.gcloudDir)).code).toBe(0);

    await dropFile(app, 'acme-prod-1a2b3c.json', keyBytes(key));
    await expect(latestImport(page).locator('.gcp-outcome-import')).toHaveText(
      'Imported deployer@acme-prod.iam.gserviceaccount.com (project acme-prod)',
      { timeout: 60_000 },
    );
    await expect(latestImport(page).locator('.gcp-outcome-activation')).toHaveText(
      'gcloud now uses deployer@acme-prod.iam.gserviceaccount.com, project acme-prod in configuration “deployer-acme-prod”. It is a new configuration, now active; your other configurations are as they were.',
      { timeout: 60_000 },
    );
    // Nothing to undo: the current configuration was not touched.
    await expect(page.getByRole('button', { name: /^Undo/ })).toHaveCount(0);
    await page.getByText('Commands run').click();
    await expect(page.locator('.gcp-commands pre')).toHaveText(
      [
        "gcloud config configurations list '--format=value(name)'",
        'gcloud config configurations create deployer-acme-prod --activate',
        `gcloud auth activate-service-account ${key.client_email} --key-file=${join(app.appDataDir, 'keys', `${key.private_key_id}.json`)}`,
        'gcloud config set project acme-prod',
      ].join('\n'),
    );
    const before = await runGcloud(
      [
        'config',
        'configurations',
        'describe',
        'default',
        '--format=value(properties.core.account,properties.core.project)',
      ],
      app.gcloudDir,
    );
    expect(before.stdout.trim()).toBe('me@example.com\tmy-own-proj');
    // The overlay is gone, and what gcloud uses now shows live.
    await expect(page.locator('.gcp-drop-overlay')).toHaveCount(0);
    await expect(page.locator('.gcp-active-account')).toContainText('deployer@acme-prod.iam.gserviceaccount.com');
    await expect(page.locator('.gcp-active-project')).toHaveText('acme-prod');

    const row = keysList(page).getByRole('listitem').filter({ hasText: key.client_email });
    await expect(row).toContainText(key.private_key_id);
    await expect(row).toContainText('acme-prod');
    await expect(row.getByText('In use by gcloud')).toBeVisible();
    // Activated: the row no longer offers Activate first; Verify is its main action.
    await expect(row.getByRole('button', { name: 'Activate', exact: true })).toHaveCount(0);
    await expect(row.getByRole('button', { name: 'Verify' })).toHaveClass(/primary/);

    // gcloud itself agrees with what the window shows.
    const auth = await runGcloud(['auth', 'list', '--format=value(account,status)'], app.gcloudDir);
    expect(auth.stdout.trim()).toBe(`${key.client_email}\t*`);
    const project = await runGcloud(['config', 'get-value', 'project'], app.gcloudDir);
    expect(project.stdout.trim()).toBe('acme-prod');

    // The app keeps its own 0600 copy; the download can go.
    const download = join(app.home.home, 'drops', 'acme-prod-1a2b3c.json');
    await page.getByRole('button', { name: 'Delete acme-prod-1a2b3c.json' }).click();
    await expect(page.getByText(`Deleted ${download}. The app keeps its own copy.`)).toBeVisible();
    expect(existsSync(download)).toBe(false);
    expect(existsSync(join(app.appDataDir, 'keys', `${key.private_key_id}.json`))).toBe(true);

    await row.getByRole('button', { name: 'Verify' }).click();
    await expect(row.getByRole('status')).toHaveText(`Works: Google issued an access token for ${key.client_email}.`);
    await page.screenshot({ path: test.info().outputPath('gcp-imported.png'), fullPage: true });

    // Dropped again: recognised as the same key.
    await dropFile(app, 'copy-of-key.json', keyBytes(key));
    await expect(importOf(page, 'copy-of-key.json').locator('.gcp-outcome-import')).toHaveText(
      'Already imported: deployer@acme-prod.iam.gserviceaccount.com (project acme-prod)',
      { timeout: 60_000 },
    );
    await expect(keysList(page).getByRole('listitem')).toHaveCount(1);

    await row.getByRole('button', { name: 'Remove…' }).click();
    await page.getByRole('button', { name: 'Remove key' }).click();
    await expect(page.getByText('No service-account key imported yet.')).toBeVisible();
    expect(existsSync(join(app.appDataDir, 'keys', `${key.private_key_id}.json`))).toBe(false);
  });

  test('each wrong kind of file gets its own clear message, and nothing is kept', async ({ launchApp }) => {
    const app = await launchApp();
    const { page } = app;
    await openGcpTab(page);
    // Plain import: no gcloud involved.
    await page.getByLabel('Activate it in gcloud and set its project').uncheck();
    const files = wrongFiles();
    const expected: Record<string, string> = {
      'client_secret.json':
        'This is an OAuth client secret (client_secret_*.json), which identifies an app, not a service account.',
      'web_client.json': 'This is an OAuth client secret',
      'adc_user.json': 'This is a user credential (authorized_user',
      'workload_identity.json':
        'This is a workload identity federation configuration (external_account), not a service-account key. It was not used',
      'impersonated.json': 'This is an impersonation configuration (impersonated_service_account)',
      'key.p12': 'This is a P12 (PKCS#12) key, the legacy binary format. Create a JSON key instead',
      'truncated.json':
        'This JSON file is cut short (truncated): the download or copy did not finish. Download the key again.',
      'huge.json': 'This file is 1.0 MiB; a service-account key is about 2.3 KiB. It is not a key file.',
      'binary.json': 'This is a binary file, not a JSON key.',
    };
    for (const [name, message] of Object.entries(expected)) {
      const bytes = files[name];
      if (!bytes) throw new Error(`no fixture ${name}`);
      await dropFile(app, name, bytes);
      const alert = importOf(page, name).getByRole('alert');
      await expect(alert.locator('.gcp-outcome-title')).toHaveText(`${name} was not imported`);
      await expect(alert.locator('.gcp-outcome-detail')).toContainText(message);
      if (name === 'truncated.json')
        await page.screenshot({ path: test.info().outputPath('gcp-rejected.png'), fullPage: true });
    }
    await expect(page.getByText('No service-account key imported yet.')).toBeVisible();
    expect(existsSync(join(app.appDataDir, 'keys'))).toBe(false);
    expect(existsSync('/tmp/cloudid-should-never-run')).toBe(false);

    // Two files at once: one at a time, please.
    const two = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['{}'], 'a.json'));
      transfer.items.add(new File(['{}'], 'b.json'));
      return transfer;
    });
    await page.locator('.gcp-view').dispatchEvent('drop', { dataTransfer: two });
    await expect(latestImport(page).getByRole('alert')).toContainText(
      '2 files were dropped; drop one service-account key at a time.',
    );
  });

  test('a file dragged over another view opens Google Cloud, and what the drop did is still there after a tab switch', async ({
    launchApp,
  }) => {
    const app = await launchApp();
    const { page } = app;
    const awsView = page.getByRole('tabpanel', { name: 'AWS' });
    await expect(awsView).toBeVisible();
    const truncated = wrongFiles()['truncated.json'];
    if (!truncated) throw new Error('no truncated.json fixture');
    await dropFile(app, 'truncated.json', truncated, awsView);
    await expect(page.getByRole('tabpanel', { name: 'Google Cloud' })).toBeVisible();
    await expect(awsView).toBeHidden();
    const outcome = page.locator('.gcp-import-result').getByRole('alert');
    await expect(outcome.locator('.gcp-outcome-title')).toHaveText('truncated.json was not imported');

    await page.getByRole('tab', { name: 'AWS' }).click();
    await expect(awsView).toBeVisible();
    await page.getByRole('tab', { name: 'Google Cloud' }).click();
    await expect(outcome.locator('.gcp-outcome-title')).toHaveText('truncated.json was not imported');
  });

  test('a disabled key: gcloud’s own error on activation, and Verify says the key was deleted or disabled', async ({
    launchApp,
  }) => {
    const { app, google, key } = await launchWithKnownKey(launchApp, { project_id: 'acme-dev', keyIndex: 1 });
    google.disableServiceAccountKey(key.client_email);
    const { page } = app;
    await openGcpTab(page);
    await dropFile(app, 'acme-dev.json', keyBytes(key));
    await expect(latestImport(page).locator('.gcp-outcome-import')).toHaveText(
      'Imported deployer@acme-dev.iam.gserviceaccount.com (project acme-dev)',
      { timeout: 60_000 },
    );
    const activation = latestImport(page).locator('.gcp-outcome-activation');
    await expect(activation.locator('.gcp-outcome-title')).toHaveText(
      'gcloud could not activate deployer@acme-dev.iam.gserviceaccount.com',
      { timeout: 60_000 },
    );
    await expect(activation.locator('.gcp-outcome-detail')).toContainText(
      'ERROR: (gcloud.auth.activate-service-account)',
    );
    await expect(activation.locator('.gcp-outcome-detail')).toContainText('Invalid JWT Signature');
    // Nothing half-done: gcloud is back where it was, without an empty new configuration.
    await expect(activation.locator('.gcp-outcome-detail')).toContainText(
      'gcloud is back on configuration “default” (the new “deployer-acme-dev” was removed).',
    );
    await expect(page.locator('.gcp-active-configuration')).toHaveText('default');
    await expect(page.getByRole('region', { name: 'Configurations' }).getByRole('rowheader')).toHaveText(['default']);

    const row = keysList(page).getByRole('listitem').filter({ hasText: key.client_email });
    await row.getByRole('button', { name: 'Verify' }).click();
    const verdict = row.getByRole('alert');
    await expect(verdict.locator('.gcp-outcome-title')).toHaveText('This key does not work');
    await expect(verdict.locator('.gcp-outcome-detail')).toContainText(
      `key ${key.private_key_id} of ${key.client_email} was deleted or disabled`,
    );
    await page.screenshot({ path: test.info().outputPath('gcp-disabled.png'), fullPage: true });
  });

  test('“Choose file…” imports what the picker returns; GOOGLE_APPLICATION_CREDENTIALS is previewed, then applied', async ({
    launchApp,
  }) => {
    const key = serviceAccountKey({ project_id: 'acme-ml' });
    const picked = join(await tempDir('cloudid-e2e-pick-'), 'acme-ml-key.json');
    await writeFile(picked, keyBytes(key), { mode: 0o600 });
    const app = await launchApp({ pickedFile: picked });
    const { page } = app;
    const bashrc = join(app.home.home, '.bashrc');
    await writeFile(bashrc, '# my bashrc\nalias ll="ls -l"\n');
    await openGcpTab(page);
    await page.getByLabel('Activate it in gcloud and set its project').uncheck();
    await page.getByRole('button', { name: 'Choose file…' }).click();
    await expect(latestImport(page).locator('.gcp-outcome-import')).toHaveText(
      'Imported deployer@acme-ml.iam.gserviceaccount.com (project acme-ml)',
    );

    const row = keysList(page).getByRole('listitem').filter({ hasText: key.client_email });
    await row.getByRole('button', { name: 'Set GOOGLE_APPLICATION_CREDENTIALS…' }).click();
    const panel = page.getByRole('region', { name: `GOOGLE_APPLICATION_CREDENTIALS for ${key.client_email}` });
    const stored = join(app.appDataDir, 'keys', `${key.private_key_id}.json`);
    await expect(panel.getByText(`${bashrc} (bash) — add the block at the end`)).toBeVisible();
    await expect(panel.locator('.gcp-shell-lines')).toContainText(`export GOOGLE_APPLICATION_CREDENTIALS='${stored}'`);
    expect(await readFile(bashrc, 'utf8')).toBe('# my bashrc\nalias ll="ls -l"\n');
    await page.screenshot({ path: test.info().outputPath('gcp-shell-preview.png'), fullPage: true });

    await panel.getByRole('button', { name: 'Apply to 1 file' }).click();
    await expect(panel.getByRole('status')).toContainText('Updated 1 file. Open a new terminal for it to take effect.');
    const after = await readFile(bashrc, 'utf8');
    expect(after.startsWith('# my bashrc\nalias ll="ls -l"\n')).toBe(true);
    expect(after).toContain(`export GOOGLE_APPLICATION_CREDENTIALS='${stored}'`);
    // The app's own environment was fixed at launch; what new terminals get is shown beside it.
    await expect(page.locator('.gcp-profile-block')).toHaveText(
      `Your shell profiles set it to ${key.client_email} (${bashrc}; new terminals, not this app, use it)`,
    );

    // Removing it is previewed the same way and leaves the rest of the file as it was.
    await panel.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Remove GOOGLE_APPLICATION_CREDENTIALS from my shell profiles…' }).click();
    const removal = page.getByRole('region', {
      name: 'Remove GOOGLE_APPLICATION_CREDENTIALS from your shell profiles',
    });
    await expect(removal.getByText(`${bashrc} (bash) — remove the block`)).toBeVisible();
    await removal.getByRole('button', { name: 'Apply to 1 file' }).click();
    await expect(removal.getByRole('status')).toContainText('Updated 1 file.');
    expect(await readFile(bashrc, 'utf8')).toBe('# my bashrc\nalias ll="ls -l"\n');
    await expect(page.locator('.gcp-profile-block')).toHaveCount(0);
  });

  test('“Use it in the current configuration”: Undo puts its account and project back exactly', async ({
    launchApp,
  }) => {
    const { app, google, key } = await launchWithKnownKey(launchApp, { project_id: 'acme-cur', keyIndex: 2 });
    google.addProject('acme-cur');
    expect((await runGcloud(['config', 'set', 'project', 'my-own-proj'], app.gcloudDir)).code).toBe(0);
    expect((await runGcloud(['config', 'set', 'account', 'me@example.com'], app.gcloudDir)).code).toBe(0);
    const { page } = app;
    await openGcpTab(page);
    await page.getByLabel('Use it in the current configuration instead').check();
    await dropFile(app, 'acme-cur.json', keyBytes(key));
    await expect(latestImport(page).locator('.gcp-outcome-activation')).toHaveText(
      'gcloud now uses deployer@acme-cur.iam.gserviceaccount.com, project acme-cur in configuration “default”. It replaced me@example.com and project my-own-proj for every terminal and SkyPilot.',
      { timeout: 60_000 },
    );
    await expect(page.locator('.gcp-active-project')).toHaveText('acme-cur');
    await page.screenshot({ path: test.info().outputPath('gcp-current-configuration.png'), fullPage: true });

    await page.getByRole('button', { name: 'Undo: put the previous account and project back' }).click();
    await expect(latestImport(page).locator('.gcp-outcome-undo')).toHaveText(
      'Undone: configuration “default” has me@example.com and project my-own-proj again.',
      { timeout: 60_000 },
    );
    const core = await runGcloud(
      [
        'config',
        'configurations',
        'describe',
        'default',
        '--format=value(properties.core.account,properties.core.project)',
      ],
      app.gcloudDir,
    );
    expect(core.stdout.trim()).toBe('me@example.com\tmy-own-proj');
    await expect(page.locator('.gcp-active-project')).toHaveText('my-own-proj');
    await expect(page.getByRole('button', { name: /^Undo/ })).toHaveCount(0);
    // The key is no longer what gcloud uses, so the row offers Activate again.
    const row = keysList(page).getByRole('listitem').filter({ hasText: key.client_email });
    await expect(row.getByRole('button', { name: 'Activate', exact: true })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('gcp-undone.png'), fullPage: true });

    // The same from the key's row: Use in the current configuration, then its own Undo.
    await row.getByRole('button', { name: 'Use in the current configuration' }).click();
    await expect(row.getByRole('status').first()).toContainText(
      'It replaced me@example.com and project my-own-proj for every terminal and SkyPilot.',
      { timeout: 60_000 },
    );
    await row.getByRole('button', { name: 'Undo: put the previous account and project back' }).click();
    await expect(row.locator('.gcp-outcome-undo')).toHaveText(
      'Undone: configuration “default” has me@example.com and project my-own-proj again.',
      { timeout: 60_000 },
    );
    await expect(page.locator('.gcp-active-project')).toHaveText('my-own-proj');
  });

  test('a second key dropped while the first is importing: each result stays with its own drop', async ({
    launchApp,
  }) => {
    const { app, google, key } = await launchWithKnownKey(launchApp, { project_id: 'acme-slow', keyIndex: 3 });
    google.addProject('acme-slow');
    const { page } = app;
    await openGcpTab(page);
    // The first import runs gcloud (seconds); the second is refused at once, while it runs.
    await dropFile(app, 'first-key.json', keyBytes(key));
    await expect(importOf(page, 'first-key.json')).toHaveText('Importing first-key.json…');
    await dropFile(app, 'truncated.json', wrongFiles()['truncated.json'] ?? Buffer.alloc(0));
    await expect(importOf(page, 'truncated.json').locator('.gcp-outcome-title')).toHaveText(
      'truncated.json was not imported',
    );
    await expect(importOf(page, 'first-key.json')).toHaveText('Importing first-key.json…');
    await expect(importOf(page, 'first-key.json').locator('.gcp-outcome-import')).toHaveText(
      `Imported ${key.client_email} (project acme-slow)`,
      { timeout: 60_000 },
    );
    // The refusal is still shown for the file it belongs to.
    await expect(importOf(page, 'truncated.json').locator('.gcp-outcome-title')).toHaveText(
      'truncated.json was not imported',
    );
    await page.screenshot({ path: test.info().outputPath('gcp-two-drops.png'), fullPage: true });
  });

  test('removing a key that GOOGLE_APPLICATION_CREDENTIALS points to: the confirmation names the profile, and its block goes too', async ({
    launchApp,
  }) => {
    const key = serviceAccountKey({ project_id: 'acme-rm', keyIndex: 4 });
    const picked = join(await tempDir('cloudid-e2e-pick-'), 'acme-rm-key.json');
    await writeFile(picked, keyBytes(key), { mode: 0o600 });
    const app = await launchApp({ pickedFile: picked });
    const { page } = app;
    const bashrc = join(app.home.home, '.bashrc');
    await writeFile(bashrc, '# my bashrc\n');
    await openGcpTab(page);
    await page.getByLabel('Activate it in gcloud and set its project').uncheck();
    await page.getByRole('button', { name: 'Choose file…' }).click();
    const row = keysList(page).getByRole('listitem').filter({ hasText: key.client_email });
    await row.getByRole('button', { name: 'Set GOOGLE_APPLICATION_CREDENTIALS…' }).click();
    const panel = page.getByRole('region', { name: `GOOGLE_APPLICATION_CREDENTIALS for ${key.client_email}` });
    await panel.getByRole('button', { name: 'Apply to 1 file' }).click();
    await expect(panel.getByRole('status')).toContainText('Updated 1 file.');
    await panel.getByRole('button', { name: 'Close' }).click();
    const withBlock = await readFile(bashrc, 'utf8');

    await row.getByRole('button', { name: 'Remove…' }).click();
    const confirm = row.getByRole('group', { name: 'Remove this key' });
    await expect(confirm).toContainText(
      'GOOGLE_APPLICATION_CREDENTIALS points to this key in these shell profiles; its block is removed too:',
    );
    await expect(confirm.getByRole('listitem')).toHaveText([bashrc]);
    await page.screenshot({ path: test.info().outputPath('gcp-remove-confirm.png'), fullPage: true });
    // Cancel leaves everything as it was.
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await readFile(bashrc, 'utf8')).toBe(withBlock);

    await row.getByRole('button', { name: 'Remove…' }).click();
    await row.getByRole('button', { name: 'Remove key and block' }).click();
    await expect(page.getByText('No service-account key imported yet.')).toBeVisible();
    expect(await readFile(bashrc, 'utf8')).toBe('# my bashrc\n');
    expect(existsSync(join(app.appDataDir, 'keys', `${key.private_key_id}.json`))).toBe(false);
    await expect(page.locator('.gcp-profile-block')).toHaveCount(0);
  });
});
