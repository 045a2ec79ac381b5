// `cloudid status --json` and `cloudid clusters` answered by status-fast.mjs and clusters-fast.mjs,
// the one-file bundles the entries load before the command (scripts/cli-package/fast-paths.mjs,
// electron/cli/status-fast-path.ts, clusters-fast-path.ts): the same bytes the command prints, for
// the forms a memo can answer, and the command's own path otherwise.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildRepositoryCli } from '../../../scripts/cli-bundle.mjs';
import { cacheStamp, makeAwsHome, type AwsHome } from '../../support/aws-home';
import { owners, runSql, writeSkyState } from '../../support/sky-state-fixtures';

let out = '';
let home: AwsHome;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'cloudid-fast-build-'));
  await buildRepositoryCli(join(out, 'cli'));
}, 120_000);
afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});
beforeEach(async () => {
  home = await makeAwsHome();
  await home.writeConfig(
    '[profile prod]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Admin\n\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\n',
  );
  await home.writeToken('corp', {
    startUrl: 'https://corp.awsapps.com/start',
    region: 'eu-west-1',
    accessToken: 'secret',
    expiresAt: cacheStamp(Date.now() + 3 * 3_600_000),
  });
  await writeSkyState(home.home, {
    schema: 'v0.10-alembic',
    rows: [
      {
        name: 'train',
        status: 'UP',
        launched_at: 1_764_000_000,
        owner: owners.aws('AIDAALICE00000000001', '111122223333'),
      },
      {
        name: 'other',
        status: 'UP',
        launched_at: 1_764_000_000,
        owner: owners.aws('AIDACAROL00000000003', '444455556666'),
      },
    ],
  });
  // Older than the same-timestamp window (ctime included), so the first run may remember its answer.
  await new Promise((resolve) => setTimeout(resolve, 2_100));
  return () => home.cleanup();
});

const memoFile = (name = 'status.memo'): string => join(home.home, '.cache', 'cloud-identity-tray', name);

function cloudid(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [join(out, 'cli', 'cloudid.mjs'), ...args], {
    env: { HOME: home.home, PATH: '', AWS_PROFILE: 'prod', COLUMNS: '200' },
    encoding: 'utf8',
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Runs with the commands' own code out of reach: only a fast path can answer. */
async function withoutTheCommand<T>(run: () => T): Promise<T> {
  const chunks = join(out, 'cli', 'chunks');
  const main = (await readdir(chunks)).find((name) => /^main-.*\.mjs$/.test(name)) as string;
  await rename(join(chunks, main), join(chunks, `${main}.away`));
  try {
    return run();
  } finally {
    await rename(join(chunks, `${main}.away`), join(chunks, main));
  }
}

const sansTime = (text: string): string => text.replace(/"generatedAt":"[^"]*"/, '"generatedAt":""');

describe('status --json from status-fast.mjs', () => {
  it('prints, without loading the command, the bytes the command printed, and its exit status', async () => {
    const first = cloudid(['status', '--json']);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    const memo = await readFile(memoFile(), 'utf8');
    await writeFile(memoFile(), memo.replace('"activeProfileNotes":[]', '"activeProfileNotes":["TAMPERED"]'));
    const fast = await withoutTheCommand(() => cloudid(['status', '--json']));
    expect(fast).toMatchObject({ code: 0, stderr: '' });
    expect(sansTime(fast.stdout.replace('"TAMPERED"', ''))).toBe(sansTime(first.stdout));
    expect(JSON.parse(fast.stdout).generatedAt).not.toBe(JSON.parse(first.stdout).generatedAt);
  });

  it('leaves everything else to the command: another form, or a memo that does not answer', async () => {
    cloudid(['status', '--json']);
    const table = await withoutTheCommand(() => cloudid(['status']));
    expect(table.code).not.toBe(0);
    expect(table.stderr).toMatch(/main-/); // the command's own path was taken, and is away
    await writeFile(join(home.home, '.aws', 'config'), '[profile other]\nregion = eu-west-1\n');
    const changed = cloudid(['status', '--json']);
    expect(changed.code).toBe(1); // AWS_PROFILE=prod no longer exists
    expect(JSON.parse(changed.stdout).aws.profiles.map((p: { name: string }) => p.name)).toEqual(['other']);
  });

  it("hands its key to the command when the memo does not answer, and the command's answer is remembered under it", async () => {
    cloudid(['status', '--json']);
    await writeFile(join(home.home, '.aws', 'config'), '[profile prod]\nregion = eu-west-1\n');
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const worked = cloudid(['status', '--json']); // the fast path misses; the command works it out
    expect(JSON.parse(worked.stdout).aws.profiles[0]).toMatchObject({ name: 'prod', region: 'eu-west-1' });
    const fast = await withoutTheCommand(() => cloudid(['status', '--json']));
    expect(fast.stderr).toBe('');
    expect(sansTime(fast.stdout)).toBe(sansTime(worked.stdout));
  });
});

describe('clusters from clusters-fast.mjs', () => {
  /** Renames `train` in the memo (same width, so the table keeps its shape). */
  async function tamper(): Promise<void> {
    const memo = await readFile(memoFile('clusters.memo'), 'utf8');
    expect(memo).toContain('"name":"train"');
    await writeFile(memoFile('clusters.memo'), memo.replace('"name":"train"', '"name":"TRAIN"'));
  }

  it('prints, without loading the command, what the command printed, as a table or JSON, and its exit status', async () => {
    const table = cloudid(['clusters']);
    const json = cloudid(['clusters', '--json']);
    expect(table).toMatchObject({ code: 1, stderr: '' }); // `other` is Carol's
    expect(json).toMatchObject({ code: 1, stderr: '' });
    await tamper();
    for (const [args, want] of [
      [['clusters'], table],
      [['clusters', '--json'], json],
    ] as const) {
      const fast = await withoutTheCommand(() => cloudid([...args]));
      expect(fast).toMatchObject({ code: 1, stderr: '' });
      expect(fast.stdout).toContain('TRAIN');
      expect(fast.stdout.replaceAll('TRAIN', 'train')).toBe(want.stdout);
    }
  });

  it('leaves --verify, --help, usage errors and another project to the command', async () => {
    cloudid(['clusters']);
    for (const args of [
      ['--verify'],
      ['--help'],
      ['--bogus'],
      ['--project-dir', home.home],
      ['--project-dir', '/nonexistent'],
    ]) {
      const run = await withoutTheCommand(() => cloudid(['clusters', ...args]));
      expect(run.stderr, args.join(' ')).toMatch(/main-/); // the command's own path was taken, and is away
    }
  });

  it("hands its key to the command when the memo does not answer, and the command's answer is remembered under it", async () => {
    cloudid(['clusters', '--json']);
    runSql(join(home.home, '.sky', 'state.db'), "DELETE FROM clusters WHERE name = 'other'");
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const worked = cloudid(['clusters', '--json']);
    expect(worked.code).toBe(0);
    expect(JSON.parse(worked.stdout).clusters).toEqual([expect.objectContaining({ name: 'train' })]);
    await tamper();
    const fast = await withoutTheCommand(() => cloudid(['clusters', '--json']));
    expect(fast.stderr).toBe('');
    expect(fast.stdout.replaceAll('TRAIN', 'train')).toBe(worked.stdout);
  });
});
