// The window at every size it can have, in both themes: from its minimum (electron/main/window.ts)
// to a large screen, each view must fit without sideways scrolling, keep the header's actions on
// screen, scroll in one place only, show every table column whole, and pass an accessibility scan.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG, CREDENTIALS, IDENTITIES, corpToken } from './aws-files';
import { AWS_CLI_V1, expect, test, type AppLaunch } from '../support/e2e-fixtures';
import { serviceAccountKey, writeConfiguration, writeGcloudDatabases } from '../support/gcloud-fixtures';
import { eksEntry, gkeEntry, kubeconfigText } from '../support/kubeconfig-fixtures';
import { cacheStamp } from '../support/aws-home';
import { makePortalAccounts } from '../support/sso-portal-rate-limited';
import { detail, profileOption } from './window-locators';

const SIZES = [
  { width: 640, height: 440 },
  { width: 800, height: 600 },
  { width: 1040, height: 720 },
  { width: 1440, height: 900 },
] as const;
const VIEWS = ['AWS', 'Google Cloud', 'Clusters'] as const;

/** `UPDATE_SCREENSHOTS=1 npx playwright test test/e2e/window-sizes.spec.ts` refreshes the README's pictures. */
const README_SHOTS = fileURLToPath(new URL('../../docs/screenshots', import.meta.url));

const LAUNCHED = 1_795_600_000; // 2026-11-25 09:46:40 UTC
const owner = (userId: string, account: string): string => JSON.stringify([userId, account]);

/** Something in every card of every view: AWS profiles of each kind, gcloud, SkyPilot, kubectl. */
function everything(colorScheme: 'light' | 'dark'): AppLaunch {
  const ci = serviceAccountKey({ project_id: 'acme-ci' });
  return {
    config: CONFIG,
    credentials: CREDENTIALS,
    identities: IDENTITIES,
    tokens: { corp: corpToken(Date.now() + 130 * 60_000) },
    awsCli: AWS_CLI_V1,
    colorScheme,
    prepareGcloud: async (dir) => {
      await writeGcloudDatabases(dir, [{ account: ci.client_email, credential: { ...ci } }]);
      await writeConfiguration(dir, 'default', `[core]\naccount = ${ci.client_email}\nproject = acme-ci\n`);
      await writeConfiguration(
        dir,
        'staging-europe',
        `[core]\naccount = ${ci.client_email}\nproject = acme-staging-europe\n\n[compute]\nregion = europe-west4\nzone = europe-west4-a\n`,
      );
    },
    sky: {
      schema: 'v0.12-infra-columns',
      journalMode: 'WAL',
      rows: [
        {
          name: 'alice-train',
          status: 'UP',
          launched_at: LAUNCHED,
          owner: owner('AIDAE2EALICE', '123456789012'),
          cloud: 'AWS',
          region: 'us-east-1',
        },
        {
          name: 'default-serve',
          status: 'STOPPED',
          launched_at: LAUNCHED - 86_400,
          owner: owner('AIDAE2EDEFAULT', '999988887777'),
          cloud: 'AWS',
          region: 'us-west-2',
        },
        {
          name: 'gke-dev',
          status: 'UP',
          launched_at: LAUNCHED - 3_600,
          owner: JSON.stringify([ci.client_email]),
          cloud: 'GCP',
          region: 'europe-west4',
        },
      ],
    },
    files: {
      '.kube/config': kubeconfigText([
        eksEntry('prod-eks', { profile: 'prod', region: 'eu-west-1' }),
        gkeEntry('acme-ci', 'europe-west4-a', 'gke-dev'),
      ]),
    },
  };
}

/** What is wrong with the window's layout now, in words (empty: nothing). */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const doc = document.scrollingElement ?? document.documentElement;
    if (doc.scrollWidth > doc.clientWidth) problems.push(`the page scrolls sideways (${doc.scrollWidth}px wide)`);
    if (doc.scrollHeight > doc.clientHeight) problems.push(`the page itself scrolls (${doc.scrollHeight}px tall)`);

    const width = window.innerWidth;
    const height = window.innerHeight;
    const header = document.querySelector('header');
    for (const button of header?.querySelectorAll('button') ?? []) {
      const box = button.getBoundingClientRect();
      if (box.left < 0 || box.right > width || box.top < 0 || box.bottom > height)
        problems.push(`header button "${button.textContent}" is off-screen`);
    }

    // The one scroll area: the visible view's panes may scroll, but not inside one another.
    const scrollers = [...document.querySelectorAll<HTMLElement>('body *')].filter((el) => {
      if (el.offsetParent === null || el.closest('dialog') !== null) return false;
      const style = getComputedStyle(el);
      const sideways = ['auto', 'scroll'].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
      return sideways && !el.classList.contains('copy-text');
    });
    for (const el of scrollers) problems.push(`${el.tagName.toLowerCase()}.${el.className} scrolls sideways`);

    /** The right edge an element may reach before an ancestor (or the window) cuts it off. */
    const clipRight = (el: Element): number => {
      let right = width;
      for (let at = el.parentElement; at !== null; at = at.parentElement) {
        const style = getComputedStyle(at);
        if (style.overflowX !== 'visible') right = Math.min(right, at.getBoundingClientRect().right);
      }
      return right;
    };
    for (const table of document.querySelectorAll('table')) {
      if (table.getClientRects().length === 0) continue;
      const limit = clipRight(table);
      for (const cell of table.querySelectorAll('th, td')) {
        const box = cell.getBoundingClientRect();
        if (box.width > 0 && box.right > limit + 1)
          problems.push(`table column "${cell.textContent}" is cut off at ${Math.round(limit)}px`);
      }
      // A word split over two lines: the column is too narrow for it. A line may break after a
      // hyphen, or where the page allows it (an email after its @: <wbr> ends the text node).
      const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const match of text.matchAll(/[^\s-]+-?/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (lines.size > 1) problems.push(`table word "${match[0]}" breaks over ${lines.size} lines`);
        }
      }
    }
    return problems;
  });
}

async function showView(page: Page, view: (typeof VIEWS)[number]): Promise<void> {
  const tab = page.getByRole('tab', { name: view });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: view })).toBeVisible();
}

async function seriousViolations(page: Page): Promise<string[]> {
  // One rule is left out, knowingly: a profile option's name is the profile's name, what a voice
  // user says to pick it (WCAG 2.5.3 asks that the name contain the visible label, which it
  // starts with); its status and details are its description (components/profile-list.tsx).
  // axe asks that the name hold every visible word of the option instead.
  const results = await new AxeBuilder({ page }).disableRules(['label-content-name-mismatch']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

for (const colorScheme of ['light', 'dark'] as const) {
  for (const size of SIZES) {
    test(`every view fits ${size.width}×${size.height} (${colorScheme})`, async ({ launchApp }, testInfo) => {
      const { page } = await launchApp(everything(colorScheme));
      await page.setViewportSize(size);
      await expect(profileOption(page, 'prod')).toBeVisible();

      for (const view of VIEWS) {
        await showView(page, view);
        if (view === 'Google Cloud')
          await expect(page.getByRole('region', { name: 'Configurations' }).getByRole('table')).toBeVisible();
        if (view === 'Clusters') {
          await expect(page.getByRole('heading', { name: 'alice-train' })).toBeVisible();
          // The action the verdicts wait for comes before what SkyPilot uses now.
          const verify = await page.getByRole('button', { name: 'Verify identities' }).boundingBox();
          const uses = await page.getByRole('region', { name: 'SkyPilot uses now' }).boundingBox();
          expect.soft(verify !== null && uses !== null && verify.y < uses.y, 'Verify identities first').toBe(true);
        }
        const shot = `${view.toLowerCase().replace(' ', '-')}-${size.width}x${size.height}-${colorScheme}.png`;
        await page.screenshot({ path: testInfo.outputPath(shot) });
        expect.soft(await layoutProblems(page), `${view} at ${size.width}×${size.height}`).toEqual([]);
        expect.soft(await seriousViolations(page), `axe on ${view}`).toEqual([]);
      }

      // A short window folds the list's filters away behind a toggle, so the list keeps its rows.
      await showView(page, 'AWS');
      const kind = page.getByRole('combobox', { name: 'Kind' });
      const filters = page.getByRole('button', { name: 'Filters' });
      if (size.height < 560) {
        await expect(kind).toBeHidden();
        await filters.click();
        await expect(kind).toBeVisible();
        expect.soft(await layoutProblems(page), 'filters shown').toEqual([]);
        await filters.click();
        await expect(kind).toBeHidden();
      } else {
        await expect(kind).toBeVisible();
        await expect(filters).toBeHidden();
      }

      // The settings: every select shows its whole text, and the backdrop covers the window.
      await page.getByRole('button', { name: 'Settings' }).click();
      const dialog = page.getByRole('dialog', { name: 'Settings' });
      await expect(dialog).toBeVisible();
      const clipped = await dialog.locator('select').evaluateAll((selects) =>
        (selects as HTMLSelectElement[])
          .filter((s) => {
            const probe = document.createElement('span');
            probe.style.font = getComputedStyle(s).font;
            probe.style.whiteSpace = 'pre';
            probe.textContent = s.selectedOptions[0]?.textContent ?? '';
            document.body.append(probe);
            const need = probe.getBoundingClientRect().width;
            probe.remove();
            // The arrow and the padding take about 30px of the box.
            return need + 24 > s.clientWidth;
          })
          .map((s) => s.selectedOptions[0]?.textContent ?? ''),
      );
      expect.soft(clipped, 'settings selects cut off their text').toEqual([]);
      // The backdrop is over everything: each corner of the window hits the dialog (its backdrop), and dims.
      const backdrop = await dialog.evaluate((d) => {
        const corners = [
          [1, 1],
          [window.innerWidth - 2, 1],
          [1, window.innerHeight - 2],
          [window.innerWidth - 2, window.innerHeight - 2],
        ] as const;
        return {
          covered: corners.every(([x, y]) => document.elementFromPoint(x, y) === d),
          alpha: Number(/[\d.]+(?=\)$)/.exec(getComputedStyle(d, '::backdrop').backgroundColor)?.[0] ?? 0),
        };
      });
      expect.soft(backdrop.covered, 'the backdrop covers the window').toBe(true);
      expect.soft(backdrop.alpha, 'the backdrop dims').toBeGreaterThanOrEqual(0.45);
      const box = await dialog.boundingBox();
      expect.soft(box !== null && box.y >= 0 && box.y + box.height <= size.height + 1, 'dialog fits').toBe(true);
      await page.screenshot({ path: testInfo.outputPath(`settings-${size.width}x${size.height}-${colorScheme}.png`) });
      expect.soft(await seriousViolations(page), 'axe on Settings').toEqual([]);
      await page.keyboard.press('Escape');

      if (size.width === 1040) {
        // The README's picture (README.md, "Screenshots"): an SSO profile, the CLI warning dismissed.
        await showView(page, 'AWS');
        await page.getByRole('alert', { name: 'AWS CLI warning' }).getByRole('button', { name: 'Dismiss' }).click();
        await profileOption(page, 'prod').click();
        await expect(detail(page).getByRole('region', { name: 'Sign-in' })).toBeVisible();
        const path =
          process.env.UPDATE_SCREENSHOTS === '1'
            ? join(README_SHOTS, `window-${colorScheme}.png`)
            : testInfo.outputPath(`window-${colorScheme}.png`);
        await page.screenshot({ path });
      }
    });
  }
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`a brand-new user sees where to start, not warnings (${colorScheme})`, async ({ launchApp }, testInfo) => {
    // No AWS files, no gcloud, no SkyPilot: a machine the app has just been installed on.
    const { page } = await launchApp({ colorScheme });
    await page.setViewportSize({ width: 1040, height: 720 });
    const aws = page.getByRole('tabpanel', { name: 'AWS' });
    await expect(aws.getByRole('button', { name: 'Add your AWS SSO portal' })).toBeVisible();
    await expect(page.getByText('No profiles match.')).toHaveCount(0);
    await expect(page.locator('.banner-warning, .banner-problems-warning')).toHaveCount(0);
    // Nothing to verify, search or filter yet.
    await expect(page.getByRole('button', { name: 'Verify all' })).toBeDisabled();
    await expect(aws.getByRole('searchbox')).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath(`first-run-aws-${colorScheme}.png`) });
    expect.soft(await seriousViolations(page), 'axe on first-run-aws').toEqual([]);

    await aws.getByRole('button', { name: 'Add your AWS SSO portal' }).click();
    await expect(aws.getByRole('textbox', { name: /start URL/i })).toBeFocused();
    // The portal added, the next step is said, and the session is there to log in to.
    const form = aws.getByRole('form', { name: 'New SSO session' });
    await form.getByRole('textbox', { name: 'Start URL' }).fill('https://my-org.awsapps.com/start');
    await form.getByRole('textbox', { name: 'Region' }).fill('eu-west-1');
    await form.getByRole('textbox', { name: 'Session name' }).fill('my-org');
    await form.getByRole('button', { name: 'Create session' }).click();
    await expect(aws.getByRole('region', { name: 'No AWS profiles yet' })).toContainText(
      'Session my-org is in your config. Log in to it below',
    );
    await expect(aws.getByRole('button', { name: 'Log in to my-org' })).toBeVisible();
    expect.soft(await seriousViolations(page), 'axe after adding the portal').toEqual([]);

    await showView(page, 'Google Cloud');
    await expect(
      page
        .getByRole('tabpanel', { name: 'Google Cloud' })
        .getByText('Drop a service-account key JSON', { exact: true }),
    ).toBeVisible();
    // The key to drop comes first, above gcloud's (empty) state.
    const keys = await page.getByRole('region', { name: 'Service-account keys' }).boundingBox();
    const now = await page.getByRole('region', { name: 'gcloud now' }).boundingBox();
    expect(keys !== null && now !== null && keys.y < now.y).toBe(true);
    // No sign-in to check yet.
    await expect(page.getByRole('button', { name: 'Check sign-ins' })).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath(`first-run-gcp-${colorScheme}.png`) });
    expect.soft(await seriousViolations(page), 'axe on first-run-gcp').toEqual([]);

    await showView(page, 'Clusters');
    await expect(page.getByRole('tabpanel', { name: 'Clusters' }).getByText('No SkyPilot clusters yet')).toBeVisible();
    await expect(page.locator('.banner-warning, .banner-error')).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath(`first-run-clusters-${colorScheme}.png`) });
    expect.soft(await seriousViolations(page), 'axe on first-run-clusters').toEqual([]);
    expect(await layoutProblems(page)).toEqual([]);
  });
}

for (const width of [1180, 1280]) {
  test(`the sync preview shows every column whole at ${width}×800`, async ({ launchApp }, testInfo) => {
    const startUrl = 'https://d-1234567890.awsapps.com/start';
    const token = 'e2e-portal-token';
    const { page } = await launchApp({
      config: `[profile mine]\nregion = us-east-1\n\n[sso-session corp]\nsso_start_url = ${startUrl}\nsso_region = eu-west-1\n`,
      tokens: {
        corp: { startUrl, region: 'eu-west-1', accessToken: token, expiresAt: cacheStamp(Date.now() + 3600_000) },
      },
      // Long names, as real organisations have them.
      sso: {
        accounts: makePortalAccounts(6, ['AdministratorAccess', 'ReadOnlyAccess', 'PowerUserAccess']),
        portalTokens: [token],
      },
    });
    await page.setViewportSize({ width, height: 800 });
    const item = page.getByRole('listitem', { name: 'SSO session corp', exact: true });
    await item.getByRole('button', { name: 'Sync accounts…' }).click();
    const table = item.getByRole('table', { name: 'Sync preview' });
    await expect(table.getByRole('row')).toHaveCount(19);
    await table.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`sync-preview-${width}x800.png`) });
    expect(await layoutProblems(page)).toEqual([]);
    // Every Role cell lies inside the table's visible box.
    const tableBox = await item.locator('.sso-table-wrap').boundingBox();
    for (const cell of await table.getByRole('cell', { name: 'PowerUserAccess', exact: true }).all()) {
      const box = await cell.boundingBox();
      expect(box !== null && tableBox !== null && box.x + box.width <= tableBox.x + tableBox.width).toBe(true);
    }
  });
}

test('a long Verify all failure keeps the header in the smallest window', async ({ launchApp }) => {
  const { page } = await launchApp({ config: CONFIG, credentials: CREDENTIALS, identities: IDENTITIES });
  await page.setViewportSize({ width: 640, height: 440 });
  const reason = `the shell could not start the run: ${'a very long reason '.repeat(12)}`;
  await page.route('**/op/verifyAll', (route) => route.fulfill({ json: { ok: false, error: reason } }));
  await page.getByRole('button', { name: 'Verify all' }).click();
  const failure = page.getByText(/^Verify all failed: /);
  await expect(failure).toBeVisible();
  await expect(failure).toHaveAttribute('title', new RegExp(`^${reason.slice(0, 40)}`));
  expect(await layoutProblems(page)).toEqual([]);
});
