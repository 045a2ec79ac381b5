import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadNotificationLedger, saveNotificationLedger } from '../../../../electron/core/identity/notification-ledger';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('notification ledger', () => {
  it('keeps sent keys across a restart', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cloudid-ledger-'));
    const file = join(dir, 'app', 'notifications-sent.json');
    await saveNotificationLedger(file, new Set(['sso-session:corp:expiring:2026-11-26T07:00:00Z', 'b']));
    expect([...(await loadNotificationLedger(file))].sort()).toEqual([
      'b',
      'sso-session:corp:expiring:2026-11-26T07:00:00Z',
    ]);
  });

  it('starts empty from a missing or damaged file', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cloudid-ledger-'));
    expect((await loadNotificationLedger(join(dir, 'missing.json'))).size).toBe(0);
    await writeFile(join(dir, 'bad.json'), '{"not": "a list"');
    expect((await loadNotificationLedger(join(dir, 'bad.json'))).size).toBe(0);
    await writeFile(join(dir, 'mixed.json'), '["a", 1, null, "b"]');
    expect([...(await loadNotificationLedger(join(dir, 'mixed.json')))]).toEqual(['a', 'b']);
  });
  it('stores a compact JSON list, 0600 in a new 0700 folder, keeping the newest 5000 keys', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cloudid-ledger-'));
    const file = join(dir, 'app', 'notifications-sent.json');
    await saveNotificationLedger(file, new Set(['a', 'b']));
    expect(await readFile(file, 'utf8')).toBe('["a","b"]');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'app'))).mode & 0o777).toBe(0o700);

    const many = new Set(Array.from({ length: 5003 }, (_, i) => `k${i}`));
    await saveNotificationLedger(file, many);
    const kept = await loadNotificationLedger(file);
    expect(kept.size).toBe(5000);
    expect(kept.has('k2')).toBe(false);
    expect(kept.has('k3')).toBe(true);
    expect(kept.has('k5002')).toBe(true);
    expect(await readdir(join(dir, 'app'))).toEqual(['notifications-sent.json']);
  });

  it('keeps every save of many made at once whole', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cloudid-ledger-'));
    const file = join(dir, 'notifications-sent.json');
    const sets = Array.from({ length: 10 }, (_, i) => new Set(Array.from({ length: 500 }, (_, k) => `${i}:${k}`)));
    await Promise.all(sets.map((set) => saveNotificationLedger(file, set)));
    expect([...(await loadNotificationLedger(file))]).toEqual([...(sets.at(-1) ?? [])]);
    expect(await readdir(dir)).toEqual(['notifications-sent.json']);
  });
});
