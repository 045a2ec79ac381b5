// Issue 10: `cloudid status --verify` when STS and Google's token endpoint accept connections and
// never answer. It ends at the request deadline, exits 1, and calls nothing it could not check
// `valid`: the profile's verification failed, the gcloud account and the ADC are `unknown`.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../../electron/cli/commands/status';
import { makeAwsHome, type AwsHome } from '../../../support/aws-home';
import { authorizedUserJson, writeGcloudDatabases, writeJson } from '../../../support/gcloud-fixtures';
import { startSilentServer, type SilentServer } from '../../../support/silent-server';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

let silent: SilentServer;
let home: AwsHome;
beforeAll(async () => {
  silent = await startSilentServer();
  home = await makeAwsHome();
  await home.writeConfig('[default]\nregion = us-east-1\n');
  await home.writeCredentials(
    '[default]\naws_access_key_id = AKIADEV0000000000099\naws_secret_access_key = dev-secret\n',
  );
});
afterAll(async () => {
  await silent.close();
  await home.cleanup();
});

describe('cloudid status --verify on a network that never answers', () => {
  it('exits 1 at the deadline; the profile failed verification, the gcloud account and ADC are unknown', async () => {
    const gcloudDir = join(home.home, 'gcloud');
    const tokenUrl = `${silent.url}/token`;
    await mkdir(gcloudDir, { recursive: true });
    await writeGcloudDatabases(gcloudDir, [
      { account: 'alice@example.com', credential: authorizedUserJson('rt-alice', tokenUrl) },
    ]);
    await writeJson(join(gcloudDir, 'application_default_credentials.json'), authorizedUserJson('rt-adc', tokenUrl));
    const stdout = new Capture();
    const stderr = new Capture();
    const env = {
      HOME: home.home,
      PATH: '',
      AWS_ENDPOINT_URL_STS: silent.url,
      CLOUDSDK_CONFIG: gcloudDir,
      CLOUDSDK_AUTH_TOKEN_HOST: tokenUrl,
    };
    const started = Date.now();
    const code = await run(['--json', '--verify'], { env, homeDir: home.home, stdout, stderr, requestTimeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(code).toBe(1);
    const json = JSON.parse(stdout.text);
    const def = json.aws.profiles.find((p: { name: string }) => p.name === 'default');
    expect(def.verification).toMatchObject({
      ok: false,
      error: { kind: 'timeout', message: expect.stringContaining(`from ${silent.host}`) },
    });
    expect(json.gcp.accounts.map((a: { account: string; status: string }) => [a.account, a.status])).toEqual([
      ['alice@example.com', 'unknown'],
    ]);
    expect(json.gcp.adc.status).toBe('unknown');
    // fetch may open a spare connection to the same host; it closes at the pool's keep-alive
    // timeout (about 4 s). What matters is that none stays open for good.
    await expect.poll(() => silent.openConnections(), { timeout: 8_000 }).toBe(0);
    expect(json.gcp.problems).toContain(
      `gcloud account alice@example.com: could not reach ${silent.host} (no answer within 0.3 s: check your VPN or proxy); not checked`,
    );
  });
});
