// The reauth early warning against the local token server's answers.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeGcloudUserCredentials } from '../../../../electron/core/gcp/gcloud-reauth-probe';
import { probeUserCredential, type UserCredential } from '../../../../electron/core/gcp/user-credential-probe';
import { GoogleTokenServer } from '../../../support/google-token-server';
import {
  authorizedUserJson,
  serviceAccountKey,
  tempDir,
  writeGcloudDatabases,
  writeJson,
} from '../../../support/gcloud-fixtures';

let server: GoogleTokenServer;
beforeAll(async () => {
  server = await GoogleTokenServer.start();
});
afterAll(async () => {
  await server.close();
});

const credential = (refreshToken: string): UserCredential => ({
  client_id: 'cid',
  client_secret: 'csecret',
  refresh_token: refreshToken,
  token_uri: server.tokenUrl,
});
/** gcloud's token-host override names the local server, as for a private deployment. */
const viaLocalServer = () => ({ env: { CLOUDSDK_AUTH_TOKEN_HOST: server.tokenUrl } });

describe('probeUserCredential', () => {
  it.each([
    ['ok', 'healthy'],
    ['invalid_rapt', 'reauth-needed'],
    ['rapt_required', 'reauth-needed'],
    ['revoked', 'revoked'],
  ] as const)('classifies a %s answer as %s', async (outcome, status) => {
    server.registerRefreshToken(`rt-${outcome}`, { clientId: 'cid', clientSecret: 'csecret', outcome });
    const result = await probeUserCredential(credential(`rt-${outcome}`), viaLocalServer());
    expect(result.status).toBe(status);
    if (result.status === 'reauth-needed') expect(result.subtype).toBe(outcome);
  });

  it('sends the stored rapt token, which keeps a reauth-protected session healthy', async () => {
    server.registerRefreshToken('rt-rapt', { outcome: 'ok', requiredRapt: 'rapt-123' });
    expect((await probeUserCredential(credential('rt-rapt'), viaLocalServer())).status).toBe('reauth-needed');
    expect((await probeUserCredential(credential('rt-rapt'), { ...viaLocalServer(), rapt: 'rapt-123' })).status).toBe(
      'healthy',
    );
    expect(server.requests.at(-1)?.rapt).toBe('rapt-123');
  });

  it('reports a wrong client and an unreachable endpoint as errors, not as reauth', async () => {
    server.registerRefreshToken('rt-client', { clientId: 'other', outcome: 'ok' });
    expect(await probeUserCredential(credential('rt-client'), viaLocalServer())).toMatchObject({
      status: 'error',
      message: expect.stringContaining('invalid_client'),
    });
    expect(
      await probeUserCredential(
        { ...credential('x'), token_uri: 'http://127.0.0.1:9/token' },
        { env: { CLOUDSDK_AUTH_TOKEN_HOST: 'http://127.0.0.1:9/token' } },
      ),
    ).toMatchObject({ status: 'error' });
  });

  it("sends the refresh token to no token_uri but Google's https hosts and CLOUDSDK_AUTH_TOKEN_HOST", async () => {
    server.registerRefreshToken('rt-elsewhere', { outcome: 'ok' });
    const before = server.requests.length;
    const refused = await probeUserCredential({ ...credential('rt-elsewhere') }, { env: {} });
    expect(refused).toMatchObject({ status: 'error', message: expect.stringContaining('CLOUDSDK_AUTH_TOKEN_HOST') });
    expect(
      await probeUserCredential(
        { ...credential('rt-elsewhere'), token_uri: 'https://tokens.example.com/token' },
        viaLocalServer(),
      ),
    ).toMatchObject({ status: 'error' });
    expect(server.requests.length).toBe(before);
  });
});

describe('probeGcloudUserCredentials', () => {
  it("probes gcloud's user accounts with their rapt token from access_tokens.db, and skips service accounts", async () => {
    const dir = await tempDir();
    server.registerRefreshToken('rt-alice', { outcome: 'ok', requiredRapt: 'alice-rapt' });
    server.registerRefreshToken('rt-bob', { outcome: 'revoked' });
    await writeGcloudDatabases(dir, [
      {
        account: 'alice@example.com',
        credential: authorizedUserJson('rt-alice', server.tokenUrl),
        tokenExpiry: '2026-11-26 05:00:00',
        raptToken: 'alice-rapt',
      },
      { account: 'bob@example.com', credential: authorizedUserJson('rt-bob', server.tokenUrl) },
      { account: 'sa@p.iam.gserviceaccount.com', credential: { ...serviceAccountKey({ token_uri: server.tokenUrl }) } },
    ]);
    await writeJson(join(dir, 'application_default_credentials.json'), authorizedUserJson('rt-bob', server.tokenUrl));
    const before = server.requests.length;
    const probes = await probeGcloudUserCredentials({
      env: { CLOUDSDK_CONFIG: dir, CLOUDSDK_AUTH_TOKEN_HOST: server.tokenUrl },
      homeDir: dir,
      platform: 'linux',
    });
    expect(Object.fromEntries([...probes].map(([k, v]) => [k, v.status]))).toEqual({
      'alice@example.com': 'healthy',
      'bob@example.com': 'revoked',
      adc: 'revoked',
    });
    expect(server.requests.slice(before).every((r) => r.grantType === 'refresh_token')).toBe(true);
  });
});
