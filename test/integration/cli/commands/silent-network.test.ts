// Issue 10 §1: an SSO-OIDC endpoint that accepts connections and never answers. Each command
// gives up at its request deadline with one sentence naming the host and what to check.
import { mkdir, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../../../electron/cli/command';
import { run as login } from '../../../../electron/cli/commands/login';
import { run as refresh } from '../../../../electron/cli/commands/refresh';
import { startSilentServer, type SilentServer } from '../../../support/silent-server';
import { startSsoOidcServer, type SsoOidcServer } from '../../../support/sso-oidc-server';
import { fakeBrowser } from '../../../support/fake-browser';
import { START_URL, tempHome, type TempHome } from '../../../support/session-fixture';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

let home: TempHome;
let silent: SilentServer;
let oidc: SsoOidcServer;
let stdout: Capture;
let stderr: Capture;

beforeEach(async () => {
  home = await tempHome();
  silent = await startSilentServer();
  oidc = await startSsoOidcServer({ intervalSeconds: 1 });
  stdout = new Capture();
  stderr = new Capture();
  await mkdir(path.join(home.home, 'conf'), { recursive: true });
  await writeFile(
    path.join(home.home, 'conf', 'aws-config'),
    `[profile dev-admin]\nsso_session = dev\nsso_account_id = 111122223333\nsso_role_name = Admin\n\n[sso-session dev]\nsso_start_url = ${START_URL}\nsso_region = eu-west-1\n`,
  );
});
afterEach(async () => {
  await silent.close();
  await oidc.close();
  await home.remove();
});

function ctx(endpoint: string, openUrl?: (url: string) => Promise<void>): CommandContext {
  return {
    env: { AWS_CONFIG_FILE: path.join(home.home, 'conf', 'aws-config'), AWS_ENDPOINT_URL_SSO_OIDC: endpoint },
    homeDir: home.home,
    stdout,
    stderr,
    requestTimeoutMs: 300,
    ...(openUrl ? { openUrl } : {}),
  };
}

const ONE_SENTENCE =
  /^cloudid (login|refresh): 127\.0\.0\.1:\d+ did not answer within 0\.3 s: check your VPN, proxy and AWS_ENDPOINT_URL_SSO_OIDC\.\n$/;

describe('SSO-OIDC that never answers', () => {
  it.each([
    ['pkce', []],
    ['device code', ['--use-device-code']],
  ])('cloudid login (%s) exits 1 at the deadline', async (_flow, flags) => {
    const started = Date.now();
    expect(await login(['dev-admin', '--no-browser', ...flags], ctx(silent.url))).toBe(1);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(silent.connections()).toBeGreaterThan(0);
    expect(stderr.text).toMatch(ONE_SENTENCE);
    expect(stderr.text).toContain(silent.host);
    // Nothing left open that would keep the command's process alive.
    await expect.poll(() => silent.openConnections(), { timeout: 3_000 }).toBe(0);
  });

  it('cloudid login (device code) whose polling goes silent exits 1 at the deadline', async () => {
    // Registration and device authorization are answered by the real server; CreateToken never.
    const held = new Set<http.ServerResponse>();
    const polls: string[] = [];
    const gate = http.createServer((req, res) => {
      if (req.url === '/token') {
        polls.push(req.url);
        held.add(res);
        return;
      }
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        void fetch(`${oidc.url}${req.url ?? '/'}`, {
          method: req.method ?? 'POST',
          headers: { 'content-type': 'application/json' },
          body: Buffer.concat(chunks),
        }).then(async (answer) => {
          res.writeHead(answer.status, { 'content-type': 'application/json' });
          res.end(await answer.text());
        });
      });
    });
    await new Promise<void>((resolve) => gate.listen(0, '127.0.0.1', resolve));
    const gateUrl = `http://127.0.0.1:${(gate.address() as AddressInfo).port}`;
    try {
      const started = Date.now();
      expect(await login(['dev-admin', '--use-device-code', '--no-browser'], ctx(gateUrl))).toBe(1);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(polls).toHaveLength(1);
      expect(stderr.text).toMatch(
        /^cloudid login: 127\.0\.0\.1:\d+ did not answer within 0\.3 s: check your VPN, proxy and AWS_ENDPOINT_URL_SSO_OIDC\.\n$/,
      );
    } finally {
      for (const res of held) res.destroy();
      gate.closeAllConnections();
      await new Promise<void>((resolve) => gate.close(() => resolve()));
    }
  });

  it('cloudid refresh exits 1 at the deadline', async () => {
    expect(await login(['dev-admin'], ctx(oidc.url, fakeBrowser().openUrl))).toBe(0);
    stderr.text = '';
    const started = Date.now();
    expect(await refresh(['dev'], ctx(silent.url))).toBe(1);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(stderr.text).toMatch(ONE_SENTENCE);
    await expect.poll(() => silent.openConnections(), { timeout: 3_000 }).toBe(0);
  });
});
