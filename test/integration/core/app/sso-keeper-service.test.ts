// The running app keeps SSO sessions alive: the keeper service over the real core refreshes a
// session that is due (against the local SSO-OIDC server), tells once when one cannot be
// refreshed, and arms its one timer for the next review instead of polling.
import { readFile, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/app/core';
import { createOperationHandlers } from '../../../../electron/core/app/operation-handlers';
import {
  createSsoKeeperService,
  describeNotice,
  type SsoKeeperService,
} from '../../../../electron/core/app/sso-keeper-service';
import type { CannotRefreshNotice } from '../../../../electron/core/aws/sso-login/session-keeper';
import { cacheStamp, makeAwsHome, type AwsHome } from '../../../support/aws-home';
import { startSilentServer } from '../../../support/silent-server';
import { startSsoOidcServer, type SsoOidcServer } from '../../../support/sso-oidc-server';
import { fakeBrowser } from '../../../support/fake-browser';

const START_URL = 'https://d-1234567890.awsapps.com/start';
const CONFIG = `[sso-session corp]
sso_start_url = ${START_URL}
sso_region = eu-west-1
sso_registration_scopes = sso:account:access

[profile corp-admin]
sso_session = corp
sso_account_id = 111111111111
sso_role_name = Admin

[profile legacy]
sso_start_url = https://legacy.awsapps.com/start
sso_region = us-east-1
sso_account_id = 222222222222
sso_role_name = Dev
`;

let home: AwsHome;
let oidc: SsoOidcServer;
let core: Core;
let keeper: SsoKeeperService;
let timers: Array<{ ms: number; callback: () => void }>;

beforeEach(async () => {
  home = await makeAwsHome();
  await home.writeConfig(CONFIG);
  oidc = await startSsoOidcServer({ intervalSeconds: 1 });
  core = createCore({
    env: { HOME: home.home, PATH: '', AWS_ENDPOINT_URL_SSO_OIDC: oidc.url },
    homeDir: home.home,
    settingsFile: home.settingsFile,
    watch: false,
    detectCli: false,
    gcp: false,
  });
  await core.start();
  timers = [];
  keeper = createSsoKeeperService({
    core,
    setTimer: (callback, ms) => {
      const timer = { ms, callback };
      timers.push(timer);
      return timer;
    },
    clearTimer: (handle) => {
      timers = timers.filter((t) => t !== handle);
    },
  });
});

afterEach(async () => {
  keeper.stop();
  await core.stop();
  await oidc.close();
  await home.cleanup();
});

async function logIn(): Promise<void> {
  const browser = fakeBrowser();
  const handlers = createOperationHandlers(core, {
    copyText: () => undefined,
    openExternal: (url) => (void browser.openUrl(url), true),
  });
  const outcome = await handlers.ssoLogin({ session: 'corp' });
  if (outcome.status !== 'logged-in') throw new Error(outcome.message);
}

async function expireIn(ms: number): Promise<string> {
  const token = JSON.parse(await readFile(home.tokenPath('corp'), 'utf8')) as Record<string, string>;
  token.expiresAt = cacheStamp(Date.now() + ms);
  await writeFile(home.tokenPath('corp'), JSON.stringify(token));
  await core.reload();
  return token.accessToken ?? '';
}

describe('SSO keeper service', () => {
  it('an identity provider that never answers: said once, then retried with backoff', async () => {
    await logIn();
    await expireIn(10 * 60_000);
    const silent = await startSilentServer();
    const offline = createCore({
      env: { HOME: home.home, PATH: '', AWS_ENDPOINT_URL_SSO_OIDC: silent.url },
      homeDir: home.home,
      settingsFile: home.settingsFile,
      watch: false,
      detectCli: false,
      gcp: false,
    });
    let clock = Date.now();
    const waits: number[] = [];
    const silentKeeper = createSsoKeeperService({
      core: offline,
      requestTimeoutMs: 300,
      now: () => new Date(clock),
      setTimer: (callback, ms) => (waits.push(ms), { callback }),
      clearTimer: () => undefined,
    });
    const heard: string[] = [];
    silentKeeper.onUnreachable((notice) => heard.push(`${notice.session}: ${notice.message}`));
    try {
      await offline.start();
      silentKeeper.start();
      await silentKeeper.review();
      expect(heard).toEqual([
        `corp: ${silent.host} did not answer within 0.3 s: check your VPN, proxy and AWS_ENDPOINT_URL_SSO_OIDC.`,
      ]);
      expect(waits.at(-1)).toBe(60_000);
      clock += 60_000;
      await silentKeeper.review();
      expect(heard).toHaveLength(1);
      expect(waits.at(-1)).toBe(120_000);
      expect(silent.connections()).toBeGreaterThanOrEqual(2);
    } finally {
      silentKeeper.stop();
      await offline.stop();
      await silent.close();
    }
  });

  it('leaves a fresh session alone and wakes once, when it falls due', async () => {
    await logIn();
    keeper.start();
    await keeper.review();
    const due = keeper.nextReviewAt();
    expect(due).not.toBeNull();
    // An hour-long token is refreshed 30 minutes before it expires: about 30 minutes from now.
    expect(due!.getTime() - Date.now()).toBeGreaterThan(25 * 60_000);
    expect(timers).toHaveLength(1);
    expect(
      oidc.requests.filter((r) => r.operation === 'CreateToken' && r.body.grantType === 'refresh_token'),
    ).toHaveLength(0);
  });

  it('refreshes a session that is due, keeps the refresh token, and publishes the new expiry', async () => {
    await logIn();
    const old = await expireIn(10 * 60_000);
    const refreshed: string[] = [];
    keeper.onRefreshed((outcome) => refreshed.push(outcome.session));
    keeper.start();
    await keeper.review();
    expect(refreshed).toEqual(['corp']);
    const token = JSON.parse(await readFile(home.tokenPath('corp'), 'utf8')) as Record<string, string>;
    expect(token.accessToken).not.toBe(old);
    expect(token.refreshToken).toBeTruthy();
    const session = core.snapshot().aws.ssoSessions.find((s) => s.name === 'corp');
    expect(Date.parse(session?.expiresAt ?? '') - Date.now()).toBeGreaterThan(50 * 60_000);
  });

  it('a session without a refresh token: one notice per token, not one per review', async () => {
    await home.writeToken('corp', {
      startUrl: START_URL,
      region: 'eu-west-1',
      accessToken: 'no-refresh',
      expiresAt: cacheStamp(Date.now() + 20 * 60_000),
    });
    await home.writeToken('https://legacy.awsapps.com/start', {
      startUrl: 'https://legacy.awsapps.com/start',
      region: 'us-east-1',
      accessToken: 'legacy',
      expiresAt: cacheStamp(Date.now() + 25 * 60_000),
    });
    await core.reload();
    const notices: CannotRefreshNotice[] = [];
    keeper.onNotice((notice) => notices.push(notice));
    keeper.start();
    await keeper.review();
    await keeper.review();
    await core.reload();
    await keeper.review();
    expect(notices.map((n) => [n.session, n.cause]).sort()).toEqual([
      ['corp', 'no-refresh-token'],
      ['https://legacy.awsapps.com/start', 'no-refresh-token'],
    ]);
    const text = describeNotice(
      notices.find((n) => n.session === 'corp')!,
      () => '14:05',
    );
    expect(text.body).toContain('Log in before 14:05');
    expect(oidc.requests).toHaveLength(0);
  });

  it('holds a notice until 30 minutes before the session dies, and drops it after a new login', async () => {
    let clock = Date.now();
    const held = createSsoKeeperService({
      core,
      now: () => new Date(clock),
      setTimer: (callback, ms) => {
        const timer = { ms, callback };
        timers.push(timer);
        return timer;
      },
      clearTimer: (handle) => {
        timers = timers.filter((t) => t !== handle);
      },
    });
    const notices: CannotRefreshNotice[] = [];
    held.onNotice((notice) => notices.push(notice));
    await home.writeToken('corp', {
      startUrl: START_URL,
      region: 'eu-west-1',
      accessToken: 'no-refresh',
      expiresAt: cacheStamp(clock + 3 * 3600_000),
    });
    await core.reload();
    held.start();
    await held.review();
    expect(notices).toEqual([]);
    expect(held.nextReviewAt()?.getTime()).toBe(Date.parse(cacheStamp(clock + 3 * 3600_000)) - 30 * 60_000);

    clock = held.nextReviewAt()!.getTime();
    await held.review();
    expect(notices.map((n) => n.session)).toEqual(['corp']);
    await held.review();
    expect(notices).toHaveLength(1);

    // A new token without a refresh token: a new notice, held again until its own time.
    await home.writeToken('corp', {
      startUrl: START_URL,
      region: 'eu-west-1',
      accessToken: 'again',
      expiresAt: cacheStamp(clock + 5 * 3600_000),
    });
    await core.reload();
    await held.review();
    expect(notices).toHaveLength(1);
    await home.writeToken('corp', {
      startUrl: START_URL,
      region: 'eu-west-1',
      accessToken: 'third',
      expiresAt: cacheStamp(clock + 6 * 3600_000),
    });
    await core.reload();
    clock += 5 * 3600_000 - 10 * 60_000;
    await held.review();
    // The 5-hour token's notice was dropped with its token; the 6-hour one is not due yet.
    expect(notices).toHaveLength(1);
    held.stop();
  });

  it('stop disarms the timer and ignores later snapshots', async () => {
    await logIn();
    keeper.start();
    await keeper.review();
    expect(timers).toHaveLength(1);
    keeper.stop();
    expect(timers).toHaveLength(0);
    await expireIn(5 * 60_000);
    expect(
      oidc.requests.filter((r) => r.operation === 'CreateToken' && r.body.grantType === 'refresh_token'),
    ).toHaveLength(0);
  });
});
