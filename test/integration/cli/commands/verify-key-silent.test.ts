// Issue 10 §1: key verification against a token endpoint that accepts connections and never
// answers ends at its deadline with the host and what to check.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { run as gcpVerify } from '../../../../electron/cli/commands/gcp-verify';
import { verifyKeyFile } from '../../../../electron/core/gcp/verify-service-account-key';
import { serviceAccountKey, tempDir, writeJson } from '../../../support/gcloud-fixtures';
import { startSilentServer, type SilentServer } from '../../../support/silent-server';

let silent: SilentServer;
beforeAll(async () => {
  silent = await startSilentServer();
});
afterAll(async () => {
  await silent.close();
});

describe('verifyKeyFile against a silent token endpoint', () => {
  it('gives up at the deadline as a timeout naming the host', async () => {
    const tokenUrl = `${silent.url}/token`;
    const path = await writeJson(join(await tempDir(), 'key.json'), serviceAccountKey({ token_uri: tokenUrl }));
    const started = Date.now();
    const result = await verifyKeyFile(path, { env: { CLOUDSDK_AUTH_TOKEN_HOST: tokenUrl }, timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(silent.connections()).toBeGreaterThan(0);
    await expect.poll(() => silent.openConnections(), { timeout: 3_000 }).toBe(0);
    expect(result).toMatchObject({
      ok: false,
      kind: 'timeout',
      message: `${silent.host} did not answer within 0.3 s: check your VPN or proxy.`,
    });
  });

  it('cloudid gcp verify exits 1 with that sentence', async () => {
    const tokenUrl = `${silent.url}/token`;
    const path = await writeJson(join(await tempDir(), 'key.json'), serviceAccountKey({ token_uri: tokenUrl }));
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let err = '';
    stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await gcpVerify([path], {
      env: { CLOUDSDK_AUTH_TOKEN_HOST: tokenUrl },
      homeDir: await tempDir(),
      stdout,
      stderr,
      requestTimeoutMs: 300,
    });
    expect(code).toBe(1);
    expect(err).toBe(`cloudid gcp verify: ${silent.host} did not answer within 0.3 s: check your VPN or proxy.\n`);
  });
});
