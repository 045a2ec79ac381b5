// Minting a token with google-auth-library's JWT client at the key's own token_uri (the library
// alone would post to oauth2.googleapis.com), against a server that checks the RS256 signature.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyKeyFile } from '../../../../electron/core/gcp/verify-service-account-key';
import { GoogleTokenServer } from '../../../support/google-token-server';
import { rsaPrivateKeyPem, serviceAccountKey, tempDir, writeJson } from '../../../support/gcloud-fixtures';

let server: GoogleTokenServer;
beforeAll(async () => {
  server = await GoogleTokenServer.start();
});
afterAll(async () => {
  await server.close();
});

async function keyFile(overrides: Parameters<typeof serviceAccountKey>[0] = {}) {
  const key = serviceAccountKey({ token_uri: server.tokenUrl, ...overrides });
  return { key, path: await writeJson(join(await tempDir(), 'key.json'), key) };
}

/** gcloud's token-host override names the local server, as for a private deployment. */
const viaLocalServer = () => ({ env: { CLOUDSDK_AUTH_TOKEN_HOST: server.tokenUrl } });

describe('verifyKeyFile', () => {
  it("mints a token at the key's token_uri, signed with the key", async () => {
    const { key, path } = await keyFile();
    server.registerServiceAccount(key.client_email, key.private_key, key.private_key_id);
    const before = server.requests.length;
    const result = await verifyKeyFile(path, viaLocalServer());
    expect(result).toMatchObject({ ok: true, key: { clientEmail: key.client_email, keyId: key.private_key_id } });
    expect(result.ok && Date.parse(result.expiresAt ?? '')).toBeGreaterThan(Date.now());
    expect(server.requests.slice(before)).toEqual([
      {
        path: '/token',
        grantType: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        issuer: key.client_email,
        audience: 'https://oauth2.googleapis.com/token',
        rapt: null,
        status: 200,
      },
    ]);
  });

  it('says the key was deleted or disabled on "Invalid JWT Signature"', async () => {
    const { key, path } = await keyFile({ client_email: 'disabled@acme.iam.gserviceaccount.com' });
    server.registerServiceAccount(key.client_email, key.private_key, key.private_key_id);
    server.disableServiceAccountKey(key.client_email);
    const result = await verifyKeyFile(path, viaLocalServer());
    expect(result).toMatchObject({ ok: false, kind: 'key-disabled' });
    expect(!result.ok && result.message).toMatch(/Invalid JWT Signature.*deleted or disabled/);
  });

  it('fails when the key is signed by a different private key than Google knows', async () => {
    const { key, path } = await keyFile({ client_email: 'rotated@acme.iam.gserviceaccount.com', keyIndex: 0 });
    server.registerServiceAccount(key.client_email, rsaPrivateKeyPem(1), null);
    expect(await verifyKeyFile(path, viaLocalServer())).toMatchObject({ ok: false, kind: 'key-disabled' });
  });

  it('reports an account Google does not know', async () => {
    const { path } = await keyFile({ client_email: 'ghost@acme.iam.gserviceaccount.com' });
    expect(await verifyKeyFile(path, viaLocalServer())).toMatchObject({ ok: false, kind: 'account-not-found' });
  });

  it('reports an unreachable token endpoint as a network failure', async () => {
    const { path } = await keyFile({ token_uri: 'http://127.0.0.1:9/token' });
    expect(await verifyKeyFile(path, { env: { CLOUDSDK_AUTH_TOKEN_HOST: 'http://127.0.0.1:9/token' } })).toMatchObject({
      ok: false,
      kind: 'network',
    });
  });

  it("sends the signed JWT to no token_uri but Google's https hosts and CLOUDSDK_AUTH_TOKEN_HOST", async () => {
    const { key, path } = await keyFile({ client_email: 'elsewhere@acme.iam.gserviceaccount.com' });
    server.registerServiceAccount(key.client_email, key.private_key, key.private_key_id);
    const before = server.requests.length;
    const plainHttp = await verifyKeyFile(path, { env: {} });
    expect(plainHttp).toMatchObject({ ok: false, kind: 'untrusted-token-uri' });
    expect(!plainHttp.ok && plainHttp.message).toContain('CLOUDSDK_AUTH_TOKEN_HOST');
    expect(
      await verifyKeyFile(path, { env: { CLOUDSDK_AUTH_TOKEN_HOST: 'https://oauth2.googleapis.com/token' } }),
    ).toMatchObject({ ok: false, kind: 'untrusted-token-uri' });
    const foreign = await keyFile({
      client_email: 'foreign@acme.iam.gserviceaccount.com',
      token_uri: 'https://tokens.example.com/token',
    });
    expect(await verifyKeyFile(foreign.path, viaLocalServer())).toMatchObject({
      ok: false,
      kind: 'untrusted-token-uri',
    });
    expect(server.requests.length).toBe(before);
  });

  it('does not send a rejected file anywhere', async () => {
    const before = server.requests.length;
    const path = await writeJson(join(await tempDir(), 'client.json'), { installed: { client_id: 'x' } });
    expect(await verifyKeyFile(path, viaLocalServer())).toMatchObject({
      ok: false,
      kind: 'rejected-file',
      reason: 'oauth-client-secret',
    });
    expect(server.requests.length).toBe(before);
  });
});
