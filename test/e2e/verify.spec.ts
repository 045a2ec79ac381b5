import { CONFIG, CREDENTIALS, IDENTITIES, PROFILE_NAMES } from './aws-files';
import { expect, test } from '../support/e2e-fixtures';
import type { Page } from '@playwright/test';
import { detail, profileOption } from './window-locators';

/** The raw ARN and user id are folded under the identity's Details. */
async function openIdentityDetails(page: Page): Promise<void> {
  const details = detail(page).getByRole('region', { name: 'Identity' }).locator('details');
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
}

test.describe('verifying identities with STS', () => {
  test('Verify shows the account, ARN and user id the local STS answers', async ({ launchApp }) => {
    const { page, sts } = await launchApp({ config: CONFIG, credentials: CREDENTIALS, identities: IDENTITIES });
    await profileOption(page, 'dev').click();
    const pane = detail(page);
    await expect(pane.getByText('Not verified yet.')).toBeVisible();
    await pane.getByRole('button', { name: 'Verify', exact: true }).click();
    const identity = pane.getByRole('region', { name: 'Identity' }).getByRole('definition');
    await expect(identity.filter({ hasText: /^user alice$/ })).toHaveCount(1);
    await openIdentityDetails(page);
    await expect(identity.filter({ hasText: /^arn:aws:iam::123456789012:user\/alice$/ })).toHaveCount(1);
    await expect(identity.filter({ hasText: /^123456789012$/ })).toHaveCount(1);
    await expect(identity.filter({ hasText: /^AIDAE2EALICE$/ })).toHaveCount(1);
    await expect(identity.filter({ hasText: /^just now$/ })).toHaveCount(1);
    // It really went to STS, signed with the dev profile's key.
    expect(
      sts.requests.some(
        (r) => r.action === 'GetCallerIdentity' && r.accessKeyId === 'AKIAE2EDEV0000000002' && r.status === 200,
      ),
    ).toBe(true);
  });

  test('a profile STS rejects shows why', async ({ launchApp }) => {
    // The local STS knows no key of `default` here: the answer is an error, shown as such.
    const { page } = await launchApp({ config: CONFIG, credentials: CREDENTIALS, identities: {} });
    await profileOption(page, 'default').click();
    await detail(page).getByRole('button', { name: 'Verify', exact: true }).click();
    const answer = detail(page).getByRole('region', { name: 'Identity' }).getByRole('status');
    await expect(answer).toContainText('checked just now');
    await expect(answer).not.toContainText('Not verified yet');
    await expect(detail(page).getByLabel('Caller identity')).toHaveCount(0);
  });

  test('Verify all shows progress and leaves each profile with its answer', async ({ launchApp }) => {
    const { page } = await launchApp({
      config: CONFIG,
      credentials: CREDENTIALS,
      identities: IDENTITIES,
      stsDelayMs: 400,
    });
    const seen: Array<{ done: number; total: number }> = [];
    await page.exposeFunction('recordProgress', (p: { done: number; total: number }) => void seen.push(p));
    await page.evaluate(() => {
      const api = (window as unknown as { cloudid: { on(e: 'verifyProgress', l: (p: unknown) => void): void } })
        .cloudid;
      api.on(
        'verifyProgress',
        (p) => void (window as unknown as { recordProgress(p: unknown): void }).recordProgress(p),
      );
    });
    await page.getByRole('button', { name: 'Verify all' }).click();
    // While STS answers, the header shows how far it got.
    await expect(page.getByRole('progressbar', { name: 'Verification progress' })).toBeVisible();
    await expect(page.getByText(new RegExp(`^\\d+ of ${PROFILE_NAMES.length}$`))).toBeVisible();
    await expect(page.getByRole('button', { name: 'Verify all' })).toBeEnabled({ timeout: 20_000 });
    await expect(page.getByRole('progressbar', { name: 'Verification progress' })).toHaveCount(0);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.at(-1)).toEqual({ done: PROFILE_NAMES.length, total: PROFILE_NAMES.length });

    await profileOption(page, 'default').click();
    await openIdentityDetails(page);
    await expect(
      detail(page)
        .getByRole('definition')
        .filter({ hasText: /^arn:aws:iam::999988887777:user\/e2e-default$/ }),
    ).toHaveCount(1);
    await profileOption(page, 'dev').click();
    await openIdentityDetails(page);
    await expect(
      detail(page)
        .getByRole('definition')
        .filter({ hasText: /^arn:aws:iam::123456789012:user\/alice$/ }),
    ).toHaveCount(1);
  });

  test('a Verify all started by the shell shows its progress too', async ({ launchApp }) => {
    const { page, bridge } = await launchApp({ config: CONFIG, credentials: CREDENTIALS });
    const progress = page.getByRole('progressbar', { name: 'Verification progress' });
    bridge.emit('verifyProgress', { done: 2, total: 5 });
    await expect(progress).toBeVisible();
    await expect(page.getByText('2 of 5', { exact: true })).toBeVisible();
    bridge.emit('verifyProgress', { done: 5, total: 5 });
    await expect(progress).toHaveCount(0);
  });
});
