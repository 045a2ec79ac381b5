// Issue 10 §2: a failed verification shows in the profile list, not only in the detail card, and
// the row's badge is never a good status beside it.
import { CONFIG, CREDENTIALS, IDENTITIES } from './aws-files';
import { expect, test } from '../support/e2e-fixtures';
import { detail, profileOption } from './window-locators';

test.describe('a failed verification in the profile list', () => {
  test('STS refuses the keys: the row gets a mark and its badge says so', async ({ launchApp }) => {
    // The local STS knows no key here: `default` is refused.
    const { page } = await launchApp({ config: CONFIG, credentials: CREDENTIALS, identities: {} });
    const row = profileOption(page, 'default');
    await expect(row).toHaveAccessibleDescription(/Long-lived keys/);
    await row.click();
    await detail(page).getByRole('button', { name: 'Verify', exact: true }).click();
    await expect(row.getByLabel(/^Verification failed: /)).toBeVisible();
    await expect(row).toHaveAccessibleDescription(/^Verification failed/);
    await expect(row).not.toHaveAccessibleDescription(/Long-lived keys|Valid/);
  });

  test('a verified profile keeps its badge and has no mark', async ({ launchApp }) => {
    const { page } = await launchApp({ config: CONFIG, credentials: CREDENTIALS, identities: IDENTITIES });
    const row = profileOption(page, 'dev');
    await row.click();
    await detail(page).getByRole('button', { name: 'Verify', exact: true }).click();
    await expect(detail(page).getByLabel('Caller identity')).toBeVisible();
    await expect(row.getByLabel(/^Verification failed: /)).toHaveCount(0);
    await expect(row).not.toHaveAccessibleDescription(/Verification failed|Not verified/);
  });
});
