import { mkdir, mkdtemp, rename, rm, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { planWatchRoots, watchPaths, type PathWatcher } from '../../../../electron/core/fs/path-watcher';

let watcher: PathWatcher | null = null;
let home = '';
afterEach(async () => {
  await watcher?.close();
  watcher = null;
  if (home) await rm(home, { recursive: true, force: true });
});

/** Resolves with the changed paths of the next onChange call that matches. */
function nextChange(setup: (onChange: (paths: string[]) => void) => void, match: (paths: string[]) => boolean) {
  return new Promise<string[]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no change event within 5 s')), 5000);
    setup((paths) => {
      if (match(paths)) {
        clearTimeout(timer);
        resolve(paths);
      }
    });
  });
}

async function start(targets: Parameters<typeof watchPaths>[0]['targets']) {
  const listeners: Array<(paths: string[]) => void> = [];
  watcher = watchPaths({ targets, debounceMs: 20, onChange: (paths) => listeners.forEach((l) => l(paths)) });
  await watcher.ready;
  return (match: (paths: string[]) => boolean) => nextChange((l) => listeners.push(l), match);
}

describe('watchPaths', () => {
  it('sees in-place writes and atomic replacements of a watched file', async () => {
    home = await mkdtemp(join(tmpdir(), 'cloudid-watch-'));
    const config = join(home, '.aws', 'config');
    await mkdir(join(home, '.aws'));
    await writeFile(config, '[default]\n');
    const changed = await start([{ path: config, kind: 'file' }]);

    const inPlace = changed((p) => p.includes(config));
    await appendFile(config, 'region = us-east-1\n');
    await inPlace;

    for (let i = 0; i < 3; i++) {
      const atomic = changed((p) => p.includes(config));
      await writeFile(`${config}.tmp`, `[default]\nregion = eu-west-${i}\n`);
      await rename(`${config}.tmp`, config);
      await atomic;
    }
  });

  it('sees a folder that is created after the watch started, and files in it', async () => {
    home = await mkdtemp(join(tmpdir(), 'cloudid-watch-'));
    const cache = join(home, '.aws', 'sso', 'cache');
    const changed = await start([{ path: cache, kind: 'dir' }]);

    await mkdir(cache, { recursive: true });
    const token = join(cache, 'abc.json');
    const created = changed((p) => p.includes(token));
    // Give chokidar a moment to pick up the new folders before writing into them.
    await new Promise((r) => setTimeout(r, 200));
    await writeFile(token, '{}');
    await created;
  });

  it('keeps watching after the folder is deleted and created again, and leaves no watch behind', async () => {
    home = await mkdtemp(join(tmpdir(), 'cloudid-watch-'));
    const awsDir = join(home, '.aws');
    const config = join(awsDir, 'config');
    await mkdir(awsDir);
    await writeFile(config, '[default]\n');
    // A closed handle is released on a later turn of the loop, so both counts wait a little.
    const settle = () => new Promise((r) => setTimeout(r, 100));
    const fsWatches = (): number => process.getActiveResourcesInfo().filter((r) => r === 'FSEventWrap').length;
    await settle();
    const before = fsWatches();
    const changed = await start([{ path: config, kind: 'file' }]);

    // chokidar may report the folder's removal, or only the file's.
    const gone = changed((p) => p.includes(config) || p.includes(awsDir));
    await rm(awsDir, { recursive: true });
    await gone;

    await mkdir(awsDir);
    await new Promise((r) => setTimeout(r, 300));
    const back = changed((p) => p.includes(config));
    await writeFile(config, '[profile again]\n');
    await back;

    // Every watcher the replans started is closed with the rest.
    await watcher?.close();
    watcher = null;
    await settle();
    expect(fsWatches()).toBe(before);
  });

  it('ignores files that are not targets', async () => {
    home = await mkdtemp(join(tmpdir(), 'cloudid-watch-'));
    await mkdir(join(home, '.aws'));
    const config = join(home, '.aws', 'config');
    await writeFile(config, '');
    const seen: string[][] = [];
    watcher = watchPaths({ targets: [{ path: config, kind: 'file' }], debounceMs: 20, onChange: (p) => seen.push(p) });
    await watcher.ready;
    await writeFile(join(home, '.aws', 'unrelated.txt'), 'x');
    await writeFile(join(home, 'notes.txt'), 'x');
    const marker = new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (seen.some((p) => p.includes(config))) {
          clearInterval(check);
          resolve();
        }
      }, 10);
    });
    await writeFile(config, '[default]\n');
    await marker;
    expect(seen.flat().filter((p) => !p.startsWith(config))).toEqual([]);
  });
});

describe('planWatchRoots', () => {
  it('never watches from above the home folder for targets inside it', async () => {
    home = await mkdtemp(join(tmpdir(), 'cloudid-watch-'));
    const targets = [
      { path: join(home, '.config', 'gcloud', 'configurations'), kind: 'dir' as const },
      { path: join(home, '.sky', 'state.db'), kind: 'file' as const },
    ];
    expect(planWatchRoots(targets)).toEqual([tmpdir()]);
    expect(planWatchRoots(targets, home)).toEqual([home]);
    // A target outside the boundary is still watched from its own parent.
    expect(planWatchRoots([{ path: '/etc/aws-config-elsewhere', kind: 'file' }], home)).toEqual(['/']);
  });

  it('watches one level above the nearest existing folder, with no root inside another', async () => {
    home = await mkdtemp(join(tmpdir(), 'cloudid-watch-'));
    await mkdir(join(home, '.aws', 'sso', 'cache'), { recursive: true });
    const roots = planWatchRoots([
      { path: join(home, '.aws', 'config'), kind: 'file' },
      { path: join(home, '.aws', 'sso', 'cache'), kind: 'dir' },
      { path: join(home, '.aws', 'cli', 'cache'), kind: 'dir' },
    ]);
    expect(roots).toEqual([home]);
  });
});
