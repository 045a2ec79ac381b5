import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run as login } from '../../../../electron/cli/commands/login';
import { run as logout } from '../../../../electron/cli/commands/logout';
import { run as refresh } from '../../../../electron/cli/commands/refresh';
import type { CommandContext } from '../../../../electron/cli/command';
import { ssoTokenCachePath } from '../../../../electron/core/aws/sso-token-cache';
import { startSsoOidcServer, type SsoOidcServer } from '../../../support/sso-oidc-server';
import { fakeBrowser } from '../../../support/fake-browser';
import { sessionRef, START_URL, tempHome, type TempHome } from '../../../support/session-fixture';

class Capture extends Writable {
  text = '';
  private waiters: { pattern: RegExp; resolve: (m: RegExpMatchArray) => void }[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    this.waiters = this.waiters.filter((w) => {
      const match = this.text.match(w.pattern);
      if (match) w.resolve(match);
      return !match;
    });
    done();
  }
  waitFor(pattern: RegExp): Promise<RegExpMatchArray> {
    const match = this.text.match(pattern);
    return match ? Promise.resolve(match) : new Promise((resolve) => this.waiters.push({ pattern, resolve }));
  }
}

let home: TempHome;
let server: SsoOidcServer;
let stdout: Capture;
let stderr: Capture;

beforeEach(async () => {
  home = await tempHome();
  server = await startSsoOidcServer({ intervalSeconds: 1 });
  stdout = new Capture();
  stderr = new Capture();
  await mkdir(path.join(home.home, 'conf'), { recursive: true });
  await writeFile(
    path.join(home.home, 'conf', 'aws-config'),
    `[profile dev-admin]\nsso_session = dev\nsso_account_id = 111122223333\nsso_role_name = Admin\n\n[profile dev-read]\nsso_session = dev\nsso_account_id = 111122223333\nsso_role_name = ReadOnly\n\n[sso-session dev]\nsso_start_url = ${START_URL}\nsso_region = eu-west-1\n\n[profile old]\nsso_start_url = https://legacy.awsapps.com/start\nsso_region = us-east-1\nsso_account_id = 1\nsso_role_name = r\n`,
  );
});
afterEach(async () => {
  await server.close();
  await home.remove();
});

function ctx(openUrl?: (url: string) => Promise<void>): CommandContext {
  return {
    // AWS_CONFIG_FILE honoured; the token cache stays under HOME like the CLI's.
    env: { AWS_CONFIG_FILE: path.join(home.home, 'conf', 'aws-config'), AWS_ENDPOINT_URL_SSO_OIDC: server.url },
    homeDir: home.home,
    stdout,
    stderr,
    ...(openUrl ? { openUrl } : {}),
  };
}

const tokenFile = (): string => ssoTokenCachePath(home.cacheDir, sessionRef());

describe('cloudid login / refresh / logout', () => {
  it('logs in a profile with PKCE through the browser, refreshes, and logs out', async () => {
    expect(await login(['dev-admin'], ctx(fakeBrowser().openUrl))).toBe(0);
    expect(stdout.text).toContain(`Successfully logged into Start URL: ${START_URL}`);
    const first = JSON.parse(await readFile(tokenFile(), 'utf8')) as Record<string, string>;
    expect(server.isValidAccessToken(first.accessToken as string)).toBe(true);
    expect(stdout.text + stderr.text).not.toContain(first.accessToken);

    expect(await refresh(['dev'], ctx())).toBe(0);
    expect(stdout.text).toMatch(/Refreshed dev: token expires in (?:\d+h )?\d+m, \d\d:\d\d\./);
    const second = JSON.parse(await readFile(tokenFile(), 'utf8')) as Record<string, string>;
    expect(second.accessToken).not.toBe(first.accessToken);

    expect(await logout(['--sso-session', 'dev'], ctx())).toBe(0);
    await expect(stat(tokenFile())).rejects.toThrow();
    expect(stdout.text).toContain(
      'Logged out of dev.\nProfiles on this session, now logged out: dev-admin, dev-read.\n',
    );
    expect(await logout(['dev-admin'], ctx())).toBe(0);
    expect(stdout.text).toContain('Not logged in to dev');
    expect(await refresh(['dev-admin'], ctx())).toBe(1);
    expect(stderr.text).toContain('log in first');
  });

  it('logout of a profile names the other profiles of its session, which it logs out too', async () => {
    expect(await login(['dev-admin'], ctx(fakeBrowser().openUrl))).toBe(0);
    expect(await logout(['dev-read'], ctx())).toBe(0);
    await expect(stat(tokenFile())).rejects.toThrow();
    expect(stdout.text).toContain(
      'Logged out of dev.\ndev-read shares this session with another profile, now logged out too: dev-admin.\n',
    );
  });

  it('with --use-device-code prints the code and the URL, and opens the browser', async () => {
    const opened: string[] = [];
    const approveInBrowser = async (url: string): Promise<void> => {
      opened.push(url);
      server.approve(new URL(url).searchParams.get('user_code') as string);
    };
    expect(await login(['dev-admin', '--use-device-code'], ctx(approveInBrowser))).toBe(0);
    const code = (await stderr.waitFor(/Then enter the code:\n\n([A-Z]{4}-[A-Z]{4})/))[1];
    expect(opened).toHaveLength(1);
    expect(opened[0]).toContain(`user_code=${code}`);
  });

  it('with --no-browser prints the PKCE authorize URL and waits for the redirect', async () => {
    let openerCalled = false;
    const done = login(
      ['dev-admin', '--no-browser'],
      ctx(async () => {
        openerCalled = true;
      }),
    );
    const [url] = await stderr.waitFor(/http:\/\/127\.0\.0\.1:\d+\/authorize\?\S+/);
    await fakeBrowser().openUrl(url);
    expect(await done).toBe(0);
    expect(openerCalled).toBe(false);
    await expect(stat(tokenFile())).resolves.toBeTruthy();
  });

  it('uses the device code flow for legacy profiles', async () => {
    const done = login(['old', '--no-browser'], ctx());
    const [, code] = await stderr.waitFor(/Then enter the code:\n\n([A-Z]{4}-[A-Z]{4})/);
    server.approve(code as string);
    expect(await done).toBe(0);
    await expect(
      stat(
        ssoTokenCachePath(home.cacheDir, {
          name: 'https://legacy.awsapps.com/start',
          legacy: true,
          startUrl: 'https://legacy.awsapps.com/start',
        }),
      ),
    ).resolves.toBeTruthy();
  });

  it('answers usage errors and unknown names with the right exit codes', async () => {
    expect(await login([], ctx())).toBe(2);
    expect(await login(['dev', '--bogus'], ctx())).toBe(2);
    expect(await login(['nope'], ctx())).toBe(1);
    expect(stderr.text).toContain('no SSO profile or [sso-session] named "nope"');
    expect(await login(['--help'], ctx())).toBe(0);
    expect(stdout.text).toContain('--use-device-code');
  });

  it('reports a denied login with exit code 1', async () => {
    server.setAuthorizeAnswer('deny');
    expect(await login(['dev'], ctx(fakeBrowser().openUrl))).toBe(1);
    expect(stderr.text).toContain('cloudid login: The login was denied in the browser.');
  });
});
