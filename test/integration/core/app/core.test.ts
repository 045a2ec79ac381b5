import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { assumeRoleCacheKey } from '../../../../electron/core/aws/cli-credential-cache';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/app/core';
import { snapshotWhere } from '../../../support/snapshot-wait';
import type { AwsProfile, Snapshot } from '../../../../electron/shared/model';
import { cacheStamp, makeAwsHome, type AwsHome } from '../../../support/aws-home';

let home: AwsHome | null = null;
let core: Core | null = null;
afterEach(async () => {
  await core?.stop();
  core = null;
  await home?.cleanup();
  home = null;
});

const CONFIG = `[default]
region = us-east-1

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = eu-west-1
sso_registration_scopes = sso:account:access

[profile prod]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = Admin
region = eu-west-1

[profile old-sso]
sso_start_url = https://legacy.awsapps.com/start
sso_region = us-east-1
sso_account_id = 444455556666
sso_role_name = ReadOnly

[profile deploy]
role_arn = arn:aws:iam::777788889999:role/Deploy
source_profile = default

[profile broken]
role_arn = arn:aws:iam::777788889999:role/Broken
source_profile = does-not-exist
`;

const CREDENTIALS = `[default]
aws_access_key_id = AKIAEXAMPLEDEFAULT01
aws_secret_access_key = not-a-real-secret
`;

function validToken(startUrl: string, expiresAt: number) {
  return {
    startUrl,
    region: 'eu-west-1',
    accessToken: 'access-token-value',
    expiresAt: cacheStamp(expiresAt),
    clientId: 'client-id',
    clientSecret: 'client-secret',
    registrationExpiresAt: cacheStamp(Date.now() + 30 * 86_400_000),
    refreshToken: 'refresh-token-value',
  };
}

async function startCore(env: NodeJS.ProcessEnv = {}): Promise<Core> {
  if (!home) throw new Error('no home');
  core = createCore({
    env: { HOME: home.home, PATH: '', ...env },
    homeDir: home.home,
    settingsFile: home.settingsFile,
    detectCli: false,
  });
  await core.start();
  return core;
}

const profile = (s: Snapshot, name: string): AwsProfile => {
  const found = s.aws.profiles.find((p) => p.name === name);
  if (!found)
    throw new Error(`profile ${name} is not in the snapshot: ${s.aws.profiles.map((p) => p.name).join(', ')}`);
  return found;
};

describe('core', () => {
  it('shows every profile with its kind and status, the broken one with its problem', async () => {
    home = await makeAwsHome();
    await home.writeConfig(CONFIG);
    await home.writeCredentials(CREDENTIALS);
    const expiresAt = Date.now() + 2 * 3_600_000;
    await home.writeToken('corp', validToken('https://corp.awsapps.com/start', expiresAt));
    const s = (await startCore({ AWS_PROFILE: 'prod' })).snapshot();

    expect(s.aws.activeProfile).toBe('prod');
    expect(s.aws.profiles.map((p) => p.name).sort()).toEqual(['broken', 'default', 'deploy', 'old-sso', 'prod']);
    expect(profile(s, 'prod')).toMatchObject({
      kind: 'sso',
      status: 'valid',
      active: true,
      ssoSession: 'corp',
      accountId: '111122223333',
      roleName: 'Admin',
    });
    expect(Date.parse(profile(s, 'prod').expiresAt ?? '')).toBe(Math.floor(expiresAt / 1000) * 1000);
    expect(profile(s, 'old-sso')).toMatchObject({
      kind: 'sso-legacy',
      status: 'signed-out',
      ssoSession: 'https://legacy.awsapps.com/start',
    });
    expect(profile(s, 'default')).toMatchObject({ kind: 'static', status: 'long-lived' });
    expect(profile(s, 'deploy')).toMatchObject({ kind: 'assume-role', status: 'unknown', sourceProfile: 'default' });
    const broken = profile(s, 'broken');
    expect(broken.status).toBe('error');
    expect(broken.problems.map((p) => p.message).join(' ')).toMatch(/does-not-exist/);
    expect(broken.problems[0]?.file).toBe(home.configFile);

    const corp = s.aws.ssoSessions.find((x) => x.name === 'corp');
    expect(corp).toMatchObject({
      status: 'valid',
      refreshable: true,
      cacheFile: home.tokenPath('corp'),
      profiles: ['prod'],
    });
    // Nothing secret leaves the core.
    expect(JSON.stringify(s)).not.toMatch(/access-token-value|refresh-token-value|client-secret|not-a-real-secret/);
  });

  it('stops calling a session refreshable when its client registration ends, waking for it', async () => {
    home = await makeAwsHome();
    await home.writeConfig(CONFIG);
    let clock = Date.now();
    await home.writeToken('corp', {
      ...validToken('https://corp.awsapps.com/start', clock + 8 * 3_600_000),
      registrationExpiresAt: cacheStamp(clock + 10 * 60_000),
    });
    core = createCore({
      env: { HOME: home.home, PATH: '' },
      homeDir: home.home,
      settingsFile: home.settingsFile,
      detectCli: false,
      watch: false,
      now: () => clock,
    });
    await core.start();
    const corp = (s: Snapshot) => s.aws.ssoSessions.find((x) => x.name === 'corp');
    expect(corp(core.snapshot())?.refreshable).toBe(true);
    // The end of the registration is itself a deadline: the app wakes then, not 7 h later.
    expect(core.snapshot().nextDeadline).toBe(corp(core.snapshot())?.registrationExpiresAt);
    clock += 11 * 60_000;
    core.reevaluate();
    expect(corp(core.snapshot())?.refreshable).toBe(false);
  });

  it('picks up a profile added on disk, and a login written by another tool, without a restart', async () => {
    home = await makeAwsHome();
    await home.writeConfig(CONFIG);
    const c = await startCore();
    expect(profile(c.snapshot(), 'old-sso').status).toBe('signed-out');

    await writeFile(
      home.configFile,
      `${CONFIG}\n[profile added-later]\nregion = ap-south-1\ncredential_process = /bin/true\n`,
    );
    const withNew = await snapshotWhere(c, (s) => s.aws.profiles.some((p) => p.name === 'added-later'));
    expect(profile(withNew, 'added-later')).toMatchObject({ kind: 'process', status: 'unknown', region: 'ap-south-1' });

    await home.writeToken(
      'https://legacy.awsapps.com/start',
      validToken('https://legacy.awsapps.com/start', Date.now() + 3_600_000),
    );
    const loggedIn = await snapshotWhere(c, (s) => profile(s, 'old-sso').status === 'valid');
    expect(loggedIn.aws.ssoSessions.find((x) => x.legacy)?.status).toBe('valid');
  });

  it('does not show a half-written token file as an error', async () => {
    home = await makeAwsHome();
    await home.writeConfig(CONFIG);
    const c = await startCore();
    const seen: Snapshot[] = [];
    c.onSnapshot((s) => seen.push(s));

    const token = JSON.stringify(validToken('https://corp.awsapps.com/start', Date.now() + 3_600_000));
    const file = home.tokenPath('corp');
    await home.writeToken('corp', {}); // make sure the folder exists
    await writeFile(file, token.slice(0, 40)); // an in-place write caught half way
    await new Promise((r) => setTimeout(r, 120));
    await writeFile(file, token);
    await snapshotWhere(c, (s) => profile(s, 'prod').status === 'valid');
    const corpStatuses = seen.map((s) => s.aws.ssoSessions.find((x) => x.name === 'corp')?.status);
    expect(corpStatuses).not.toContain('error');
  });

  it('shows a truncated token file that stays broken as a problem of that session only', async () => {
    home = await makeAwsHome();
    await home.writeConfig(CONFIG);
    await home.writeCredentials(CREDENTIALS);
    const file = await home.writeToken('corp', {});
    await writeFile(file, '{"startUrl": "https://corp.awsapps.com/start", "accessTo');
    const s = (await startCore()).snapshot();
    const corp = s.aws.ssoSessions.find((x) => x.name === 'corp');
    expect(corp?.status).toBe('error');
    expect(corp?.problems.some((p) => p.file === file)).toBe(true);
    expect(profile(s, 'default').status).toBe('long-lived');
  });

  it('republishes when a token crosses into the lead time, with no file change', async () => {
    home = await makeAwsHome();
    await home.writeConfig(CONFIG);
    // Lead time 1 minute: the token turns `expiring` about 2 s from now.
    await mkdir(dirname(home.settingsFile), { recursive: true });
    await writeFile(home.settingsFile, '{"leadTimeMinutes": 1}');
    await home.writeToken('corp', validToken('https://corp.awsapps.com/start', Date.now() + 62_000));
    const c = await startCore();
    expect(profile(c.snapshot(), 'prod').status).toBe('valid');
    expect(c.snapshot().nextDeadline).not.toBeNull();
    const later = await snapshotWhere(c, (s) => profile(s, 'prod').status === 'expiring', 5000);
    expect(later.aws.ssoSessions.find((x) => x.name === 'corp')?.status).toBe('expiring');
  });

  it("reads an assume-role profile's expiry from the AWS CLI's cache, keyed as the CLI keys it", async () => {
    home = await makeAwsHome();
    await home.writeConfig(
      `[profile ci]\nrole_arn = arn:aws:iam::777788889999:role/CI\nsource_profile = default\nrole_session_name = builder\nduration_seconds = 1800\n`,
    );
    await home.writeCredentials(CREDENTIALS);
    const key = assumeRoleCacheKey({
      roleArn: 'arn:aws:iam::777788889999:role/CI',
      roleSessionName: 'builder',
      durationSeconds: 1800,
    });
    const expiration = new Date(Date.now() + 25 * 60_000);
    await mkdir(join(home.home, '.aws', 'cli', 'cache'), { recursive: true });
    await writeFile(
      join(home.home, '.aws', 'cli', 'cache', `${key}.json`),
      JSON.stringify({
        Credentials: {
          AccessKeyId: 'ASIA',
          SecretAccessKey: 's',
          SessionToken: 't',
          Expiration: expiration.toISOString(),
        },
        AssumedRoleUser: { Arn: 'arn:aws:sts::777788889999:assumed-role/CI/builder' },
      }),
    );
    const ci = profile((await startCore()).snapshot(), 'ci');
    expect(ci).toMatchObject({ kind: 'assume-role', status: 'valid' });
    expect(Math.abs(Date.parse(ci.expiresAt ?? '') - expiration.getTime())).toBeLessThan(1000);
  });

  it('keeps every other profile when one file is unreadable', async () => {
    home = await makeAwsHome();
    await home.writeConfig(CONFIG);
    await writeFile(home.credentialsFile, Buffer.from([0x00, 0xff, 0x13, 0x37, 0x00, 0x00, 0x42]));
    const s = (await startCore()).snapshot();
    expect(s.aws.problems.some((p) => p.file === home!.credentialsFile)).toBe(true);
    expect(profile(s, 'prod').kind).toBe('sso');
  });

  it('says so when the active profile does not exist', async () => {
    home = await makeAwsHome();
    await home.writeConfig(CONFIG);
    const s = (await startCore({ AWS_PROFILE: 'nope' })).snapshot();
    expect(s.aws.activeProfile).toBe('nope');
    expect(s.aws.problems.map((p) => p.message).join(' ')).toMatch(/nope/);
  });

  it('persists settings and applies the lead time at once', async () => {
    home = await makeAwsHome();
    await home.writeConfig(CONFIG);
    await home.writeToken('corp', validToken('https://corp.awsapps.com/start', Date.now() + 30 * 60_000));
    const c = await startCore();
    expect(profile(c.snapshot(), 'prod').status).toBe('valid'); // 30 min left, default lead time 15 min
    await c.updateSettings({ leadTimeMinutes: 45 });
    expect(c.snapshot().leadTimeMinutes).toBe(45);
    expect(profile(c.snapshot(), 'prod').status).toBe('expiring');
    await c.updateSettings({ leadTimeMinutes: 5 });
    expect(profile(c.snapshot(), 'prod').status).toBe('valid');
    await c.stop();
    core = createCore({
      env: { HOME: home.home, PATH: '' },
      homeDir: home.home,
      settingsFile: home.settingsFile,
      detectCli: false,
      watch: false,
    });
    await core.start();
    expect(core.settings().leadTimeMinutes).toBe(5);
  });
});
