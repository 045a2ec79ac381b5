// The core's sources, each alone: what it reads, what it asks to be watched, and (AWS) how it
// tells a file caught mid-write from one that is broken.
import { mkdir, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAwsReader, type AwsReader } from '../../../../electron/core/aws/aws-reader';
import { LastParse, readAwsInputs } from '../../../../electron/core/aws/aws-sources';
import { createGcpReader } from '../../../../electron/core/gcp/gcp-reader';
import { createSkyReader } from '../../../../electron/core/sky/sky-reader';
import { makeAwsHome, type AwsHome } from '../../../support/aws-home';
import {
  authorizedUserJson,
  gcloudExpiry,
  writeConfiguration,
  writeGcloudDatabases,
} from '../../../support/gcloud-fixtures';
import { owners, writeSkyState } from '../../../support/sky-state-fixtures';

let home: AwsHome | null = null;
let aws: AwsReader | null = null;
afterEach(async () => {
  await aws?.close();
  aws = null;
  await home?.cleanup();
  home = null;
});

const SSO_CONFIG =
  '[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Dev\n\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n';

describe('AWS reader', () => {
  it('watches the two files and the three caches, and reads them (on a worker thread or not)', async () => {
    home = await makeAwsHome();
    await home.writeConfig(SSO_CONFIG);
    for (const tokenWorker of [true, false]) {
      aws = createAwsReader({
        env: { AWS_CONFIG_FILE: '~/elsewhere/config' },
        homeDir: home.home,
        now: Date.now,
        tokenWorker,
      });
      expect(aws.watchTargets()).toEqual([
        { path: join(home.home, 'elsewhere', 'config'), kind: 'file' },
        { path: home.credentialsFile, kind: 'file' },
        { path: home.ssoCacheDir, kind: 'dir' },
        { path: join(home.home, '.aws', 'cli', 'cache'), kind: 'dir' },
        { path: join(home.home, '.aws', 'login', 'cache'), kind: 'dir' },
      ]);
      await aws.close();
      aws = createAwsReader({ env: {}, homeDir: home.home, now: Date.now, tokenWorker });
      const read = await aws.read();
      expect(read.parsed.profiles.map((p) => p.name)).toEqual(['dev']);
      expect(read.tokens.get('corp')?.missing).toBe(true);
      await aws.close();
    }
  });

  it('calls a new problem in a file written a moment ago half-written, and an old one not', async () => {
    home = await makeAwsHome();
    await home.writeConfig(SSO_CONFIG);
    let clock = Date.now();
    aws = createAwsReader({ env: {}, homeDir: home.home, now: () => clock, tokenWorker: false });
    const before = await aws.read();
    const token = await home.writeToken('corp', { startUrl: 'https://corp.awsapps.com/start' });
    await writeFile(token, '{"startUrl": "https://corp.awsapps.com/start", "accessTok');
    const torn = await aws.read();
    expect(torn.tokens.get('corp')?.problem).not.toBeNull();
    expect(await aws.looksHalfWritten(torn, before)).toBe(true);
    // The same problem as last time is not new.
    expect(await aws.looksHalfWritten(torn, torn)).toBe(false);
    // Long after the write, it is simply broken.
    clock += 5_000;
    await utimes(token, new Date(clock - 5_000), new Date(clock - 5_000));
    expect(await aws.looksHalfWritten(torn, before)).toBe(false);
  });
  it('takes its last parse again while the files read the same, and parses any edit again', async () => {
    home = await makeAwsHome();
    await home.writeConfig(SSO_CONFIG);
    await home.writeCredentials('[static]\naws_access_key_id = AKIA1\naws_secret_access_key = x\n');
    const written = new Date('2026-01-02T03:04:05Z');
    await utimes(home.configFile, written, written);
    aws = createAwsReader({ env: {}, homeDir: home.home, now: Date.now, tokenWorker: false });
    const first = await aws.read();
    expect(first.tokens.get('corp')?.missing).toBe(true);

    // An SSO login wrote a token: the token is read, the files' parse is the one already made.
    await home.writeToken('corp', { startUrl: 'https://corp.awsapps.com/start' });
    const afterLogin = await aws.read();
    expect(afterLogin.parsed).toBe(first.parsed);
    expect(afterLogin.tokens.get('corp')?.missing).toBe(false);
    expect(afterLogin).toEqual(await readAwsInputs({}, home.home, Date.now()));

    // An edit that keeps the file's size and times is still an edit.
    await home.writeConfig(SSO_CONFIG.replace('Dev', 'Ops'));
    await utimes(home.configFile, written, written);
    const after = await stat(home.configFile);
    expect([after.size, after.mtimeMs]).toEqual([SSO_CONFIG.length, written.getTime()]);
    const edited = await aws.read();
    expect(edited.parsed).not.toBe(first.parsed);
    expect(edited.parsed.profiles.find((p) => p.name === 'dev')?.roleName).toBe('Ops');
    expect(edited.parsed).toEqual((await readAwsInputs({}, home.home, Date.now())).parsed);

    // So is an edit of the credentials file.
    await home.writeCredentials('[static]\naws_access_key_id = AKIA2\naws_secret_access_key = x\n');
    const rekeyed = await aws.read();
    expect(rekeyed.parsed).not.toBe(edited.parsed);
    expect(rekeyed.parsed.profiles.find((p) => p.name === 'static')?.accessKeyId).toBe('AKIA2');
  });

  it('gives back the last parse only for exactly the same input', () => {
    const input = {
      configFile: '/h/.aws/config',
      credentialsFile: '/h/.aws/credentials',
      configText: '[default]\nregion = us-east-1\n',
      credentialsText: null,
      activeProfile: 'default',
    };
    const parsed = { profiles: [], ssoSessions: [], problems: [] };
    const last = new LastParse();
    expect(last.of(input)).toBeNull();
    last.remember(input, parsed);
    // Equal texts, not the same string objects, are the same input.
    expect(last.of({ ...input, configText: `[default]\n${'region = us-east-1\n'}` })).toBe(parsed);
    for (const other of [
      { configFile: '/h/other/config' },
      { credentialsFile: '/h/other/credentials' },
      { configText: '[default]\nregion = us-west-2\n' },
      { configText: null },
      { credentialsText: '' },
      { activeProfile: 'dev' },
    ])
      expect(last.of({ ...input, ...other })).toBeNull();
  });
});

describe('gcloud reader', () => {
  it("watches gcloud's folder and reads statuses with the lead time of the moment", async () => {
    home = await makeAwsHome();
    const gcloud = join(home.home, 'gcloud');
    await mkdir(gcloud, { recursive: true });
    await writeFile(join(gcloud, 'active_config'), 'default');
    await writeConfiguration(gcloud, 'default', '[core]\naccount = me@example.com\nproject = ml-dev\n');
    // No refresh token: the cached access token is all there is, so its expiry is the status.
    const { refresh_token: _none, ...noRefresh } = authorizedUserJson();
    await writeGcloudDatabases(gcloud, [
      {
        account: 'me@example.com',
        credential: noRefresh,
        tokenExpiry: gcloudExpiry(new Date(Date.now() + 30 * 60_000)),
      },
    ]);
    let lead = 15;
    const gcp = createGcpReader({
      env: { CLOUDSDK_CONFIG: gcloud },
      homeDir: home.home,
      platform: 'linux',
      now: Date.now,
      leadTimeMinutes: () => lead,
    });
    expect(gcp.watchTargets()).toContainEqual({ path: join(gcloud, 'configurations'), kind: 'dir' });
    expect(gcp.watchTargets()).toContainEqual({ path: join(gcloud, 'active_config'), kind: 'file' });
    expect((await gcp.read()).accounts.map((a) => a.status)).toEqual(['valid']);
    lead = 60;
    expect((await gcp.read()).accounts.map((a) => a.status)).toEqual(['expiring']);
  });
});

describe('SkyPilot reader', () => {
  it('watches the state, its journals and the config, and reads the clusters', async () => {
    home = await makeAwsHome();
    await writeSkyState(home.home, {
      schema: 'v0.10-alembic',
      rows: [{ name: 'train', status: 'UP', owner: owners.aws('AIDAEXAMPLE', '111122223333') }],
    });
    const config = join(home.home, 'sky.yaml');
    const sky = createSkyReader({ homeDir: home.home, env: { SKYPILOT_GLOBAL_CONFIG: config } });
    const state = join(home.home, '.sky', 'state.db');
    expect(sky.watchTargets().map((t) => t.path)).toEqual([state, `${state}-wal`, `${state}-journal`, config]);
    expect((await sky.read()).clusters.map((c) => c.name)).toEqual(['train']);
  });
});
