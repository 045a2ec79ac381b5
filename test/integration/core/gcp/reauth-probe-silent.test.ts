// Issue 10 §1 and §2: the reauth probe against a token endpoint that accepts connections and
// never answers. It gives up at its deadline, and what could not be checked is `unknown` with a
// problem, never `valid`.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeGcloudUserCredentials } from '../../../../electron/core/gcp/gcloud-reauth-probe';
import { readGcpState } from '../../../../electron/core/gcp/gcp-state';
import { authorizedUserJson, tempDir, writeGcloudDatabases, writeJson } from '../../../support/gcloud-fixtures';
import { startSilentServer, type SilentServer } from '../../../support/silent-server';

let silent: SilentServer;
beforeAll(async () => {
  silent = await startSilentServer();
});
afterAll(async () => {
  await silent.close();
});

describe('reauth probe against a silent token endpoint', () => {
  it('gives up at the deadline, and the account and the ADC are unknown with a problem, not valid', async () => {
    const dir = await tempDir();
    const tokenUrl = `${silent.url}/token`;
    await writeGcloudDatabases(dir, [
      { account: 'alice@example.com', credential: authorizedUserJson('rt-alice', tokenUrl) },
    ]);
    await writeJson(join(dir, 'application_default_credentials.json'), authorizedUserJson('rt-adc', tokenUrl));
    const env = { CLOUDSDK_CONFIG: dir, CLOUDSDK_AUTH_TOKEN_HOST: tokenUrl };

    const started = Date.now();
    const probes = await probeGcloudUserCredentials({ env, homeDir: dir, platform: 'linux', timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(silent.connections()).toBeGreaterThanOrEqual(2);
    // fetch may open a spare connection to the same host; it closes at the pool's keep-alive
    // timeout (about 4 s). What matters is that none stays open for good.
    await expect.poll(() => silent.openConnections(), { timeout: 8_000 }).toBe(0);
    expect(probes.get('alice@example.com')).toMatchObject({
      status: 'error',
      message: `could not reach ${silent.host} (no answer within 0.3 s: check your VPN or proxy)`,
    });

    const unprobed = await readGcpState({ env, homeDir: dir, platform: 'linux', now: new Date() });
    expect(unprobed.accounts.map((a) => a.status)).toEqual(['valid']);

    const state = await readGcpState({ env, homeDir: dir, platform: 'linux', now: new Date(), probes });
    expect(state.accounts.map((a) => [a.account, a.status])).toEqual([['alice@example.com', 'unknown']]);
    expect(state.adc?.status).toBe('unknown');
    const messages = state.problems.map((p) => p.message);
    expect(messages).toContain(
      `gcloud account alice@example.com: could not reach ${silent.host} (no answer within 0.3 s: check your VPN or proxy); not checked`,
    );
    expect(messages).toContain(
      `Application default credentials: could not reach ${silent.host} (no answer within 0.3 s: check your VPN or proxy); not checked`,
    );
  });
});
