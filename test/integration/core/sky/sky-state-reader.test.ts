// readSkyState against state.db files written by real SQLite (python3), in the layouts of several
// SkyPilot versions, in WAL mode with uncheckpointed commits, locked by a writer, and damaged.
import { mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SqliteEngine } from '../../../../electron/core/fs/sqlite-image';
import { readSkyState } from '../../../../electron/core/sky/sky-state-reader';
import {
  holdExclusiveLock,
  owners,
  runSql,
  startBusyWriter,
  writeSkyState,
  type SkySchema,
} from '../../../support/sky-state-fixtures';

const homes: string[] = [];
async function home(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cloudid-sky-'));
  homes.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(homes.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

// A port nothing listens on, so the "missing file" checks never see a real local API server.
let closedPort = 0;
beforeAll(async () => {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closedPort = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const read = (homeDir: string, env: NodeJS.ProcessEnv = {}, apiServerPort = closedPort) =>
  readSkyState({ homeDir, env, apiServerPort });

const LAUNCHED = 1_764_000_000; // 2025-11-24T16:00:00Z
const awsOwner = owners.aws('AIDAEXAMPLEUSER00001', '111122223333');

describe('SkyPilot versions', () => {
  const versions: { schema: SkySchema; missing: string[] }[] = [
    { schema: 'v0.1-no-owner', missing: ['owner', 'cloud', 'region', 'workspace', 'user_hash'] },
    { schema: 'v0.2-legacy-owner', missing: ['cloud', 'region', 'workspace', 'user_hash'] },
    { schema: 'v0.9-sqlite3', missing: ['cloud', 'region', 'workspace'] },
    { schema: 'v0.10-alembic', missing: ['cloud', 'region'] },
    { schema: 'v0.12-infra-columns', missing: [] },
  ];
  for (const { schema, missing } of versions) {
    it(`reads the clusters of ${schema}, missing columns as null`, async () => {
      const dir = await home();
      const hasOwner = schema !== 'v0.1-no-owner';
      await writeSkyState(dir, {
        schema,
        rows: [
          { name: 'train', status: 'UP', launched_at: LAUNCHED, ...(hasOwner ? { owner: awsOwner } : {}) },
          { name: 'eval', status: 'STOPPED', launched_at: null },
        ],
      });
      const state = await read(dir);
      expect(state.available).toBe(true);
      expect(state.reason).toBeNull();
      expect(state.missingColumns).toEqual(missing);
      expect(state.clusters.map((c) => [c.name, c.status, c.launchedAt])).toEqual([
        ['eval', 'STOPPED', null],
        ['train', 'UP', '2025-11-24T16:00:00.000Z'],
      ]);
      const train = state.clusters.find((c) => c.name === 'train');
      expect(train?.ownerIdentity).toEqual(hasOwner ? ['AIDAEXAMPLEUSER00001', '111122223333'] : null);
      expect(train?.cloud).toBe(hasOwner ? 'aws' : null);
      expect(state.problems).toEqual([]);
    });
  }

  it('takes the cloud from the cloud column of revision 013 over the owner shape', async () => {
    const dir = await home();
    await writeSkyState(dir, {
      schema: 'v0.12-infra-columns',
      rows: [
        { name: 'k8s', status: 'UP', owner: JSON.stringify(['my-context']), cloud: 'Kubernetes', region: 'my-context' },
        {
          name: 'gpu',
          status: 'UP',
          owner: owners.gcp('me@example.com', 'ml-prod'),
          cloud: 'GCP',
          region: 'us-central1',
          workspace: 'research',
        },
      ],
    });
    const state = await read(dir);
    expect(state.clusters.map((c) => [c.name, c.cloud, c.cloudSource, c.region, c.workspace])).toEqual([
      ['gpu', 'gcp', 'column', 'us-central1', 'research'],
      ['k8s', 'kubernetes', 'column', 'my-context', 'default'],
    ]);
  });

  it('keeps legacy owners as SkyPilot loads them: plain strings and numbers become [text]', async () => {
    const dir = await home();
    await writeSkyState(dir, {
      schema: 'v0.2-legacy-owner',
      rows: [
        { name: 'a', status: 'UP', owner: owners.legacyAwsUserId('AIDAEXAMPLEUSER00001') },
        { name: 'b', status: 'UP', owner: '111122223333' },
        { name: 'c', status: 'UP', owner: '"quoted@example.com"' },
        { name: 'd', status: 'UP', owner: 'null' },
        { name: 'e', status: 'UP', owner: null },
      ],
    });
    const state = await read(dir);
    const byName = Object.fromEntries(state.clusters.map((c) => [c.name, c]));
    expect(byName.a).toMatchObject({
      owner: 'AIDAEXAMPLEUSER00001',
      ownerIdentity: ['AIDAEXAMPLEUSER00001'],
      cloud: 'aws',
    });
    expect(byName.b).toMatchObject({ owner: 111122223333, ownerIdentity: ['111122223333'], cloud: 'aws' });
    expect(byName.c).toMatchObject({ owner: 'quoted@example.com', ownerIdentity: ['"quoted@example.com"'] });
    expect(byName.d).toMatchObject({ owner: null, ownerIdentity: null, ownerText: 'null' });
    expect(byName.e).toMatchObject({ owner: null, ownerIdentity: null, ownerText: null });
  });
});

describe('write-ahead log', () => {
  it('sees commits that live only in state.db-wal, and never writes the files', async () => {
    const dir = await home();
    const file = await writeSkyState(dir, {
      schema: 'v0.10-alembic',
      journalMode: 'WAL',
      rows: [{ name: 'old', status: 'STOPPED', owner: awsOwner }],
      walRows: [{ name: 'fresh', status: 'INIT', launched_at: LAUNCHED, owner: awsOwner }],
    });
    expect((await stat(`${file}-wal`)).size).toBeGreaterThan(0);
    const before = await Promise.all([readFile(file), readFile(`${file}-wal`), readFile(`${file}-shm`)]);
    const listing = await readdir(path.dirname(file));
    const state = await read(dir);
    expect(state.clusters.map((c) => c.name)).toEqual(['fresh', 'old']);
    expect(state.walFrames).toBeGreaterThan(0);
    const after = await Promise.all([readFile(file), readFile(`${file}-wal`), readFile(`${file}-shm`)]);
    expect(after.every((bytes, i) => bytes.equals(before[i]!))).toBe(true);
    expect(await readdir(path.dirname(file))).toEqual(listing);
  });

  it('creates no -wal, -shm or -journal beside a rollback-journal database', async () => {
    const dir = await home();
    const file = await writeSkyState(dir, {
      schema: 'v0.9-sqlite3',
      journalMode: 'DELETE',
      rows: [{ name: 'a', status: 'UP' }],
    });
    const listing = await readdir(path.dirname(file));
    expect(listing).toEqual(['state.db']);
    expect((await read(dir)).clusters.map((c) => c.name)).toEqual(['a']);
    expect(await readdir(path.dirname(file))).toEqual(listing);
  });

  it('stops at frames left from before the log restarted (old salt, broken checksum chain), so a deleted cluster stays deleted', async () => {
    const dir = await home();
    const many = Array.from({ length: 20 }, (_, i) => ({
      name: `c${String(i).padStart(2, '0')}`,
      status: 'UP',
      owner: awsOwner.padEnd(400),
    }));
    const file = await writeSkyState(dir, {
      schema: 'v0.9-sqlite3',
      rows: [],
      // 20 commits fill the log; a checkpoint backfills them all; the next commit restarts the log
      // from its start with new salts, so older frames (with the old salt) remain after it.
      walSteps: [{ insert: many }, { checkpoint: 'PASSIVE' }, { sql: "DELETE FROM clusters WHERE name = 'c05';" }],
    });
    const wal = await readFile(`${file}-wal`);
    const frameSalt = (index: number): number => wal.readUInt32BE(32 + index * (24 + 4096) + 8);
    expect(frameSalt(0)).toBe(wal.readUInt32BE(16));
    expect(frameSalt(3)).not.toBe(wal.readUInt32BE(16));
    const state = await read(dir);
    expect(state.clusters.map((c) => c.name)).toEqual(many.map((c) => c.name).filter((n) => n !== 'c05'));
  });

  it('ignores a torn frame appended after the last commit', async () => {
    const dir = await home();
    const file = await writeSkyState(dir, {
      schema: 'v0.9-sqlite3',
      rows: [{ name: 'old', status: 'UP' }],
      walRows: [{ name: 'fresh', status: 'UP' }],
    });
    const wal = await readFile(`${file}-wal`);
    await writeFile(`${file}-wal`, Buffer.concat([wal, Buffer.alloc(4096 + 24, 0x5a)]));
    const state = await read(dir);
    expect(state.clusters.map((c) => c.name)).toEqual(['fresh', 'old']);
  });

  it('ignores a log whose header is damaged and says so', async () => {
    const dir = await home();
    const file = await writeSkyState(dir, {
      schema: 'v0.9-sqlite3',
      rows: [{ name: 'old', status: 'UP' }],
      walRows: [{ name: 'fresh', status: 'UP' }],
    });
    const wal = await readFile(`${file}-wal`);
    wal[12] = (wal[12]! + 1) % 256;
    await writeFile(`${file}-wal`, wal);
    const state = await read(dir);
    expect(state.clusters.map((c) => c.name)).toEqual(['old']);
    expect(state.problems.map((p) => p.message).join('\n')).toMatch(/-wal header checksum/);
  });
});

describe('a writer holding the database', () => {
  for (const journalMode of ['WAL', 'DELETE'] as const) {
    it(`reads the last committed state while python3 holds BEGIN EXCLUSIVE (${journalMode})`, async () => {
      const dir = await home();
      const file = await writeSkyState(dir, {
        schema: 'v0.9-sqlite3',
        journalMode,
        rows: [{ name: 'committed', status: 'UP' }],
      });
      const lock = await holdExclusiveLock(file, { name: 'uncommitted', status: 'INIT' });
      try {
        const state = await read(dir);
        expect(state.available).toBe(true);
        expect(state.clusters.map((c) => c.name)).toEqual(['committed']);
      } finally {
        await lock.release();
      }
    });
  }

  it('reports busy, not garbage, when the writer has begun changing the file (rollback journal)', async () => {
    const dir = await home();
    const file = await writeSkyState(dir, {
      schema: 'v0.9-sqlite3',
      journalMode: 'DELETE',
      rows: [{ name: 'committed', status: 'UP' }],
    });
    const lock = await holdExclusiveLock(file, { name: 'uncommitted', status: 'INIT' }, { spill: true });
    try {
      const state = await readSkyState({ homeDir: dir, env: {}, apiServerPort: closedPort });
      expect(state.available).toBe(false);
      expect(state.reason).toBe('busy');
      expect(state.message).toMatch(/writing it right now/);
    } finally {
      await lock.release();
    }
    const after = await read(dir);
    expect(after.clusters.map((c) => c.name)).toEqual(['committed']);
  });
});

describe('reading while SkyPilot commits', () => {
  for (const journalMode of ['WAL', 'DELETE'] as const) {
    it(`every read is a committed state or "busy", never a torn one (${journalMode})`, async () => {
      const dir = await home();
      const file = await writeSkyState(dir, { schema: 'v0.9-sqlite3', journalMode, rows: [] });
      const writer = startBusyWriter(file, 150);
      let finished = false;
      void writer.done.finally(() => (finished = true)).catch(() => undefined);
      const outcomes: string[] = [];
      while (!finished) {
        const state = await read(dir);
        if (!state.available) {
          expect(state.reason).toBe('busy');
          outcomes.push('busy');
          continue;
        }
        // Commits happen in order, so a committed state holds exactly w0000..w(n-1).
        const names = state.clusters.map((c) => c.name);
        expect(names).toEqual(names.map((_, i) => `w${String(i).padStart(4, '0')}`));
        outcomes.push(String(names.length));
      }
      await writer.done;
      expect((await read(dir)).clusters).toHaveLength(150);
      expect(outcomes.length).toBeGreaterThan(0);
    });
  }
});

describe('damaged or foreign files', () => {
  it('says a file that is not SQLite is corrupt', async () => {
    const dir = await home();
    const file = await writeSkyState(dir, { schema: 'v0.9-sqlite3', rows: [{ name: 'a', status: 'UP' }] });
    await writeFile(file, 'this is not a database, it is a text file written by mistake\n'.repeat(100));
    const state = await read(dir);
    expect(state).toMatchObject({ available: false, reason: 'corrupt', clusters: [] });
    expect(state.problems[0]?.severity).toBe('error');
  });

  it('says a truncated database is corrupt', async () => {
    const dir = await home();
    const rows = Array.from({ length: 300 }, (_, i) => ({ name: `c${i}`, status: 'UP', owner: awsOwner }));
    const file = await writeSkyState(dir, { schema: 'v0.9-sqlite3', rows });
    const size = (await stat(file)).size;
    await truncate(file, Math.floor(size / 3));
    const state = await read(dir);
    expect(state.available).toBe(false);
    expect(state.reason).toBe('corrupt');
  });

  it('says an empty file is not a database', async () => {
    const dir = await home();
    const file = await writeSkyState(dir, { schema: 'v0.9-sqlite3', rows: [] });
    await writeFile(file, '');
    expect((await read(dir)).reason).toBe('corrupt');
  });

  it('says a SQLite file without a clusters table is not SkyPilot state', async () => {
    const dir = await home();
    const file = await writeSkyState(dir, { schema: 'v0.9-sqlite3', rows: [] });
    runSql(file, 'DROP TABLE clusters; CREATE TABLE other (x TEXT);');
    expect((await read(dir)).reason).toBe('not-skypilot');
  });

  it('reads other rows when one owner holds non-string values', async () => {
    const dir = await home();
    await writeSkyState(dir, {
      schema: 'v0.9-sqlite3',
      rows: [
        { name: 'odd', status: 'UP', owner: '[123, "x"]' },
        { name: 'fine', status: 'UP', owner: awsOwner },
      ],
    });
    const state = await read(dir);
    expect(state.clusters.map((c) => c.name)).toEqual(['fine', 'odd']);
    expect(state.problems.map((p) => p.message)).toEqual([
      'Cluster "odd": the owner list holds values that are not strings',
    ]);
  });
});

describe('no state file', () => {
  it('says SkyPilot has not run here when nothing listens on the API port', async () => {
    const state = await read(await home());
    expect(state).toMatchObject({ available: false, reason: 'missing', clusters: [] });
    expect(state.apiServer).toEqual({ endpoint: null, localListening: false });
    expect(state.message).toMatch(/does not exist: SkyPilot has not launched anything/);
  });

  describe('with a local API server listening', () => {
    let server: net.Server;
    let port = 0;
    beforeAll(async () => {
      server = net.createServer((socket) => socket.destroy());
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as net.AddressInfo).port;
    });
    afterAll(async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    it('says the state is probably behind the local API server', async () => {
      const state = await read(await home(), {}, port);
      expect(state.apiServer?.localListening).toBe(true);
      expect(state.message).toMatch(/SkyPilot's local API server/);
    });
  });

  it('names a remote API server from ~/.sky/config.yaml or SKYPILOT_API_SERVER_ENDPOINT', async () => {
    const dir = await home();
    await writeSkyState(dir, { schema: 'v0.9-sqlite3', rows: [] });
    await rm(path.join(dir, '.sky', 'state.db'));
    await writeFile(
      path.join(dir, '.sky', 'config.yaml'),
      'allowed_clouds: [aws]\napi_server:\n  endpoint: "https://sky.example.com:8443"  # team server\n',
    );
    const fromFile = await read(dir);
    expect(fromFile.apiServer?.endpoint).toBe('https://sky.example.com:8443');
    expect(fromFile.message).toMatch(/API server at https:\/\/sky\.example\.com:8443: its clusters are kept there/);
    const fromEnv = await read(dir, { SKYPILOT_API_SERVER_ENDPOINT: 'http://10.0.0.5:46580' });
    expect(fromEnv.apiServer?.endpoint).toBe('http://10.0.0.5:46580');
  });

  it("keeps an API server URL's user:password out of the state and its message", async () => {
    const dir = await home();
    await writeSkyState(dir, { schema: 'v0.9-sqlite3', rows: [] });
    await rm(path.join(dir, '.sky', 'state.db'));
    await writeFile(
      path.join(dir, '.sky', 'config.yaml'),
      'api_server:\n  endpoint: "https://alice:hunter2@sky.example.com:8443"\n',
    );
    const fromFile = await read(dir);
    expect(fromFile.apiServer?.endpoint).toBe('https://sky.example.com:8443');
    const fromEnv = await read(dir, { SKYPILOT_API_SERVER_ENDPOINT: 'http://bob:s3cret@10.0.0.5:46580' });
    expect(fromEnv.apiServer?.endpoint).toBe('http://10.0.0.5:46580');
    for (const state of [fromFile, fromEnv]) {
      expect(JSON.stringify(state)).not.toMatch(/hunter2|s3cret|alice|bob/);
    }
  });
});

describe("SkyPilot's config file", () => {
  it('reads SKYPILOT_GLOBAL_CONFIG with a YAML parser, flow mappings included', async () => {
    const dir = await home();
    await writeSkyState(dir, {
      schema: 'v0.12-infra-columns',
      rows: [{ name: 'team', status: 'UP', owner: awsOwner, workspace: 'research' }],
    });
    const config = path.join(dir, 'team-sky.yaml');
    await writeFile(
      config,
      '{active_workspace: research, workspaces: {research: {}}, api_server: {endpoint: "http://127.0.0.1:46580"}}\n',
    );
    const state = await read(dir, { SKYPILOT_GLOBAL_CONFIG: config });
    expect(state).toMatchObject({ available: true, configFile: config, activeWorkspace: 'research', problems: [] });
  });

  it("reads a project's .sky.yaml (SKYPILOT_PROJECT_CONFIG, or DIR/.sky.yaml) for active_workspace only", async () => {
    const dir = await home();
    await writeSkyState(dir, {
      schema: 'v0.12-infra-columns',
      rows: [{ name: 'team', status: 'UP', owner: awsOwner, workspace: 'team-b' }],
    });
    const user = path.join(dir, '.sky', 'config.yaml');
    await writeFile(
      user,
      'workspaces:\n  team-a:\n    aws:\n      profile: a\n  team-b:\n    gcp:\n      project_id: pb\nactive_workspace: team-a\n',
    );
    const projectDir = await mkdtemp(path.join(os.tmpdir(), 'cloudid-sky-project-'));
    const projectFile = path.join(projectDir, '.sky.yaml');
    await writeFile(projectFile, 'active_workspace: team-b\nworkspaces:\n  team-b:\n    aws:\n      profile: sneaky\n');
    const fromDir = await readSkyState({ homeDir: dir, env: {}, apiServerPort: closedPort, projectDir });
    expect(fromDir).toMatchObject({ available: true, activeWorkspace: 'team-b', configFile: projectFile });
    // The project's own workspaces: block is ignored, as SkyPilot's API server ignores it.
    expect(fromDir.workspace).toMatchObject({
      name: 'team-b',
      awsProfile: null,
      gcpProjectId: 'pb',
      projectConfigFile: projectFile,
    });
    expect(fromDir.problems).toEqual([
      expect.objectContaining({ severity: 'warning', message: expect.stringContaining('`workspaces` in') }),
    ]);
    // The variable wins over the folder; ~ is the home folder.
    await writeFile(path.join(dir, 'other.yaml'), 'active_workspace: team-a\n');
    const fromVariable = await readSkyState({
      homeDir: dir,
      env: { SKYPILOT_PROJECT_CONFIG: '~/other.yaml' },
      apiServerPort: closedPort,
      projectDir,
    });
    expect(fromVariable.workspace).toMatchObject({
      name: 'team-a',
      setIn: path.join(dir, 'other.yaml'),
      awsProfile: 'a',
    });
    // Without a project, the user config decides.
    expect((await read(dir)).workspace).toMatchObject({ name: 'team-a', setIn: user, projectConfigFile: null });
    await rm(projectDir, { recursive: true, force: true });
  });

  it('turns a bad project config or a missing named one into a problem and still reads the clusters', async () => {
    const dir = await home();
    await writeSkyState(dir, {
      schema: 'v0.12-infra-columns',
      rows: [{ name: 'team', status: 'UP', owner: awsOwner }],
    });
    const bad = path.join(dir, 'bad.yaml');
    await writeFile(bad, 'active_workspace: [team-b\n');
    const broken = await read(dir, { SKYPILOT_PROJECT_CONFIG: bad });
    expect(broken).toMatchObject({ available: true, activeWorkspace: 'default' });
    expect(broken.clusters.map((c) => c.name)).toEqual(['team']);
    expect(broken.problems).toEqual([
      expect.objectContaining({ severity: 'warning', message: expect.stringContaining('is not valid YAML') }),
    ]);
    const missing = await read(dir, {
      SKYPILOT_PROJECT_CONFIG: path.join(dir, 'nope.yaml'),
      SKYPILOT_GLOBAL_CONFIG: path.join(dir, 'gone.yaml'),
    });
    expect(missing.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^SKYPILOT_GLOBAL_CONFIG names .*gone\.yaml, which does not exist/),
      expect.stringMatching(/^SKYPILOT_PROJECT_CONFIG names .*nope\.yaml, which does not exist/),
    ]);
  });

  it('turns an invalid or huge config into a problem and still reads the clusters', async () => {
    const dir = await home();
    await writeSkyState(dir, { schema: 'v0.10-alembic', rows: [{ name: 'train', status: 'UP', owner: awsOwner }] });
    const config = path.join(dir, '.sky', 'config.yaml');
    await writeFile(config, 'active_workspace: [research\n');
    const broken = await read(dir);
    expect(broken.clusters.map((c) => c.name)).toEqual(['train']);
    expect(broken.activeWorkspace).toBe('default');
    expect(broken.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        file: config,
        message: expect.stringContaining('is not valid YAML'),
      }),
    ]);

    await writeFile(config, `active_workspace: research\n# ${'x'.repeat(2 * 1024 * 1024)}\n`);
    const huge = await read(dir);
    expect(huge.activeWorkspace).toBe('default');
    expect(huge.problems).toEqual([
      expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/larger than the 1\.0 MB limit/) }),
    ]);

    // With no state.db, the API server hint reads the same (broken) config without a second problem.
    await rm(path.join(dir, '.sky', 'state.db'));
    const missing = await read(dir);
    expect(missing).toMatchObject({ available: false, reason: 'missing', apiServer: { endpoint: null } });
    expect(missing.problems).toHaveLength(1);
  });
});

// On a Node without a usable node:sqlite (electron/core/fs/node-sqlite.ts) the same snapshot is
// opened with sql.js: the guarantees are the byte-level reader's, whatever the engine.
describe('the sql.js fallback', () => {
  const engine: SqliteEngine = 'sql.js';
  const readWith = (homeDir: string) =>
    readSkyState({ homeDir, env: {}, apiServerPort: closedPort, sqliteEngine: engine });

  it('sees commits that live only in the WAL', async () => {
    const dir = await home();
    await writeSkyState(dir, {
      schema: 'v0.12-infra-columns',
      rows: [{ name: 'old', status: 'UP', owner: awsOwner, cloud: 'AWS' }],
      walRows: [{ name: 'fresh', status: 'INIT', launched_at: LAUNCHED, owner: awsOwner }],
    });
    const state = await readWith(dir);
    expect(state.clusters.map((c) => [c.name, c.cloud, c.launchedAt])).toEqual([
      ['fresh', 'aws', '2025-11-24T16:00:00.000Z'],
      ['old', 'aws', null],
    ]);
    expect(state.problems).toEqual([]);
  });

  it('reads only committed states while SkyPilot commits (WAL)', async () => {
    const dir = await home();
    const file = await writeSkyState(dir, { schema: 'v0.9-sqlite3', journalMode: 'WAL', rows: [] });
    const writer = startBusyWriter(file, 60);
    let finished = false;
    void writer.done.finally(() => (finished = true)).catch(() => undefined);
    while (!finished) {
      const state = await readWith(dir);
      if (!state.available) {
        expect(state.reason).toBe('busy');
        continue;
      }
      const names = state.clusters.map((c) => c.name);
      expect(names).toEqual(names.map((_, i) => `w${String(i).padStart(4, '0')}`));
    }
    await writer.done;
    expect((await readWith(dir)).clusters).toHaveLength(60);
  });

  it('says a file that is not SQLite is corrupt', async () => {
    const dir = await home();
    const file = await writeSkyState(dir, { schema: 'v0.9-sqlite3', rows: [] });
    await writeFile(file, 'this is not a database\n'.repeat(300));
    expect(await readWith(dir)).toMatchObject({ available: false, reason: 'corrupt' });
  });
});
