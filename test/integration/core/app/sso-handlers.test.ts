// The SSO operations as the window calls them: the real handlers over the real core, in a temp
// HOME, against the local SSO-OIDC server and portal. Only the transport is missing.
import { readFile, stat } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/app/core';
import { createOperationHandlers } from '../../../../electron/core/app/operation-handlers';
import type { EventName, EventPayload, OperationHandlers } from '../../../../electron/shared/contract';
import { cacheStamp, makeAwsHome, type AwsHome } from '../../../support/aws-home';
import { startSsoOidcServer, type SsoOidcServer } from '../../../support/sso-oidc-server';
import { makePortalAccounts, startSsoPortal, type SsoPortalServer } from '../../../support/sso-portal-rate-limited';
import { fakeBrowser } from '../../../support/fake-browser';

const START_URL = 'https://d-1234567890.awsapps.com/start';
const CONFIG = `# my own comment
[profile mine]
region = us-east-1

[sso-session corp]
sso_start_url = ${START_URL}
sso_region = eu-west-1
sso_registration_scopes = sso:account:access

[profile corp-admin]
sso_session = corp
sso_account_id = 111111111111
sso_role_name = Admin
`;

type Emitted = { [E in EventName]: { event: E; payload: EventPayload<E> } }[EventName];

let home: AwsHome;
let oidc: SsoOidcServer;
let portal: SsoPortalServer;
let validTokens: string[];
let core: Core;
let handlers: OperationHandlers;
let events: Emitted[];
let opened: string[];
let browse: ((url: string) => void) | null;

beforeEach(async () => {
  home = await makeAwsHome();
  await home.writeConfig(CONFIG);
  oidc = await startSsoOidcServer({ intervalSeconds: 1 });
  validTokens = ['pre-issued-token'];
  portal = await startSsoPortal({ accounts: makePortalAccounts(3, ['Admin', 'ReadOnly']), validTokens });
  core = createCore({
    env: { HOME: home.home, PATH: '', AWS_ENDPOINT_URL_SSO_OIDC: oidc.url, AWS_ENDPOINT_URL_SSO: portal.url },
    homeDir: home.home,
    settingsFile: home.settingsFile,
    watch: false,
    detectCli: false,
    gcp: false,
  });
  await core.start();
  events = [];
  opened = [];
  browse = null;
  handlers = createOperationHandlers(
    core,
    {
      copyText: () => undefined,
      openExternal: (url) => {
        opened.push(url);
        browse?.(url);
        return true;
      },
    },
    (event, payload) => void events.push({ event, payload } as Emitted),
  );
});

afterEach(async () => {
  await core.stop();
  await oidc.close();
  await portal.close();
  await home.cleanup();
});

const sessionOf = (name: string) => core.snapshot().aws.ssoSessions.find((s) => s.name === name);
const until = async (check: () => boolean): Promise<void> => {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe('log in from the window', () => {
  it('device code: shows the code, a second click joins the same login, approving it makes the session valid', async () => {
    const first = handlers.ssoLogin({ session: 'corp', flow: 'device-code' });
    await until(() => events.some((e) => e.event === 'ssoLoginPrompt'));
    const prompt = events.find((e) => e.event === 'ssoLoginPrompt');
    if (prompt?.event !== 'ssoLoginPrompt') throw new Error('no prompt');
    expect(prompt.payload).toMatchObject({ session: 'corp', flow: 'device-code' });
    expect(prompt.payload.userCode).toMatch(/\S/);
    expect(opened).toEqual([prompt.payload.verificationUriComplete]);
    expect(await handlers.ssoLoginsInProgress()).toEqual([prompt.payload]);

    const second = handlers.ssoLogin({ session: 'corp' });
    oidc.approve(prompt.payload.userCode ?? '');
    const [a, b] = await Promise.all([first, second]);
    expect(a).toMatchObject({ status: 'logged-in', session: 'corp', refreshable: true, joined: false });
    expect(b).toMatchObject({ status: 'logged-in', joined: true });
    expect(oidc.requests.filter((r) => r.operation === 'StartDeviceAuthorization')).toHaveLength(1);
    expect(opened).toHaveLength(1);
    // The core re-read the cache: every profile of the session is valid at once, no reload needed.
    expect(sessionOf('corp')?.status).toBe('valid');
    expect(core.snapshot().aws.profiles.find((p) => p.name === 'corp-admin')?.status).toBe('valid');
    // Metadata only: the token never crosses to the window.
    const token = JSON.parse(await readFile(home.tokenPath('corp'), 'utf8')) as {
      accessToken: string;
      refreshToken: string;
    };
    const wire = JSON.stringify([a, b, events]);
    expect(wire).not.toContain(token.accessToken);
    expect(wire).not.toContain(token.refreshToken);
    expect(events.filter((e) => e.event === 'ssoLoginEnded')).toHaveLength(1);
    expect(await handlers.ssoLoginsInProgress()).toEqual([]);
  });

  it('PKCE by default for an sso-session: the browser page redirects to the loopback server', async () => {
    const browser = fakeBrowser();
    browse = (url) => void browser.openUrl(url);
    const outcome = await handlers.ssoLogin({ session: 'corp' });
    expect(outcome).toMatchObject({ status: 'logged-in', flow: 'pkce' });
    expect(oidc.requests.some((r) => r.operation === 'StartDeviceAuthorization')).toBe(false);
    expect((await stat(home.tokenPath('corp'))).mode & 0o777).toBe(0o600);
    expect(sessionOf('corp')?.status).toBe('valid');
  });

  it('the ssoLoginFlow setting picks the device code flow', async () => {
    await handlers.updateSettings({ ssoLoginFlow: 'device-code' });
    const login = handlers.ssoLogin({ session: 'corp' });
    await until(() => events.some((e) => e.event === 'ssoLoginPrompt'));
    expect(events.find((e) => e.event === 'ssoLoginPrompt')?.payload).toMatchObject({ flow: 'device-code' });
    await handlers.ssoCancelLogin({ session: 'corp' });
    expect(await login).toMatchObject({ status: 'failed', reason: 'cancelled' });
  });

  it('cancel ends the login; an unknown session is a failure, not a crash', async () => {
    const login = handlers.ssoLogin({ session: 'corp', flow: 'device-code' });
    await until(() => events.some((e) => e.event === 'ssoLoginPrompt'));
    expect(await handlers.ssoCancelLogin({ session: 'corp' })).toEqual({ cancelled: true });
    expect(await login).toMatchObject({ status: 'failed', reason: 'cancelled', joined: false });
    expect(await handlers.ssoCancelLogin({ session: 'corp' })).toEqual({ cancelled: false });
    expect(sessionOf('corp')?.status).toBe('signed-out');
    expect(await handlers.ssoLogin({ session: 'nope' })).toMatchObject({ status: 'failed', reason: 'unknown-session' });
  });

  it('refresh renews the token without a browser; logout deletes only that token file', async () => {
    const browser = fakeBrowser();
    browse = (url) => void browser.openUrl(url);
    await handlers.ssoLogin({ session: 'corp' });
    const before = JSON.parse(await readFile(home.tokenPath('corp'), 'utf8')) as { accessToken: string };
    const refreshed = await handlers.ssoRefresh({ session: 'corp' });
    expect(refreshed).toMatchObject({ status: 'refreshed', session: 'corp' });
    const after = JSON.parse(await readFile(home.tokenPath('corp'), 'utf8')) as {
      accessToken: string;
      refreshToken?: string;
    };
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.refreshToken).toBeTruthy();

    const config = await readFile(home.configFile, 'utf8');
    expect(await handlers.ssoLogout({ session: 'corp' })).toEqual({ deleted: true });
    expect(sessionOf('corp')?.status).toBe('signed-out');
    expect(await readFile(home.configFile, 'utf8')).toBe(config);
    expect(await handlers.ssoLogout({ session: 'corp' })).toEqual({ deleted: false });
    expect(await handlers.ssoRefresh({ session: 'corp' })).toMatchObject({
      status: 'cannot-refresh',
      reason: 'no-token',
    });
  });
});

describe('configure and sync from the window', () => {
  const signIn = async (session: string): Promise<void> => {
    await home.writeToken(session, {
      startUrl: START_URL,
      region: 'eu-west-1',
      accessToken: 'pre-issued-token',
      expiresAt: cacheStamp(Date.now() + 3600_000),
    });
    await core.reload();
  };

  it('a new session, then pick an account and role: a profile appears in the snapshot, the user lines untouched', async () => {
    const created = await handlers.ssoCreateSession({
      name: 'team',
      startUrl: START_URL,
      region: 'eu-west-1',
      scopes: ['sso:account:access'],
    });
    expect(created).toMatchObject({ ok: true, configFile: home.configFile });
    expect(sessionOf('team')).toMatchObject({ startUrl: START_URL, region: 'eu-west-1', status: 'signed-out' });
    expect(await handlers.ssoCreateSession({ name: 'team', startUrl: START_URL, region: 'eu-west-1' })).toMatchObject({
      ok: false,
    });
    expect(await handlers.ssoListAccounts({ session: 'team' })).toMatchObject({ ok: false, reason: 'signed-out' });

    await signIn('team');
    const listed = await handlers.ssoListAccounts({ session: 'team' });
    if (!listed.ok) throw new Error(listed.message);
    expect(listed.accounts).toHaveLength(3);
    expect(listed.accounts[0]?.roles).toEqual(['Admin', 'ReadOnly']);
    expect(events.some((e) => e.event === 'ssoSyncProgress' && e.payload.session === 'team')).toBe(true);

    const account = listed.accounts[1]!;
    expect(
      await handlers.ssoCreateProfile({
        session: 'team',
        accountId: account.accountId,
        roleName: 'ReadOnly',
        profileName: 'team-ro',
        region: 'us-west-2',
      }),
    ).toMatchObject({ ok: true });
    const profile = core.snapshot().aws.profiles.find((p) => p.name === 'team-ro');
    expect(profile).toMatchObject({
      kind: 'sso',
      ssoSession: 'team',
      accountId: account.accountId,
      roleName: 'ReadOnly',
      region: 'us-west-2',
      status: 'valid',
    });
    expect((await readFile(home.configFile, 'utf8')).startsWith(CONFIG)).toBe(true);
  });

  it('sync: progress, a preview with every account and role, applied in one edit; again it is all unchanged', async () => {
    await signIn('corp');
    const preview = await handlers.ssoSyncPreview({ session: 'corp', template: '<account name>.<role>' });
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.preview.counts).toMatchObject({ add: 6, update: 0, remove: 0 });
    expect(preview.preview.entries.map((e) => e.profileName)).toContain('Prod-EU.Admin');
    expect(events.filter((e) => e.event === 'ssoSyncProgress').length).toBeGreaterThan(0);
    expect(JSON.stringify(preview)).not.toContain('pre-issued-token');

    const applied = await handlers.ssoSyncApply({ previewId: preview.preview.id });
    expect(applied).toMatchObject({ ok: true, changed: true });
    const names = core.snapshot().aws.profiles.map((p) => p.name);
    for (const entry of preview.preview.entries) expect(names).toContain(entry.profileName);
    expect(await handlers.ssoSyncApply({ previewId: preview.preview.id })).toMatchObject({
      ok: false,
      reason: 'unknown-preview',
    });

    const again = await handlers.ssoSyncPreview({ session: 'corp' });
    if (!again.ok) throw new Error(again.message);
    expect(again.preview.counts).toMatchObject({ add: 0, update: 0, remove: 0, unchanged: 6 });
  });

  it('a rate-limited portal: the preview still lists everything and no call fails', async () => {
    const limited = await startSsoPortal({
      accounts: makePortalAccounts(40, ['Admin']),
      validTokens: ['pre-issued-token'],
      ratePerSecond: 40,
      burst: 2,
    });
    const limitedCore = createCore({
      env: { HOME: home.home, PATH: '', AWS_ENDPOINT_URL_SSO: limited.url },
      homeDir: home.home,
      settingsFile: home.settingsFile,
      watch: false,
      detectCli: false,
      gcp: false,
    });
    try {
      await signIn('corp');
      await limitedCore.start();
      const limitedHandlers = createOperationHandlers(
        limitedCore,
        { copyText: () => undefined },
        (event, payload) => void events.push({ event, payload } as Emitted),
      );
      const preview = await limitedHandlers.ssoSyncPreview({ session: 'corp' });
      if (!preview.ok) throw new Error(preview.message);
      expect(preview.preview.listing).toMatchObject({ accounts: 40, roles: 40, complete: true, failedCalls: 0 });
      expect(preview.preview.counts.add).toBe(40);
      const last = events.filter((e) => e.event === 'ssoSyncProgress').at(-1);
      expect(last?.payload).toMatchObject({ session: 'corp', accountsDone: 40, allAccountsFound: true });
    } finally {
      await limitedCore.stop();
      await limited.close();
    }
  });

  it('a login through the handlers lets the portal list at once (the issued token is used)', async () => {
    const browser = fakeBrowser();
    browse = (url) => void browser.openUrl(url);
    await handlers.ssoLogin({ session: 'corp' });
    const token = JSON.parse(await readFile(home.tokenPath('corp'), 'utf8')) as { accessToken: string };
    validTokens.push(token.accessToken);
    const listed = await handlers.ssoListAccounts({ session: 'corp' });
    expect(listed).toMatchObject({ ok: true, complete: true });
  });
});
