// readGcpState against directories built byte for byte like gcloud's, including broken ones.
import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGcpState, type ReadGcpStateOptions } from '../../../../electron/core/gcp/gcp-state';
import { writeKeyMetadata } from '../../../../electron/core/gcp/key-metadata-file';
import {
  authorizedUserJson,
  gcloudExpiry,
  serviceAccountKey,
  tempDir,
  writeConfiguration,
  writeGcloudDatabases,
  writeJson,
} from '../../../support/gcloud-fixtures';

const NOW = new Date('2026-11-26T05:00:00.000Z');

async function options(configDir: string, env: NodeJS.ProcessEnv = {}): Promise<ReadGcpStateOptions> {
  return {
    env: { CLOUDSDK_CONFIG: configDir, ...env },
    homeDir: await tempDir('cloudid-home-'),
    platform: 'linux',
    now: NOW,
  };
}

describe('readGcpState on files', () => {
  it('reads configurations, accounts, token expiry and overrides without leaking secrets', async () => {
    const dir = await tempDir();
    const key = serviceAccountKey({ project_id: 'acme' });
    await writeGcloudDatabases(dir, [
      {
        account: key.client_email,
        credential: { ...key },
        tokenExpiry: gcloudExpiry(new Date(NOW.getTime() - 60_000)),
      },
      {
        account: 'me@example.com',
        credential: authorizedUserJson('1//secret-refresh'),
        tokenExpiry: '2026-11-26 05:10:00.500000',
        raptToken: 'rapt-secret',
      },
      { account: 'broken@example.com', credential: '{not json' },
    ]);
    await writeConfiguration(dir, 'default', '[core]\naccount = me@example.com\nproject = p-default\n');
    await writeConfiguration(
      dir,
      'work',
      `[core]\naccount = ${key.client_email}\nproject = acme\n[compute]\nregion = europe-west1\nzone = europe-west1-b\n`,
    );
    await writeFile(join(dir, 'active_config'), 'work');
    const state = await readGcpState(await options(dir, { CLOUDSDK_CORE_PROJECT: 'from-env' }));
    expect(state.configDir).toBe(dir);
    expect(state.activeConfiguration).toBe('work');
    expect(state.configurations).toEqual([
      { name: 'default', active: false, account: 'me@example.com', project: 'p-default', region: null, zone: null },
      {
        name: 'work',
        active: true,
        account: key.client_email,
        project: 'from-env',
        region: 'europe-west1',
        zone: 'europe-west1-b',
      },
    ]);
    expect(state.overrides).toEqual([
      { variable: 'CLOUDSDK_CORE_PROJECT', property: 'core/project', value: 'from-env' },
    ]);
    expect(state.accounts).toEqual([
      { account: 'broken@example.com', type: null, tokenExpiresAt: null, status: 'error' },
      {
        account: key.client_email,
        type: 'service_account',
        tokenExpiresAt: '2026-11-26T04:59:00.000Z',
        status: 'valid',
      },
      {
        account: 'me@example.com',
        type: 'authorized_user',
        tokenExpiresAt: '2026-11-26T05:10:00.500Z',
        status: 'valid',
      },
    ]);
    expect(state.problems.some((p) => p.message.includes('broken@example.com'))).toBe(true);
    const json = JSON.stringify(state);
    for (const secret of ['PRIVATE KEY', 'secret-refresh', 'rapt-secret', 'ya29.']) expect(json).not.toContain(secret);
  });

  it('uses CLOUDSDK_ACTIVE_CONFIG_NAME over active_config, and reports an active configuration that does not exist', async () => {
    const dir = await tempDir();
    await writeConfiguration(dir, 'default', '[core]\nproject = p\n');
    await writeFile(join(dir, 'active_config'), 'default');
    const state = await readGcpState(await options(dir, { CLOUDSDK_ACTIVE_CONFIG_NAME: 'ghost' }));
    expect(state.activeConfiguration).toBe('ghost');
    expect(state.configurations.map((c) => [c.name, c.active])).toEqual([['default', false]]);
    expect(state.problems).toEqual([
      expect.objectContaining({ severity: 'error', message: expect.stringContaining('"ghost"') }),
    ]);
  });

  it('treats an empty or missing directory as gcloud does: default configuration, no accounts, no problems', async () => {
    const dir = join(await tempDir(), 'never-created');
    const state = await readGcpState(await options(dir));
    expect(state).toMatchObject({
      activeConfiguration: 'default',
      accounts: [],
      adc: null,
      googleApplicationCredentials: null,
      keys: [],
      problems: [],
    });
    expect(state.configurations).toEqual([
      { name: 'default', active: true, account: null, project: null, region: null, zone: null },
    ]);
  });

  it('reports a corrupt credentials.db as a problem and still reads the rest', async () => {
    const dir = await tempDir();
    await writeConfiguration(dir, 'default', '[core]\naccount = a@b.com\n');
    await writeFile(join(dir, 'credentials.db'), Buffer.from('SQLite format 3\u0000 but then garbage '.repeat(200)));
    await writeFile(join(dir, 'access_tokens.db'), 'not sqlite at all');
    const state = await readGcpState(await options(dir));
    expect(state.configurations[0]?.account).toBe('a@b.com');
    expect(state.accounts).toEqual([]);
    const messages = state.problems.map((p) => p.message).join('\n');
    expect(messages).toMatch(/credential store .*credentials\.db.* could not be read/);
    expect(messages).toMatch(/access-token cache .* could not be read/);
  });

  it('reports a database gcloud is writing (hot journal) as busy, not as corrupt', async () => {
    const dir = await tempDir();
    await writeGcloudDatabases(dir, [{ account: 'a@b.com', credential: authorizedUserJson() }]);
    await writeFile(join(dir, 'credentials.db-journal'), Buffer.alloc(512, 1));
    const state = await readGcpState(await options(dir));
    expect(state.problems).toEqual([
      expect.objectContaining({ severity: 'warning', message: expect.stringContaining('writing it right now') }),
    ]);
    // A journal left behind by a crashed writer gets its own advice.
    const old = new Date(Date.now() - 10 * 60_000);
    await utimes(join(dir, 'credentials.db-journal'), old, old);
    const stale = await readGcpState(await options(dir));
    expect(stale.problems).toEqual([
      expect.objectContaining({ severity: 'warning', message: expect.stringContaining('interrupted write') }),
    ]);
  });

  it('reports a database with the wrong layout', async () => {
    const dir = await tempDir();
    await writeGcloudDatabases(dir, []);
    // access_tokens.db written where credentials.db should be: a valid database, the wrong table.
    const { copyFile } = await import('node:fs/promises');
    await copyFile(join(dir, 'access_tokens.db'), join(dir, 'credentials.db'));
    const state = await readGcpState(await options(dir));
    expect(state.problems.map((p) => p.message).join()).toContain('not the layout gcloud writes');
  });

  it('derives expiry status for credentials that cannot renew themselves', async () => {
    const dir = await tempDir();
    const inMinutes = (m: number): string => gcloudExpiry(new Date(NOW.getTime() + m * 60_000));
    await writeGcloudDatabases(dir, [
      {
        account: 'soon@example.com',
        credential: { type: 'authorized_user', client_id: 'c' },
        tokenExpiry: inMinutes(5),
      },
      {
        account: 'gone@example.com',
        credential: { type: 'authorized_user', client_id: 'c' },
        tokenExpiry: inMinutes(-5),
      },
      {
        account: 'later@example.com',
        credential: { type: 'authorized_user', client_id: 'c' },
        tokenExpiry: inMinutes(120),
      },
      { account: 'never@example.com', credential: { type: 'authorized_user', client_id: 'c' } },
    ]);
    const state = await readGcpState(await options(dir));
    expect(Object.fromEntries(state.accounts.map((a) => [a.account, a.status]))).toEqual({
      'soon@example.com': 'expiring',
      'gone@example.com': 'expired',
      'later@example.com': 'valid',
      'never@example.com': 'unknown',
    });
  });

  it('applies reauth probe results to accounts and to the ADC file', async () => {
    const dir = await tempDir();
    await writeGcloudDatabases(dir, [
      { account: 'a@example.com', credential: authorizedUserJson('1//a') },
      { account: 'b@example.com', credential: authorizedUserJson('1//b') },
    ]);
    await writeJson(join(dir, 'application_default_credentials.json'), authorizedUserJson('1//adc'));
    const probes = new Map([
      [
        'a@example.com',
        {
          status: 'reauth-needed' as const,
          subtype: 'invalid_rapt' as const,
          checkedAt: NOW.toISOString(),
          message: 'm',
        },
      ],
      ['b@example.com', { status: 'revoked' as const, checkedAt: NOW.toISOString(), message: 'm' }],
      ['adc', { status: 'revoked' as const, checkedAt: NOW.toISOString(), message: 'm' }],
    ]);
    const state = await readGcpState({ ...(await options(dir)), probes });
    expect(state.accounts.map((a) => a.status)).toEqual(['reauth-needed', 'revoked']);
    expect(state.adc).toEqual({
      path: join(dir, 'application_default_credentials.json'),
      type: 'authorized_user',
      account: null,
      status: 'revoked',
    });
  });

  it('describes the ADC file of each type, and a broken one as an error', async () => {
    const adcPath = (dir: string): string => join(dir, 'application_default_credentials.json');
    const key = serviceAccountKey({ project_id: 'adc-proj' });
    const sa = await tempDir();
    await writeJson(adcPath(sa), key);
    expect((await readGcpState(await options(sa))).adc).toEqual({
      path: adcPath(sa),
      type: 'service_account',
      account: key.client_email,
      status: 'valid',
    });
    const impersonated = await tempDir();
    await writeJson(adcPath(impersonated), {
      type: 'impersonated_service_account',
      service_account_impersonation_url:
        'https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/runner@p.iam.gserviceaccount.com:generateAccessToken',
      source_credentials: authorizedUserJson(),
    });
    expect((await readGcpState(await options(impersonated))).adc).toMatchObject({
      type: 'impersonated_service_account',
      account: 'runner@p.iam.gserviceaccount.com',
      status: 'valid',
    });
    const broken = await tempDir();
    await writeJson(adcPath(broken), {
      ...key,
      private_key: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n',
    });
    const state = await readGcpState(await options(broken));
    expect(state.adc).toMatchObject({ type: 'service_account', status: 'error' });
    expect(state.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: adcPath(broken),
        message: expect.stringContaining('private_key'),
      }),
    ]);
    const notJson = await tempDir();
    await writeFile(adcPath(notJson), '{"type": "authorized_user",');
    expect((await readGcpState(await options(notJson))).adc).toEqual({
      path: adcPath(notJson),
      type: null,
      account: null,
      status: 'error',
    });
  });

  it('describes GOOGLE_APPLICATION_CREDENTIALS: valid key, missing file, wrong file', async () => {
    const dir = await tempDir();
    const key = serviceAccountKey({ project_id: 'gac-proj' });
    const keyPath = await writeJson(join(dir, 'key.json'), key);
    const valid = await readGcpState(await options(dir, { GOOGLE_APPLICATION_CREDENTIALS: keyPath }));
    expect(valid.googleApplicationCredentials).toEqual({
      path: keyPath,
      valid: true,
      account: key.client_email,
      project: 'gac-proj',
      problem: null,
    });
    const missing = await readGcpState(await options(dir, { GOOGLE_APPLICATION_CREDENTIALS: join(dir, 'nope.json') }));
    expect(missing.googleApplicationCredentials).toMatchObject({
      valid: false,
      problem: expect.stringContaining('does not exist'),
    });
    const clientSecret = await writeJson(join(dir, 'client.json'), { installed: { client_id: 'x' } });
    const wrong = await readGcpState(await options(dir, { GOOGLE_APPLICATION_CREDENTIALS: clientSecret }));
    expect(wrong.googleApplicationCredentials).toMatchObject({
      valid: false,
      problem: expect.stringContaining('not a Google credential'),
    });
    const badKey = await writeJson(join(dir, 'bad.json'), { ...key, private_key: 'nope' });
    const bad = await readGcpState(await options(dir, { GOOGLE_APPLICATION_CREDENTIALS: badKey }));
    expect(bad.googleApplicationCredentials).toMatchObject({
      valid: false,
      account: key.client_email,
      problem: expect.stringContaining('private_key'),
    });
  });

  it('lists imported keys from the app settings with their folder path', async () => {
    const dir = await tempDir();
    const appData = await tempDir('cloudid-app-');
    await mkdir(join(appData, 'keys'));
    await writeKeyMetadata(appData, [
      { keyId: 'abc123', account: 'sa@p.iam.gserviceaccount.com', project: 'p', importedAt: NOW.toISOString() },
    ]);
    const state = await readGcpState({ ...(await options(dir)), appDataDir: appData });
    expect(state.keys).toEqual([
      {
        keyId: 'abc123',
        account: 'sa@p.iam.gserviceaccount.com',
        project: 'p',
        path: join(appData, 'keys', 'abc123.json'),
        importedAt: NOW.toISOString(),
      },
    ]);
  });
});
