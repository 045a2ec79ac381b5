// The tray picker's recent profiles: newest first, each once, capped, and kept across restarts.
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createRecentProfiles,
  loadRecentProfiles,
  MAX_RECENT_PROFILES,
  rememberProfile,
} from '../../../../electron/core/tray/recent-profiles';

let dir: string;
let file: string;
const errors: unknown[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'recent-profiles-'));
  file = join(dir, 'app', 'recent-profiles.json');
  errors.length = 0;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const onSaveError = (error: unknown): void => void errors.push(error);

describe('rememberProfile', () => {
  it('puts the profile first, each name once, and keeps at most the cap', () => {
    expect(rememberProfile(['a', 'b', 'c'], 'b')).toEqual(['b', 'a', 'c']);
    expect(rememberProfile([], 'a')).toEqual(['a']);
    const full = Array.from({ length: MAX_RECENT_PROFILES }, (_, i) => `p${i}`);
    expect(rememberProfile(full, 'new')).toEqual(['new', ...full.slice(0, -1)]);
  });
});

describe('createRecentProfiles', () => {
  it('remembers what was used across a restart, in a private file', async () => {
    const first = createRecentProfiles(file, onSaveError);
    await first.load();
    first.use('dev');
    first.use('prod');
    first.use('dev');
    await first.saved();
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(['dev', 'prod']);
    expect((await stat(file)).mode & 0o777).toBe(0o600);

    const second = createRecentProfiles(file, onSaveError);
    expect(second.list()).toEqual([]);
    await second.load();
    expect(second.list()).toEqual(['dev', 'prod']);
    expect(errors).toEqual([]);
  });

  it('writes nothing before the saved list is read, then puts what was used meanwhile first', async () => {
    await writeFile(await mkdirFor(file), JSON.stringify(['old-1', 'old-2']));
    const recent = createRecentProfiles(file, onSaveError);
    recent.use('old-2');
    recent.use('new');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(['old-1', 'old-2']);
    await recent.load();
    expect(recent.list()).toEqual(['new', 'old-2', 'old-1']);
    await recent.saved();
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(['new', 'old-2', 'old-1']);
  });

  it('tells its listeners about each change, and only about changes', async () => {
    const recent = createRecentProfiles(file, onSaveError);
    await recent.load();
    const seen: (readonly string[])[] = [];
    const stop = recent.onChange((list) => seen.push(list));
    recent.use('a');
    recent.use('a');
    recent.use('b');
    stop();
    recent.use('c');
    expect(seen).toEqual([['a'], ['b', 'a']]);
    await recent.saved();
  });

  it('reports a failed save and keeps the list in memory', async () => {
    await writeFile(join(dir, 'app'), 'a file where the folder should be');
    const recent = createRecentProfiles(file, onSaveError);
    await recent.load();
    recent.use('dev');
    await recent.saved();
    expect(recent.list()).toEqual(['dev']);
    expect(errors).toHaveLength(1);
  });
});

describe('loadRecentProfiles', () => {
  it('is empty for a missing, broken or foreign file, and keeps the good names of a damaged list', async () => {
    expect(await loadRecentProfiles(file)).toEqual([]);
    await mkdirFor(file);
    await writeFile(file, '{not json');
    expect(await loadRecentProfiles(file)).toEqual([]);
    await writeFile(file, JSON.stringify({ profiles: ['dev'] }));
    expect(await loadRecentProfiles(file)).toEqual([]);
    const many = Array.from({ length: 30 }, (_, i) => `p${i}`);
    await writeFile(file, JSON.stringify(['dev', 42, '', null, 'dev', 'ops', ...many]));
    expect(await loadRecentProfiles(file)).toEqual(['dev', 'ops', ...many.slice(0, MAX_RECENT_PROFILES - 2)]);
  });
});

async function mkdirFor(path: string): Promise<string> {
  await mkdir(join(path, '..'), { recursive: true });
  return path;
}
