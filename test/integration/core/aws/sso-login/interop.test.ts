// After our login and refresh, the real peers use the cache as if `aws sso login` had written it:
// botocore (what SkyPilot uses) and the JS SDK resolve the profile through the local portal and
// STS; AWS CLI v2 (which ignores AWS_ENDPOINT_URL_*) goes on to the portal call, which proves it
// accepted the token. And a token written by botocore's own code is read by us.
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginWithDeviceCode } from '../../../../../electron/core/aws/sso-login/device-code-flow';
import { loginWithPkce } from '../../../../../electron/core/aws/sso-login/pkce-flow';
import { refreshSsoSession } from '../../../../../electron/core/aws/sso-login/refresh';
import { writeSsoToken } from '../../../../../electron/core/aws/sso-login/token-cache-writer';
import { readSsoTokenSummary, ssoTokenCachePath } from '../../../../../electron/core/aws/sso-token-cache';
import { startSsoOidcServer, type SsoOidcServer } from '../../../../support/sso-oidc-server';
import { startSsoPortalServer, type SsoPortalServer } from '../../../../support/sso-portal-server';
import { startStsServer, type StsServer } from '../../../../support/sts-server';
import { startConnectRecorder } from '../../../../support/connect-recorder';
import { fakeBrowser } from '../../../../support/fake-browser';
import { sessionRef, START_URL, tempHome, type TempHome } from '../../../../support/session-fixture';

const run = promisify(execFile);
const ACCOUNT = '111122223333';
const ROLE = 'AdministratorAccess';
const ROLE_KEY = 'ASIAPORTALISSUED0001';
const IDENTITY = {
  account: ACCOUNT,
  arn: `arn:aws:sts::${ACCOUNT}:assumed-role/AWSReservedSSO_${ROLE}_0123/alice`,
  userId: 'AROAEXAMPLEROLEID:alice',
};
const session = sessionRef({ registrationScopes: ['sso:account:access'] });
const CONFIG = `[profile dev-admin]
sso_session = dev
sso_account_id = ${ACCOUNT}
sso_role_name = ${ROLE}
region = eu-west-1

[sso-session dev]
sso_start_url = ${START_URL}
sso_region = eu-west-1
sso_registration_scopes = sso:account:access
`;

let home: TempHome;
let oidc: SsoOidcServer;
let portal: SsoPortalServer;
let sts: StsServer;

/** A clean environment: nothing of the developer's AWS setup leaks in. */
function peerEnv(homeDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: homeDir,
    LANG: 'C.UTF-8',
    AWS_CONFIG_FILE: path.join(homeDir, '.aws', 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(homeDir, '.aws', 'credentials'),
    AWS_ENDPOINT_URL_SSO_OIDC: oidc.url,
    AWS_ENDPOINT_URL_SSO: portal.url,
    AWS_ENDPOINT_URL_STS: sts.url,
    AWS_EC2_METADATA_DISABLED: 'true',
    ...extra,
  };
}

const BOTOCORE_WHOAMI = `
import json, botocore.session
s = botocore.session.Session(profile='dev-admin')
print(json.dumps(s.create_client('sts', region_name='eu-west-1').get_caller_identity()))
`;

async function botocoreWhoami(): Promise<Record<string, string>> {
  const { stdout } = await run('python3', ['-c', BOTOCORE_WHOAMI], { env: peerEnv(home.home), timeout: 60_000 });
  return JSON.parse(stdout) as Record<string, string>;
}

async function writeHome(dir: string): Promise<void> {
  await mkdir(path.join(dir, '.aws'), { recursive: true });
  await writeFile(path.join(dir, '.aws', 'config'), CONFIG);
}

const tokenFile = (): string => ssoTokenCachePath(home.cacheDir, session);
const readToken = async (): Promise<Record<string, string>> =>
  JSON.parse(await readFile(tokenFile(), 'utf8')) as Record<string, string>;

beforeAll(async () => {
  home = await tempHome();
  await writeHome(home.home);
  oidc = await startSsoOidcServer({ intervalSeconds: 1 });
  sts = await startStsServer({
    identities: {
      [ROLE_KEY]: { secretAccessKey: 'portal-secret-key', sessionToken: 'portal-session-token', ...IDENTITY },
    },
  });
  portal = await startSsoPortalServer({
    isValidAccessToken: oidc.isValidAccessToken,
    roles: [
      {
        accountId: ACCOUNT,
        roleName: ROLE,
        credentials: {
          accessKeyId: ROLE_KEY,
          secretAccessKey: 'portal-secret-key',
          sessionToken: 'portal-session-token',
          expiration: Date.now() + 3600_000,
        },
      },
    ],
  });
  const outcome = await loginWithPkce({
    session,
    cacheDir: home.cacheDir,
    env: { AWS_ENDPOINT_URL_SSO_OIDC: oidc.url },
    openUrl: fakeBrowser().openUrl,
  });
  expect(outcome.status).toBe('logged-in');
});

afterAll(async () => {
  await Promise.all([oidc?.close(), portal?.close(), sts?.close()]);
  await home?.remove();
});

describe('interop of our SSO login with the real tools', () => {
  it('(a) botocore resolves the profile through the local portal and STS', async () => {
    const { accessToken } = await readToken();
    expect(await botocoreWhoami()).toMatchObject({
      Account: IDENTITY.account,
      Arn: IDENTITY.arn,
      UserId: IDENTITY.userId,
    });
    expect(portal.requests.at(-1)).toMatchObject({
      accountId: ACCOUNT,
      roleName: ROLE,
      bearerToken: accessToken,
      status: 200,
    });
    expect(sts.requests.at(-1)).toMatchObject({
      action: 'GetCallerIdentity',
      accessKeyId: ROLE_KEY,
      hadSessionToken: true,
      status: 200,
    });
  });

  it('(b) AWS CLI v2 accepts the cache: it goes on to the portal (and refuses a missing or expired one)', async () => {
    const proxy = await startConnectRecorder();
    const other = await tempHome();
    try {
      const cli = async (homeDir: string): Promise<string> => {
        const result = await run(
          '/usr/bin/aws',
          ['sts', 'get-caller-identity', '--profile', 'dev-admin', '--endpoint-url', sts.url],
          {
            env: peerEnv(homeDir, { HTTPS_PROXY: proxy.url, NO_PROXY: '127.0.0.1' }),
            timeout: 60_000,
          },
        ).catch((error: { stdout: string; stderr: string }) => error);
        return `${result.stdout}${result.stderr}`;
      };

      const accepted = await cli(home.home);
      expect(accepted).not.toMatch(/Token for dev does not exist|Token has expired|Error loading SSO Token/);
      expect(proxy.targets).toContain('portal.sso.eu-west-1.amazonaws.com:443');

      // Controls: the same command on a home without our token, and with an unrefreshable expired one.
      await writeHome(other.home);
      proxy.targets.length = 0;
      expect(await cli(other.home)).toMatch(/Token for dev does not exist/);
      await mkdir(other.cacheDir, { recursive: true });
      await writeFile(
        ssoTokenCachePath(other.cacheDir, session),
        JSON.stringify({
          startUrl: START_URL,
          region: 'eu-west-1',
          accessToken: 'old',
          expiresAt: '2020-01-01T00:00:00Z',
        }),
      );
      expect(await cli(other.home)).toMatch(/Token has expired and refresh failed/);
      expect(proxy.targets).toEqual([]);

      // Our refresh fields are read too: given our token, expired, the CLI goes to refresh it.
      const ours = await readToken();
      await writeFile(
        ssoTokenCachePath(other.cacheDir, session),
        JSON.stringify({ ...ours, expiresAt: '2020-01-01T00:00:00Z' }),
      );
      await cli(other.home);
      expect(proxy.targets).toContain('oidc.eu-west-1.amazonaws.com:443');
    } finally {
      await proxy.close();
      await other.remove();
    }
  });

  it('(a) botocore also resolves a legacy (start URL) profile after a device-code login', async () => {
    const legacyUrl = 'https://legacy-1234.awsapps.com/start';
    const legacy = sessionRef({ name: legacyUrl, legacy: true, startUrl: legacyUrl, registrationScopes: [] });
    const legacyHome = await tempHome();
    try {
      await mkdir(path.join(legacyHome.home, '.aws'), { recursive: true });
      await writeFile(
        path.join(legacyHome.home, '.aws', 'config'),
        `[profile dev-admin]\nsso_start_url = ${legacyUrl}\nsso_region = eu-west-1\nsso_account_id = ${ACCOUNT}\nsso_role_name = ${ROLE}\n`,
      );
      const outcome = await loginWithDeviceCode({
        session: legacy,
        cacheDir: legacyHome.cacheDir,
        env: { AWS_ENDPOINT_URL_SSO_OIDC: oidc.url },
        onPrompt: (p) => oidc.approve(p.userCode as string),
      });
      expect(outcome.status).toBe('logged-in');
      const { stdout } = await run('python3', ['-c', BOTOCORE_WHOAMI], {
        env: peerEnv(legacyHome.home),
        timeout: 60_000,
      });
      expect(JSON.parse(stdout)).toMatchObject({ Account: ACCOUNT, Arn: IDENTITY.arn });
    } finally {
      await legacyHome.remove();
    }
  });

  it('(c) the JS SDK fromSSO resolves credentials through the local portal', async () => {
    const script = `
      import { fromSSO } from '@aws-sdk/credential-providers';
      const c = await fromSSO({ profile: 'dev-admin' })();
      console.log(JSON.stringify({ accessKeyId: c.accessKeyId, hasSessionToken: Boolean(c.sessionToken), accountId: c.accountId ?? null }));
    `;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
      env: peerEnv(home.home),
      cwd: process.cwd(),
      timeout: 60_000,
    });
    expect(JSON.parse(stdout)).toMatchObject({ accessKeyId: ROLE_KEY, hasSessionToken: true });
    expect(portal.requests.at(-1)).toMatchObject({ bearerToken: (await readToken()).accessToken, status: 200 });
  });

  it('(d) after our silent refresh botocore still works, with the new token, and the refresh token is kept', async () => {
    const before = await readToken();
    oidc.setRefreshMode('keep');
    const outcome = await refreshSsoSession({
      session,
      cacheDir: home.cacheDir,
      env: { AWS_ENDPOINT_URL_SSO_OIDC: oidc.url },
    });
    expect(outcome).toMatchObject({ status: 'refreshed', refreshTokenRotated: false });
    const after = await readToken();
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.refreshToken).toBe(before.refreshToken);
    expect(await botocoreWhoami()).toMatchObject({ Account: ACCOUNT, Arn: IDENTITY.arn });
    expect(portal.requests.at(-1)).toMatchObject({ bearerToken: after.accessToken, status: 200 });
  });

  it('botocore refreshes our token itself when under 15 minutes remain, and we read what it wrote', async () => {
    oidc.setRefreshMode('rotate');
    const ours = await readToken();
    const soon = new Date(Date.now() + 10 * 60_000);
    await writeSsoToken(home.cacheDir, session, {
      startUrl: ours.startUrl as string,
      region: ours.region as string,
      accessToken: ours.accessToken as string,
      expiresAt: soon,
      clientId: ours.clientId as string,
      clientSecret: ours.clientSecret as string,
      registrationExpiresAt: new Date(ours.registrationExpiresAt as string),
      refreshToken: ours.refreshToken,
    });
    expect(await botocoreWhoami()).toMatchObject({ Account: ACCOUNT });
    const rewritten = await readToken();
    expect(rewritten.accessToken).not.toBe(ours.accessToken);
    expect(rewritten.refreshToken).not.toBe(ours.refreshToken);
    expect(oidc.requests.at(-1)?.body).toMatchObject({ grantType: 'refresh_token', refreshToken: ours.refreshToken });
    const summary = await readSsoTokenSummary(tokenFile(), Date.now());
    expect(summary.token?.refreshable).toBe(true);
    expect(summary.token?.expiresAt.getTime()).toBeGreaterThan(soon.getTime());
    expect(
      await refreshSsoSession({ session, cacheDir: home.cacheDir, env: { AWS_ENDPOINT_URL_SSO_OIDC: oidc.url } }),
    ).toMatchObject({ status: 'refreshed' });
  });

  it('writes the very bytes botocore would write for the same token', async () => {
    // botocore's own serializer (tokens._sso_json_dumps) on our file's content, dates as datetimes.
    const script = `
import json, sys, dateutil.parser
from botocore.tokens import _sso_json_dumps
token = json.load(open(sys.argv[1]))
for key in ('expiresAt', 'registrationExpiresAt'):
    token[key] = dateutil.parser.parse(token[key])
sys.stdout.write(_sso_json_dumps(token))
`;
    const { stdout } = await run('python3', ['-c', script, tokenFile()], { env: peerEnv(home.home) });
    expect(stdout).toBe(await readFile(tokenFile(), 'utf8'));
  });

  it('reads and refreshes a token that botocore itself wrote', async () => {
    oidc.setRefreshMode('keep');
    const { refreshToken, clientId, clientSecret } = await readToken();
    // botocore's JSONFileCache and SSOTokenLoader.save_token, as its refresh path writes the file.
    const script = `
import datetime, os, sys
from dateutil.tz import tzutc
from botocore.utils import JSONFileCache, SSOTokenLoader
from botocore.tokens import _sso_json_dumps
cache = JSONFileCache(os.path.expanduser('~/.aws/sso/cache'), dumps_func=_sso_json_dumps)
now = datetime.datetime.now(tzutc())
SSOTokenLoader(cache=cache).save_token(sys.argv[1], {
    'startUrl': sys.argv[1], 'region': 'eu-west-1', 'accessToken': 'botocore-written',
    'expiresAt': now + datetime.timedelta(minutes=10),
    'clientId': sys.argv[2], 'clientSecret': sys.argv[3],
    'registrationExpiresAt': now + datetime.timedelta(days=30),
    'refreshToken': sys.argv[4],
}, session_name='dev')
`;
    await rm(tokenFile());
    await run(
      'python3',
      ['-c', script, START_URL, clientId as string, clientSecret as string, refreshToken as string],
      { env: peerEnv(home.home) },
    );
    const summary = await readSsoTokenSummary(tokenFile(), Date.now());
    expect(summary.problem).toBeNull();
    expect(summary.token?.refreshable).toBe(true);
    expect((summary.token?.expiresAt.getTime() ?? 0) - Date.now()).toBeLessThan(11 * 60_000);

    const outcome = await refreshSsoSession({
      session,
      cacheDir: home.cacheDir,
      env: { AWS_ENDPOINT_URL_SSO_OIDC: oidc.url },
    });
    expect(outcome.status).toBe('refreshed');
    const after = await readToken();
    expect(after.accessToken).not.toBe('botocore-written');
    expect(after.refreshToken).toBe(refreshToken);
  });
});
