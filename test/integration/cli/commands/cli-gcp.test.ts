// `cloudid gcp import | verify | remove`, run in-process with a temporary home, the real
// keychain (scripts/test.sh runs vitest inside a keyring session), the real gcloud and the local
// token server.
import { execFile } from 'node:child_process';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../../../electron/cli/command';
import { run as gcp } from '../../../../electron/cli/commands/gcp-command';
import { blockLines } from '../../../../electron/core/gcp/shell-profile-block';
import { GoogleTokenServer } from '../../../support/google-token-server';
import { runGcloud, serviceAccountKey, tempDir, wrongFiles, writeJson } from '../../../support/gcloud-fixtures';

let server: GoogleTokenServer;
beforeAll(async () => {
  server = await GoogleTokenServer.start();
});
afterAll(async () => {
  await server.close();
});

interface Cli {
  ctx: CommandContext;
  home: string;
  out: () => string;
  err: () => string;
}

async function cli(): Promise<Cli> {
  const home = await tempDir('cloudid-home-');
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    CLOUDSDK_CONFIG: join(home, 'gcloud'),
    CLOUDSDK_CORE_DISABLE_USAGE_REPORTING: '1',
    CLOUDSDK_COMPONENT_MANAGER_DISABLE_UPDATE_CHECK: '1',
    CLOUDSDK_AUTH_TOKEN_HOST: server.tokenUrl,
    CLOUDSDK_API_ENDPOINT_OVERRIDES_CLOUDRESOURCEMANAGER: `${server.url}/`,
  };
  return { ctx: { env, homeDir: home, stdout, stderr }, home, out: () => out, err: () => err };
}

async function download(home: string, overrides: Parameters<typeof serviceAccountKey>[0] = {}) {
  const key = serviceAccountKey({ token_uri: server.tokenUrl, ...overrides });
  server.registerServiceAccount(key.client_email, key.private_key, key.private_key_id);
  server.addProject(key.project_id);
  return { key, path: await writeJson(join(home, `${key.project_id}-${key.private_key_id.slice(0, 12)}.json`), key) };
}

/** Sets the default configuration's account and project the way a user would have. */
async function useDefaultConfiguration(c: Cli, account: string, project: string): Promise<void> {
  const dir = join(c.home, 'gcloud');
  // Project first: with no account set, gcloud does not look the project up.
  expect((await runGcloud(['config', 'set', 'project', project], dir, c.ctx.env)).code).toBe(0);
  expect((await runGcloud(['config', 'set', 'account', account], dir, c.ctx.env)).code).toBe(0);
}

/** A configuration's account and project, as gcloud itself reports them. */
async function coreOf(c: Cli, configuration: string): Promise<{ account: string | null; project: string | null }> {
  const listed = await runGcloud(
    ['config', 'configurations', 'describe', configuration, '--format=json'],
    join(c.home, 'gcloud'),
    c.ctx.env,
  );
  const core = (JSON.parse(listed.stdout) as { properties: { core?: { account?: string; project?: string } } })
    .properties.core;
  return { account: core?.account ?? null, project: core?.project ?? null };
}

/** A command line as a user would paste it into a shell. */
function runShell(line: string, env: NodeJS.ProcessEnv): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile('/bin/sh', ['-c', line], { env, timeout: 60_000 }, (error, _stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stderr }),
    );
  });
}

describe('cloudid gcp', { timeout: 240_000 }, () => {
  it('imports, verifies by key id, and removes a key', async () => {
    const c = await cli();
    const { key, path } = await download(c.home, { project_id: 'cli-proj' });
    expect(await gcp(['import', path], c.ctx)).toBe(0);
    const stored = join(c.home, '.config', 'Cloud Identity Tray', 'keys', `${key.private_key_id}.json`);
    expect(c.out()).toContain(`Imported ${key.client_email} (project cli-proj), key ${key.private_key_id}`);
    expect((await stat(stored)).mode & 0o777).toBe(0o600);
    expect(await gcp(['import', path], c.ctx)).toBe(0);
    expect(c.out()).toContain('Already imported');
    expect(await gcp(['verify', key.private_key_id], c.ctx)).toBe(0);
    expect(c.out()).toContain(`OK: ${key.client_email}`);
    expect(await gcp(['remove', key.private_key_id], c.ctx)).toBe(0);
    await expect(stat(stored)).rejects.toThrow(/ENOENT/);
    expect(await gcp(['remove', key.private_key_id], c.ctx)).toBe(1);
    expect(await gcp(['verify', key.private_key_id], c.ctx)).toBe(1);
  });

  it('takes a key by a start of its id or by its account, as `gcp list` shows them', async () => {
    const c = await cli();
    const { key, path } = await download(c.home, { project_id: 'ref-proj' });
    expect(await gcp(['import', path], c.ctx)).toBe(0);
    expect(await gcp(['list'], c.ctx)).toBe(0);
    expect(c.out()).toMatch(new RegExp(`^${key.private_key_id} +${key.client_email} +ref-proj `, 'm'));
    expect(await gcp(['verify', key.private_key_id.slice(0, 8)], c.ctx)).toBe(0);
    expect(await gcp(['verify', key.client_email.toUpperCase()], c.ctx)).toBe(0);
    expect(c.out().match(/^OK: /gm)).toHaveLength(2);
    expect(await gcp(['remove', key.client_email], c.ctx)).toBe(0);
    expect(c.out()).toContain(`Removed key ${key.private_key_id} of ${key.client_email}.`);
    expect(await gcp(['remove', key.private_key_id.slice(0, 8)], c.ctx)).toBe(1);
    expect(c.err()).toContain(`no imported key has an id starting ${key.private_key_id.slice(0, 8)}`);
  });

  it('rejects each wrong kind of file with a non-zero exit and the reason', async () => {
    const c = await cli();
    for (const [name, bytes] of Object.entries(wrongFiles())) {
      const path = join(c.home, name);
      await writeFile(path, bytes);
      expect(await gcp(['import', path], c.ctx), name).toBe(1);
    }
    // The workload-identity fixture's executable source would create this file if it ever ran.
    await expect(stat('/tmp/cloudid-should-never-run')).rejects.toThrow(/ENOENT/);
    for (const phrase of [
      'OAuth client secret',
      'user credential',
      'never does',
      'impersonation',
      'P12',
      'truncated',
      'MiB',
      'binary',
    ]) {
      expect(c.err()).toContain(phrase);
    }
    const json = await cli();
    const clientSecret = join(json.home, 'client_secret.json');
    await writeFile(clientSecret, wrongFiles()['client_secret.json'] ?? '');
    expect(await gcp(['import', clientSecret, '--json'], json.ctx)).toBe(1);
    expect(JSON.parse(json.out())).toMatchObject({ status: 'rejected', reason: 'oauth-client-secret' });
  });

  it('imports with --activate --json: gcloud then lists the account and project', async () => {
    const c = await cli();
    const { key, path } = await download(c.home, { project_id: 'activated-proj', keyIndex: 1 });
    await useDefaultConfiguration(c, 'me@example.com', 'my-own-proj');
    expect(await gcp(['import', path, '--activate', '--remove-download', '--json'], c.ctx)).toBe(0);
    const result = JSON.parse(c.out()) as {
      status: string;
      activation: { ok: boolean; configuration: string };
      sourceRemoved: boolean;
    };
    expect(result).toMatchObject({
      status: 'imported',
      activation: { ok: true, configuration: 'deployer-activated-proj' },
      sourceRemoved: true,
    });
    await expect(readFile(path)).rejects.toThrow(/ENOENT/);
    const config = await runGcloud(['config', 'list', '--format=json'], join(c.home, 'gcloud'), c.ctx.env);
    expect(JSON.parse(config.stdout)).toMatchObject({ core: { account: key.client_email, project: 'activated-proj' } });
    // The configuration the user had is as it was: a dropped key never takes it over by default.
    expect(await coreOf(c, 'default')).toEqual({ account: 'me@example.com', project: 'my-own-proj' });
  });

  it('--current-configuration replaces its account and project, and the printed undo puts them back', async () => {
    const c = await cli();
    const { key, path } = await download(c.home, { project_id: 'current-proj', keyIndex: 2 });
    await useDefaultConfiguration(c, 'me@example.com', 'my-own-proj');
    expect(await gcp(['import', path, '--activate', '--current-configuration'], c.ctx)).toBe(0);
    expect(await coreOf(c, 'default')).toEqual({ account: key.client_email, project: 'current-proj' });
    expect(c.out()).toContain(
      "Activated in gcloud's current configuration default: it was me@example.com, project my-own-proj.",
    );
    const undo = c
      .out()
      .split('To undo, put its account and project back:\n')[1]
      ?.split('\n')
      .filter((line) => line.startsWith('  gcloud '))
      .map((line) => line.trim());
    expect(undo).toEqual([
      'gcloud config unset account --configuration=default',
      'gcloud config set project my-own-proj --configuration=default',
      'gcloud config set account me@example.com --configuration=default',
    ]);
    for (const line of undo ?? []) {
      const ran = await runShell(line, c.ctx.env);
      expect(ran.code, ran.stderr).toBe(0);
    }
    expect(await coreOf(c, 'default')).toEqual({ account: 'me@example.com', project: 'my-own-proj' });
  });

  it('--current-configuration on an empty configuration: the undo leaves it empty again', async () => {
    const c = await cli();
    const { path } = await download(c.home, { project_id: 'empty-proj', keyIndex: 3 });
    expect(await gcp(['import', path, '--activate', '--current-configuration', '--json'], c.ctx)).toBe(0);
    const result = JSON.parse(c.out()) as { activation: { previous: unknown; undo: string[] } };
    expect(result.activation.previous).toEqual({ configuration: 'default', account: null, project: null });
    for (const line of result.activation.undo) expect((await runShell(line, c.ctx.env)).code).toBe(0);
    expect(await coreOf(c, 'default')).toEqual({ account: null, project: null });
  });

  it('verify exits non-zero and says why when the key was disabled', async () => {
    const c = await cli();
    const { key, path } = await download(c.home, { client_email: 'old@acme.iam.gserviceaccount.com' });
    server.disableServiceAccountKey(key.client_email);
    expect(await gcp(['verify', path], c.ctx)).toBe(1);
    expect(c.err()).toMatch(/deleted or disabled/);
    expect(await gcp(['verify', '--json', path], c.ctx)).toBe(1);
    expect(c.out()).toMatch(/^\{"version":1,"ok":false,"kind":"key-disabled",/);
  });

  it('env previews, applies and removes the GOOGLE_APPLICATION_CREDENTIALS block', async () => {
    const c = await cli();
    const bashrc = join(c.home, '.bashrc');
    await writeFile(bashrc, 'alias k=kubectl\n');
    const { key, path } = await download(c.home, { project_id: 'env-proj' });
    expect(await gcp(['import', path], c.ctx)).toBe(0);
    expect(await gcp(['env', key.private_key_id], c.ctx)).toBe(0);
    expect(c.out()).toContain(`${bashrc}: add the block at the end`);
    expect(c.out()).toContain('Nothing written');
    expect(await readFile(bashrc, 'utf8')).toBe('alias k=kubectl\n');
    expect(await gcp(['env', key.private_key_id, '--apply'], c.ctx)).toBe(0);
    const stored = join(c.home, '.config', 'Cloud Identity Tray', 'keys', `${key.private_key_id}.json`);
    expect(await readFile(bashrc, 'utf8')).toContain(`export GOOGLE_APPLICATION_CREDENTIALS='${stored}'`);
    expect(await gcp(['env', '--remove', '--apply'], c.ctx)).toBe(0);
    expect(await readFile(bashrc, 'utf8')).toBe('alias k=kubectl\n');
    const clientSecret = join(c.home, 'client_secret.json');
    await writeFile(clientSecret, wrongFiles()['client_secret.json'] ?? '');
    expect(await gcp(['env', clientSecret], c.ctx)).toBe(1);
    expect(c.err()).toContain('OAuth client secret');
  });

  it('remove shows the shell block that points at the key, and takes it out only with --apply', async () => {
    const c = await cli();
    const bashrc = join(c.home, '.bashrc');
    const zshrc = join(c.home, '.zshrc');
    const bashBefore = 'alias k=kubectl\n# my own line\n';
    await writeFile(bashrc, bashBefore);
    const { key, path } = await download(c.home, { project_id: 'rm-proj', keyIndex: 4 });
    expect(await gcp(['import', path], c.ctx)).toBe(0);
    expect(await gcp(['env', key.private_key_id, '--apply'], c.ctx)).toBe(0);
    // Another key's block, which removing this key must not touch.
    const zshBefore = `setopt autocd\n${blockLines('zsh', '/elsewhere/other-key.json').join('\n')}\n`;
    await writeFile(zshrc, zshBefore);
    const stored = join(c.home, '.config', 'Cloud Identity Tray', 'keys', `${key.private_key_id}.json`);
    const bashWithBlock = await readFile(bashrc, 'utf8');
    expect(bashWithBlock).toContain(stored);

    expect(await gcp(['remove', key.private_key_id], c.ctx)).toBe(1);
    expect(c.out()).toContain(`GOOGLE_APPLICATION_CREDENTIALS points at this key in:\n  ${bashrc}: remove the block\n`);
    expect(c.out()).not.toContain(`${zshrc}:`);
    expect(c.err()).toContain('Run again with --apply');
    expect(await readFile(bashrc, 'utf8')).toBe(bashWithBlock);
    expect((await stat(stored)).isFile()).toBe(true);

    expect(await gcp(['remove', key.private_key_id, '--apply'], c.ctx)).toBe(0);
    expect(await readFile(bashrc, 'utf8')).toBe(bashBefore);
    expect(await readFile(`${bashrc}.cloudid-backup`, 'utf8')).toBe(bashBefore);
    expect(await readFile(zshrc, 'utf8')).toBe(zshBefore);
    expect(c.out()).toContain(`Removed key ${key.private_key_id}`);
    await expect(stat(stored)).rejects.toThrow(/ENOENT/);
  });

  it('reports usage errors with exit 2', async () => {
    const c = await cli();
    expect(await gcp(['import'], c.ctx)).toBe(2);
    expect(await gcp(['frobnicate'], c.ctx)).toBe(2);
    expect(await gcp(['verify', 'a', 'b'], c.ctx)).toBe(2);
    expect(await gcp(['import', 'k.json', '--activate', '--current-configuration', '--own-configuration'], c.ctx)).toBe(
      2,
    );
  });
});
