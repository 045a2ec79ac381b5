// The standalone `cloudid` (scripts/cli-bundle.mjs) reading gcloud's and SkyPilot's databases as a
// user runs it: on a Node with a usable node:sqlite (electron/core/fs/node-sqlite.ts) it never
// needs sql.js's WebAssembly, which is deleted from the build here to prove it, and nothing it
// prints carries Node's ExperimentalWarning. The sql.js fallback, bundled the same way, still runs.
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeSqliteUsable } from '../../../../electron/core/fs/node-sqlite';
import { buildStandaloneCli, REPO } from '../../../../scripts/cli-bundle.mjs';
import { writeSyntheticGcloudDir } from '../../../support/gcloud-fixtures';
import { owners, writeSkyState } from '../../../support/sky-state-fixtures';

let work = '';
let cli = '';
let home = '';

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cloudid-sqlite-'));
  await buildStandaloneCli(join(work, 'cli'));
  cli = join(work, 'cli', 'bin', 'cloudid.mjs');
  home = join(work, 'home');
  await mkdir(join(home, '.config', 'gcloud'), { recursive: true });
  await writeSyntheticGcloudDir(join(home, '.config', 'gcloud'), 2, 3);
  await writeSkyState(home, {
    schema: 'v0.10-alembic',
    rows: [{ name: 'old', status: 'STOPPED', owner: owners.aws('AIDAEXAMPLEUSER00001', '111122223333') }],
    walRows: [{ name: 'fresh', status: 'INIT', owner: owners.aws('AIDAEXAMPLEUSER00001', '111122223333') }],
  });
}, 120_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

function cloudid(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], {
    env: { PATH: process.env.PATH, HOME: home, LANG: 'C.UTF-8' },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the standalone cloudid on this Node', () => {
  it('runs on a Node where node:sqlite deserializes (the test needs one)', () => {
    expect(nodeSqliteUsable()).toBe(true);
  });

  it('reads 3 gcloud accounts and the SkyPilot WAL without sql.js, and prints no warning', async () => {
    await rm(join(work, 'cli', 'sql-wasm.wasm'), { force: true });
    const status = cloudid(['status', '--json']);
    expect(status.stderr).toBe('');
    const doc = JSON.parse(status.stdout) as { gcp: { accounts: Array<{ account: string }>; problems: unknown[] } };
    expect(doc.gcp.accounts).toHaveLength(3);
    expect(doc.gcp.problems).toEqual([]);

    const clusters = cloudid(['clusters', '--json']);
    expect(clusters.stderr).toBe('');
    expect(clusters.stdout).toContain('"fresh"');
    expect(clusters.stdout).toContain('"old"');
  });
});

describe('the sql.js fallback, bundled as the standalone cloudid is', () => {
  it('opens an image although an ES module bundle has no __dirname', async () => {
    const entry = join(work, 'fallback-entry.ts');
    const source = join(REPO, 'electron', 'core', 'fs', 'sqlite-image.ts');
    await writeFile(
      entry,
      `import { openSqliteImage } from ${JSON.stringify(source)};
const image = await openSqliteImage(new Uint8Array(await (await import('node:fs/promises')).readFile(process.argv[2])), { engine: 'sql.js', wasmPath: process.argv[3] });
console.log(JSON.stringify({ engine: image.engine, rows: image.select('SELECT name FROM t') }));
image.close();
`,
    );
    const outfile = join(work, 'fallback', 'entry.mjs');
    // The options of the standalone build that matter here: one ES module, packages inside it.
    await build({
      entryPoints: [entry],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22.12',
      mainFields: ['module', 'main'],
      banner: {
        js: "import { createRequire as __cloudidCreateRequire } from 'node:module'; const require = __cloudidCreateRequire(import.meta.url);",
      },
      logLevel: 'silent',
      absWorkingDir: REPO,
    });
    expect(await readFile(outfile, 'utf8')).toContain('__dirname');
    const db = new DatabaseSync(':memory:');
    db.exec("CREATE TABLE t (name TEXT); INSERT INTO t VALUES ('a'), ('b');");
    await writeFile(join(work, 'fallback', 'image.db'), db.serialize());
    db.close();
    const wasm = join(REPO, 'node_modules', 'sql.js', 'dist', 'sql-wasm.wasm');
    const result = spawnSync(process.execPath, [outfile, join(work, 'fallback', 'image.db'), wasm], {
      cwd: work,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ engine: 'sql.js', rows: [{ name: 'a' }, { name: 'b' }] });
  });
});
