// `cloudid console` for an SSO profile, run from source as a user runs it: the SDK's SSO leg
// takes the cached token to the local portal's GetRoleCredentials, and the local federation
// endpoint accepts exactly the role credentials the portal handed out. The URL is compared as
// booleans, so a failure never prints it.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheStamp, makeAwsHome, type AwsHome } from '../../../support/aws-home';
import { startFederationServer, type FederationServer } from '../../../support/federation-server';
import { startSsoPortalServer, type SsoPortalServer } from '../../../support/sso-portal-server';

const repo = join(import.meta.dirname, '..', '..', '..', '..');
const ACCESS_TOKEN = 'sso-access-token-for-console';
const ROLE = {
  accessKeyId: 'ASIASSOROLE000000001',
  secretAccessKey: 'sso-role-secret-000000000000000000000',
  sessionToken: 'sso-role-session-token',
};

let aws: AwsHome;
let portal: SsoPortalServer;
let federation: FederationServer;

function cloudid(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(repo, 'electron', 'cli', 'main.ts'), ...args], {
      cwd: repo,
      env: { PATH: process.env.PATH ?? '', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  aws = await makeAwsHome();
  portal = await startSsoPortalServer({
    isValidAccessToken: (token) => token === ACCESS_TOKEN,
    roles: [
      { accountId: '123456789012', roleName: 'ReadOnly', credentials: { ...ROLE, expiration: Date.now() + 3_600_000 } },
    ],
  });
  federation = await startFederationServer({
    accepts: (s) =>
      s.sessionId === ROLE.accessKeyId && s.sessionKey === ROLE.secretAccessKey && s.sessionToken === ROLE.sessionToken,
  });
  await aws.writeConfig(
    [
      '[profile work]',
      'sso_session = corp',
      'sso_account_id = 123456789012',
      'sso_role_name = ReadOnly',
      '',
      '[sso-session corp]',
      'sso_start_url = https://d-1234567890.awsapps.com/start',
      'sso_region = us-gov-west-1',
      '',
    ].join('\n'),
  );
  await aws.writeToken('corp', {
    startUrl: 'https://d-1234567890.awsapps.com/start',
    region: 'us-gov-west-1',
    accessToken: ACCESS_TOKEN,
    expiresAt: cacheStamp(Date.now() + 3_600_000),
  });
});

afterAll(async () => {
  await federation.close();
  await portal.close();
  await aws.cleanup();
});

describe('cloudid console for an SSO profile', () => {
  it('signs in with the role credentials from the portal, in the SSO region partition', async () => {
    const out = await cloudid(['console', 'work', '--print'], {
      HOME: aws.home,
      AWS_ENDPOINT_URL_SSO: portal.url,
      AWS_ENDPOINT_URL_SIGNIN: federation.url,
    });
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(portal.requests.map((r) => [r.path, r.accountId, r.roleName, r.status])).toEqual([
      ['/federation/credentials', '123456789012', 'ReadOnly', 200],
    ]);
    expect(federation.requests.map((r) => r.accepted)).toEqual([true]);
    const url = new URL(out.stdout.trim());
    expect(`${url.origin}${url.pathname}` === `${federation.url}/federation`).toBe(true);
    expect(federation.issued(url.searchParams.get('SigninToken') ?? '')).toBe(true);
    // No region in the profile: its SSO region picks the partition (GovCloud).
    expect(url.searchParams.get('Destination')).toBe(
      'https://us-gov-west-1.console.amazonaws-us-gov.com/console/home?region=us-gov-west-1',
    );
  });

  it('says to log in when the portal refuses the token', async () => {
    await aws.writeToken('corp', {
      startUrl: 'https://d-1234567890.awsapps.com/start',
      region: 'us-gov-west-1',
      accessToken: 'revoked-token',
      expiresAt: cacheStamp(Date.now() + 3_600_000),
    });
    const out = await cloudid(['console', 'work', '--print'], {
      HOME: aws.home,
      AWS_ENDPOINT_URL_SSO: portal.url,
      AWS_ENDPOINT_URL_SIGNIN: federation.url,
    });
    expect(out.code).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toBe(
      'cloudid console: AWS SSO login required for profile work. Log in: cloudid login work (or: aws sso login --profile work)\n',
    );
    expect(federation.requests).toHaveLength(1);
  });
});
