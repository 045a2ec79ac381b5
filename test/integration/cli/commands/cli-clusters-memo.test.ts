// `cloudid clusters` remembered between runs (electron/cli/clusters-memo.ts): the analysis is
// printed again only while every input is the same and nothing in it can have changed, and is
// otherwise worked out afresh. Each test proves the memo was used by changing what it holds
// ("tampering": a cluster renamed in the memo); a run that must not use it has to print what a
// run with no caches at all prints.
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { clustersMemoFile } from '../../../../electron/cli/clusters-memo';
import { run as clustersCommand } from '../../../../electron/cli/commands/clusters';
import { appDataDir } from '../../../../electron/core/app/app-paths';
import { IDENTITY_MEMORY_FILE } from '../../../../electron/core/aws/identity-memory';
import { cacheStamp, makeAwsHome, type AwsHome } from '../../../support/aws-home';
import { commitInWal, owners, writeSkyState } from '../../../support/sky-state-fixtures';
import { startStsServer, type StsServer } from '../../../support/sts-server';

const MIN = 60_000;
const ACCOUNT = '111122223333';
const OTHER = '444455556666';
const ALICE = {
  id: 'AKIAALICE00000000001',
  secret: 'alice-secret-000000000000000000000000000',
  userId: 'AIDAALICE00000000001',
  arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
};
const SSO_TOKEN = 'sso-access-token-secret';

let home: AwsHome;
let cacheDir: string;
let scratch: string[] = [];
let sts: StsServer;
const savedAwsEnv: Record<string, string | undefined> = {};

beforeAll(async () => {
  // The SDK also peeks at process.env: keep the developer's AWS settings out of the test.
  for (const name of Object.keys(process.env)) {
    if (name.startsWith('AWS_')) {
      savedAwsEnv[name] = process.env[name];
      delete process.env[name];
    }
  }
  sts = await startStsServer({
    identities: {
      [ALICE.id]: { secretAccessKey: ALICE.secret, account: ACCOUNT, arn: ALICE.arn, userId: ALICE.userId },
    },
  });
});
afterAll(async () => {
  await sts.close();
  Object.assign(process.env, savedAwsEnv);
});

beforeEach(async () => {
  home = await makeAwsHome();
  cacheDir = await mkdtemp(join(tmpdir(), 'cloudid-clusters-memo-cache-'));
  // The fake clock runs ahead of the files' real times, so they are not "just changed".
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 10_000 });
});
afterEach(async () => {
  vi.useRealTimers();
  await home.cleanup();
  await Promise.all([cacheDir, ...scratch].map((d) => rm(d, { recursive: true, force: true })));
  scratch = [];
});

class Collect extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

interface Run {
  code: number;
  text: string;
}

const BASE_ENV = (): NodeJS.ProcessEnv => ({
  HOME: home.home,
  PATH: '',
  AWS_PROFILE: 'alice',
  AWS_ENDPOINT_URL_STS: sts.url,
  COLUMNS: '200',
});

async function clusters(
  env: NodeJS.ProcessEnv = {},
  args = ['--json'],
  dir: string | undefined = cacheDir,
): Promise<Run> {
  const stdout = new Collect();
  const stderr = new Collect();
  const code = await clustersCommand(args, {
    env: { ...BASE_ENV(), ...env },
    homeDir: home.home,
    stdout,
    stderr,
    ...(dir === undefined ? {} : { cacheDir: dir }),
  });
  expect(stderr.text).toBe('');
  return { code, text: stdout.text };
}

/** What a first run, with no cache of any kind, prints. */
async function fresh(env: NodeJS.ProcessEnv = {}, args = ['--json']): Promise<Run> {
  const dir = await mkdtemp(join(tmpdir(), 'cloudid-clusters-memo-fresh-'));
  scratch.push(dir);
  return clusters(env, args, dir);
}

/** Renames the cluster `train` to `TRAIN` in the memo: same width, so the table keeps its shape. */
async function tamper(): Promise<void> {
  const file = clustersMemoFile(cacheDir);
  const text = await readFile(file, 'utf8');
  expect(text).toContain('"name":"train"');
  await writeFile(file, text.replace('"name":"train"', '"name":"TRAIN"'));
}

/** Stores a memo, tampers with it, and checks that an unchanged run prints it, in both forms. */
async function remembered(env: NodeJS.ProcessEnv = {}): Promise<void> {
  const first = await clusters(env);
  const firstText = await clusters(env, []);
  await tamper();
  for (const [args, want] of [
    [['--json'], first],
    [[], firstText],
  ] as const) {
    const again = await clusters(env, [...args]);
    expect(again.text).toContain('TRAIN');
    expect(again.text.replaceAll('TRAIN', 'train')).toBe(want.text);
    expect(again.code).toBe(want.code);
  }
}

async function expectFresh(env: NodeJS.ProcessEnv = {}, args = ['--json']): Promise<Run> {
  const got = await clusters(env, args);
  expect(got.text).not.toContain('TRAIN');
  const want = await fresh(env, args);
  expect(got.text).toBe(want.text);
  expect(got.code).toBe(want.code);
  return got;
}

const CONFIG = `[profile alice]
region = us-east-1

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = eu-west-1

[profile prod]
sso_session = corp
sso_account_id = ${ACCOUNT}
sso_role_name = Admin
`;

async function setUp(options: { tokenExpiresAt?: number } = {}): Promise<void> {
  await home.writeConfig(CONFIG);
  await home.writeCredentials(`[alice]\naws_access_key_id = ${ALICE.id}\naws_secret_access_key = ${ALICE.secret}\n`);
  await home.writeToken('corp', {
    startUrl: 'https://corp.awsapps.com/start',
    region: 'eu-west-1',
    accessToken: SSO_TOKEN,
    expiresAt: cacheStamp(options.tokenExpiresAt ?? Date.now() + 3 * 3_600_000),
  });
  await writeSkyState(home.home, {
    schema: 'v0.10-alembic',
    journalMode: 'WAL',
    rows: [
      { name: 'train', status: 'UP', launched_at: 1_764_000_000, owner: owners.aws(ALICE.userId, ACCOUNT) },
      { name: 'prod', status: 'STOPPED', launched_at: 1_764_000_000, owner: owners.aws('AIDACAROL00000000003', OTHER) },
      { name: 'gpu', status: 'UP', launched_at: 1_764_100_000, owner: owners.gcp('me@example.com', 'ml-prod') },
    ],
  });
}

const memoExists = async (): Promise<boolean> =>
  stat(clustersMemoFile(cacheDir)).then(
    () => true,
    () => false,
  );

describe('cloudid clusters, remembered', () => {
  it('prints exactly what a run without caches prints, in both forms, from the memo while nothing changed', async () => {
    await setUp();
    const want = await fresh();
    expect((await clusters()).text).toBe(want.text);
    expect(JSON.parse(want.text).clusters.map((c: { name: string }) => c.name)).toEqual(['gpu', 'prod', 'train']);
    await remembered();
  });

  it('keeps no secret, and keeps it private (0600, folder 0700) with no temp file left', async () => {
    await setUp();
    const dir = join(await mkdtemp(join(tmpdir(), 'cloudid-clusters-memo-new-')), 'cache');
    scratch.push(dirname(dir));
    await clusters({}, ['--json'], dir);
    const memo = await readFile(clustersMemoFile(dir), 'utf8');
    expect(memo).not.toContain(ALICE.secret);
    expect(memo).not.toContain(SSO_TOKEN);
    expect((await stat(clustersMemoFile(dir))).mode & 0o777).toBe(0o600);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect((await readdir(dir)).filter((name) => name.includes('tmp'))).toEqual([]);
  });

  describe('works it out again when an input changed', () => {
    const cases: { name: string; change: () => Promise<void>; env?: NodeJS.ProcessEnv }[] = [
      {
        name: 'a cluster committed to the write-ahead log',
        change: async () => commitInWal(join(home.home, '.sky', 'state.db'), [{ name: 'new', status: 'INIT' }]),
      },
      {
        name: "SkyPilot's config (a workspace's profile)",
        change: () =>
          writeFile(join(home.home, '.sky', 'config.yaml'), 'workspaces:\n  default:\n    aws:\n      profile: prod\n'),
      },
      { name: 'the AWS config', change: () => home.writeConfig(`${CONFIG}\n[profile extra]\nregion = eu-west-1\n`) },
      { name: 'the credentials file', change: () => home.writeCredentials('[alice]\nregion = us-east-1\n') },
      {
        name: "an SSO session's token",
        change: async () => {
          await home.writeToken('corp', { startUrl: 'https://corp.awsapps.com/start', region: 'eu-west-1' });
        },
      },
      {
        name: "gcloud's account",
        change: async () => {
          await mkdir(join(home.home, '.config', 'gcloud', 'configurations'), { recursive: true });
          await writeFile(join(home.home, '.config', 'gcloud', 'active_config'), 'default');
          await writeFile(
            join(home.home, '.config', 'gcloud', 'configurations', 'config_default'),
            '[core]\naccount = me@example.com\nproject = ml-prod\n',
          );
        },
      },
      { name: 'AWS_PROFILE', change: async () => undefined, env: { AWS_PROFILE: 'prod' } },
      {
        name: 'SKYPILOT_SKIP_CLOUD_IDENTITY_CHECK',
        change: async () => undefined,
        env: { SKYPILOT_SKIP_CLOUD_IDENTITY_CHECK: '1' },
      },
      { name: 'GOOGLE_CLOUD_PROJECT', change: async () => undefined, env: { GOOGLE_CLOUD_PROJECT: 'other-project' } },
      {
        name: 'keys in the environment',
        change: async () => undefined,
        env: { AWS_ACCESS_KEY_ID: ALICE.id, AWS_SECRET_ACCESS_KEY: ALICE.secret },
      },
    ];
    for (const c of cases) {
      it(c.name, async () => {
        await setUp();
        await remembered();
        await c.change();
        // Past the same-timestamp window of what just changed, so the new answer may be kept.
        vi.setSystemTime(Date.now() + 10_000);
        await expectFresh(c.env);
        if (c.env === undefined) return;
        // The memo under the old variables is gone (one memo), but the new one answers.
        await remembered(c.env);
      });
    }
  });

  it('judges a project folder by its own .sky.yaml, and tells projects apart', async () => {
    await setUp();
    await writeFile(
      join(home.home, '.sky', 'config.yaml'),
      'workspaces:\n  default: {}\n  team:\n    aws:\n      profile: prod\n',
    );
    const project = await mkdtemp(join(tmpdir(), 'cloudid-clusters-memo-project-'));
    scratch.push(project);
    await writeFile(join(project, '.sky.yaml'), 'active_workspace: team\n');
    vi.setSystemTime(Date.now() + 10_000);
    await remembered();
    const inProject = await expectFresh({}, ['--json', '--project-dir', project]);
    expect(JSON.parse(inProject.text).workspace).toMatchObject({ name: 'team' });
    await writeFile(join(project, '.sky.yaml'), 'active_workspace: default\n');
    vi.setSystemTime(Date.now() + 10_000);
    expect(JSON.parse((await expectFresh({}, ['--json', '--project-dir', project])).text).workspace).toMatchObject({
      name: 'default',
    });
  });

  it('works it out again once an SSO token enters its lead time', async () => {
    await setUp({ tokenExpiresAt: Date.now() + 2 * 3_600_000 });
    await remembered({ AWS_PROFILE: 'prod' });
    // The default lead time is 15 minutes: 1 h 50 min later the token is "expiring".
    vi.setSystemTime(Date.now() + 110 * MIN);
    await expectFresh({ AWS_PROFILE: 'prod' });
  });

  it('uses a remembered STS answer only while its age reads the same, and after --verify', async () => {
    await setUp();
    const verified = await clusters({}, ['--json', '--verify']);
    expect(verified.code).toBe(1); // prod is Carol's
    expect(await memoExists()).toBe(false); // a run that asked STS is not remembered
    expect(await readFile(join(appDataDir({}, home.home, process.platform), IDENTITY_MEMORY_FILE), 'utf8')).toContain(
      ALICE.userId,
    );
    vi.setSystemTime(Date.now() + 10_000);
    await remembered();
    expect((await clusters()).text).toContain('verified just now');
    vi.setSystemTime(Date.now() + MIN);
    const later = await expectFresh();
    expect(later.text).toContain('verified 1m ago');
    await remembered();
  });

  it('keeps nothing when files have just changed, state.db is missing, or SkyPilot is writing', async () => {
    await setUp();
    vi.useRealTimers(); // the files were written a moment ago, in real time
    await clusters();
    expect(await memoExists()).toBe(false);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 10_000 });
    await writeFile(join(home.home, '.sky', 'state.db-journal'), '');
    vi.setSystemTime(Date.now() + 10_000);
    await clusters();
    expect(await memoExists()).toBe(false);
    await rm(join(home.home, '.sky'), { recursive: true });
    vi.setSystemTime(Date.now() + 10_000);
    const missing = await clusters();
    expect(JSON.parse(missing.text)).toMatchObject({ available: false, reason: 'missing' });
    expect(await memoExists()).toBe(false);
  });

  it('ignores a damaged memo, or one whose header has the key but not the shape', async () => {
    await setUp();
    await clusters();
    const text = await readFile(clustersMemoFile(cacheDir), 'utf8');
    const newline = text.indexOf('\n');
    const header = JSON.parse(text.slice(0, newline)) as Record<string, unknown>;
    const body = text.slice(newline).replace('"name":"train"', '"name":"TRAIN"');
    for (const damaged of [
      'not a memo',
      `${text.slice(0, newline)}\n{"clusters":`,
      `${text.slice(0, newline)}\n{"clusters":"none"}`,
      // The right shape at the top, but not a cluster, or not a match, inside.
      `${text.slice(0, newline)}\n${JSON.stringify({ ...JSON.parse(text.slice(newline + 1)), clusters: [42] })}`,
      `${text.slice(0, newline)}\n${JSON.stringify({ ...JSON.parse(text.slice(newline + 1)), clusters: [{ name: 'train', matches: [null] }] })}`,
      ...[{ format: 2 }, { key: 42 }, { at: '2026-01-01' }, { exitCode: 'no' }, { validUntil: undefined }].map(
        (damage) => `${JSON.stringify({ ...header, ...damage })}${body}`,
      ),
    ]) {
      await writeFile(clustersMemoFile(cacheDir), damaged);
      await expectFresh();
    }
  });
});
