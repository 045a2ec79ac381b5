import { readFile, stat } from 'node:fs/promises';
import { CreateTokenCommand, SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loginWithDeviceCode } from '../../../../../electron/core/aws/sso-login/device-code-flow';
import type { LoginPrompt } from '../../../../../electron/core/aws/sso-login/login-outcome';
import { loginWithPkce, type PkceLoginOptions } from '../../../../../electron/core/aws/sso-login/pkce-flow';
import { registrationCachePath } from '../../../../../electron/core/aws/sso-login/registration-cache';
import { ssoTokenCachePath } from '../../../../../electron/core/aws/sso-token-cache';
import { startSsoOidcServer, type SsoOidcServer } from '../../../../support/sso-oidc-server';
import { fakeBrowser } from '../../../../support/fake-browser';
import { sessionRef, START_URL, tempHome, type TempHome } from '../../../../support/session-fixture';

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

function pkce(extra: Partial<PkceLoginOptions> = {}) {
  return loginWithPkce({
    session: sessionRef(),
    cacheDir: home.cacheDir,
    env: { AWS_ENDPOINT_URL_SSO_OIDC: server.url },
    ...extra,
  });
}

describe('PKCE login against a local SSO-OIDC service', () => {
  it('registers for the authorization code grant, sends a S256 challenge, and writes the token', async () => {
    const browser = fakeBrowser();
    const prompts: LoginPrompt[] = [];
    const outcome = await pkce({ openUrl: browser.openUrl, onPrompt: (p) => prompts.push(p) });
    expect(outcome).toMatchObject({ status: 'logged-in', flow: 'pkce', refreshable: true });

    const register = server.requests.find((r) => r.operation === 'RegisterClient')?.body;
    expect(register).toMatchObject({
      clientType: 'public',
      grantTypes: ['authorization_code', 'refresh_token'],
      redirectUris: ['http://127.0.0.1/oauth/callback'],
      issuerUrl: START_URL,
      scopes: ['sso:account:access'],
    });
    const authorize = server.requests.find((r) => r.operation === 'Authorize')?.body as Record<string, string>;
    expect(authorize).toMatchObject({
      response_type: 'code',
      code_challenge_method: 'S256',
      scopes: 'sso:account:access',
    });
    expect(authorize.redirect_uri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth\/callback$/);
    expect(authorize.state).toMatch(/^[0-9a-f-]{36}$/);
    expect(prompts).toEqual([
      expect.objectContaining({ flow: 'pkce', userCode: null, verificationUriComplete: browser.visited[0] }),
    ]);

    const create = server.requests.find((r) => r.operation === 'CreateToken')?.body;
    expect(create).toMatchObject({ grantType: 'authorization_code', redirectUri: authorize.redirect_uri });
    expect(create?.codeVerifier).toMatch(/^[A-Za-z0-9\-._~]{64}$/);

    const token = JSON.parse(await readFile(ssoTokenCachePath(home.cacheDir, sessionRef()), 'utf8')) as Record<
      string,
      string
    >;
    expect(server.isValidAccessToken(token.accessToken as string)).toBe(true);
    expect(token.refreshToken).toMatch(/^aor/);
    const registration = JSON.parse(
      await readFile(registrationCachePath(home.cacheDir, sessionRef()), 'utf8'),
    ) as Record<string, unknown>;
    expect(registration).toMatchObject({
      scopes: ['sso:account:access'],
      grantTypes: ['authorization_code', 'refresh_token'],
    });

    // The loopback server is gone after one use.
    await expect(fetch(authorize.redirect_uri as string)).rejects.toThrow();
  });

  it('ignores a redirect whose state does not match, and writes nothing unless the right one comes', async () => {
    const browser = fakeBrowser((u) => {
      u.searchParams.set('state', 'forged');
      return u;
    });
    const outcome = await pkce({ openUrl: browser.openUrl, redirectTimeoutMs: 500 });
    expect(outcome).toMatchObject({ status: 'failed', reason: 'timeout' });
    await expect(stat(ssoTokenCachePath(home.cacheDir, sessionRef()))).rejects.toThrow();
    expect(server.requests.some((r) => r.operation === 'CreateToken')).toBe(false);
  });

  it('logs in with the right redirect after a local program sent a forged one', async () => {
    const real = fakeBrowser();
    const forgedStatuses: number[] = [];
    const openUrl = async (url: string): Promise<void> => {
      const redirectUri = new URL(url).searchParams.get('redirect_uri') ?? '';
      const forged = await fetch(`${redirectUri}?code=forged-code&state=forged`);
      forgedStatuses.push(forged.status);
      await real.openUrl(url);
    };
    const outcome = await pkce({ openUrl });
    expect(forgedStatuses).toEqual([400]);
    expect(outcome).toMatchObject({ status: 'logged-in', flow: 'pkce' });
    expect(await stat(ssoTokenCachePath(home.cacheDir, sessionRef()))).toBeTruthy();
  });

  it('reports a login denied in the browser', async () => {
    server.setAuthorizeAnswer('deny');
    const outcome = await pkce({ openUrl: fakeBrowser().openUrl });
    expect(outcome).toMatchObject({ status: 'failed', reason: 'denied' });
  });

  it('gives up when the browser never comes back, and can be cancelled while waiting', async () => {
    expect(await pkce({ redirectTimeoutMs: 100 })).toMatchObject({ status: 'failed', reason: 'timeout' });
    const controller = new AbortController();
    const outcome = await pkce({ signal: controller.signal, onPrompt: () => controller.abort() });
    expect(outcome).toMatchObject({ status: 'failed', reason: 'cancelled' });
  });

  it('does not reuse a device-code registration for PKCE, nor the other way round (same cache file)', async () => {
    await pkce({ openUrl: fakeBrowser().openUrl });
    await pkce({ openUrl: fakeBrowser().openUrl });
    expect(server.requests.filter((r) => r.operation === 'RegisterClient')).toHaveLength(1);
    await loginWithDeviceCode({
      session: sessionRef(),
      cacheDir: home.cacheDir,
      env: { AWS_ENDPOINT_URL_SSO_OIDC: server.url },
      onPrompt: (p) => server.approve(p.userCode as string),
    });
    const registers = server.requests.filter((r) => r.operation === 'RegisterClient');
    expect(registers).toHaveLength(2);
    expect(registers[1]?.body.grantTypes).toBeUndefined();
  });

  it('the local service really checks the verifier and the redirect URI', async () => {
    // Guard against a test server that would accept anything: a wrong verifier is refused.
    let stolenCode = '';
    let redirectUri = '';
    const browser = fakeBrowser((u) => {
      stolenCode = u.searchParams.get('code') ?? '';
      redirectUri = `${u.origin}${u.pathname}`;
      u.searchParams.set('state', 'forged'); // our flow ignores it and never redeems the code
      return u;
    });
    await pkce({ openUrl: browser.openUrl, redirectTimeoutMs: 300 });
    const registration = JSON.parse(await readFile(registrationCachePath(home.cacheDir, sessionRef()), 'utf8')) as {
      clientId: string;
      clientSecret: string;
    };
    const client = new SSOOIDCClient({ region: 'eu-west-1', endpoint: server.url });
    await expect(
      client.send(
        new CreateTokenCommand({
          grantType: 'authorization_code',
          clientId: registration.clientId,
          clientSecret: registration.clientSecret,
          code: stolenCode,
          redirectUri,
          codeVerifier: 'x'.repeat(64),
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidGrantException' });
    client.destroy();
  });
});
