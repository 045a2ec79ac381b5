// The core matches SkyPilot's cluster owners to the local identities, and re-matches after a
// verification tells it who a profile really is.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/app/core';
import { ALICE, ALICE_ID, makeAliceSkyHome } from '../../../support/alice-sky-home';
import { makeAwsHome, type AwsHome } from '../../../support/aws-home';
import { startStsServer, type StsServer } from '../../../support/sts-server';

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
    home = await makeAliceSkyHome('STOPPED');
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
