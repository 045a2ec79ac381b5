// Issue 10 §1: verifying an SSO profile when the SSO portal (the SDK's GetRoleCredentials leg)
// accepts connections and never answers. The check ends at its deadline, and the request is
// closed soon after: an open socket would keep `cloudid status --verify` from exiting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdentityVerifier } from '../../../../electron/core/aws/identity-verifier';
import { cacheStamp, makeAwsHome, type AwsHome } from '../../../support/aws-home';
import { startSilentServer, type SilentServer } from '../../../support/silent-server';

let silent: SilentServer;
let home: AwsHome;
const savedEnv = { ...process.env };

beforeAll(async () => {
  silent = await startSilentServer();
  home = await makeAwsHome();
  await home.writeConfig(
    '[profile prod]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Admin\nregion = eu-west-1\n\n' +
      '[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\n',
  );
  await home.writeToken('corp', {
    startUrl: 'https://corp.awsapps.com/start',
    region: 'eu-west-1',
    accessToken: 'token',
    expiresAt: cacheStamp(Date.now() + 3600_000),
  });
  // The SDK's SSO leg reads the config, the token cache and its endpoint from the process itself.
  for (const name of Object.keys(process.env)) if (name.startsWith('AWS_')) delete process.env[name];
  process.env.HOME = home.home;
  process.env.AWS_ENDPOINT_URL_SSO = silent.url;
});
afterAll(async () => {
  process.env = savedEnv;
  await silent.close();
  await home.cleanup();
});

describe('verifying an SSO profile whose portal never answers', () => {
  it('times out, and the portal request is closed soon after', async () => {
    const verifier = createIdentityVerifier({
      env: { HOME: home.home, AWS_ENDPOINT_URL_SSO: silent.url },
      timeoutMs: 300,
    });
    const check = await verifier.verify('prod', 'eu-west-1');
    expect(check.error?.kind).toBe('timeout');
    expect(silent.connections()).toBeGreaterThan(0);
    await expect.poll(() => silent.openConnections(), { timeout: 5_000 }).toBe(0);
  });
});
