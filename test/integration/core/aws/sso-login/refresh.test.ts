import { readdir, readFile, writeFile, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loginWithDeviceCode } from '../../../../../electron/core/aws/sso-login/device-code-flow';
import { refreshSsoSession, refreshSsoSessionOnce } from '../../../../../electron/core/aws/sso-login/refresh';
import { deleteSsoToken } from '../../../../../electron/core/aws/sso-login/token-cache-writer';
import { ssoTokenCachePath } from '../../../../../electron/core/aws/sso-token-cache';
import { startSsoOidcServer, type SsoOidcServer } from '../../../../support/sso-oidc-server';
import { FakeClock } from '../../../../support/fake-clock';
import { sessionRef, tempHome, type TempHome } from '../../../../support/session-fixture';

let home: TempHome;
let server: SsoOidcServer;
let clock: FakeClock;
const session = sessionRef();

beforeEach(async () => {
  home = await tempHome();
  clock = new FakeClock(Date.parse('2026-11-26T12:00:00Z'));
  server = await startSsoOidcServer({ now: clock.nowMs, intervalSeconds: 1 });
});
afterEach(async () => {
  await server.close();
  await home.remove();
});

const env = (): NodeJS.ProcessEnv => ({ AWS_ENDPOINT_URL_SSO_OIDC: server.url });
const tokenFile = (): string => ssoTokenCachePath(home.cacheDir, session);
const readToken = async (): Promise<Record<string, string>> =>
  JSON.parse(await readFile(tokenFile(), 'utf8')) as Record<string, string>;

async function logIn(): Promise<Record<string, string>> {
  const outcome = await loginWithDeviceCode({
    session,
    cacheDir: home.cacheDir,
    env: env(),
    clock,
    onPrompt: (p) => server.approve(p.userCode as string),
  });
  expect(outcome.status).toBe('logged-in');
  return readToken();
}

describe('silent refresh', () => {
  it('exchanges the refresh token and writes the rotated one atomically, keeping the registration', async () => {
    const before = await logIn();
    clock.advance(40 * 60 * 1000);
    const outcome = await refreshSsoSession({ session, cacheDir: home.cacheDir, env: env(), clock });
    expect(outcome).toMatchObject({
      status: 'refreshed',
      refreshTokenRotated: true,
      expiresAt: '2026-11-26T13:40:01.000Z',
    });
    const after = await readToken();
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(after).toMatchObject({
      clientId: before.clientId,
      clientSecret: before.clientSecret,
      registrationExpiresAt: before.registrationExpiresAt,
      expiresAt: '2026-11-26T13:40:01Z',
    });
    expect(server.isValidAccessToken(after.accessToken as string)).toBe(true);
    expect(server.requests.at(-1)?.body).toMatchObject({
      grantType: 'refresh_token',
      refreshToken: before.refreshToken,
    });
    expect((await stat(tokenFile())).mode & 0o777).toBe(0o600);
    expect((await readdir(home.cacheDir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps the old refresh token when the service returns none', async () => {
    const before = await logIn();
    server.setRefreshMode('keep');
    const outcome = await refreshSsoSession({ session, cacheDir: home.cacheDir, env: env(), clock });
    expect(outcome).toMatchObject({ status: 'refreshed', refreshTokenRotated: false });
    const after = await readToken();
    expect(after.refreshToken).toBe(before.refreshToken);
    expect(after.accessToken).not.toBe(before.accessToken);
  });

  it('reports a refusal as "cannot refresh" and leaves the file alone', async () => {
    await logIn();
    const text = await readFile(tokenFile(), 'utf8');
    server.setRefreshMode('refuse');
    expect(await refreshSsoSession({ session, cacheDir: home.cacheDir, env: env(), clock })).toMatchObject({
      status: 'cannot-refresh',
      reason: 'refused',
    });
    expect(await readFile(tokenFile(), 'utf8')).toBe(text);
  });

  it('does not ask the service when the cache cannot be refreshed', async () => {
    expect(await refreshSsoSessionOnce({ session, cacheDir: home.cacheDir, env: env(), clock })).toMatchObject({
      status: 'cannot-refresh',
      reason: 'no-token',
    });
    await mkdir(home.cacheDir, { recursive: true });
    await writeFile(
      tokenFile(),
      JSON.stringify({
        startUrl: session.startUrl,
        region: 'eu-west-1',
        accessToken: 'a',
        expiresAt: '2026-11-26T12:30:00Z',
      }),
    );
    expect(await refreshSsoSessionOnce({ session, cacheDir: home.cacheDir, env: env(), clock })).toMatchObject({
      status: 'cannot-refresh',
      reason: 'no-refresh-token',
    });
    await writeFile(
      tokenFile(),
      JSON.stringify({
        accessToken: 'a',
        expiresAt: '2026-11-26T12:30:00Z',
        clientId: 'c',
        clientSecret: 's',
        refreshToken: 'r',
        registrationExpiresAt: '2026-11-26T11:00:00Z',
      }),
    );
    expect(await refreshSsoSessionOnce({ session, cacheDir: home.cacheDir, env: env(), clock })).toMatchObject({
      status: 'cannot-refresh',
      reason: 'registration-expired',
    });
    expect(server.requests.filter((r) => r.operation === 'CreateToken')).toHaveLength(0);
  });

  it('sends one request when several callers refresh the same session at once', async () => {
    await logIn();
    const before = server.requests.length;
    const outcomes = await Promise.all(
      [1, 2, 3].map(() => refreshSsoSession({ session, cacheDir: home.cacheDir, env: env(), clock })),
    );
    expect(new Set(outcomes.map((o) => o.status))).toEqual(new Set(['refreshed']));
    expect(server.requests.length - before).toBe(1);
  });
});

describe('refresh racing a login', () => {
  it('keeps the token another writer put there while the refresh was in flight', async () => {
    await logIn();
    server.setCreateTokenDelay(150);
    const creates = (): number => server.requests.filter((r) => r.operation === 'CreateToken').length;
    const before = creates();
    const pending = refreshSsoSession({ session, cacheDir: home.cacheDir, env: env(), clock });
    while (creates() === before) await new Promise((r) => setTimeout(r, 5));
    const newer =
      '{"startUrl": "x", "region": "eu-west-1", "accessToken": "from-a-new-login", "expiresAt": "2026-11-26T20:00:00Z"}';
    await writeFile(tokenFile(), newer);
    expect(await pending).toEqual({ status: 'superseded', session: 'dev' });
    expect(await readFile(tokenFile(), 'utf8')).toBe(newer);
  });
});

describe('logout', () => {
  it("deletes only that session's token file", async () => {
    await logIn();
    const other = path.join(home.cacheDir, 'other-session.json');
    await writeFile(other, '{"accessToken": "x", "expiresAt": "2030-01-01T00:00:00Z"}');
    const before = (await readdir(home.cacheDir)).length;
    expect(await deleteSsoToken(home.cacheDir, session)).toBe(true);
    expect(await readdir(home.cacheDir)).toHaveLength(before - 1);
    await expect(stat(tokenFile())).rejects.toThrow();
    await expect(stat(other)).resolves.toBeTruthy();
    expect(await deleteSsoToken(home.cacheDir, session)).toBe(false);
  });
});
