// The window's Google Cloud operations over the real core: the REAL keychain (gnome-keyring in
// dbus-run-session, as scripts/test.sh sets up), the real gcloud in a temporary CLOUDSDK_CONFIG
// with its token and Cloud Resource Manager calls sent to a local Google token server, and real
// shell profiles in a temporary home. What gcloud itself reports must agree with the snapshot.
import { existsSync } from 'node:fs';
import { appendFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/app/core';
import { createGcpHandlers, type GcpHandlerOptions } from '../../../../electron/core/app/gcp-handlers';
import type { ShellServices } from '../../../../electron/core/app/operation-handlers';
import { KeytarSecretStore } from '../../../../electron/core/secrets/keytar-secret-store';
import { SecretStoreUnavailableError, type SecretStore } from '../../../../electron/core/secrets/secret-store';
import { parseInput } from '../../../../electron/shared/contract';
import { GoogleTokenServer } from '../../../support/google-token-server';
import {
  authorizedUserJson,
  runGcloud,
  serviceAccountKey,
  tempDir,
  writeConfiguration,
  writeGcloudDatabases,
  writeJson,
  wrongFiles,
  type ServiceAccountKeyJson,
} from '../../../support/gcloud-fixtures';

let google: GoogleTokenServer;
const cores: Core[] = [];
beforeAll(async () => {
  google = await GoogleTokenServer.start();
});
afterEach(async () => {
  for (const core of cores.splice(0)) await core.stop();
});
afterAll(async () => {
  await google.close();
});

interface Setup {
  home: string;
  gcloudDir: string;
  appDataDir: string;
  core: Core;
  handlers: ReturnType<typeof createGcpHandlers>;
  picked: { path: string | null };
}

async function setup(
  options: GcpHandlerOptions & { shellEnv?: NodeJS.ProcessEnv; noPicker?: boolean } = {},
): Promise<Setup> {
  const home = await tempDir('cloudid-gcp-app-');
  const gcloudDir = join(home, 'gcloud');
  const appDataDir = join(home, 'app-data');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    CLOUDSDK_CONFIG: gcloudDir,
    CLOUDSDK_CORE_DISABLE_USAGE_REPORTING: '1',
    CLOUDSDK_COMPONENT_MANAGER_DISABLE_UPDATE_CHECK: '1',
    CLOUDSDK_AUTH_TOKEN_HOST: google.tokenUrl,
    CLOUDSDK_API_ENDPOINT_OVERRIDES_CLOUDRESOURCEMANAGER: `${google.url}/`,
    ...options.shellEnv,
  };
  const core = createCore({
    env,
    homeDir: home,
    settingsFile: join(home, 'settings.json'),
    appDataDir,
    watch: false,
    detectCli: false,
  });
  cores.push(core);
  await core.start();
  const picked: { path: string | null } = { path: null };
  const shell: ShellServices = {
    copyText: () => undefined,
    ...(options.noPicker ? {} : { pickFile: async () => picked.path }),
  };
  const handlers = createGcpHandlers({ core, shell, emit: () => undefined }, options);
  return { home, gcloudDir, appDataDir, core, handlers, picked };
}

function registeredKey(project: string, keyIndex = 0): ServiceAccountKeyJson {
  const key = serviceAccountKey({ project_id: project, keyIndex });
  key.token_uri = google.tokenUrl;
  google.registerServiceAccount(key.client_email, key.private_key, key.private_key_id);
  google.addProject(project);
  return key;
}

const gcloudJson = async (args: string[], dir: string): Promise<unknown> =>
  JSON.parse((await runGcloud([...args, '--format=json'], dir)).stdout);

describe('gcpImportKey with the real keychain and gcloud', { timeout: 240_000 }, () => {
  it('imports, activates in the current configuration when asked, and gcloud agrees with the snapshot; undo, verify and remove', async () => {
    const app = await setup();
    const key = registeredKey('acme-prod');
    const download = await writeJson(join(app.home, 'acme-prod-key.json'), key);
    // What the user had: the project first, so gcloud does not look it up.
    expect((await runGcloud(['config', 'set', 'project', 'my-own-proj'], app.gcloudDir)).code).toBe(0);
    expect((await runGcloud(['config', 'set', 'account', 'me@example.com'], app.gcloudDir)).code).toBe(0);
    const outcome = await app.handlers.gcpImportKey({ path: download, activate: true, ownConfiguration: false });
    expect(outcome).toMatchObject({
      status: 'imported',
      source: download,
      sourceRemoved: false,
      key: {
        keyId: key.private_key_id,
        account: key.client_email,
        project: 'acme-prod',
        path: join(app.appDataDir, 'keys', `${key.private_key_id}.json`),
      },
      activation: {
        ok: true,
        account: key.client_email,
        project: 'acme-prod',
        configuration: 'default',
        createdConfiguration: false,
        previous: { configuration: 'default', account: 'me@example.com', project: 'my-own-proj' },
        undoId: expect.any(String),
        message: null,
      },
    });
    // No key material in what the window receives.
    expect(JSON.stringify(outcome)).not.toContain('PRIVATE KEY');
    expect((await stat(join(app.appDataDir, 'keys', `${key.private_key_id}.json`))).mode & 0o777).toBe(0o600);
    expect(await new KeytarSecretStore().get('Cloud Identity Tray', key.private_key_id)).toBe(
      join(app.appDataDir, 'keys', `${key.private_key_id}.json`),
    );

    const gcp = app.core.snapshot().gcp!;
    expect(gcp.keys.map((k) => k.keyId)).toEqual([key.private_key_id]);
    const auth = (await gcloudJson(['auth', 'list'], app.gcloudDir)) as Array<{ account: string; status: string }>;
    const config = (await gcloudJson(['config', 'list'], app.gcloudDir)) as {
      core: { account: string; project: string };
    };
    expect(auth).toEqual([{ account: key.client_email, status: 'ACTIVE' }]);
    expect(gcp.configurations.find((c) => c.active)).toMatchObject({
      name: 'default',
      account: config.core.account,
      project: config.core.project,
    });
    expect(gcp.accounts).toEqual([
      expect.objectContaining({ account: key.client_email, type: 'service_account', status: 'valid' }),
    ]);

    // Undo puts the account and project back, exactly, and only once.
    const undoId = outcome.status === 'imported' ? (outcome.activation?.undoId ?? '') : '';
    const undone = await app.handlers.gcpUndoActivation({ undoId });
    expect(undone).toMatchObject({
      ok: true,
      restored: { configuration: 'default', account: 'me@example.com', project: 'my-own-proj' },
      message: null,
    });
    expect(undone.commands.map((c) => c.command)).toEqual([
      'gcloud config unset account --configuration=default',
      'gcloud config set project my-own-proj --configuration=default',
      'gcloud config set account me@example.com --configuration=default',
    ]);
    const restored = (await gcloudJson(['config', 'list'], app.gcloudDir)) as { core: Record<string, string> };
    expect(restored.core).toMatchObject({ account: 'me@example.com', project: 'my-own-proj' });
    expect(app.core.snapshot().gcp?.configurations.find((c) => c.active)).toMatchObject({
      account: 'me@example.com',
      project: 'my-own-proj',
    });
    expect(await app.handlers.gcpUndoActivation({ undoId })).toMatchObject({ ok: false, restored: null });

    expect(await app.handlers.gcpVerifyKey({ keyId: key.private_key_id })).toMatchObject({
      ok: true,
      account: key.client_email,
    });

    // The same key dropped again is recognised; the download can then be deleted, once.
    expect((await app.handlers.gcpImportKey({ path: download })).status).toBe('duplicate');
    expect(await app.handlers.gcpDeleteDownload({ keyId: key.private_key_id, path: download })).toEqual({
      deleted: true,
      message: null,
    });
    expect(existsSync(download)).toBe(false);
    expect(await app.handlers.gcpDeleteDownload({ keyId: key.private_key_id, path: download })).toMatchObject({
      deleted: false,
    });

    expect(await app.handlers.gcpRemoveKey({ keyId: key.private_key_id })).toEqual({
      removed: true,
      message: null,
      profilesWritten: [],
    });
    expect(await new KeytarSecretStore().get('Cloud Identity Tray', key.private_key_id)).toBeNull();
    expect(existsSync(join(app.appDataDir, 'keys', `${key.private_key_id}.json`))).toBe(false);
    expect(app.core.snapshot().gcp?.keys).toEqual([]);
    expect(await app.handlers.gcpRemoveKey({ keyId: key.private_key_id })).toMatchObject({ removed: false });
    expect(await app.handlers.gcpVerifyKey({ keyId: key.private_key_id })).toMatchObject({
      ok: false,
      kind: 'not-imported',
    });
  });

  it('a dropped key is activated in a configuration of its own by default; the current one is untouched', async () => {
    const app = await setup();
    const key = registeredKey('acme-own', 3);
    expect((await runGcloud(['config', 'set', 'project', 'my-own-proj'], app.gcloudDir)).code).toBe(0);
    expect((await runGcloud(['config', 'set', 'account', 'me@example.com'], app.gcloudDir)).code).toBe(0);
    const outcome = await app.handlers.gcpImportKey({
      path: await writeJson(join(app.home, 'k.json'), key),
      activate: true,
    });
    expect(outcome).toMatchObject({
      status: 'imported',
      activation: {
        ok: true,
        configuration: 'deployer-acme-own',
        createdConfiguration: true,
        previous: null,
        undoId: null,
      },
    });
    const gcp = app.core.snapshot().gcp!;
    expect(gcp.activeConfiguration).toBe('deployer-acme-own');
    expect(gcp.configurations.find((c) => c.name === 'default')).toMatchObject({
      account: 'me@example.com',
      project: 'my-own-proj',
    });
    await app.handlers.gcpRemoveKey({ keyId: key.private_key_id });
  });

  it('removing a key that GOOGLE_APPLICATION_CREDENTIALS points at: refused without a preview, then the block and the key go', async () => {
    const app = await setup();
    const key = registeredKey('acme-rm', 4);
    const bashrc = join(app.home, '.bashrc');
    await writeFile(bashrc, 'alias k=kubectl\n');
    await app.handlers.gcpImportKey({ path: await writeJson(join(app.home, 'k.json'), key) });
    const set = await app.handlers.gcpShellProfilesPreview({ keyId: key.private_key_id });
    expect(await app.handlers.gcpShellProfilesApply({ previewId: set.previewId })).toMatchObject({ ok: true });
    const withBlock = await readFile(bashrc, 'utf8');

    expect(await app.handlers.gcpRemoveKey({ keyId: key.private_key_id })).toMatchObject({
      removed: false,
      message: expect.stringContaining('Preview its removal first'),
    });
    expect(await readFile(bashrc, 'utf8')).toBe(withBlock);
    expect(app.core.snapshot().gcp?.keys).toHaveLength(1);

    const preview = await app.handlers.gcpRemoveKeyPreview({ keyId: key.private_key_id });
    expect(preview.edits).toEqual([
      expect.objectContaining({ path: bashrc, action: 'remove', currentKeyPath: set.keyPath, problem: null }),
    ]);
    expect(await app.handlers.gcpRemoveKey({ keyId: key.private_key_id, previewId: preview.previewId })).toEqual({
      removed: true,
      message: null,
      profilesWritten: [{ path: bashrc, backupPath: `${bashrc}.cloudid-backup` }],
    });
    expect(await readFile(bashrc, 'utf8')).toBe('alias k=kubectl\n');
    expect(app.core.snapshot().gcp?.keys).toEqual([]);
  });

  it('activates in a configuration of its own, leaves default alone, then switches back; gcloud agrees', async () => {
    const app = await setup();
    const key = registeredKey('acme-ml', 1);
    const source = await writeJson(join(app.home, 'k.json'), key);
    const imported = await app.handlers.gcpImportKey({ path: source, removeSource: true });
    expect(imported).toMatchObject({ status: 'imported', sourceRemoved: true, activation: null });
    expect(existsSync(source)).toBe(false);

    const activation = await app.handlers.gcpActivateKey({ keyId: key.private_key_id, ownConfiguration: true });
    expect(activation).toMatchObject({
      ok: true,
      configuration: 'deployer-acme-ml',
      createdConfiguration: true,
      project: 'acme-ml',
    });
    expect(activation.commands.map((c) => c.command)).toEqual([
      // Quoted as sh needs it (shell-commands.ts), so the line can be pasted and run again.
      "gcloud config configurations list '--format=value(name)'",
      'gcloud config configurations create deployer-acme-ml --activate',
      `gcloud auth activate-service-account ${key.client_email} --key-file=${join(app.appDataDir, 'keys', `${key.private_key_id}.json`)}`,
      'gcloud config set project acme-ml',
    ]);
    let gcp = app.core.snapshot().gcp!;
    expect(gcp.activeConfiguration).toBe('deployer-acme-ml');
    expect(gcp.configurations.find((c) => c.name === 'default')).toMatchObject({ account: null, project: null });

    expect(await app.handlers.gcpSwitchConfiguration({ name: 'default' })).toEqual({
      ok: true,
      name: 'default',
      warning: null,
    });
    gcp = app.core.snapshot().gcp!;
    expect(gcp.activeConfiguration).toBe('default');
    const listed = (await gcloudJson(['config', 'configurations', 'list'], app.gcloudDir)) as Array<{
      name: string;
      is_active: boolean;
    }>;
    expect(listed.find((c) => c.is_active)?.name).toBe('default');

    const missing = await app.handlers.gcpSwitchConfiguration({ name: 'nope' });
    expect(missing).toMatchObject({ ok: false, name: 'nope' });
    expect(missing.ok === false && missing.message).toContain('nope');
  });

  it("shows gcloud's own error when the key was disabled, and Verify says so", async () => {
    const app = await setup();
    const key = registeredKey('acme-dev', 2);
    google.disableServiceAccountKey(key.client_email);
    const outcome = await app.handlers.gcpImportKey({
      path: await writeJson(join(app.home, 'k.json'), key),
      activate: true,
    });
    expect(outcome.status).toBe('imported');
    if (outcome.status !== 'imported') return;
    expect(outcome.activation?.ok).toBe(false);
    expect(outcome.activation?.message).toMatch(/^ERROR: \(gcloud\.auth\.activate-service-account\)/);
    expect(outcome.activation?.message).toContain('Invalid JWT Signature');
    expect(app.core.snapshot().gcp?.accounts).toEqual([]);
    const verdict = await app.handlers.gcpVerifyKey({ keyId: key.private_key_id });
    expect(verdict).toMatchObject({ ok: false, kind: 'key-disabled' });
    await app.handlers.gcpRemoveKey({ keyId: key.private_key_id });
  });

  it('puts gcloud back on the configuration it was on when activating in a new one fails', async () => {
    const app = await setup();
    const key = registeredKey('acme-qa', 3);
    google.disableServiceAccountKey(key.client_email);
    const outcome = await app.handlers.gcpImportKey({
      path: await writeJson(join(app.home, 'k.json'), key),
      activate: true,
      ownConfiguration: true,
    });
    if (outcome.status !== 'imported') throw new Error(outcome.status);
    expect(outcome.activation).toMatchObject({
      ok: false,
      configuration: 'deployer-acme-qa',
      createdConfiguration: false,
    });
    expect(outcome.activation?.message).toContain('Invalid JWT Signature');
    expect(outcome.activation?.message).toContain(
      'gcloud is back on configuration “default” (the new “deployer-acme-qa” was removed).',
    );
    expect(outcome.activation?.commands.slice(-2).map((c) => [c.command, c.exitCode])).toEqual([
      ['gcloud config configurations activate default', 0],
      ['gcloud config configurations delete deployer-acme-qa --quiet', 0],
    ]);
    expect(app.core.snapshot().gcp?.activeConfiguration).toBe('default');
    const listed = (await gcloudJson(['config', 'configurations', 'list'], app.gcloudDir)) as Array<{
      name: string;
      is_active: boolean;
    }>;
    expect(listed.map((c) => [c.name, c.is_active])).toEqual([['default', true]]);
    await app.handlers.gcpRemoveKey({ keyId: key.private_key_id });
  });

  it('refuses every wrong kind of file with its own reason and keeps nothing', async () => {
    const app = await setup();
    const dir = await tempDir();
    const reasons: Record<string, string> = {};
    for (const [name, bytes] of Object.entries(wrongFiles())) {
      const path = join(dir, name);
      await writeFile(path, bytes);
      const outcome = await app.handlers.gcpImportKey({ path, activate: true });
      if (outcome.status !== 'rejected') throw new Error(`${name} was ${outcome.status}`);
      reasons[name] = outcome.reason;
      expect(outcome.message.length).toBeGreaterThan(10);
    }
    expect(reasons).toMatchObject({
      'client_secret.json': 'oauth-client-secret',
      'web_client.json': 'oauth-client-secret',
      'adc_user.json': 'authorized-user',
      'workload_identity.json': 'external-account',
      'impersonated.json': 'impersonated-service-account',
      'key.p12': 'p12',
      'truncated.json': 'truncated',
      'huge.json': 'too-large',
      'binary.json': 'binary',
    });
    expect(existsSync(join(app.appDataDir, 'keys'))).toBe(false);
    expect(app.core.snapshot().gcp?.keys).toEqual([]);
    expect(existsSync(app.gcloudDir) ? await gcloudJson(['auth', 'list'], app.gcloudDir) : []).toEqual([]);
  });
});

describe('gcpProbeReauth', () => {
  it('asks the token endpoint now and the snapshot then says which sign-in needs renewing', async () => {
    const app = await setup();
    google.registerRefreshToken('1//probe-alice', { outcome: 'rapt_required' });
    google.registerRefreshToken('1//probe-bob', { outcome: 'ok' });
    await mkdir(app.gcloudDir, { recursive: true });
    await writeGcloudDatabases(app.gcloudDir, [
      { account: 'alice@example.com', credential: authorizedUserJson('1//probe-alice', google.tokenUrl) },
      { account: 'bob@example.com', credential: authorizedUserJson('1//probe-bob', google.tokenUrl) },
    ]);
    await writeConfiguration(app.gcloudDir, 'default', '[core]\naccount = alice@example.com\n');
    await app.core.reload();
    expect(app.core.snapshot().gcp?.accounts.map((a) => [a.account, a.status])).toEqual([
      ['alice@example.com', 'valid'],
      ['bob@example.com', 'valid'],
    ]);
    expect(await app.handlers.gcpProbeReauth()).toEqual({ probed: true });
    expect(app.core.snapshot().gcp?.accounts.map((a) => [a.account, a.status])).toEqual([
      ['alice@example.com', 'reauth-needed'],
      ['bob@example.com', 'valid'],
    ]);
  });
});

describe('gcp operations without a keychain, a picker, or a matching download', () => {
  const unavailable: SecretStore = {
    get: async () => {
      throw new SecretStoreUnavailableError('org.freedesktop.secrets was not provided by any .service files');
    },
    set: async () => {
      throw new SecretStoreUnavailableError('unreachable');
    },
    delete: async () => {
      throw new SecretStoreUnavailableError('unreachable');
    },
  };

  it('says plainly that there is no keychain, and writes nothing at all', async () => {
    const app = await setup({ secrets: unavailable });
    const key = serviceAccountKey({ project_id: 'nokeychain' });
    const outcome = await app.handlers.gcpImportKey({
      path: await writeJson(join(app.home, 'k.json'), key),
      activate: true,
    });
    expect(outcome).toMatchObject({ status: 'keychain-unavailable' });
    expect(outcome.status === 'keychain-unavailable' && outcome.message).toContain('The OS keychain is not available');
    expect(existsSync(join(app.appDataDir, 'keys'))).toBe(false);
    expect(existsSync(join(app.appDataDir, 'gcp-keys.json'))).toBe(false);
    expect(await app.handlers.gcpVerifyKey({ keyId: key.private_key_id })).toMatchObject({
      ok: false,
      kind: 'not-imported',
    });
    expect(await app.handlers.gcpRemoveKey({ keyId: key.private_key_id })).toMatchObject({
      removed: false,
      message: expect.stringContaining('keychain is not available'),
    });
  });

  it('refuses a different key under an imported key id, naming both accounts; a BOM download is still "the same file"', async () => {
    const app = await setup();
    const old = serviceAccountKey({ project_id: 'old-proj' });
    const other = serviceAccountKey({ project_id: 'new-proj', private_key_id: old.private_key_id, keyIndex: 1 });
    const download = join(app.home, 'old.json');
    await writeFile(download, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(old))]));
    expect((await app.handlers.gcpImportKey({ path: download })).status).toBe('imported');
    const outcome = await app.handlers.gcpImportKey({ path: await writeJson(join(app.home, 'new.json'), other) });
    expect(outcome).toMatchObject({
      status: 'rejected',
      reason: 'key-id-conflict',
      message: expect.stringContaining(old.client_email),
    });
    expect(outcome.status === 'rejected' && outcome.message).toContain(other.client_email);
    expect(await app.handlers.gcpDeleteDownload({ keyId: old.private_key_id, path: download })).toEqual({
      deleted: true,
      message: null,
    });
    await app.handlers.gcpRemoveKey({ keyId: old.private_key_id });
  });

  it('returns what the picker chose, or null without one', async () => {
    const app = await setup();
    app.picked.path = '/home/u/Downloads/key.json';
    expect(await app.handlers.gcpPickKeyFile()).toEqual({ path: '/home/u/Downloads/key.json' });
    const noPicker = await setup({ noPicker: true });
    expect(await noPicker.handlers.gcpPickKeyFile()).toEqual({ path: null });
  });

  it('never deletes a "download" that is not byte for byte the imported key', async () => {
    const app = await setup();
    const key = serviceAccountKey({ project_id: 'keep' });
    const download = await writeJson(join(app.home, 'k.json'), key);
    const outcome = await app.handlers.gcpImportKey({ path: download });
    expect(outcome.status).toBe('imported');
    await appendFile(download, '\n');
    const refused = await app.handlers.gcpDeleteDownload({ keyId: key.private_key_id, path: download });
    expect(refused).toMatchObject({ deleted: false, message: expect.stringContaining('not the same file') });
    expect(existsSync(download)).toBe(true);
    const own = join(app.appDataDir, 'keys', `${key.private_key_id}.json`);
    expect(await app.handlers.gcpDeleteDownload({ keyId: key.private_key_id, path: own })).toMatchObject({
      deleted: false,
    });
    expect(existsSync(own)).toBe(true);
    await app.handlers.gcpRemoveKey({ keyId: key.private_key_id });
  });
});

describe('GOOGLE_APPLICATION_CREDENTIALS in shell profiles: preview, then apply', () => {
  it('previews the exact lines per profile, applies exactly that, and removes it again byte for byte', async () => {
    const app = await setup({ shellEnv: { SHELL: '/usr/bin/zsh' } });
    const bashrc = join(app.home, '.bashrc');
    const original = '# mine\r\nexport PATH="$HOME/bin:$PATH"\r\n';
    await writeFile(bashrc, original);
    const key = serviceAccountKey({ project_id: 'shell' });
    await app.handlers.gcpImportKey({ path: await writeJson(join(app.home, 'k.json'), key) });
    const stored = join(app.appDataDir, 'keys', `${key.private_key_id}.json`);

    const preview = await app.handlers.gcpShellProfilesPreview({ keyId: key.private_key_id });
    expect(preview.keyPath).toBe(stored);
    expect(preview.edits.map((e) => [e.shell, e.path, e.action])).toEqual([
      ['bash', bashrc, 'add'],
      ['zsh', join(app.home, '.zshrc'), 'create'],
    ]);
    expect(preview.edits[0]?.lines).toContain(`export GOOGLE_APPLICATION_CREDENTIALS='${stored}'`);
    expect(await readFile(bashrc, 'utf8')).toBe(original);

    const applied = await app.handlers.gcpShellProfilesApply({ previewId: preview.previewId });
    expect(applied).toMatchObject({ ok: true, written: [{ path: bashrc }, { path: join(app.home, '.zshrc') }] });
    const after = await readFile(bashrc, 'utf8');
    expect(after.startsWith(original)).toBe(true);
    expect(after).toContain(`export GOOGLE_APPLICATION_CREDENTIALS='${stored}'\r\n`);
    // A preview is applied once.
    expect(await app.handlers.gcpShellProfilesApply({ previewId: preview.previewId })).toMatchObject({ ok: false });

    const again = await app.handlers.gcpShellProfilesPreview({ keyId: key.private_key_id });
    expect(again.edits.map((e) => e.action)).toEqual(['unchanged', 'unchanged']);

    const removal = await app.handlers.gcpShellProfilesPreview({ keyId: null });
    expect(removal.edits.map((e) => e.action)).toEqual(['remove', 'remove']);
    expect(await app.handlers.gcpShellProfilesApply({ previewId: removal.previewId })).toMatchObject({ ok: true });
    expect(await readFile(bashrc, 'utf8')).toBe(original);
    await app.handlers.gcpRemoveKey({ keyId: key.private_key_id });
  });

  it('refuses to apply when a profile changed after the preview, and writes nothing', async () => {
    const app = await setup();
    const bashrc = join(app.home, '.bashrc');
    await writeFile(bashrc, 'alias ll="ls -l"\n');
    const key = serviceAccountKey({ project_id: 'race' });
    await app.handlers.gcpImportKey({ path: await writeJson(join(app.home, 'k.json'), key) });
    const preview = await app.handlers.gcpShellProfilesPreview({ keyId: key.private_key_id });
    await appendFile(bashrc, 'alias la="ls -a"\n');
    const refused = await app.handlers.gcpShellProfilesApply({ previewId: preview.previewId });
    expect(refused).toMatchObject({ ok: false, message: expect.stringContaining('Preview the change again') });
    expect(await readFile(bashrc, 'utf8')).toBe('alias ll="ls -l"\nalias la="ls -a"\n');
    await expect(app.handlers.gcpShellProfilesPreview({ keyId: 'not-imported' })).rejects.toThrow(
      'No imported key has the id not-imported',
    );
    await app.handlers.gcpRemoveKey({ keyId: key.private_key_id });
  });
});

describe('the contract checks every GCP argument', () => {
  it('accepts absolute paths and key ids, refuses the rest', () => {
    expect(parseInput('gcpImportKey', { path: '/home/u/Downloads/k.json', activate: true })).toEqual({
      path: '/home/u/Downloads/k.json',
      activate: true,
    });
    expect(parseInput('gcpImportKey', { path: 'C:\\Users\\u\\k.json' })).toEqual({ path: 'C:\\Users\\u\\k.json' });
    expect(() => parseInput('gcpImportKey', { path: 'k.json' })).toThrow();
    expect(() => parseInput('gcpImportKey', { path: '/a\nb' })).toThrow();
    expect(() => parseInput('gcpImportKey', { path: '/k.json', extra: 1 })).toThrow();
    expect(() => parseInput('gcpRemoveKey', { keyId: '../../etc/passwd' })).toThrow();
    expect(() => parseInput('gcpSwitchConfiguration', { name: 'Prod' })).toThrow();
    expect(parseInput('gcpSwitchConfiguration', { name: 'prod-1' })).toEqual({ name: 'prod-1' });
    expect(parseInput('gcpShellProfilesPreview', { keyId: null })).toEqual({ keyId: null });
  });
});
