// `cloudid gcp list`: the imported keys from the app's metadata and where gcloud and the
// environment use each. No keychain is needed to list.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../../../electron/cli/command';
import { run as gcp } from '../../../../electron/cli/commands/gcp-command';
import { appDataDir } from '../../../../electron/core/app/app-paths';
import { writeKeyMetadata } from '../../../../electron/core/gcp/key-metadata-file';
import { keyMetadataPath, storedKeyPath } from '../../../../electron/core/gcp/key-paths';
import { tempDir, writeConfiguration } from '../../../support/gcloud-fixtures';

const DEPLOY = 'deploy@proj-a.iam.gserviceaccount.com';
const CI = 'ci@proj-b.iam.gserviceaccount.com';

let home: string;
beforeEach(async () => {
  home = await tempDir('cloudid-gcp-list-');
});
afterEach(async () => rm(home, { recursive: true, force: true }));

async function list(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const ctx: CommandContext = {
    env: { HOME: home, CLOUDSDK_CONFIG: join(home, 'gcloud'), ...env },
    homeDir: home,
    stdout: { write: (c) => ((out += String(c)), true) },
    stderr: { write: (c) => ((err += String(c)), true) },
  };
  return { code: await gcp(['list', ...args], ctx), out, err };
}

const daysAgo = (days: number): string => new Date(Date.now() - days * 86_400_000 - 60_000).toISOString();
const dataDir = (): string => appDataDir({ HOME: home }, home, process.platform);

async function importTwo(): Promise<void> {
  await writeKeyMetadata(dataDir(), [
    { keyId: '0a1b2c3d4e5f60718293a4b5c6d7e8f901234567', account: DEPLOY, project: 'proj-a', importedAt: daysAgo(10) },
    { keyId: '9f8e7d6c5b4a39281706f5e4d3c2b1a098765432', account: CI, project: null, importedAt: daysAgo(9) },
  ]);
  const gcloud = join(home, 'gcloud');
  await mkdir(gcloud, { recursive: true });
  await writeFile(join(gcloud, 'active_config'), 'deploy');
  await writeConfiguration(gcloud, 'deploy', `[core]\naccount = ${DEPLOY}\nproject = proj-a\n`);
}

describe('cloudid gcp list', () => {
  it('says when no key is imported, and exits 0', async () => {
    expect(await list([])).toEqual({
      code: 0,
      out: 'No imported keys. `cloudid gcp import <key.json>` imports one.\n',
      err: '',
    });
    expect(await list(['--json'])).toEqual({ code: 0, out: '{"version":1,"keys":[],"problems":[]}\n', err: '' });
  });

  it('lists id, account, project, where each is activated, and the file', async () => {
    await importTwo();
    const deployPath = storedKeyPath(dataDir(), '0a1b2c3d4e5f60718293a4b5c6d7e8f901234567');
    const { code, out } = await list([], { GOOGLE_APPLICATION_CREDENTIALS: deployPath });
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^KEY ID +ACCOUNT +PROJECT +IMPORTED +ACTIVATED +FILE$/);
    expect(lines[1]).toMatch(
      new RegExp(
        `^0a1b2c3d4e5f\\S+ +${DEPLOY} +proj-a +10d ago, \\d{4}-\\d\\d-\\d\\d +gcloud config deploy, GOOGLE_APPLICATION_CREDENTIALS +/`,
      ),
    );
    expect(lines[1]?.endsWith(`  ${deployPath}`)).toBe(true);
    expect(lines[2]).toMatch(
      new RegExp(`^9f8e7d6c5b4a\\S+ +${CI} +- +9d ago, \\d{4}-\\d\\d-\\d\\d +- +/.*/keys/9f8e7d6c5b4a\\S+\\.json$`),
    );
  });

  it('prints one JSON line with version, each key with where it is activated', async () => {
    await importTwo();
    const { code, out } = await list(['--json']);
    expect(code).toBe(0);
    expect(out).toMatch(/^\{"version":1,"keys":\[[^\n]*\n$/);
    const json = JSON.parse(out) as { keys: { keyId: string; activated: unknown }[] };
    expect(json.keys.map((k) => [k.keyId.slice(0, 4), k.activated])).toEqual([
      [
        '0a1b',
        {
          configurations: ['deploy'],
          gcloudCredentials: false,
          googleApplicationCredentials: false,
          applicationDefaultCredentials: false,
        },
      ],
      [
        '9f8e',
        {
          configurations: [],
          gcloudCredentials: false,
          googleApplicationCredentials: false,
          applicationDefaultCredentials: false,
        },
      ],
    ]);
  });

  it('exits 1 and says so when the list of keys is not JSON', async () => {
    await mkdir(dataDir(), { recursive: true });
    await writeFile(keyMetadataPath(dataDir()), '{ not json');
    const { code, err } = await list([]);
    expect(code).toBe(1);
    expect(err).toContain(
      `cloudid gcp list: ${keyMetadataPath(dataDir())}: The list of imported keys is not valid JSON`,
    );
  });
});
