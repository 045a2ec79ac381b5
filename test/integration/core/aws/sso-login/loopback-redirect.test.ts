import { describe, expect, it } from 'vitest';
import { listenForRedirect } from '../../../../../electron/core/aws/sso-login/loopback-redirect';

describe('loopback redirect server', () => {
  it('listens on 127.0.0.1, ignores other paths, and returns the code once', async () => {
    const redirect = await listenForRedirect({ expectedState: 's1' });
    const uri = new URL(redirect.redirectUri);
    expect(uri.hostname).toBe('127.0.0.1');
    expect(uri.pathname).toBe('/oauth/callback');
    expect(Number(uri.port)).toBeGreaterThan(0);

    expect((await fetch(new URL('/favicon.ico', uri))).status).toBe(404);
    const page = await fetch(`${redirect.redirectUri}?code=abc&state=s1`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await redirect.code).toBe('abc');
    // One use only: the server no longer listens.
    await expect(fetch(`${redirect.redirectUri}?code=again&state=s1`)).rejects.toThrow();
  });

  it('answers 400 to a wrong or missing state and keeps waiting for the right one', async () => {
    const redirect = await listenForRedirect({ expectedState: 's1' });
    let settled = false;
    void redirect.code.then(
      () => (settled = true),
      () => (settled = true),
    );
    // Any local program can reach the port: none of these may end the login.
    for (const query of [
      'code=evil&state=s2',
      'code=evil',
      'error=access_denied',
      'error=access_denied&state=s2',
      'code=evil&state=s1x',
    ]) {
      expect((await fetch(`${redirect.redirectUri}?${query}`)).status, query).toBe(400);
    }
    expect(settled).toBe(false);
    expect((await fetch(`${redirect.redirectUri}?code=abc&state=s1`)).status).toBe(200);
    expect(await redirect.code).toBe('abc');
  });

  it('rejects an error answer and a missing code that carry the right state', async () => {
    const denied = await listenForRedirect({ expectedState: 's1' });
    await fetch(`${denied.redirectUri}?error=access_denied&state=s1`);
    await expect(denied.code).rejects.toMatchObject({ reason: 'denied' });

    const empty = await listenForRedirect({ expectedState: 's1' });
    await fetch(`${empty.redirectUri}?state=s1`);
    await expect(empty.code).rejects.toMatchObject({ reason: 'service' });
  });

  it('times out, aborts, and closes on request', async () => {
    const slow = await listenForRedirect({ expectedState: 's', timeoutMs: 20 });
    await expect(slow.code).rejects.toMatchObject({ reason: 'timeout' });

    const controller = new AbortController();
    const aborted = await listenForRedirect({ expectedState: 's', signal: controller.signal });
    controller.abort();
    await expect(aborted.code).rejects.toMatchObject({ name: 'AbortError' });
    await expect(fetch(`${aborted.redirectUri}?code=x&state=s`)).rejects.toThrow();

    const closed = await listenForRedirect({ expectedState: 's' });
    await closed.close();
    await expect(fetch(`${closed.redirectUri}?code=x&state=s`)).rejects.toThrow();
  });
});
