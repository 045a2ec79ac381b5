import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { detectAwsClis } from '../../../../electron/core/aws/aws-cli-detect';
import { openAwsCliVersionCache } from '../../../../electron/core/aws/aws-cli-version-cache';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A fake `aws` that records each run in a log file. */
async function fakeAws(binDir: string, log: string, version: string, exitCode = 0): Promise<void> {
  const script = join(binDir, 'aws');
  await writeFile(
    script,
    `#!/bin/sh\necho run >> "${log}"\necho "aws-cli/${version} Python/3.11.2 Linux/6 source/x86_64"\nexit ${exitCode}\n`,
  );
  await chmod(script, 0o755);
}

const runs = async (log: string): Promise<number> =>
  (await readFile(log, 'utf8').catch(() => '')).split('\n').filter(Boolean).length;

describe('aws --version cache', () => {
  it('asks each binary once, and again when the binary changes', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cloudid-vcache-'));
    const log = join(dir, 'runs.log');
    await fakeAws(dir, log, '2.15.0');
    const detect = async () =>
      detectAwsClis({
        path: dir,
        platform: 'linux',
        env: { PATH: dir },
        versionCache: await openAwsCliVersionCache(join(dir, 'cache')),
      });

    expect((await detect()).found[0]).toMatchObject({ version: '2.15.0', major: 2 });
    expect((await detect()).found[0]).toMatchObject({ version: '2.15.0', major: 2 });
    expect(await runs(log)).toBe(1);

    await fakeAws(dir, log, '2.16.10'); // an upgrade: different size and mtime
    expect((await detect()).found[0]).toMatchObject({ version: '2.16.10' });
    expect(await runs(log)).toBe(2);
  });

  it('does not remember failures, and forgets answers after the age limit', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cloudid-vcache-'));
    const log = join(dir, 'runs.log');
    await writeFile(join(dir, 'aws'), `#!/bin/sh\necho run >> "${log}"\necho garbage\n`);
    await chmod(join(dir, 'aws'), 0o755);
    const cacheDir = join(dir, 'cache');
    for (let i = 0; i < 2; i++) {
      const report = await detectAwsClis({
        path: dir,
        platform: 'linux',
        env: { PATH: dir },
        versionCache: await openAwsCliVersionCache(cacheDir),
      });
      expect(report.found[0]?.error).toMatch(/no AWS CLI version/);
    }
    expect(await runs(log)).toBe(2);

    await fakeAws(dir, log, '2.15.0');
    let clock = 1_000_000;
    const withClock = async () =>
      detectAwsClis({
        path: dir,
        platform: 'linux',
        env: { PATH: dir },
        versionCache: await openAwsCliVersionCache(cacheDir, () => clock, 60_000),
      });
    await withClock();
    await withClock();
    expect(await runs(log)).toBe(3);
    clock += 61_000;
    await withClock();
    expect(await runs(log)).toBe(4);
  });
  it('drops damaged entries and keeps the good ones; a file that is no list is ignored', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cloudid-vcache-'));
    const log = join(dir, 'runs.log');
    await fakeAws(dir, log, '2.15.0');
    const cacheDir = join(dir, 'cache');
    const file = join(cacheDir, 'aws-cli-versions.json');
    const detect = async () =>
      detectAwsClis({
        path: dir,
        platform: 'linux',
        env: { PATH: dir },
        versionCache: await openAwsCliVersionCache(cacheDir),
      });
    await detect();
    expect(await runs(log)).toBe(1);
    const stored = JSON.parse(await readFile(file, 'utf8')) as unknown[];
    expect(stored).toHaveLength(1);

    // Entries another build or a crash could leave: none of them may break a run.
    await writeFile(
      file,
      JSON.stringify([{}, null, { key: 1 }, { key: 'k', checkedAt: 1, install: { path: 7 } }, ...stored]),
    );
    expect((await detect()).found[0]).toMatchObject({ version: '2.15.0' });
    expect(await runs(log)).toBe(1);

    await writeFile(file, '{"not": "a list"}');
    expect((await detect()).found[0]).toMatchObject({ version: '2.15.0' });
    expect(await runs(log)).toBe(2);
    expect(JSON.parse(await readFile(file, 'utf8'))).toHaveLength(1);
  });
});
