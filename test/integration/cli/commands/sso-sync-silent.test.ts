// Issue 10 §1: `cloudid sso sync` against a portal that accepts connections and never answers
// gives up at the request deadline with one sentence, and writes nothing.
import { readFile } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../../../electron/cli/command';
import { run } from '../../../../electron/cli/commands/sso-command';
import { listAccountsAndRoles } from '../../../../electron/core/aws/sso-sync/list-accounts-and-roles';
import { SsoSyncService } from '../../../../electron/core/aws/sso-sync/sync-service';
import { cacheStamp, makeAwsHome, type AwsHome } from '../../../support/aws-home';
import { startSilentServer, type SilentServer } from '../../../support/silent-server';

const TOKEN = 'cli-test-token';
const CONFIG = '[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\n';

let silent: SilentServer;
let home: AwsHome;

beforeAll(async () => {
  silent = await startSilentServer();
  home = await makeAwsHome();
  await home.writeConfig(CONFIG);
  await home.writeToken('corp', {
    startUrl: 'https://corp.awsapps.com/start',
    region: 'eu-west-1',
    accessToken: TOKEN,
    expiresAt: cacheStamp(Date.now() + 3600_000),
  });
});
afterAll(async () => {
  await silent.close();
  await home.cleanup();
});

describe('SSO portal that never answers', () => {
  it('cloudid sso sync --apply exits 1 with one sentence naming the host, and writes nothing', async () => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const chunks = { out: '', err: '' };
    stdout.on('data', (d: Buffer) => (chunks.out += d.toString()));
    stderr.on('data', (d: Buffer) => (chunks.err += d.toString()));
    const ctx: CommandContext = {
      env: { AWS_ENDPOINT_URL_SSO: silent.url },
      homeDir: home.home,
      stdout,
      stderr,
      requestTimeoutMs: 300,
    };
    const started = Date.now();
    expect(await run(['sync', 'corp', '--apply'], ctx)).toBe(1);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(silent.connections()).toBeGreaterThan(0);
    expect(chunks.err).toBe(
      `cloudid sso sync: ${silent.host} did not answer within 0.3 s: check your VPN, proxy and AWS_ENDPOINT_URL_SSO.\n`,
    );
    expect(chunks.out).toBe('');
    await expect.poll(() => silent.openConnections(), { timeout: 3_000 }).toBe(0);
    expect(await readFile(home.configFile, 'utf8')).toBe(CONFIG);
  });

  it('the listing the app uses stops at the first timeout and says the portal is unreachable', async () => {
    const listing = await listAccountsAndRoles({
      accessToken: TOKEN,
      region: 'eu-west-1',
      env: { AWS_ENDPOINT_URL_SSO: silent.url },
      requestTimeoutMs: 300,
    });
    expect(listing.unreachable).toBe(true);
    expect(listing.complete).toBe(false);
    expect(listing.problems.map((p) => p.message)).toEqual([
      `${silent.host} did not answer within 0.3 s: check your VPN, proxy and AWS_ENDPOINT_URL_SSO.`,
    ]);
    expect(listing.stats.requests).toBe(1);
  });

  it("the window's sync preview says the portal is unreachable instead of an empty preview", async () => {
    const service = new SsoSyncService({
      env: { AWS_ENDPOINT_URL_SSO: silent.url },
      homeDir: home.home,
      requestTimeoutMs: 300,
    });
    expect(await service.preview({ session: 'corp' })).toEqual({
      ok: false,
      reason: 'unreachable',
      message: `${silent.host} did not answer within 0.3 s: check your VPN, proxy and AWS_ENDPOINT_URL_SSO.`,
    });
  });
});
