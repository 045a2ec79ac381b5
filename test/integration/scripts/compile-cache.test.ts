// The `cloudid` bundles turn on V8's compile cache (scripts/cli-package/compile-cache.mjs): in the
// user's own cache folder, private to them, and never at the cost of the command itself.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../../../scripts/cli-bundle.mjs';

let work = '';
let script = '';

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cloudid-compile-cache-'));
  // As the entries do: the cache first, then a module loaded after it, which is what gets cached.
  await writeFile(join(work, 'later.mjs'), 'export const answer = 42;\n');
  await writeFile(
    join(work, 'entry.mjs'),
    [
      `import { getCompileCacheDir } from 'node:module';`,
      `import { enableCliCompileCache } from ${JSON.stringify(join(REPO, 'scripts', 'cli-package', 'compile-cache.mjs'))};`,
      `enableCliCompileCache();`,
      `const { answer } = await import('./later.mjs');`,
      `console.log(JSON.stringify({ answer, dir: getCompileCacheDir() ?? null }));`,
    ].join('\n'),
  );
  script = join(work, 'bundle.mjs');
  await build({
    entryPoints: [join(work, 'entry.mjs')],
    outfile: script,
    bundle: true,
    platform: 'node',
    format: 'esm',
    external: ['./later.mjs'],
    logLevel: 'warning',
  });
}, 60_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

function run(env: NodeJS.ProcessEnv): { status: number | null; answer?: number; dir?: string | null } {
  const result = spawnSync(process.execPath, [script], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' });
  return { status: result.status, ...(JSON.parse(result.stdout.trim() || '{}') as { answer?: number; dir?: string }) };
}

describe('the compile cache of the cloudid bundles', () => {
  it("lives in the user's cache folder, readable by them alone, and fills on the first run", async () => {
    const home = await mkdtemp(join(work, 'home-'));
    const ran = run({ HOME: home });
    const folder = join(home, '.cache', 'cloud-identity-tray', 'v8-compile-cache');
    expect(ran).toMatchObject({ status: 0, answer: 42 });
    expect(ran.dir?.startsWith(folder)).toBe(true);
    expect((await stat(folder)).mode & 0o777).toBe(0o700);
    const versions = await readdir(folder);
    expect(versions.length).toBe(1);
    expect((await readdir(join(folder, versions[0] as string))).length).toBeGreaterThan(0);
  });

  it('follows XDG_CACHE_HOME, as the other caches of cloudid do', async () => {
    const home = await mkdtemp(join(work, 'home-'));
    const xdg = await mkdtemp(join(work, 'xdg-'));
    const ran = run({ HOME: home, XDG_CACHE_HOME: xdg });
    expect(ran.dir?.startsWith(join(xdg, 'cloud-identity-tray', 'v8-compile-cache'))).toBe(true);
  });

  it('runs the command without a cache when the folder cannot be made', async () => {
    const home = await mkdtemp(join(work, 'home-'));
    const blocked = join(home, 'not-a-folder');
    await writeFile(blocked, '');
    expect(run({ HOME: home, XDG_CACHE_HOME: blocked })).toEqual({ status: 0, answer: 42, dir: null });
  });
});
