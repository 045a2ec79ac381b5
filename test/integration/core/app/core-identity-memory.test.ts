// What STS answered is remembered per credential source: a later run without the network decides
// SkyPilot ownership from it, says how old it is, and drops it once the profile's key changes.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/app/core';
import { IDENTITY_MEMORY_FILE } from '../../../../electron/core/aws/identity-memory';
import { ALICE, ALICE_ID, makeAliceSkyHome } from '../../../support/alice-sky-home';
import type { AwsHome } from '../../../support/aws-home';
import { startStsServer, type StsServer } from '../../../support/sts-server';

const HOUR = 60 * 60 * 1000;

let sts: StsServer;
let home: AwsHome | null = null;
const cores: Core[] = [];
beforeAll(async () => {
  sts = await startStsServer({
    identities: { [ALICE.accessKeyId]: { secretAccessKey: ALICE.secretAccessKey, ...ALICE_ID } },
  });
});
afterAll(async () => sts.close());
afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.stop()));
  await home?.cleanup();
  home = null;
});

async function startCore(at: AwsHome, options: { stsUrl: string; now?: () => number }): Promise<Core> {
  const core = createCore({
    env: { HOME: at.home, PATH: '', AWS_ENDPOINT_URL_STS: options.stsUrl },
    homeDir: at.home,
    settingsFile: at.settingsFile,
    appDataDir: join(at.home, 'app-data'),
    detectCli: false,
    watch: false,
    ...(options.now ? { now: options.now } : {}),
  });
  cores.push(core);
  await core.start();
  return core;
}

// Nothing listens here: a run that asked STS would fail, so only what was remembered can decide.
const OFFLINE = 'http://127.0.0.1:9';

describe('remembered identities', () => {
  it('a verification fills the store, and a later run decides ownership from it offline', async () => {
    home = await makeAliceSkyHome();
    const first = await startCore(home, { stsUrl: sts.url });
    const check = await first.verifyProfile('default');
    expect(check.identity).toEqual(ALICE_ID);

    const stored = await readFile(join(home.home, 'app-data', IDENTITY_MEMORY_FILE), 'utf8');
    expect(stored).not.toContain(ALICE.secretAccessKey);
    expect(JSON.parse(stored)).toEqual({
      version: 1,
      identities: [{ source: `static ${ALICE.accessKeyId}`, ...ALICE_ID, checkedAt: check.checkedAt }],
    });

    const requests = sts.requests.length;
    const later = await startCore(home, { stsUrl: OFFLINE, now: () => Date.parse(check.checkedAt) + 2 * HOUR });
    const sky = later.snapshot().sky;
    expect(sts.requests.length).toBe(requests);
    const mine = sky?.clusters.find((c) => c.name === 'mine');
    const theirs = sky?.clusters.find((c) => c.name === 'theirs');
    expect(mine).toMatchObject({ operableByActive: true, activeRememberedAt: check.checkedAt });
    expect(mine?.note).toBe(
      'The active profile default is who STS said it was, verified 2h ago; verifying again tells whether it still is.',
    );
    expect(theirs).toMatchObject({ operableByActive: false, activeRememberedAt: check.checkedAt });
    expect(theirs?.note).toMatch(/is owned by IAM user AIDAOTHER000000000001 in account 999988887777/);
    expect(theirs?.note).toMatch(/verified 2h ago/);
    expect(sky?.activeIdentities).toMatchObject({
      aws: `${ALICE_ID.userId} [account=${ALICE_ID.account}]`,
      awsRememberedAt: check.checkedAt,
    });
    // `cloudid status` can say "verified 2h ago" from this; the profile itself is not shown as verified now.
    expect(later.rememberedIdentity('default')).toEqual({ identity: ALICE_ID, checkedAt: check.checkedAt });
    expect(later.snapshot().aws.profiles.find((p) => p.name === 'default')).toMatchObject({
      identity: null,
      lastCheck: null,
    });
  });

  it('an answer asked in this run is used as fresh, with no age', async () => {
    home = await makeAliceSkyHome();
    const core = await startCore(home, { stsUrl: sts.url });
    await core.verifyProfile('default');
    const mine = core.snapshot().sky?.clusters.find((c) => c.name === 'mine');
    expect(mine).toMatchObject({ operableByActive: true, note: null });
    expect(mine?.activeRememberedAt).toBeUndefined();
  });

  it('is not used once the profile has another key', async () => {
    home = await makeAliceSkyHome();
    const first = await startCore(home, { stsUrl: sts.url });
    await first.verifyProfile('default');
    await home.writeCredentials(
      `[default]\naws_access_key_id = AKIANEWKEY0000000001\naws_secret_access_key = another-secret-00000000000000000000\n`,
    );
    const later = await startCore(home, { stsUrl: OFFLINE });
    const mine = later.snapshot().sky?.clusters.find((c) => c.name === 'mine');
    expect(mine?.operableByActive).toBeNull();
    expect(mine?.activeRememberedAt).toBeUndefined();
    expect(mine?.note).toMatch(/not verified/);
    expect(later.rememberedIdentity('default')).toBeNull();
  });

  it('forgets the answer once AWS refuses the key, and decides nothing from it after', async () => {
    home = await makeAliceSkyHome();
    const first = await startCore(home, { stsUrl: sts.url });
    await first.verifyProfile('default');
    // An STS that knows no key: the key was deleted.
    const refusing = await startStsServer({ identities: {} });
    try {
      const later = await startCore(home, { stsUrl: refusing.url });
      expect(later.snapshot().sky?.clusters.find((c) => c.name === 'mine')?.operableByActive).toBe(true);
      const check = await later.verifyProfile('default');
      expect(check.error?.kind).toBe('access-denied');
      expect(later.snapshot().sky?.clusters.find((c) => c.name === 'mine')?.operableByActive).toBeNull();
      const stored = JSON.parse(await readFile(join(home.home, 'app-data', IDENTITY_MEMORY_FILE), 'utf8')) as {
        identities: unknown[];
      };
      expect(stored.identities).toEqual([]);
    } finally {
      await refusing.close();
    }
  });

  it('a damaged store is reported with the clusters and changes no decision', async () => {
    home = await makeAliceSkyHome();
    await mkdir(join(home.home, 'app-data'), { recursive: true });
    await writeFile(join(home.home, 'app-data', IDENTITY_MEMORY_FILE), '{"version":1,"identities":[{');
    const core = await startCore(home, { stsUrl: OFFLINE });
    const sky = core.snapshot().sky;
    expect(sky?.clusters.find((c) => c.name === 'mine')?.operableByActive).toBeNull();
    expect(sky?.problems).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringMatching(/remembered AWS identities is damaged/),
      }),
    );
  });
});
