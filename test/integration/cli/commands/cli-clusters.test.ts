// `cloudid clusters` end to end in a temporary HOME: a SkyPilot state.db written by real SQLite
// (WAL mode, one cluster only in the log), real AWS files verified against the local STS, and a
// gcloud directory with two configurations.
import { createHash } from 'node:crypto';
import { appendFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as clusters } from '../../../../electron/cli/commands/clusters';
import { settingsFile } from '../../../../electron/core/app/app-paths';
import type { CommandContext } from '../../../../electron/cli/command';
import {
  authorizedUserJson,
  writeConfiguration,
  writeGcloudDatabases,
  writeJson,
} from '../../../support/gcloud-fixtures';
import { owners, writeSkyState } from '../../../support/sky-state-fixtures';
import { startStsServer, type StsServer } from '../../../support/sts-server';

const ACCOUNT = '111122223333';
const OTHER = '444455556666';
const KEYS = {
  alice: {
    id: 'AKIAALICE00000000001',
    secret: 'alice-secret-000000000000000000000000000',
    userId: 'AIDAALICE00000000001',
    account: ACCOUNT,
    arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
  },
  bob: {
    id: 'AKIABOB0000000000002',
    secret: 'bob-secret-00000000000000000000000000000',
    userId: 'AIDABOB0000000000002',
    account: ACCOUNT,
    arn: `arn:aws:iam::${ACCOUNT}:user/bob`,
  },
  carol: {
    id: 'AKIACAROL00000000003',
    secret: 'carol-secret-000000000000000000000000000',
    userId: 'AIDACAROL00000000003',
    account: OTHER,
    arn: `arn:aws:iam::${OTHER}:user/carol`,
  },
};

let tmp: string;
let sts: StsServer;
const savedAwsEnv: Record<string, string | undefined> = {};

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'cloudid-clusters-'));
  // The SDK also peeks at process.env: keep the developer's AWS settings out of the test.
  for (const name of Object.keys(process.env)) {
    if (name.startsWith('AWS_')) {
      savedAwsEnv[name] = process.env[name];
      delete process.env[name];
    }
  }
  sts = await startStsServer({
    identities: Object.fromEntries(
      Object.values(KEYS).map((k) => [
        k.id,
        { secretAccessKey: k.secret, account: k.account, arn: k.arn, userId: k.userId },
      ]),
    ),
  });
});

afterAll(async () => {
  await sts.close();
  Object.assign(process.env, savedAwsEnv);
  await rm(tmp, { recursive: true, force: true });
});

let homes = 0;
async function newHome(): Promise<string> {
  const home = path.join(tmp, `home-${++homes}`);
  await mkdir(path.join(home, '.aws'), { recursive: true });
  await writeFile(
    path.join(home, '.aws', 'credentials'),
    Object.entries(KEYS)
      .map(([name, k]) => `[${name}]\naws_access_key_id = ${k.id}\naws_secret_access_key = ${k.secret}\n`)
      .join('\n'),
  );
  await writeFile(
    path.join(home, '.aws', 'config'),
    '[profile alice]\nregion = us-east-1\n\n[profile bob]\nregion = us-east-1\n\n[profile carol]\nregion = eu-west-1\n',
  );
  const gcloud = path.join(home, '.config', 'gcloud');
  await mkdir(gcloud, { recursive: true });
  await writeFile(path.join(gcloud, 'active_config'), 'default');
  await writeConfiguration(gcloud, 'default', '[core]\naccount = me@example.com\nproject = ml-dev\n');
  await writeConfiguration(gcloud, 'prod', '[core]\naccount = me@example.com\nproject = ml-prod\n');
  await writeGcloudDatabases(gcloud, [{ account: 'me@example.com', credential: authorizedUserJson() }]);
  await writeJson(path.join(gcloud, 'application_default_credentials.json'), authorizedUserJson());
  return home;
}

async function fleet(home: string): Promise<void> {
  await writeSkyState(home, {
    schema: 'v0.10-alembic',
    rows: [
      { name: 'train', status: 'UP', launched_at: 1_764_000_000, owner: owners.aws(KEYS.alice.userId, ACCOUNT) },
      { name: 'prod', status: 'STOPPED', launched_at: 1_764_000_000, owner: owners.aws(KEYS.carol.userId, OTHER) },
      { name: 'legacy', status: 'UP', launched_at: 1_700_000_000, owner: null },
    ],
    // Launched a moment ago: still only in state.db-wal.
    walRows: [
      { name: 'gpu', status: 'INIT', launched_at: 1_764_100_000, owner: owners.gcp('me@example.com', 'ml-prod') },
    ],
  });
}

interface Run {
  code: number;
  out: string;
  err: string;
}

async function cloudid(home: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const ctx: CommandContext = {
    env: { HOME: home, PATH: process.env.PATH, AWS_ENDPOINT_URL_STS: sts.url, ...env },
    homeDir: home,
    stdout,
    stderr,
  };
  const code = await clusters(args, ctx);
  return { code, out, err };
}

interface ClusterJson {
  name: string;
  status: string;
  launchedAt: string | null;
  owner: unknown;
  matches: { identity: string; level: string; active: boolean; fix: string | null }[];
  operableByActive: boolean | null;
  fix: string | null;
  note: string | null;
}

const byName = (out: string): Record<string, ClusterJson> =>
  Object.fromEntries((JSON.parse(out) as { clusters: ClusterJson[] }).clusters.map((c) => [c.name, c]));

describe('cloudid clusters', () => {
  it('documents its exit codes and refuses unknown options', async () => {
    const home = await newHome();
    const help = await cloudid(home, ['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/Exit status: 0 .*\n1 some cluster cannot be operated by the active identity/);
    const bad = await cloudid(home, ['--frobnicate']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/Unknown option/);
  });

  it('--verify asks STS for every profile and judges each cluster as SkyPilot would', async () => {
    const home = await newHome();
    await fleet(home);
    const before = sts.requests.length;
    const result = await cloudid(home, ['--json', '--verify'], { AWS_PROFILE: 'bob' });
    expect(result.err).toBe('');
    expect(result.code).toBe(1);
    const seen = sts.requests.slice(before);
    expect(
      seen
        .filter((r) => r.action === 'GetCallerIdentity')
        .map((r) => r.accessKeyId)
        .sort(),
    ).toEqual([KEYS.alice.id, KEYS.bob.id, KEYS.carol.id].sort());

    const json = JSON.parse(result.out) as {
      version: number;
      verified: boolean;
      activeIdentities: { aws: string; gcp: string };
    };
    expect(json).toMatchObject({
      version: 1,
      verified: true,
      activeIdentities: { aws: `${KEYS.bob.userId} [account=${ACCOUNT}]`, gcp: 'me@example.com [project_id=ml-dev]' },
    });
    const c = byName(result.out);
    expect(Object.keys(c).sort()).toEqual(['gpu', 'legacy', 'prod', 'train']);

    // Same account, other user: SkyPilot lets bob through with a warning.
    expect(c.train).toMatchObject({
      status: 'UP',
      launchedAt: '2025-11-24T16:00:00.000Z',
      owner: [KEYS.alice.userId, ACCOUNT],
      operableByActive: true,
      fix: 'AWS_PROFILE=alice sky ...',
    });
    expect(c.train?.matches.map((m) => [m.identity, m.level])).toEqual([
      ['alice', 'user'],
      ['bob', 'account'],
    ]);
    // Another account: refused; carol's profile can.
    expect(c.prod).toMatchObject({ operableByActive: false, fix: 'AWS_PROFILE=carol sky ...' });
    expect(c.prod?.note).toContain(
      `is owned by IAM user ${KEYS.carol.userId} in account ${OTHER}, but the active identity is IAM user ${KEYS.bob.userId} in account ${ACCOUNT}`,
    );
    // GCP, same account in another project: the prod configuration has both.
    expect(c.gpu).toMatchObject({
      status: 'INIT',
      operableByActive: false,
      fix: 'gcloud config configurations activate prod',
    });
    expect(c.legacy).toMatchObject({ owner: null, operableByActive: true, matches: [] });
  });

  it('without --verify asks no one: static-key profiles stay unknown, GCP is still judged', async () => {
    const home = await newHome();
    await fleet(home);
    const before = sts.requests.length;
    const result = await cloudid(home, ['--json'], { AWS_PROFILE: 'bob' });
    expect(sts.requests.length).toBe(before);
    const c = byName(result.out);
    expect(c.train?.operableByActive).toBeNull();
    expect(c.prod?.operableByActive).toBeNull();
    expect(c.gpu?.operableByActive).toBe(false);
    expect(result.code).toBe(1);
  });

  it('says which profiles STS refused, and still judges with the others', async () => {
    const home = await newHome();
    await appendFile(
      path.join(home, '.aws', 'credentials'),
      '\n[mallory]\naws_access_key_id = AKIAUNKNOWN000000009\naws_secret_access_key = nope\n',
    );
    await fleet(home);
    const result = await cloudid(home, ['--json', '--verify'], { AWS_PROFILE: 'carol' });
    const json = JSON.parse(result.out) as { problems: { message: string }[] };
    expect(json.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^AWS profile "mallory" could not be verified: /),
    ]);
    expect(byName(result.out).prod).toMatchObject({ operableByActive: true, fix: null, note: null });
  });

  it("without --verify decides by an SSO profile's configured account, asking no one", async () => {
    const home = await newHome();
    await writeFile(
      path.join(home, '.aws', 'config'),
      '[profile sso-dev]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Dev\nregion = us-east-1\n\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n',
    );
    await fleet(home);
    const before = sts.requests.length;
    const result = await cloudid(home, ['--json'], { AWS_PROFILE: 'sso-dev' });
    expect(sts.requests.length).toBe(before);
    const c = byName(result.out);
    expect(c.train).toMatchObject({ operableByActive: true });
    expect(c.train?.note).toMatch(/from its config/);
    expect(JSON.parse(result.out).activeIdentities).toEqual({
      aws: null,
      awsProfile: 'sso-dev',
      awsAccountHint: ACCOUNT,
      gcp: 'me@example.com [project_id=ml-dev]',
    });
    expect(c.prod).toMatchObject({ operableByActive: false });
    expect(c.prod?.note).toBe(
      `SkyPilot refuses: 'prod' (AWS) is owned by IAM user ${KEYS.carol.userId} in account ${OTHER}, but the active profile is in account ${ACCOUNT} (from its config).`,
    );
  });

  it("honours the settings' lead time, as the app does: an SSO login about to end is said", async () => {
    const home = await newHome();
    await writeFile(
      path.join(home, '.aws', 'config'),
      '[profile sso-dev]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Dev\nregion = us-east-1\n\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n',
    );
    const expiresAt = new Date(Date.now() + 30 * 60_000);
    const cache = path.join(home, '.aws', 'sso', 'cache');
    await mkdir(cache, { recursive: true });
    await writeFile(
      path.join(cache, `${createHash('sha1').update('corp').digest('hex')}.json`),
      JSON.stringify({
        startUrl: 'https://corp.awsapps.com/start',
        region: 'us-east-1',
        accessToken: 'token',
        expiresAt: `${expiresAt.toISOString().slice(0, 19)}Z`,
      }),
    );
    await fleet(home);
    const messages = (out: string): string[] =>
      (JSON.parse(out) as { problems: { message: string }[] }).problems.map((p) => p.message);

    // The default lead time (15 minutes): half an hour left is nothing to say.
    const standard = await cloudid(home, ['--json'], { AWS_PROFILE: 'sso-dev' });
    expect(messages(standard.out).filter((m) => m.includes('sso-dev'))).toEqual([]);

    const settings = settingsFile({ HOME: home }, home, process.platform);
    await mkdir(path.dirname(settings), { recursive: true });
    await writeFile(settings, JSON.stringify({ leadTimeMinutes: 60 }));
    const early = await cloudid(home, ['--json'], { AWS_PROFILE: 'sso-dev' });
    const when = `${expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    expect(messages(early.out)).toContain(
      `AWS profile "sso-dev", which SkyPilot would use, expires at ${when}, within the 60-minute lead time`,
    );
    // The verdicts themselves stay SkyPilot's: the account still owns `train`.
    expect(byName(early.out).train?.operableByActive).toBe(true);
    const table = await cloudid(home, [], { AWS_PROFILE: 'sso-dev' });
    expect(table.out).toContain(
      `warning: AWS profile "sso-dev", which SkyPilot would use, expires at ${when}, within the 60-minute lead time`,
    );
  });

  it('says when the profile SkyPilot would use does not exist', async () => {
    const home = await newHome();
    await fleet(home);
    const result = await cloudid(home, ['--json'], { AWS_PROFILE: 'nobody' });
    const json = JSON.parse(result.out) as { problems: { message: string }[] };
    expect(json.problems.map((p) => p.message)).toContain(
      `SkyPilot would use AWS profile "nobody", which is not in ${path.join(home, '.aws', 'config')} or ${path.join(home, '.aws', 'credentials')}`,
    );
  });

  it('exits 0 and prints a table when the active identities can operate everything', async () => {
    const home = await newHome();
    await writeSkyState(home, {
      schema: 'v0.9-sqlite3',
      rows: [
        { name: 'train', status: 'UP', launched_at: 1_764_000_000, owner: owners.aws(KEYS.alice.userId, ACCOUNT) },
        { name: 'gpu', status: 'UP', launched_at: 1_764_000_000, owner: owners.gcp('me@example.com', 'ml-dev') },
      ],
    });
    const result = await cloudid(home, ['--verify'], { AWS_DEFAULT_PROFILE: 'alice', AWS_PROFILE: 'carol' });
    expect(result.code).toBe(0);
    const lines = result.out.split('\n');
    expect(lines[0]).toBe(`SkyPilot state: ${path.join(home, '.sky', 'state.db')} (2 clusters)`);
    // botocore's profile (AWS_DEFAULT_PROFILE) is the one SkyPilot uses.
    expect(lines[1]).toBe(
      `Active identities: AWS IAM user ${KEYS.alice.userId} in account ${ACCOUNT} · GCP me@example.com in project ml-dev`,
    );
    expect(result.out).toMatch(/^NAME +STATUS +LAUNCHED +CLOUD +OWNER +CAN OPERATE +ACTIVE$/m);
    expect(result.out).toMatch(
      // Launched 2025-11-24 16:00 UTC, over a week ago: days, then the local date.
      /^train +UP +\d+d ago, 2025-11-2[45] +aws +IAM user AIDAALICE00000000001 in account 111122223333 +alice, bob \(same account\) +yes$/m,
    );
    expect(result.out).toMatch(/^gpu +UP +.* gcp +me@example.com in project ml-dev +me@example.com +yes$/m);
  });

  it("reports a cluster of another SkyPilot workspace than config.yaml's active one", async () => {
    const home = await newHome();
    await writeSkyState(home, {
      schema: 'v0.12-infra-columns',
      rows: [
        {
          name: 'team',
          status: 'UP',
          owner: owners.aws(KEYS.alice.userId, ACCOUNT),
          cloud: 'AWS',
          workspace: 'research',
        },
      ],
    });
    const result = await cloudid(home, ['--json', '--verify'], { AWS_PROFILE: 'alice' });
    expect(result.code).toBe(1);
    expect(byName(result.out).team).toMatchObject({
      operableByActive: false,
      fix: `Set \`active_workspace: research\` in ${path.join(home, '.sky', 'config.yaml')}`,
    });
    await writeFile(path.join(home, '.sky', 'config.yaml'), 'active_workspace: research\n');
    const switched = await cloudid(home, ['--json', '--verify'], { AWS_PROFILE: 'alice' });
    expect(switched.code).toBe(0);
    expect(byName(switched.out).team?.operableByActive).toBe(true);
  });

  it("uses the active workspace's AWS profile, and a project's .sky.yaml picks the workspace (--project-dir)", async () => {
    const home = await newHome();
    await writeSkyState(home, {
      schema: 'v0.12-infra-columns',
      rows: [
        {
          name: 'a-train',
          status: 'UP',
          owner: owners.aws(KEYS.alice.userId, ACCOUNT),
          cloud: 'AWS',
          workspace: 'team-a',
        },
        {
          name: 'c-train',
          status: 'UP',
          owner: owners.aws(KEYS.carol.userId, OTHER),
          cloud: 'AWS',
          workspace: 'team-c',
        },
      ],
    });
    const userConfig = path.join(home, '.sky', 'config.yaml');
    // The documented shape (docs.skypilot.co admin/workspaces.html), one profile per workspace.
    await writeFile(
      userConfig,
      'workspaces:\n  team-a:\n    aws:\n      profile: alice\n  team-c:\n    aws:\n      profile: carol\nactive_workspace: team-a\n',
    );
    // AWS_PROFILE names carol, but the workspace gives boto3 alice's profile.
    const inA = await cloudid(home, ['--json', '--verify'], { AWS_PROFILE: 'carol' });
    const a = JSON.parse(inA.out) as { workspace: unknown; activeIdentities: { awsProfile: string } };
    expect(a.activeIdentities.awsProfile).toBe('alice');
    expect(a.workspace).toEqual({
      name: 'team-a',
      setIn: userConfig,
      definedIn: userConfig,
      awsProfile: 'alice',
      gcpProjectId: null,
      projectConfigFile: null,
    });
    expect(byName(inA.out)['a-train']?.operableByActive).toBe(true);
    expect(byName(inA.out)['c-train']).toMatchObject({
      operableByActive: false,
      fix: `Set \`active_workspace: team-c\` in ${userConfig}`,
    });

    const project = path.join(tmp, `project-${homes}`);
    await mkdir(project, { recursive: true });
    await writeFile(path.join(project, '.sky.yaml'), 'active_workspace: team-c\n');
    const inC = await cloudid(home, ['--project-dir', project, '--verify'], { AWS_PROFILE: 'alice' });
    expect(inC.out).toContain(
      `Workspace: team-c (active_workspace in ${path.join(project, '.sky.yaml')}) · sets AWS profile carol`,
    );
    expect(inC.out).toMatch(/^a-train .* NO$/m);
    expect(inC.out).toMatch(/^c-train .* yes$/m);
    expect(inC.out).toContain(`fix: Set \`active_workspace: team-a\` in ${path.join(project, '.sky.yaml')}`);

    const notAFolder = await cloudid(home, ['--project-dir', path.join(project, 'nope')]);
    expect(notAFolder.code).toBe(2);
    expect(notAFolder.err).toMatch(/is not a folder/);
  });

  it('warns when the jobs controller would get credentials that expire, in text and JSON', async () => {
    const home = await newHome();
    await writeFile(
      path.join(home, '.aws', 'config'),
      '[profile sso-dev]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Dev\nregion = us-east-1\n\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n',
    );
    await writeSkyState(home, {
      schema: 'v0.12-infra-columns',
      rows: [
        {
          name: 'sky-jobs-controller-2ea485ea',
          status: 'UP',
          owner: owners.aws(KEYS.alice.userId, ACCOUNT),
          cloud: 'AWS',
        },
      ],
    });
    const result = await cloudid(home, ['--json'], { AWS_PROFILE: 'sso-dev' });
    const json = JSON.parse(result.out) as {
      controllerWarnings: { cloud: string; controllers: string[]; message: string; instead: string }[];
      clusters: { controller: string }[];
    };
    expect(json.clusters[0]?.controller).toBe('jobs');
    // gcloud's ADC in newHome is a user credential: both clouds.
    expect(json.controllerWarnings.map((w) => [w.cloud, w.controllers])).toEqual([
      ['aws', ['sky-jobs-controller-2ea485ea']],
      ['gcp', ['sky-jobs-controller-2ea485ea']],
    ]);
    const text = await cloudid(home, [], { AWS_PROFILE: 'sso-dev' });
    expect(text.out).toContain(
      'warning: controllers sky-jobs-controller-2ea485ea: AWS profile "sso-dev", which SkyPilot would use, is an IAM Identity Center (SSO) profile',
    );
    expect(text.out).toMatch(/ {4}instead: Use a static role: `remote_identity: SERVICE_ACCOUNT`/);
    // Controllers that get no local credentials need no warning.
    await writeFile(
      path.join(home, '.sky', 'config.yaml'),
      'aws:\n  remote_identity: SERVICE_ACCOUNT\ngcp:\n  remote_identity: SERVICE_ACCOUNT\n',
    );
    expect(
      (
        JSON.parse((await cloudid(home, ['--json'], { AWS_PROFILE: 'sso-dev' })).out) as {
          controllerWarnings: unknown[];
        }
      ).controllerWarnings,
    ).toEqual([]);
  });

  it('says when there is no state, exiting 0, and fails on a corrupt one', async () => {
    const home = await newHome();
    const missing = await cloudid(home, ['--json']);
    expect(missing.code).toBe(0);
    expect(JSON.parse(missing.out)).toMatchObject({ available: false, reason: 'missing', clusters: [] });
    await mkdir(path.join(home, '.sky'), { recursive: true });
    await writeFile(path.join(home, '.sky', 'state.db'), 'garbage'.repeat(500));
    const corrupt = await cloudid(home, []);
    expect(corrupt.code).toBe(1);
    expect(corrupt.out).toMatch(/not a readable SQLite database/);
  });
});
