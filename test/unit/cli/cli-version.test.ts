// `cloudid --version` prints the version the bundle was built with (scripts/cli-bundle.mjs puts
// package.json's there; test/integration/cli-package.test.ts checks that default end to end).
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { buildStandaloneCli } from '../../../scripts/cli-bundle.mjs';

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
