// The Electron side of start at login (electron/main/start-at-login.ts) with a fake `app` that
// records the login-item calls, and a temp HOME for Linux's autostart file.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app/core';
import {
  cliCommandOptions,
  launchCommand,
  setupStartAtLogin,
  type StartAtLoginSetup,
} from '../../../electron/main/start-at-login';
import { DEFAULT_SETTINGS, type Settings } from '../../../electron/shared/model';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = '';
});

function fakeApp(isPackaged: boolean) {
  const calls: Array<[string, unknown]> = [];
  let openAtLogin = false;
  const app = {
    isPackaged,
    getAppPath: () => '/src/cloud-identity-tray',
    getLoginItemSettings: (options?: unknown) => {
      calls.push(['getLoginItemSettings', options]);
      return { openAtLogin } as ReturnType<StartAtLoginSetup['app']['getLoginItemSettings']>;
    },
    setLoginItemSettings: (settings: { openAtLogin?: boolean }) => {
      calls.push(['setLoginItemSettings', settings]);
      openAtLogin = settings.openAtLogin ?? false;
    },
  };
  return { app, calls };
}

function fakeCore(initial: Partial<Settings>) {
  let settings: Settings = { ...DEFAULT_SETTINGS, ...initial };
  const core = {
    settings: () => settings,
    updateSettings: async (patch: Partial<Settings>) => {
      settings = { ...settings, ...patch };
      return settings;
    },
  } as unknown as Core;
  return { core, current: () => settings };
}

/** Resolves when the setup's launch-time work has run (it follows `ready`). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('setupStartAtLogin', () => {
  it('macOS, first launch of the packaged app: adds the login item and saves the setting', async () => {
    const { app, calls } = fakeApp(true);
    const { core, current } = fakeCore({ startAtLogin: null });
    setupStartAtLogin({
      app,
      core,
      ready: Promise.resolve(),
      env: {},
      homeDir: '/Users/me',
      platform: 'darwin',
      execPath: '/x',
      resourcesPath: '/r',
    });
    await settle();
    expect(calls).toEqual([
      ['setLoginItemSettings', { openAtLogin: true }],
      ['getLoginItemSettings', {}],
    ]);
    expect(current().startAtLogin).toBe(true);
  });

  it("a user's off is never undone at launch", async () => {
    const { app, calls } = fakeApp(true);
    const { core, current } = fakeCore({ startAtLogin: false });
    setupStartAtLogin({
      app,
      core,
      ready: Promise.resolve(),
      env: {},
      homeDir: '/Users/me',
      platform: 'darwin',
      execPath: '/x',
      resourcesPath: '/r',
    });
    await settle();
    expect(calls).toEqual([]);
    expect(current().startAtLogin).toBe(false);
  });

  it('a core that failed to start: nothing is registered and nothing saved', async () => {
    const { app, calls } = fakeApp(true);
    const { core, current } = fakeCore({ startAtLogin: null });
    setupStartAtLogin({
      app,
      core,
      ready: Promise.reject(new Error('core failed')),
      env: {},
      homeDir: '/Users/me',
      platform: 'darwin',
      execPath: '/x',
      resourcesPath: '/r',
    });
    await settle();
    expect(calls).toEqual([]);
    expect(current().startAtLogin).toBeNull();
  });

  it('Linux AppImage, first launch: writes the autostart entry for the AppImage file, not its mount', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cloudid-main-autostart-'));
    const { app, calls } = fakeApp(true);
    const { core, current } = fakeCore({ startAtLogin: null });
    const env = { APPIMAGE: join(dir, 'Apps', 'Cloud Identity Tray.AppImage') };
    const services = setupStartAtLogin({
      app,
      core,
      ready: Promise.resolve(),
      env,
      homeDir: dir,
      platform: 'linux',
      execPath: '/tmp/.mount_abc/cloud-identity-tray',
      resourcesPath: '/tmp/.mount_abc/resources',
    });
    await settle();
    const text = await readFile(join(dir, '.config', 'autostart', 'cloud-identity-tray.desktop'), 'utf8');
    expect(text).toContain(`Exec="${env.APPIMAGE}"\n`);
    expect(calls).toEqual([]);
    expect(current().startAtLogin).toBe(true);
    expect(await services.startAtLogin.read()).toMatchObject({ enabled: true, problem: null });
  });

  it('a development run does not register itself, and installs no cloudid by itself', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cloudid-main-autostart-'));
    const { app } = fakeApp(false);
    const { core, current } = fakeCore({ startAtLogin: null });
    setupStartAtLogin({
      app,
      core,
      ready: Promise.resolve(),
      env: {},
      homeDir: dir,
      platform: 'linux',
      execPath: '/usr/bin/electron',
      resourcesPath: '/r',
    });
    await settle();
    await expect(stat(join(dir, '.config'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(stat(join(dir, '.local'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(current().startAtLogin).toBeNull();
  });
});

describe('what the OS runs and where the CLI is', () => {
  it('launch command: the AppImage, the installed binary, or Electron with the app folder', () => {
    expect(
      launchCommand({ isPackaged: true, getAppPath: () => '/a' }, { APPIMAGE: '/home/me/X.AppImage' }, '/tmp/.mount/x'),
    ).toEqual({ executable: '/home/me/X.AppImage', args: [] });
    expect(
      launchCommand({ isPackaged: true, getAppPath: () => '/a' }, {}, '/opt/Cloud Identity Tray/cloud-identity-tray'),
    ).toEqual({ executable: '/opt/Cloud Identity Tray/cloud-identity-tray', args: [] });
    expect(
      launchCommand(
        { isPackaged: false, getAppPath: () => '/src/app' },
        {},
        '/src/app/node_modules/electron/dist/electron',
      ),
    ).toEqual({
      executable: '/src/app/node_modules/electron/dist/electron',
      args: ['/src/app'],
    });
  });

  it('CLI bundle: in the resources when packaged, copied out of an AppImage to XDG_DATA_HOME', () => {
    const { app } = fakeApp(true);
    const { core } = fakeCore({});
    const base = {
      app,
      core,
      ready: Promise.resolve(),
      homeDir: '/home/me',
      platform: 'linux' as const,
      resourcesPath: '/opt/X/resources',
    };
    expect(cliCommandOptions({ ...base, env: {} })).toMatchObject({
      bundleDir: '/opt/X/resources/cli',
      stableCopyDir: null,
    });
    expect(cliCommandOptions({ ...base, env: { APPIMAGE: '/a.AppImage' } }).stableCopyDir).toBe(
      '/home/me/.local/share/cloud-identity-tray/cli',
    );
    expect(cliCommandOptions({ ...base, env: { APPIMAGE: '/a.AppImage', XDG_DATA_HOME: '/data' } }).stableCopyDir).toBe(
      '/data/cloud-identity-tray/cli',
    );
    expect(cliCommandOptions({ ...base, app: fakeApp(false).app, env: {} }).bundleDir).toBe(
      '/src/cloud-identity-tray/out/cli-standalone',
    );
  });
});

it('the packaged app ships the standalone CLI where cliCommandOptions looks for it', async () => {
  const builder = await readFile(join(import.meta.dirname, '..', '..', '..', 'build', 'electron-builder.yml'), 'utf8');
  expect(builder).toMatch(/^ {2}- from: out\/cli-standalone\n {4}to: cli\n/m);
  expect(builder).toMatch(/^ {2}runAsNode: false$/m);
});
