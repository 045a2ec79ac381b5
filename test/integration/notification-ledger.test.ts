import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadNotificationLedger, saveNotificationLedger } from '../../electron/core/identity/notification-ledger';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('notification ledger', () => {
  it('keeps sent keys across a restart', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cloudid-ledger-'));
    const file = join(dir, 'app', 'notifications-sent.json');
    await saveNotificationLedger(file, new Set(['sso-session:corp:expiring:2026-11-26T07:00:00Z', 'b']));
    expect([...(await loadNotificationLedger(file))].sort()).toEqual(['b', 'sso-session:corp:expiring:2026-11-26T07:00:00Z']);
  });

  it('starts empty from a missing or damaged file', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cloudid-ledger-'));
    expect((await loadNotificationLedger(join(dir, 'missing.json'))).size).toBe(0);
    await writeFile(join(dir, 'bad.json'), '{"not": "a list"');
    expect((await loadNotificationLedger(join(dir, 'bad.json'))).size).toBe(0);
    await writeFile(join(dir, 'mixed.json'), '["a", 1, null, "b"]');
    expect([...(await loadNotificationLedger(join(dir, 'mixed.json')))]).toEqual(['a', 'b']);
  });
});
