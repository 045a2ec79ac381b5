import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSettings, saveSettings } from '../../../../electron/core/app/settings-store';
import { DEFAULT_SETTINGS } from '../../../../electron/shared/model';
import { settingsUpdate } from '../../../../electron/shared/contract';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('settings store', () => {
  it('round-trips settings through a 0600 file', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cloudid-settings-'));
    const file = join(dir, 'nested', 'settings.json');
    await saveSettings(file, { ...DEFAULT_SETTINGS, leadTimeMinutes: 42, notifications: false });
    expect(await loadSettings(file)).toEqual({
      settings: { ...DEFAULT_SETTINGS, leadTimeMinutes: 42, notifications: false },
      problem: null,
    });
    expect(JSON.parse(await readFile(file, 'utf8')).leadTimeMinutes).toBe(42);
  });

  it('uses defaults for a missing file, silently', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cloudid-settings-'));
    expect(await loadSettings(join(dir, 'none.json'))).toEqual({ settings: DEFAULT_SETTINGS, problem: null });
  });

  it('keeps good values and replaces wrong ones with defaults', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cloudid-settings-'));
    const file = join(dir, 'settings.json');
    await writeFile(file, JSON.stringify({ leadTimeMinutes: -5, notifications: false, extra: 'ignored' }));
    const { settings } = await loadSettings(file);
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, notifications: false });
    await writeFile(file, JSON.stringify({ leadTimeMinutes: '30', ssoLoginFlow: 'telepathy' }));
    expect((await loadSettings(file)).settings).toEqual(DEFAULT_SETTINGS);
    await writeFile(file, JSON.stringify({ ssoLoginFlow: 'device-code' }));
    expect((await loadSettings(file)).settings.ssoLoginFlow).toBe('device-code');
  });

  it('reports a broken file and carries on with defaults', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cloudid-settings-'));
    const file = join(dir, 'settings.json');
    await writeFile(file, '{"leadTimeMinutes": 3');
    const loaded = await loadSettings(file);
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS);
    expect(loaded.problem).toMatchObject({ severity: 'warning', file });
  });

  it('judges each field by the same schema the IPC contract uses, and never quotes the file', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cloudid-settings-'));
    const file = join(dir, 'settings.json');
    await writeFile(file, JSON.stringify({ leadTimeMinutes: 2.5, notifications: 'yes', ssoLoginFlow: 'pkce' }));
    expect((await loadSettings(file)).settings).toEqual({ ...DEFAULT_SETTINGS, ssoLoginFlow: 'pkce' });
    expect(settingsUpdate.safeParse({ leadTimeMinutes: 2.5 }).success).toBe(false);
    await writeFile(file, JSON.stringify([{ leadTimeMinutes: 30 }]));
    expect((await loadSettings(file)).settings).toEqual(DEFAULT_SETTINGS);
    await writeFile(file, 'SECRET-LOOKING-TEXT');
    const broken = await loadSettings(file);
    expect(broken.problem?.message).toBe('Settings file is not valid JSON; using defaults.');
  });
});

describe('start at login in the settings file', () => {
  it('is unset (null) in a fresh or older file, so the first launch can decide', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cloudid-settings-'));
    expect((await loadSettings(join(dir, 'none.json'))).settings.startAtLogin).toBeNull();
    const file = join(dir, 'settings.json');
    await writeFile(file, JSON.stringify({ leadTimeMinutes: 20, notifications: true, ssoLoginFlow: 'auto' }));
    expect((await loadSettings(file)).settings.startAtLogin).toBeNull();
    await writeFile(file, JSON.stringify({ startAtLogin: 'yes' }));
    expect((await loadSettings(file)).settings.startAtLogin).toBeNull();
  });

  it("keeps the user's off and on as saved", async () => {
    dir = await mkdtemp(join(tmpdir(), 'cloudid-settings-'));
    const file = join(dir, 'settings.json');
    await saveSettings(file, { ...DEFAULT_SETTINGS, startAtLogin: false });
    expect((await loadSettings(file)).settings).toEqual({ ...DEFAULT_SETTINGS, startAtLogin: false });
    await saveSettings(file, { ...DEFAULT_SETTINGS, startAtLogin: true });
    expect((await loadSettings(file)).settings.startAtLogin).toBe(true);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });
});
