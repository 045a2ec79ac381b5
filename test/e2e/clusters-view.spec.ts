// The Clusters tab against the real core reading a real SkyPilot state.db (written by python3's
// sqlite3 with SkyPilot's own schema), with the local STS telling who each AWS profile is.
import type { Locator, Page } from '@playwright/test';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type AppLaunch } from '../support/e2e-fixtures';
import { commitInWal, type SkyClusterRow } from '../support/sky-state-fixtures';
import type { StsIdentity } from '../support/sts-server';

const ALICE = { accessKeyId: 'AKIAALICE00000000001', secretAccessKey: 'alice-secret-0000000000000000000000000' };
const BOB = { accessKeyId: 'AKIABOB0000000000001', secretAccessKey: 'bob-secret-00000000000000000000000000000' };
const ALICE_ID = {
  account: '111122223333',
  arn: 'arn:aws:iam::111122223333:user/alice',
  userId: 'AIDAALICE0000000001',
};
const BOB_ID = { account: '999988887777', arn: 'arn:aws:iam::999988887777:user/bob', userId: 'AIDABOB0000000000001' };

const IDENTITIES: Record<string, StsIdentity> = {
  [ALICE.accessKeyId]: { secretAccessKey: ALICE.secretAccessKey, ...ALICE_ID },
  [BOB.accessKeyId]: { secretAccessKey: BOB.secretAccessKey, ...BOB_ID },
};

// Plain keys without an account in the config: who they are is known only once STS answers.
const CONFIG = '[default]\nregion = us-east-1\n\n[profile bob]\nregion = us-east-1\n';
const CREDENTIALS = `[default]
aws_access_key_id = ${ALICE.accessKeyId}
aws_secret_access_key = ${ALICE.secretAccessKey}

[bob]
aws_access_key_id = ${BOB.accessKeyId}
aws_secret_access_key = ${BOB.secretAccessKey}
`;

const owner = (id: { userId: string; account: string }): string => JSON.stringify([id.userId, id.account]);
const LAUNCHED = 1_795_600_000; // 2026-11-25 09:46:40 UTC

const ROWS: SkyClusterRow[] = [
  {
    name: 'alice-train',
    status: 'UP',
    launched_at: LAUNCHED,
    owner: owner(ALICE_ID),
    cloud: 'AWS',
    region: 'us-east-1',
  },
  {
    name: 'bob-serve',
    status: 'STOPPED',
    launched_at: LAUNCHED - 86_400,
    owner: owner(BOB_ID),
    cloud: 'AWS',
    region: 'us-west-2',
  },
  {
    name: 'k8s-dev',
    status: 'UP',
    launched_at: LAUNCHED - 3_600,
    owner: JSON.stringify(['carol@example.com']),
    cloud: 'Kubernetes',
    region: 'ctx',
  },
];

const launch = (extra: Partial<AppLaunch> = {}): AppLaunch => ({
  config: CONFIG,
  credentials: CREDENTIALS,
  identities: IDENTITIES,
  sky: { schema: 'v0.12-infra-columns', journalMode: 'WAL', rows: ROWS },
  ...extra,
});

const view = (page: Page): Locator => page.getByRole('tabpanel', { name: 'Clusters' });
const group = (page: Page, title: string): Locator => view(page).getByRole('region', { name: `Owner: ${title}` });
const cluster = (scope: Locator, name: string): Locator =>
  scope.getByRole('listitem').filter({ has: scope.page().getByRole('heading', { name, exact: true }) });

async function openClusters(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Clusters' }).click();
  await expect(page.getByRole('tab', { name: 'Clusters' })).toHaveAttribute('aria-selected', 'true');
}

test.describe('the Clusters tab', () => {
  test('lists clusters grouped by owner, then after Verify identities marks the one the active identity cannot operate, with a copyable fix', async ({
    launchApp,
  }, testInfo) => {
    const { page, copied } = await launchApp(launch());
    await openClusters(page);

    await expect(group(page, 'AWS account 111122223333')).toBeVisible();
    await expect(cluster(group(page, 'AWS account 111122223333'), 'alice-train')).toContainText('Up');
    await expect(cluster(group(page, 'AWS account 999988887777'), 'bob-serve')).toContainText('Stopped');
    await expect(cluster(group(page, 'carol@example.com'), 'k8s-dev')).toContainText('Kubernetes');
    // Launch time, relative and absolute (the machine's clock decides the relative words).
    await expect(cluster(view(page), 'alice-train').locator('time')).toHaveAttribute(
      'datetime',
      '2026-11-25T09:46:40.000Z',
    );
    await expect(cluster(view(page), 'alice-train')).toContainText('25 Nov 2026');

    // Before STS has answered, nobody knows who `default` is: unknown, with a way to find out.
    await expect(page.getByRole('tab', { name: 'Clusters', exact: true })).toBeVisible();
    const bob = cluster(view(page), 'bob-serve');
    await expect(bob).toContainText('Unknown — verify identities');
    await expect(bob.getByRole('img', { name: /cannot operate/ })).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath('clusters-before-verify.png'), fullPage: true });

    await view(page).getByRole('button', { name: 'Verify identities' }).click();

    await expect(
      bob.getByRole('img', { name: 'Warning: the active identity cannot operate this cluster' }),
    ).toBeVisible();
    await expect(bob).toContainText('The active identity cannot operate it');
    await expect(bob).toContainText('owned by IAM user AIDABOB0000000000001 in account 999988887777');
    await expect(group(page, 'AWS account 999988887777')).toContainText('This owner here: AWS profile bob');
    await expect(group(page, 'AWS account 111122223333')).toContainText('Active identity');
    await expect(cluster(view(page), 'alice-train')).toContainText(
      'The active identity can operate it as AWS profile default (active)',
    );
    await expect(cluster(view(page), 'alice-train').getByRole('img')).toHaveCount(0);
    await expect(view(page).getByText('1 not operable by the active identity')).toBeVisible();
    await expect(view(page).getByRole('button', { name: 'Verify identities' })).toHaveCount(0);
    // The tab says so too, from any tab.
    await expect(
      page.getByRole('tab', { name: 'Clusters, 1 not operable by the active identity', exact: true }),
    ).toBeVisible();

    const copy = bob.getByRole('button', { name: 'Copy AWS_PROFILE=bob sky ...' });
    await copy.click();
    await expect(copy).toHaveText('Copied');
    expect(copied).toEqual(['AWS_PROFILE=bob sky ...']);
    // The group needing attention comes first.
    await expect(
      view(page)
        .getByRole('region', { name: /^Owner: / })
        .first(),
    ).toHaveAccessibleName('Owner: AWS account 999988887777');
    await page.screenshot({ path: testInfo.outputPath('clusters-after-verify.png'), fullPage: true });
  });

  test('a cluster SkyPilot adds to state.db while the window is open appears', async ({ launchApp, page }) => {
    const { home } = await launchApp(launch());
    await openClusters(page);
    await expect(cluster(view(page), 'alice-train')).toBeVisible();
    await expect(view(page).getByText('3 clusters', { exact: true })).toBeVisible();

    // SkyPilot is still running: the new row sits only in state.db-wal.
    commitInWal(join(home.home, '.sky', 'state.db'), [
      { name: 'alice-eval', status: 'INIT', launched_at: LAUNCHED + 60, owner: owner(ALICE_ID), cloud: 'AWS' },
    ]);

    const added = cluster(group(page, 'AWS account 111122223333'), 'alice-eval');
    await expect(added).toBeVisible();
    await expect(added).toContainText('Init');
    await expect(view(page).getByText('4 clusters', { exact: true })).toBeVisible();
  });

  test('filters by cloud, from the keyboard', async ({ launchApp, page }) => {
    await launchApp(launch());
    const tab = page.getByRole('tab', { name: 'AWS' });
    await tab.focus();
    await page.keyboard.press('End');
    await expect(page.getByRole('tab', { name: 'Clusters' })).toBeFocused();
    await expect(view(page)).toBeVisible();

    const cloud = view(page).getByRole('combobox', { name: 'Cloud' });
    await cloud.selectOption({ label: 'Kubernetes (1)' });
    await expect(cluster(view(page), 'k8s-dev')).toBeVisible();
    await expect(cluster(view(page), 'alice-train')).toHaveCount(0);
    await expect(view(page).getByText('1 of 3 clusters')).toBeVisible();
    // Verifying says nothing about a Kubernetes cluster: no button offered for it.
    await expect(cluster(view(page), 'k8s-dev')).toContainText('compares AWS and GCP identities only');

    await cloud.selectOption({ label: 'AWS (2)' });
    await expect(view(page).getByRole('heading', { level: 3 })).toHaveText(['alice-train', 'bob-serve']);
    await cloud.selectOption({ label: 'All clouds (3)' });
    await expect(view(page).getByRole('heading', { level: 3 })).toHaveCount(3);
  });

  test("shows the active workspace's AWS profile and warns that the jobs controller would get credentials that expire", async ({
    launchApp,
    page,
  }, testInfo) => {
    // The workspace gives SkyPilot an SSO profile (docs.skypilot.co admin/workspaces.html shape).
    const sso = `${CONFIG}\n[profile team-sso]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Dev\nregion = us-east-1\n\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n`;
    const controller: SkyClusterRow = {
      name: 'sky-jobs-controller-2ea485ea',
      status: 'UP',
      launched_at: LAUNCHED,
      owner: owner(ALICE_ID),
      cloud: 'AWS',
      region: 'us-east-1',
    };
    await launchApp(
      launch({
        config: sso,
        sky: { schema: 'v0.12-infra-columns', journalMode: 'WAL', rows: [...ROWS, controller] },
        files: {
          '.sky/config.yaml': 'workspaces:\n  team-a:\n    aws:\n      profile: team-sso\nactive_workspace: team-a\n',
        },
      }),
    );
    await openClusters(page);
    const now = view(page).getByRole('region', { name: 'SkyPilot uses now' });
    await expect(now).toContainText('profile team-sso');
    await expect(now).toContainText('team-a');
    await expect(now).toContainText('sets AWS profile team-sso');

    const warning = view(page).getByRole('status', { name: 'Controller credentials' });
    await expect(warning).toContainText(
      'The controller sky-jobs-controller-2ea485ea would get credentials that expire.',
    );
    await expect(warning).toContainText(
      'AWS profile "team-sso" (workspace team-a), which SkyPilot would use, is an IAM Identity Center (SSO) profile',
    );
    await expect(warning).toContainText('Instead: Use a static role: `remote_identity: SERVICE_ACCOUNT`');
    await page.screenshot({ path: testInfo.outputPath('clusters-controller-warning.png'), fullPage: true });
  });

  test('says plainly when SkyPilot has no state on this machine, or state.db cannot be read', async ({
    launchApp,
    page,
  }, testInfo) => {
    const { home } = await launchApp({ config: CONFIG, credentials: CREDENTIALS });
    await openClusters(page);
    // Not a warning: where the clusters will show once there are some.
    const message = view(page).getByRole('region', { name: 'No SkyPilot clusters yet' });
    await expect(message).toBeVisible();
    await expect(message).toContainText('state.db');
    await expect(view(page).locator('.banner')).toHaveCount(0);
    await expect(view(page).getByRole('combobox', { name: 'Cloud' })).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath('clusters-no-state.png'), fullPage: true });

    // A state.db that is not a database appears: said once, as an error, live.
    await mkdir(join(home.home, '.sky'), { recursive: true });
    await writeFile(
      join(home.home, '.sky', 'state.db'),
      'not a database at all, just text that is long enough to be a header '.repeat(4),
    );
    const unreadable = view(page).getByRole('status').filter({ hasText: 'Cannot read SkyPilot’s clusters.' });
    await expect(unreadable).toBeVisible();
    await expect(unreadable).toContainText('state.db');
    await expect(view(page).getByText('Cannot read SkyPilot’s clusters.')).toHaveCount(1);
    await expect(view(page).getByRole('region', { name: 'No SkyPilot clusters yet' })).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath('clusters-unreadable.png'), fullPage: true });
  });
});
