// `cloudid status --json` answered by status-fast.mjs, the one-file bundle the entries load before
// the command (scripts/cli-package/status-fast.mjs, electron/cli/status-fast-path.ts): the same
// bytes the command prints, for exactly `status --json`, and the command's own path otherwise.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildRepositoryCli } from '../../../scripts/cli-bundle.mjs';
import { cacheStamp, makeAwsHome, type AwsHome } from '../../support/aws-home';

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
  // Older than the same-timestamp window (ctime included), so the first run may remember its answer.
  await new Promise((resolve) => setTimeout(resolve, 2_100));
  return () => home.cleanup();
});

const memoFile = (): string => join(home.home, '.cache', 'cloud-identity-tray', 'status.memo');

function cloudid(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [join(out, 'cli', 'cloudid.mjs'), ...args], {
    env: { HOME: home.home, PATH: '', AWS_PROFILE: 'prod' },
    encoding: 'utf8',
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Runs with the command's own code out of reach: only status-fast.mjs can answer. */
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
