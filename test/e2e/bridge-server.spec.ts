// The test bridge itself: it must refuse what the Electron IPC layer refuses, or the e2e tests
// would prove less than they claim.
import { join } from 'node:path';
import { OPERATION_NAMES } from '../../electron/shared/contract';
import { CONFIG } from './aws-files';
import { expect, test } from '../support/e2e-fixtures';

test.describe('the test bridge', () => {
  test('checks the token, the operation name and the argument, as the IPC layer does', async ({ launchApp }) => {
    const { page, bridge } = await launchApp({ config: CONFIG });
    const op = (name: string, data: unknown, token = bridge.token) =>
      page.request.post(`${bridge.url}op/${name}`, {
        headers: { 'x-cloudid-token': token, 'content-type': 'application/json' },
        data: JSON.stringify(data),
      });

    const noToken = await op('getSettings', undefined, 'wrong');
    expect(noToken.status()).toBe(401);
    const unknown = await op('readSecrets', {});
    expect(unknown.status()).toBe(404);
    const badInput = await op('verifyProfile', { profile: 'a\nb' });
    expect(badInput.status()).toBe(400);
    expect((await badInput.json()) as unknown).toMatchObject({
      ok: false,
      error: expect.stringContaining('line breaks'),
    });
    const extraKey = await op('copyText', { text: 'x', html: '<b>' });
    expect(extraKey.status()).toBe(400);

    const good = await op('updateSettings', { leadTimeMinutes: 30 });
    expect(good.status()).toBe(200);
    expect((await good.json()) as unknown).toMatchObject({ ok: true, result: { leadTimeMinutes: 30 } });

    const events = await page.request.get(`${bridge.url}events?token=wrong`);
    expect(events.status()).toBe(401);
    const outside = await page.request.get(`${bridge.url}..%2F..%2Fpackage.json`);
    expect(outside.status()).toBeGreaterThanOrEqual(400);
  });

  test('serves the built page with only connect-src relaxed, and the page obeys its CSP', async ({ launchApp }) => {
    const { page, bridge } = await launchApp({ config: CONFIG });
    const html = await (await page.request.get(bridge.url)).text();
    expect(html).toContain("default-src 'none'; script-src 'self'; style-src 'self'");
    expect(html).toContain("connect-src 'self'");
    expect(html).not.toContain('<style');
    // An inline script is refused by the page's own policy.
    const inlineRan = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.body.append(script);
      return (window as unknown as { inlineRan?: boolean }).inlineRan === true;
    });
    expect(inlineRan).toBe(false);
  });

  test('the in-page bridge has exactly the contract shape and maps dropped files into the test directory', async ({
    launchApp,
  }) => {
    const { page, home } = await launchApp({ config: CONFIG });
    const members = await page.evaluate(() => Object.keys((window as unknown as { cloudid: object }).cloudid).sort());
    expect(members).toEqual([...OPERATION_NAMES, 'on', 'getPathForFile'].sort());
    const path = await page.evaluate(() =>
      (window as unknown as { cloudid: { getPathForFile(f: File): string } }).cloudid.getPathForFile(
        new File(['{}'], 'key.json'),
      ),
    );
    expect(path).toBe(join(home.home, 'drops', 'key.json'));
  });
});
