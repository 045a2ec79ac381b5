// The real gcloud (528) in a temporary CLOUDSDK_CONFIG, its token requests sent to a local
// Google token server that verifies JWT signatures, and Cloud Resource Manager to the same
// server. What gcloud itself reports must agree with what the app reads from the files.
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activateServiceAccount } from '../../../../electron/core/gcp/gcloud-activate';
import { probeGcloudUserCredentials } from '../../../../electron/core/gcp/gcloud-reauth-probe';
import { readGcpState } from '../../../../electron/core/gcp/gcp-state';
import { GoogleTokenServer } from '../../../support/google-token-server';
import { runGcloud, serviceAccountKey, tempDir, writeJson } from '../../../support/gcloud-fixtures';

let server: GoogleTokenServer;
beforeAll(async () => {
  server = await GoogleTokenServer.start();
});
afterAll(async () => {
  await server.close();
});

function gcloudEnv(configDir: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: configDir,
    CLOUDSDK_CONFIG: configDir,
    CLOUDSDK_CORE_DISABLE_USAGE_REPORTING: '1',
    CLOUDSDK_COMPONENT_MANAGER_DISABLE_UPDATE_CHECK: '1',
    CLOUDSDK_AUTH_TOKEN_HOST: server.tokenUrl,
    CLOUDSDK_API_ENDPOINT_OVERRIDES_CLOUDRESOURCEMANAGER: `${server.url}/`,
  };
}

const state = (configDir: string) =>
  readGcpState({ env: { CLOUDSDK_CONFIG: configDir }, homeDir: configDir, platform: 'linux', now: new Date() });

async function gcloudJson(args: string[], configDir: string): Promise<unknown> {
  const result = await runGcloud([...args, '--format=json'], configDir, gcloudEnv(configDir));
  expect(result.stderr).not.toContain('ERROR');
  return JSON.parse(result.stdout);
}

describe('activation through the real gcloud', { timeout: 240_000 }, () => {
  it('activates a key in a new configuration, leaves default alone, and agrees with gcloud auth/config list', async () => {
    const dir = await tempDir();
    const key = serviceAccountKey({ project_id: 'acme-prod' });
    server.registerServiceAccount(key.client_email, key.private_key, key.private_key_id);
    server.addProject('acme-prod');
    const keyFile = await writeJson(join(dir, '..', `${key.private_key_id}.json`), key);
    const result = await activateServiceAccount({
      keyFile,
      account: key.client_email,
      projectId: 'acme-prod',
      newConfiguration: true,
      env: gcloudEnv(dir),
    });
    expect(result.message).toBeNull();
    expect(result.ok).toBe(true);
    expect(result.configuration).toBe('deployer-acme-prod');

    const read = await state(dir);
    const auth = (await gcloudJson(['auth', 'list'], dir)) as Array<{ account: string; status: string }>;
    const config = (await gcloudJson(['config', 'list'], dir)) as { core: { account: string; project: string } };
    expect(auth).toEqual([{ account: key.client_email, status: 'ACTIVE' }]);
    expect(read.accounts.map((a) => a.account)).toEqual(auth.map((a) => a.account));
    expect(read.accounts[0]).toMatchObject({
      type: 'service_account',
      status: 'valid',
      tokenExpiresAt: expect.any(String),
    });
    const active = read.configurations.find((c) => c.active);
    expect(read.activeConfiguration).toBe('deployer-acme-prod');
    expect(active).toMatchObject({ account: config.core.account, project: config.core.project });
    expect(config.core).toMatchObject({ account: key.client_email, project: 'acme-prod' });
    expect(read.configurations.find((c) => c.name === 'default')).toMatchObject({ account: null, project: null });
    expect(read.problems).toEqual([]);
  });

  it("shows gcloud's own error when the key was deleted or disabled, and stores nothing", async () => {
    const dir = await tempDir();
    const key = serviceAccountKey({ project_id: 'acme-dev', keyIndex: 1 });
    server.registerServiceAccount(key.client_email, key.private_key, key.private_key_id);
    server.disableServiceAccountKey(key.client_email);
    const keyFile = await writeJson(join(dir, '..', `${key.private_key_id}.json`), key);
    const result = await activateServiceAccount({
      keyFile,
      account: key.client_email,
      projectId: 'acme-dev',
      env: gcloudEnv(dir),
    });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/^ERROR: \(gcloud\.auth\.activate-service-account\)/);
    expect(result.message).toContain('Invalid JWT Signature');
    expect((await state(dir)).accounts).toEqual([]);
  });
});

describe('activation warnings', { timeout: 240_000 }, () => {
  it("succeeds but passes on gcloud's warning when the account cannot see the project", async () => {
    const dir = await tempDir();
    const key = serviceAccountKey({ project_id: 'not-mine', keyIndex: 1 });
    server.registerServiceAccount(key.client_email, key.private_key, key.private_key_id);
    const keyFile = await writeJson(join(dir, '..', `${key.private_key_id}.json`), key);
    const result = await activateServiceAccount({
      keyFile,
      account: key.client_email,
      projectId: 'not-mine',
      env: gcloudEnv(dir),
    });
    expect(result.ok).toBe(true);
    expect(result.message).toMatch(/^WARNING: .*does not have permission to access projects instance \[not-mine\]/);
    expect((await state(dir)).configurations.find((c) => c.active)).toMatchObject({
      account: key.client_email,
      project: 'not-mine',
    });
  });
});

describe('the reader on directories gcloud wrote', { timeout: 240_000 }, () => {
  it('reads several configurations, a service account, a user credential and an ADC file', async () => {
    const dir = await tempDir();
    const env = gcloudEnv(dir);
    const key = serviceAccountKey({ project_id: 'acme-ci', keyIndex: 2 });
    server.registerServiceAccount(key.client_email, key.private_key, key.private_key_id);
    server.registerRefreshToken('1//user-token', { outcome: 'ok' });
    server.registerRefreshToken('1//reauth-token', { outcome: 'invalid_rapt' });
    const keyFile = await writeJson(join(dir, '..', `${key.private_key_id}.json`), key);
    const steps: string[][] = [
      ['auth', 'activate-service-account', `--key-file=${keyFile}`],
      ['config', 'configurations', 'create', 'staging', '--no-activate'],
      // (compute/region needs the Compute API to validate it; region and zone are covered on synthetic files)
      ['config', 'set', 'project', 'acme-staging', '--configuration=staging'],
      ['config', 'configurations', 'create', 'personal'],
      ['auth', 'activate-refresh-token', 'me@example.com', '1//user-token'],
      ['auth', 'activate-refresh-token', 'locked@example.com', '1//user-token'],
    ];
    for (const args of steps) {
      const run = await runGcloud(args, dir, env);
      expect(run.stderr).not.toContain('ERROR');
    }
    // gcloud wrote each user's ADC-format credential; use one as the ADC file.
    await copyFile(
      join(dir, 'legacy_credentials', 'me@example.com', 'adc.json'),
      join(dir, 'application_default_credentials.json'),
    );

    const read = await state(dir);
    const auth = (await gcloudJson(['auth', 'list'], dir)) as Array<{ account: string }>;
    const configs = (await gcloudJson(['config', 'configurations', 'list'], dir)) as Array<{
      name: string;
      is_active: boolean;
      properties: { core?: { account?: string; project?: string }; compute?: { region?: string; zone?: string } };
    }>;
    expect(read.accounts.map((a) => a.account)).toEqual(auth.map((a) => a.account).sort());
    expect(read.accounts.map((a) => [a.account, a.type, a.status])).toEqual([
      [key.client_email, 'service_account', 'valid'],
      ['locked@example.com', 'authorized_user', 'valid'],
      ['me@example.com', 'authorized_user', 'valid'],
    ]);
    expect(read.activeConfiguration).toBe('personal');
    expect(read.configurations).toEqual(
      configs
        .map((c) => ({
          name: c.name,
          active: c.is_active,
          account: c.properties.core?.account ?? null,
          project: c.properties.core?.project ?? null,
          region: c.properties.compute?.region ?? null,
          zone: c.properties.compute?.zone ?? null,
        }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    );
    expect(read.adc).toEqual({
      path: join(dir, 'application_default_credentials.json'),
      type: 'authorized_user',
      account: null,
      status: 'valid',
    });
    expect(read.problems).toEqual([]);

    // The refresh token Google now answers invalid_rapt for: the probe warns before gcloud fails.
    server.registerRefreshToken('1//user-token', { outcome: 'invalid_rapt' });
    const probes = await probeGcloudUserCredentials({
      env: { CLOUDSDK_CONFIG: dir, CLOUDSDK_AUTH_TOKEN_HOST: server.tokenUrl },
      homeDir: dir,
      platform: 'linux',
      accounts: ['locked@example.com'],
    });
    expect([...probes.entries()].map(([k, v]) => [k, v.status]).sort()).toEqual([
      ['adc', 'reauth-needed'],
      ['locked@example.com', 'reauth-needed'],
    ]);
    const probed = await readGcpState({
      env: { CLOUDSDK_CONFIG: dir },
      homeDir: dir,
      platform: 'linux',
      now: new Date(),
      probes,
    });
    expect(probed.accounts.find((a) => a.account === 'locked@example.com')?.status).toBe('reauth-needed');
    expect(probed.adc?.status).toBe('reauth-needed');
  });
});
