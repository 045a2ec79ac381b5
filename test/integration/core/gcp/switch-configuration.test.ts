import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGcpState } from '../../../../electron/core/gcp/gcp-state';
import { switchActiveConfiguration } from '../../../../electron/core/gcp/switch-configuration';
import { runGcloud, tempDir, writeConfiguration } from '../../../support/gcloud-fixtures';

async function twoConfigurations(): Promise<string> {
  const dir = await tempDir();
  await writeConfiguration(dir, 'default', '[core]\nproject = p-default\n');
  await writeConfiguration(dir, 'work', '[core]\nproject = p-work\n');
  await writeFile(join(dir, 'active_config'), 'default');
  return dir;
}

const env = {
  PATH: process.env.PATH,
  CLOUDSDK_CORE_DISABLE_USAGE_REPORTING: '1',
  CLOUDSDK_COMPONENT_MANAGER_DISABLE_UPDATE_CHECK: '1',
};

describe('switchActiveConfiguration', { timeout: 180_000 }, () => {
  it('switches through gcloud when it is installed', async () => {
    const dir = await twoConfigurations();
    expect(await switchActiveConfiguration({ configDir: dir, name: 'work', env: { ...env, HOME: dir } })).toEqual({
      ok: true,
      via: 'gcloud',
      warning: null,
    });
    expect(
      (await readGcpState({ env: { CLOUDSDK_CONFIG: dir }, homeDir: dir, platform: 'linux', now: new Date() }))
        .activeConfiguration,
    ).toBe('work');
  });

  it('writes the files the way gcloud does when gcloud is missing, and gcloud agrees', async () => {
    const dir = await twoConfigurations();
    const result = await switchActiveConfiguration({
      configDir: dir,
      name: 'work',
      env,
      gcloudPath: join(dir, 'no-such-gcloud'),
    });
    expect(result).toEqual({ ok: true, via: 'file', warning: null });
    expect(await readFile(join(dir, 'active_config'), 'utf8')).toBe('work');
    expect(await readFile(join(dir, 'config_sentinel'), 'utf8')).toBe('');
    const listed = await runGcloud(['config', 'configurations', 'list', '--format=value(name,is_active)'], dir, env);
    expect(listed.stdout).toMatch(/^work\tTrue$/m);
  });

  it("refuses a configuration that does not exist, with gcloud's words", async () => {
    const dir = await twoConfigurations();
    const viaGcloud = await switchActiveConfiguration({ configDir: dir, name: 'ghost', env: { ...env, HOME: dir } });
    expect(viaGcloud).toMatchObject({ ok: false, message: expect.stringContaining('ghost') });
    expect(await switchActiveConfiguration({ configDir: dir, name: 'ghost', env, filesOnly: true })).toEqual({
      ok: false,
      message: 'Cannot activate configuration [ghost], it does not exist.',
    });
    expect(await switchActiveConfiguration({ configDir: dir, name: 'Bad Name', env, filesOnly: true })).toMatchObject({
      ok: false,
    });
    expect(await readFile(join(dir, 'active_config'), 'utf8')).toBe('default');
  });
});
