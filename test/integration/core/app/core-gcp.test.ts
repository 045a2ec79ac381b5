// The core reads gcloud's directory next to ~/.aws, and follows it live.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/app/core';
import { snapshotWhere } from '../../../support/snapshot-wait';
import { makeAwsHome, type AwsHome } from '../../../support/aws-home';
import { writeSyntheticGcloudDir } from '../../../support/gcloud-fixtures';

let home: AwsHome | null = null;
let core: Core | null = null;
afterEach(async () => {
  await core?.stop();
  core = null;
  await home?.cleanup();
  home = null;
});

describe('core with gcloud', () => {
  it('shows gcloud configurations and accounts from CLOUDSDK_CONFIG, and a switch made on disk', async () => {
    home = await makeAwsHome();
    const gcloudDir = join(home.home, 'gcloud-elsewhere');
    await mkdir(gcloudDir, { recursive: true });
    await writeSyntheticGcloudDir(gcloudDir, 3, 4);
    core = createCore({
      env: { HOME: home.home, PATH: '', CLOUDSDK_CONFIG: gcloudDir },
      homeDir: home.home,
      settingsFile: home.settingsFile,
      detectCli: false,
    });
    await core.start();

    const gcp = core.snapshot().gcp;
    expect(gcp?.configDir).toBe(gcloudDir);
    expect(gcp?.activeConfiguration).toBe('default');
    expect(gcp?.configurations.map((c) => c.name).sort()).toEqual(['config-1', 'config-2', 'default']);
    expect(gcp?.accounts).toHaveLength(4);
    expect(gcp?.accounts.map((a) => a.type).sort()).toEqual([
      'authorized_user',
      'authorized_user',
      'service_account',
      'service_account',
    ]);
    expect(JSON.stringify(core.snapshot())).not.toMatch(/PRIVATE KEY|1\/\/rt-/);

    // What `gcloud config configurations activate config-2` writes.
    await writeFile(join(gcloudDir, 'active_config'), 'config-2');
    const switched = await snapshotWhere(core, (s) => s.gcp?.activeConfiguration === 'config-2');
    expect(switched.gcp?.configurations.find((c) => c.active)?.name).toBe('config-2');
  });

  it('can be told not to read gcloud at all', async () => {
    home = await makeAwsHome();
    core = createCore({
      env: { HOME: home.home, PATH: '' },
      homeDir: home.home,
      settingsFile: home.settingsFile,
      detectCli: false,
      watch: false,
      gcp: false,
    });
    await core.start();
    expect(core.snapshot().gcp).toBeNull();
  });
});
