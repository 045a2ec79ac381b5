// `cloudid --version` prints the version the bundle was built with (scripts/cli-bundle.mjs puts
// package.json's there; test/integration/scripts/cli-package.test.ts checks that default end to end).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { buildStandaloneCli, minimumNode } from '../../../scripts/cli-bundle.mjs';

const run = promisify(execFile);
let dir = '';
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

it('prints the version given to the build, not a constant in the source', async () => {
  dir = await mkdtemp(join(tmpdir(), 'cloudid-version-'));
  await buildStandaloneCli(join(dir, 'cli'), { version: '9.8.7-test.1' });
  const { stdout } = await run(process.execPath, [join(dir, 'cli', 'cloudid.mjs'), '--version'], { cwd: dir });
  expect(stdout).toBe('cloudid 9.8.7-test.1\n');
});

it('the launcher refuses a Node older than the one package.json asks for, and says which', async () => {
  const launcher = await readFile(join(dir, 'cli', 'bin', 'cloudid.mjs'), 'utf8');
  const [major, minor, patch] = minimumNode();
  expect(launcher).toContain(`const want = [${major}, ${minor}, ${patch}];`);
  // The same launcher, asking for a Node that does not exist yet.
  await writeFile(
    join(dir, 'cli', 'bin', 'future.mjs'),
    launcher.replace(/const want = \[[^\]]*\];/, 'const want = [999, 0, 0];'),
  );
  const failed = await run(process.execPath, [join(dir, 'cli', 'bin', 'future.mjs'), '--version']).then(
    () => null,
    (error: { code: number; stderr: string }) => error,
  );
  expect(failed?.code).toBe(70);
  expect(failed?.stderr).toContain(
    `cloudid needs Node.js 999.0.0 or later; ${process.execPath} is ${process.version}.`,
  );
  const { stdout } = await run(process.execPath, [join(dir, 'cli', 'bin', 'cloudid.mjs'), '--version']);
  expect(stdout).toBe('cloudid 9.8.7-test.1\n');
});
