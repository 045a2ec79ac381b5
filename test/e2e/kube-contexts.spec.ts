// The Clusters tab's Kubernetes contexts against the real core reading a real kubeconfig (as
// `aws eks update-kubeconfig`, gcloud and kind write it): each context with the identity behind it
// and that identity's status, following a login and a broken kubeconfig live.
import type { Locator, Page } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cacheStamp } from '../support/aws-home';
import { expect, test, type AppLaunch } from '../support/e2e-fixtures';
import { KUBE_SECRETS, eksEntry, gkeEntry, kindEntry, kubeconfigText, oidcEntry } from '../support/kubeconfig-fixtures';
import { detail } from './window-locators';

const CONFIG = `[profile dev]
region = us-east-1

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = eu-west-1

[profile prod]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = Admin
`;
const CREDENTIALS =
  '[dev]\naws_access_key_id = AKIADEV0000000000001\naws_secret_access_key = dev-secret-0000000000000000000000000000\n';
const KUBECONFIG = kubeconfigText(
  [
    eksEntry('prod', { alias: 'prod-eks', profile: 'prod' }),
    eksEntry('dev', { alias: 'dev-eks', profile: 'dev' }),
    gkeEntry('proj', 'us-central1-a', 'gke1'),
    kindEntry('local'),
    oidcEntry('corp-oidc'),
  ],
  'prod-eks',
);
const ssoToken = (expiresAt: number) => ({
  startUrl: 'https://corp.awsapps.com/start',
  region: 'eu-west-1',
  accessToken: 'at',
  expiresAt: cacheStamp(expiresAt),
});

const launch = (): AppLaunch => ({
  config: CONFIG,
  credentials: CREDENTIALS,
  tokens: { corp: ssoToken(Date.now() - 3_600_000) },
  files: {
    '.kube/config': KUBECONFIG,
    // gcloud's active configuration names an account it holds no credential for.
    'gcloud/configurations/config_default': '[core]\naccount = dev@example.com\nproject = proj\n',
    'gcloud/active_config': 'default',
  },
});

const section = (page: Page): Locator =>
  page.getByRole('tabpanel', { name: 'Clusters' }).getByRole('region', { name: 'Kubernetes contexts' });
const context = (page: Page, name: string): Locator =>
  section(page)
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name, exact: true }) });

test.describe('Kubernetes contexts', () => {
  test('each context shows the identity behind it and that identity’s status', async ({ launchApp }, testInfo) => {
    const { page } = await launchApp(launch());
    await expect(
      page.getByRole('tab', { name: 'Clusters, 2 Kubernetes contexts need a login', exact: true }),
    ).toBeVisible();
    await page.getByRole('tab', { name: 'Clusters' }).click();
    await expect(section(page)).toBeVisible();
    await expect(section(page).getByRole('status')).toHaveText('5 contexts · 2 need a login');

    const prod = context(page, 'prod-eks');
    await expect(prod.getByText('current', { exact: true })).toBeVisible();
    await expect(prod.getByText('EKS', { exact: true })).toBeVisible();
    await expect(prod.getByText('profile prod', { exact: true })).toBeVisible();
    await expect(prod.locator('.status-badge')).toHaveText('Expired');
    await expect(prod).toContainText('Log in to AWS profile prod to use this context.');
    await expect(prod).toContainText('at https://0123456789ABCDEF0123456789ABCDEF.gr7.us-west-2.eks.amazonaws.com');

    await expect(context(page, 'dev-eks').locator('.status-badge')).toHaveText('Long-lived keys');
    const gke = context(page, 'gke_proj_us-central1-a_gke1');
    await expect(gke.getByText('GKE', { exact: true })).toBeVisible();
    await expect(gke.getByText('gcloud dev@example.com', { exact: true })).toBeVisible();
    await expect(gke.locator('.status-badge')).toHaveText('Signed out');
    await expect(context(page, 'kind-local').getByText('client certificate', { exact: true })).toBeVisible();
    await expect(context(page, 'kind-local').locator('.status-badge')).toHaveText('Not linked');
    await expect(context(page, 'corp-oidc').getByText('OIDC', { exact: true })).toBeVisible();

    const text = (await page.content()) + JSON.stringify(await page.evaluate(() => document.body.innerText));
    for (const secret of Object.values(KUBE_SECRETS)) expect(text).not.toContain(secret);
    await section(page).scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('kube-contexts.png'), fullPage: true });

    // The way to the login: the profile behind the context, and gcloud's tab.
    await prod.getByRole('button', { name: 'Show profile prod' }).click();
    await expect(page.getByRole('tab', { name: 'AWS' })).toHaveAttribute('aria-selected', 'true');
    await expect(detail(page).getByRole('heading', { level: 2 })).toHaveText('prod');
    await page.getByRole('tab', { name: 'Clusters' }).click();
    await context(page, 'gke_proj_us-central1-a_gke1').getByRole('button', { name: 'Open Google Cloud' }).click();
    await expect(page.getByRole('tab', { name: 'Google Cloud' })).toHaveAttribute('aria-selected', 'true');
  });

  test('a login and a broken kubeconfig show up while the window is open', async ({ launchApp }) => {
    const { page, home } = await launchApp(launch());
    await page.getByRole('tab', { name: 'Clusters' }).click();
    await expect(context(page, 'prod-eks').locator('.status-badge')).toHaveText('Expired');

    // What `aws sso login --sso-session corp` leaves behind.
    await home.writeToken('corp', ssoToken(Date.now() + 8 * 3_600_000));
    await expect(context(page, 'prod-eks').locator('.status-badge')).toHaveText('Valid');
    await expect(context(page, 'prod-eks')).not.toContainText('Log in');

    await writeFile(join(home.home, '.kube', 'config'), 'apiVersion: v1\nclusters: [\n');
    const problems = section(page).getByRole('list', { name: 'Problems reading the kubeconfig' });
    await expect(problems).toContainText('is not valid YAML (line 3)');
    await expect(section(page)).toContainText('The kubeconfig defines no contexts.');
  });
});
