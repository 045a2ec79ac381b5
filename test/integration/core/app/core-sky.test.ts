// The core matches SkyPilot's cluster owners to the local identities, and re-matches after a
// verification tells it who a profile really is.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/app/core';
import { makeAwsHome, type AwsHome } from '../../../support/aws-home';
import { writeSkyState } from '../../../support/sky-state-fixtures';
import { startStsServer, type StsServer } from '../../../support/sts-server';

const ALICE = { accessKeyId: 'AKIAALICE00000000001', secretAccessKey: 'alice-secret-0000000000000000000000000' };
const ALICE_ID = {
  account: '111122223333',
  arn: 'arn:aws:iam::111122223333:user/alice',
  userId: 'AIDAALICE0000000001',
};

let sts: StsServer;
let home: AwsHome | null = null;
let core: Core | null = null;
beforeAll(async () => {
  sts = await startStsServer({
    identities: { [ALICE.accessKeyId]: { secretAccessKey: ALICE.secretAccessKey, ...ALICE_ID } },
  });
});
afterAll(async () => sts.close());
afterEach(async () => {
  await core?.stop();
  core = null;
  await home?.cleanup();
  home = null;
});

describe('core with SkyPilot', () => {
  it('says which clusters the active identity can operate, once STS says who it is', async () => {
    home = await makeAwsHome();
    await home.writeConfig('[default]\nregion = us-east-1\n');
    await home.writeCredentials(
      `[default]\naws_access_key_id = ${ALICE.accessKeyId}\naws_secret_access_key = ${ALICE.secretAccessKey}\n`,
    );
    await writeSkyState(home.home, {
      schema: 'v0.9-sqlite3',
      rows: [
        {
          name: 'mine',
          status: 'UP',
          launched_at: 1_764_000_000,
          owner: JSON.stringify([ALICE_ID.userId, ALICE_ID.account]),
        },
        {
          name: 'theirs',
          status: 'STOPPED',
          launched_at: 1_764_000_100,
          owner: JSON.stringify(['AIDAOTHER000000000001', '999988887777']),
        },
      ],
    });
    core = createCore({
      env: { HOME: home.home, PATH: '', AWS_ENDPOINT_URL_STS: sts.url },
      homeDir: home.home,
      settingsFile: home.settingsFile,
      detectCli: false,
      watch: false,
    });
    await core.start();
    const before = core.snapshot().sky;
    expect(before?.available).toBe(true);
    expect(before?.clusters.map((c) => c.name).sort()).toEqual(['mine', 'theirs']);

    await core.verifyProfile('default');
    const after = core.snapshot().sky;
    const mine = after?.clusters.find((c) => c.name === 'mine');
    const theirs = after?.clusters.find((c) => c.name === 'theirs');
    expect(mine?.operableByActive).toBe(true);
    expect(mine?.matches).toEqual([
      expect.objectContaining({ cloud: 'aws', identity: 'default', level: 'user', active: true, fix: null }),
    ]);
    expect(theirs?.operableByActive).toBe(false);
    expect(after?.notOperable).toBe(1);
  });

  it('says plainly when SkyPilot has no local state', async () => {
    home = await makeAwsHome();
    core = createCore({
      env: { HOME: home.home, PATH: '' },
      homeDir: home.home,
      settingsFile: home.settingsFile,
      detectCli: false,
      watch: false,
    });
    await core.start();
    const sky = core.snapshot().sky;
    expect(sky?.available).toBe(false);
    expect(sky?.reason).toBe('missing');
    expect(sky?.message).toMatch(/state\.db|SkyPilot/);
  });
});
