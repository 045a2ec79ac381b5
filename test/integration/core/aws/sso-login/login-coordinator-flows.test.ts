import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SsoLoginCoordinator } from '../../../../../electron/core/aws/sso-login/login-coordinator';
import { loginSsoSession } from '../../../../../electron/core/aws/sso-login/login-sso-session';
import type { LoginPrompt } from '../../../../../electron/core/aws/sso-login/login-outcome';
import { startSsoOidcServer, type SsoOidcServer } from '../../../../support/sso-oidc-server';
import { fakeBrowser } from '../../../../support/fake-browser';
import { sessionRef, tempHome, type TempHome } from '../../../../support/session-fixture';

let home: TempHome;
let server: SsoOidcServer;

beforeEach(async () => {
  home = await tempHome();
  server = await startSsoOidcServer({ intervalSeconds: 1 });
});
afterEach(async () => {
  await server.close();
  await home.remove();
});

describe('one login at a time per session, with the real flows', () => {
  it('a burst of clicks opens one browser tab and ends in one login', async () => {
    const coordinator = new SsoLoginCoordinator();
    const opened: string[] = [];
    let release!: () => void;
    const userFinishes = new Promise<void>((resolve) => {
      release = resolve;
    });
    const browser = fakeBrowser();
    const click = () =>
      coordinator.login('dev', ({ signal, onPrompt }) =>
        loginSsoSession({
          session: sessionRef(),
          cacheDir: home.cacheDir,
          env: { AWS_ENDPOINT_URL_SSO_OIDC: server.url },
          signal,
          onPrompt,
          openUrl: async (url) => {
            opened.push(url);
            // The user takes a while in the browser; more clicks arrive meanwhile.
            void userFinishes.then(() => browser.openUrl(url));
          },
        }),
      );
    const handles = [click(), click(), click()];
    const prompts: LoginPrompt[] = [];
    handles[2]?.onPrompt((p) => prompts.push(p));
    while (opened.length === 0) await new Promise((r) => setTimeout(r, 5));
    const late = click();
    release();
    const outcomes = await Promise.all([...handles, late].map((h) => h.outcome));
    expect(handles.map((h) => h.started)).toEqual([true, false, false]);
    expect(late.started).toBe(false);
    expect(opened).toHaveLength(1);
    expect(prompts).toHaveLength(1);
    expect(new Set(outcomes)).toEqual(new Set([outcomes[0]]));
    expect(outcomes[0]).toMatchObject({ status: 'logged-in', flow: 'pkce' });
    expect(server.requests.filter((r) => r.operation === 'Authorize')).toHaveLength(1);
  });

  it('cancel stops the waiting login and frees the session for a new one', async () => {
    const coordinator = new SsoLoginCoordinator();
    const start = () =>
      coordinator.login('dev', ({ signal, onPrompt }) =>
        loginSsoSession({
          session: sessionRef(),
          cacheDir: home.cacheDir,
          env: { AWS_ENDPOINT_URL_SSO_OIDC: server.url },
          flow: 'device-code',
          signal,
          onPrompt,
        }),
      );
    const first = start();
    await new Promise<void>((resolve) => first.onPrompt(() => resolve()));
    expect(coordinator.cancel('dev')).toBe(true);
    expect(await first.outcome).toMatchObject({ status: 'failed', reason: 'cancelled' });
    const second = start();
    expect(second.started).toBe(true);
    second.onPrompt((p) => server.approve(p.userCode as string));
    expect(await second.outcome).toMatchObject({ status: 'logged-in', flow: 'device-code' });
  });
});
