// A commit SkyPilot makes (in WAL mode, so it lands in state.db-wal) wakes the watcher, and the
// reader then sees the new cluster.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { watchPaths, type PathWatcher } from '../../../../electron/core/fs/path-watcher';
import { readSkyState } from '../../../../electron/core/sky/sky-state-reader';
import { skyWatchTargets } from '../../../../electron/core/sky/sky-watch';
import { commitInWal, writeSkyState } from '../../../support/sky-state-fixtures';

let watcher: PathWatcher | null = null;
let home = '';
afterEach(async () => {
  await watcher?.close();
  await rm(home, { recursive: true, force: true });
});

it('wakes on a WAL-only commit and the next read sees it', async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'cloudid-sky-watch-'));
  const file = await writeSkyState(home, {
    schema: 'v0.10-alembic',
    journalMode: 'WAL',
    rows: [{ name: 'old', status: 'UP' }],
  });
  const changes: string[][] = [];
  let woke: () => void = () => undefined;
  const wokeUp = new Promise<void>((resolve) => (woke = resolve));
  watcher = watchPaths({
    targets: skyWatchTargets(home, {}),
    onChange: (changed) => {
      changes.push(changed);
      woke();
    },
  });
  await watcher.ready;
  // Another process commits without checkpointing: only state.db-wal (and -shm) change.
  commitInWal(file, [{ name: 'fresh', status: 'INIT' }]);
  await wokeUp;
  expect(changes.flat()).toContain(`${file}-wal`);
  const state = await readSkyState({ homeDir: home, env: {} });
  expect(state.clusters.map((c) => c.name)).toEqual(['fresh', 'old']);
});
