import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loginWithDeviceCode } from '../../../../../electron/core/aws/sso-login/device-code-flow';
import type { LoginPrompt } from '../../../../../electron/core/aws/sso-login/login-outcome';
import { registrationCachePath } from '../../../../../electron/core/aws/sso-login/registration-cache';
import { ssoTokenCachePath } from '../../../../../electron/core/aws/sso-token-cache';
import { startSsoOidcServer, type SsoOidcServer, type SsoOidcServerOptions } from '../../../../support/sso-oidc-server';
import { FakeClock } from '../../../../support/fake-clock';
import { sessionRef, START_URL, tempHome, type TempHome } from '../../../../support/session-fixture';

let home: TempHome;
let server: SsoOidcServer | undefined;
let clock: FakeClock;

beforeEach(async () => {
  home = await tempHome();
  clock = new FakeClock(Date.parse('2026-11-26T12:00:00.250Z'));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  await home.remove();
});

async function serve(options: Partial<SsoOidcServerOptions> = {}): Promise<SsoOidcServer> {
  server = await startSsoOidcServer({ now: clock.nowMs, intervalSeconds: 1, ...options });
  return server;
}

function login(
  s: SsoOidcServer,
  onPrompt: (prompt: LoginPrompt) => void,
  extra: {
    signal?: AbortSignal;
    openUrl?: (url: string) => Promise<void>;
    session?: ReturnType<typeof sessionRef>;
  } = {},
) {
  return loginWithDeviceCode({
    session: extra.session ?? sessionRef(),
    cacheDir: home.cacheDir,
    env: { AWS_ENDPOINT_URL_SSO_OIDC: s.url },
    clock,
    onPrompt,
    ...(extra.signal ? { signal: extra.signal } : {}),
    ...(extra.openUrl ? { openUrl: extra.openUrl } : {}),
  });
}

describe('device-code login against a local SSO-OIDC service', () => {
  it('shows the code, opens the complete URL, and writes the token file exactly as the CLI does', async () => {
    const s = await serve();
    const prompts: LoginPrompt[] = [];
    const opened: string[] = [];
    const outcome = await login(
      s,
      (prompt) => {
        prompts.push(prompt);
        s.approve(prompt.userCode as string);
      },
      { openUrl: async (url) => void opened.push(url) },
    );

    expect(outcome).toMatchObject({
      status: 'logged-in',
      session: 'dev',
      flow: 'device-code',
      refreshable: true,
      expiresAt: '2026-11-26T13:00:01.000Z',
    });
    expect(prompts).toHaveLength(1);
    expect(prompts[0]?.userCode).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
    expect(opened).toEqual([prompts[0]?.verificationUriComplete]);
    expect(opened[0]).toContain(`user_code=${prompts[0]?.userCode}`);

    const file = ssoTokenCachePath(home.cacheDir, sessionRef());
    expect(path.basename(file)).toBe('34c6fceca75e456f25e7e99531e2425c6c1de443.json');
    const text = await readFile(file, 'utf8');
    const token = JSON.parse(text) as Record<string, string>;
    expect(Object.keys(token)).toEqual([
      'startUrl',
      'region',
      'accessToken',
      'expiresAt',
      'clientId',
      'clientSecret',
      'registrationExpiresAt',
      'refreshToken',
    ]);
    expect(token.startUrl).toBe(START_URL);
    expect(token.region).toBe('eu-west-1');
    // One 1-second poll after the prompt, then 3600 s of token life; milliseconds dropped.
    expect(token.expiresAt).toBe('2026-11-26T13:00:01Z');
    expect(token.registrationExpiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(s.isValidAccessToken(token.accessToken as string)).toBe(true);
    // Python's json.dumps layout, no trailing newline.
    expect(text).toMatch(
      /^\{"startUrl": "https:\/\/d-1234567890\.awsapps\.com\/start", "region": "eu-west-1", "accessToken": "/,
    );
    expect(text.endsWith('"}')).toBe(true);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(home.cacheDir)).mode & 0o777).toBe(0o700);
    // Nothing else left behind: no temp files; the token and the registration.
    expect((await readdir(home.cacheDir)).sort()).toEqual(
      [path.basename(file), path.basename(registrationCachePath(home.cacheDir, sessionRef()))].sort(),
    );

    const register = s.requests.find((r) => r.operation === 'RegisterClient');
    expect(register?.body).toMatchObject({
      clientName: 'botocore-client-dev',
      clientType: 'public',
      scopes: ['sso:account:access'],
    });
    const creates = s.requests.filter((r) => r.operation === 'CreateToken');
    expect(creates.every((r) => r.body.grantType === 'urn:ietf:params:oauth:grant-type:device_code')).toBe(true);
  });

  it('honours the interval and adds 5 s on slow_down', async () => {
    const s = await serve({ intervalSeconds: 1, enforcedIntervalSeconds: 3 });
    let code = '';
    const outcome = await login(s, (prompt) => {
      code = prompt.userCode as string;
    });
    // Never approved: the state machine must first push back (slow_down), then say pending until expiry.
    expect(outcome).toMatchObject({ status: 'failed', reason: 'code-expired' });
    expect(code).not.toBe('');
    expect(clock.sleeps[0]).toBe(1000);
    expect(clock.sleeps[1]).toBe(6000);
    expect(new Set(clock.sleeps.slice(1))).toEqual(new Set([6000]));
  });

  it('keeps polling while pending and succeeds once approved later', async () => {
    const s = await serve({ intervalSeconds: 2 });
    let code = '';
    const pending = login(s, (prompt) => {
      code = prompt.userCode as string;
    });
    // Approve after a few polls: the clock moves only when the flow sleeps.
    const approveWhenPolled = async (): Promise<void> => {
      while (s.requests.filter((r) => r.operation === 'CreateToken').length < 4)
        await new Promise((r) => setTimeout(r, 5));
      s.approve(code);
    };
    const [outcome] = await Promise.all([pending, approveWhenPolled()]);
    expect(outcome.status).toBe('logged-in');
    expect(clock.sleeps.every((ms) => ms === 2000)).toBe(true);
  });

  it('reports a denied login and writes nothing', async () => {
    const s = await serve();
    const outcome = await login(s, (prompt) => s.deny(prompt.userCode as string));
    expect(outcome).toMatchObject({ status: 'failed', reason: 'denied' });
    await expect(stat(ssoTokenCachePath(home.cacheDir, sessionRef()))).rejects.toThrow();
  });

  it('reports an expired code', async () => {
    const s = await serve({ deviceCodeTtlSeconds: 30, intervalSeconds: 5 });
    const outcome = await login(s, () => undefined);
    expect(outcome).toMatchObject({ status: 'failed', reason: 'code-expired' });
    expect(clock.ms - Date.parse('2026-11-26T12:00:00.250Z')).toBeGreaterThanOrEqual(30_000);
  });

  it('stops at once when cancelled', async () => {
    const s = await serve();
    const controller = new AbortController();
    const outcome = await login(s, () => controller.abort(), { signal: controller.signal });
    expect(outcome).toMatchObject({ status: 'failed', reason: 'cancelled' });
    expect(clock.sleeps).toEqual([]);
  });

  it('reuses the cached registration like the CLI, and registers again when under 15 minutes remain', async () => {
    const s = await serve({ registrationTtlSeconds: 3600 });
    const approve = (prompt: LoginPrompt): void => s.approve(prompt.userCode as string);
    await login(s, approve);
    await login(s, approve);
    expect(s.requests.filter((r) => r.operation === 'RegisterClient')).toHaveLength(1);
    clock.advance(46 * 60 * 1000);
    await login(s, approve);
    expect(s.requests.filter((r) => r.operation === 'RegisterClient')).toHaveLength(2);
  });

  it('registers the configured scopes, and names the registration file from them', async () => {
    const s = await serve();
    const session = sessionRef({ registrationScopes: ['sso:account:access', 'codewhisperer:completions'] });
    await login(s, (prompt) => s.approve(prompt.userCode as string), { session });
    expect(s.requests.find((r) => r.operation === 'RegisterClient')?.body.scopes).toEqual([
      'sso:account:access',
      'codewhisperer:completions',
    ]);
    const registration = JSON.parse(await readFile(registrationCachePath(home.cacheDir, session), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(registration).toMatchObject({ scopes: ['sso:account:access', 'codewhisperer:completions'] });
    expect(Object.keys(registration)).toEqual(['clientId', 'clientSecret', 'expiresAt', 'scopes']);
  });

  it('fails cleanly when the service is unreachable', async () => {
    const s = await serve();
    await s.close();
    server = undefined;
    const outcome = await login(s, () => undefined);
    expect(outcome).toMatchObject({ status: 'failed', reason: 'network' });
  });
});
