import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSsoProfile, createSsoSession } from '../../../../../electron/core/aws/sso-sync/configure-sso';
import { makeAwsHome, type AwsHome } from '../../../../support/aws-home';

const run = promisify(execFile);
const ORIGINAL = '# mine\r\n[default]\r\nregion = us-east-1\r\n';
let home: AwsHome;

beforeAll(async () => {
  home = await makeAwsHome();
  await home.writeConfig(ORIGINAL);
});
afterAll(async () => {
  await home.cleanup();
});

describe('configure an SSO session and a profile', () => {
  it("appends a marked [sso-session] and a profile, leaving the user's lines and line endings alone", async () => {
    expect(
      await createSsoSession(home.configFile, {
        name: 'acme',
        startUrl: 'https://acme.awsapps.com/start',
        region: 'eu-central-1',
      }),
    ).toMatchObject({ ok: true });
    expect(
      await createSsoProfile(home.configFile, {
        profileName: 'acme-admin',
        session: 'acme',
        accountId: '123456789012',
        roleName: 'AdministratorAccess',
        region: 'eu-central-1',
        output: 'json',
      }),
    ).toMatchObject({ ok: true });
    const text = await readFile(home.configFile, 'utf8');
    expect(text).toBe(
      `${ORIGINAL}\r\n# managed by cloudid: configure\r\n[sso-session acme]\r\nsso_start_url = https://acme.awsapps.com/start\r\nsso_region = eu-central-1\r\nsso_registration_scopes = sso:account:access\r\n` +
        '\r\n# managed by cloudid: configure\r\n[profile acme-admin]\r\nsso_session = acme\r\nsso_account_id = 123456789012\r\nsso_role_name = AdministratorAccess\r\nregion = eu-central-1\r\noutput = json\r\n',
    );
    expect((await stat(home.configFile)).mode & 0o777).toBe(0o644);
  });

  it('is read by botocore as `aws configure sso` would have written it', async () => {
    const script =
      'import json, botocore.session; s = botocore.session.Session(profile="acme-admin"); print(json.dumps({"p": s.get_scoped_config(), "s": s.full_config["sso_sessions"]["acme"]}))';
    const { stdout } = await run('python3', ['-c', script], {
      env: {
        PATH: process.env.PATH,
        HOME: home.home,
        AWS_CONFIG_FILE: home.configFile,
        AWS_SHARED_CREDENTIALS_FILE: join(home.home, 'none'),
      },
    });
    expect(JSON.parse(stdout)).toEqual({
      p: {
        sso_session: 'acme',
        sso_account_id: '123456789012',
        sso_role_name: 'AdministratorAccess',
        region: 'eu-central-1',
        output: 'json',
      },
      s: {
        sso_start_url: 'https://acme.awsapps.com/start',
        sso_region: 'eu-central-1',
        sso_registration_scopes: 'sso:account:access',
      },
    });
  });

  it('refuses bad or clashing values field by field and writes nothing', async () => {
    const before = await readFile(home.configFile, 'utf8');
    const session = await createSsoSession(home.configFile, {
      name: 'acme',
      startUrl: 'http://insecure',
      region: 'Europe',
      scopes: ['bad scope'],
    });
    expect(session.ok).toBe(false);
    if (!session.ok)
      expect(session.problems.map((p) => p.message.split(':')[0])).toEqual([
        'Start URL',
        'Region',
        'Scopes',
        'Session name',
      ]);
    const profile = await createSsoProfile(home.configFile, {
      profileName: 'default',
      session: 'missing',
      accountId: '12',
      roleName: 'r',
    });
    expect(profile.ok).toBe(false);
    if (!profile.ok)
      expect(profile.problems.map((p) => p.message.split(':')[0])).toEqual([
        'Profile name',
        'Account',
        'Session',
        'Profile name',
      ]);
    const clash = await createSsoProfile(home.configFile, {
      profileName: 'acme-admin',
      session: 'acme',
      accountId: '123456789012',
      roleName: 'Admin',
    });
    expect(clash.ok).toBe(false);
    expect(await readFile(home.configFile, 'utf8')).toBe(before);
  });
});
