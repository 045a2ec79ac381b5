// "Start at login" (electron/core/app/start-at-login.ts): on Linux the XDG autostart file is
// checked on disk and parsed back with the Desktop Entry spec's own rules, written here
// independently of the app's writer; on macOS and Windows a fake of Electron's login-item API
// records every call.
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  autostartFile,
  createStartAtLogin,
  startAtLoginOnLaunch,
  type LaunchCommand,
  type LoginItemSettingsApi,
} from '../../../../electron/core/app/start-at-login';

let dir = '';
afterEach(async () => {
  if (dir) {
    await chmod(join(dir, '.config', 'autostart'), 0o755).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
  dir = '';
});

async function tempHome(): Promise<string> {
  dir = await mkdtemp(join(tmpdir(), 'cloudid-autostart-'));
  return dir;
}

/** The Desktop Entry spec's reading of a file: the [Desktop Entry] group's keys, string escapes undone. */
function parseDesktopEntry(text: string): Map<string, string> {
  const keys = new Map<string, string>();
  let group: string | null = null;
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      group = header[1] ?? null;
      continue;
    }
    const entry = /^([A-Za-z0-9-]+)\s*=\s*(.*)$/.exec(line);
    if (!entry) throw new Error(`not a key=value line: ${line}`);
    if (group !== 'Desktop Entry') continue;
    const [, key = '', raw = ''] = entry;
    if (keys.has(key)) throw new Error(`duplicate key ${key}`);
    keys.set(
      key,
      raw.replace(/\\([sntr\\])/g, (_, c: string) => ({ s: ' ', n: '\n', t: '\t', r: '\r', '\\': '\\' })[c] ?? c),
    );
  }
  return keys;
}

/** The Exec key's arguments, by its quoting rules (double quotes; \" \` \$ \\ inside; %% is %). */
function parseExec(exec: string): string[] {
  const args: string[] = [];
  let i = 0;
  while (i < exec.length) {
    if (exec[i] === ' ') {
      i++;
      continue;
    }
    let arg = '';
    if (exec[i] === '"') {
      i++;
      while (exec[i] !== '"') {
        if (i >= exec.length) throw new Error(`unterminated quote in ${exec}`);
        if (exec[i] === '\\') {
          const next = exec[i + 1] ?? '';
          if (!'"`$\\'.includes(next)) throw new Error(`bad escape \\${next} in ${exec}`);
          arg += next;
          i += 2;
        } else {
          arg += exec[i];
          i++;
        }
      }
      i++;
    } else {
      while (i < exec.length && exec[i] !== ' ') {
        if ('"\'\\><~|&;$*?#()`'.includes(exec[i] ?? '')) throw new Error(`unquoted reserved character in ${exec}`);
        arg += exec[i];
        i++;
      }
    }
    if (/%[^%]/.test(arg.replaceAll('%%', ''))) throw new Error(`field code in ${arg}`);
    args.push(arg.replaceAll('%%', '%'));
  }
  return args;
}

function linux(home: string, launch: LaunchCommand, env: NodeJS.ProcessEnv = {}) {
  const loginItems = recordingLoginItems();
  return {
    startAtLogin: createStartAtLogin({ platform: 'linux', env, homeDir: home, launch, loginItems }),
    loginItems,
  };
}

describe('start at login on Linux (XDG autostart)', () => {
  it('writes a valid entry whose Exec runs exactly the launch command, and removes it when off', async () => {
    const home = await tempHome();
    const launch = { executable: '/home/me/Apps/Cloud Identity Tray-1.2.0.AppImage', args: [] };
    const { startAtLogin, loginItems } = linux(home, launch);
    const file = join(home, '.config', 'autostart', 'cloud-identity-tray.desktop');
    expect(await startAtLogin.read()).toEqual({ enabled: false, entry: file, problem: null });

    expect(await startAtLogin.apply(true)).toEqual({ enabled: true, entry: file, problem: null });
    const keys = parseDesktopEntry(await readFile(file, 'utf8'));
    expect(keys.get('Type')).toBe('Application');
    expect(keys.get('Name')).toBe('Cloud Identity Tray');
    expect(keys.get('X-GNOME-Autostart-enabled')).toBe('true');
    expect(keys.get('Hidden')).toBe('false');
    expect(parseExec(keys.get('Exec') ?? '')).toEqual([launch.executable]);
    expect((await stat(file)).mode & 0o777).toBe(0o644);
    expect(await startAtLogin.read()).toEqual({ enabled: true, entry: file, problem: null });

    expect(await startAtLogin.apply(false)).toEqual({ enabled: false, entry: file, problem: null });
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await startAtLogin.apply(false)).toEqual({ enabled: false, entry: file, problem: null });
    expect(loginItems.calls).toEqual([]);
  });

  it('quotes paths with spaces, quotes, dollars, backslashes and percent signs so they survive parsing', async () => {
    const home = await tempHome();
    const launch = {
      executable: '/opt/Cloud Identity Tray/cloud-identity-tray',
      args: ['/src/my "app" $HOME\\x 100%', 'plain', ''],
    };
    const { startAtLogin } = linux(home, launch);
    await startAtLogin.apply(true);
    const keys = parseDesktopEntry(await readFile(autostartFile({}, home), 'utf8'));
    expect(parseExec(keys.get('Exec') ?? '')).toEqual([launch.executable, ...launch.args]);
  });

  it('honours an absolute XDG_CONFIG_HOME and ignores a relative one, as the spec says', async () => {
    const home = await tempHome();
    const launch = { executable: '/usr/bin/cloud-identity-tray', args: [] };
    const { startAtLogin } = linux(home, launch, { XDG_CONFIG_HOME: join(home, 'xdg') });
    expect((await startAtLogin.apply(true)).entry).toBe(join(home, 'xdg', 'autostart', 'cloud-identity-tray.desktop'));
    expect(
      parseDesktopEntry(await readFile(join(home, 'xdg', 'autostart', 'cloud-identity-tray.desktop'), 'utf8')).get(
        'Exec',
      ),
    ).toBe('/usr/bin/cloud-identity-tray');
    expect(autostartFile({ XDG_CONFIG_HOME: 'relative/xdg' }, home)).toBe(
      join(home, '.config', 'autostart', 'cloud-identity-tray.desktop'),
    );
  });

  it('says so when the autostart folder is not writable', async () => {
    const home = await tempHome();
    const folder = join(home, '.config', 'autostart');
    await mkdir(folder, { recursive: true });
    await chmod(folder, 0o555);
    const { startAtLogin } = linux(home, { executable: '/usr/bin/cloud-identity-tray', args: [] });
    const state = await startAtLogin.apply(true);
    // root ignores permission bits: then the write succeeds, and that is also the truth.
    if (process.getuid?.() === 0) expect(state).toMatchObject({ enabled: true, problem: null });
    else expect(state).toMatchObject({ enabled: false, problem: expect.stringContaining('permission denied') });
  });

  it('says so when a file in the way is a folder', async () => {
    const home = await tempHome();
    const file = autostartFile({}, home);
    await mkdir(file, { recursive: true });
    const { startAtLogin } = linux(home, { executable: '/usr/bin/cloud-identity-tray', args: [] });
    expect(await startAtLogin.apply(true)).toMatchObject({ enabled: false, problem: expect.stringContaining(file) });
  });

  it('never rewrites or removes an autostart file it did not write, and says why', async () => {
    const home = await tempHome();
    const file = autostartFile({}, home);
    await mkdir(join(home, '.config', 'autostart'), { recursive: true });
    const users = '[Desktop Entry]\nType=Application\nName=Mine\nExec=/usr/bin/cloud-identity-tray --my-flag\n';
    await writeFile(file, users);
    const { startAtLogin } = linux(home, { executable: '/usr/bin/cloud-identity-tray', args: [] });
    expect(await startAtLogin.apply(false)).toMatchObject({
      enabled: true,
      problem: expect.stringContaining('was not written by Cloud Identity Tray'),
    });
    expect(await startAtLogin.apply(true)).toMatchObject({
      enabled: true,
      problem: expect.stringContaining('leaves it as it is'),
    });
    expect(await readFile(file, 'utf8')).toBe(users);
  });

  it('refresh follows a moved AppImage, but never brings back an entry the user switched off or removed', async () => {
    const home = await tempHome();
    const file = autostartFile({}, home);
    await linux(home, { executable: '/old/Cloud.AppImage', args: [] }).startAtLogin.apply(true);
    const moved = linux(home, { executable: '/new/Cloud.AppImage', args: [] }).startAtLogin;
    expect(await moved.refresh()).toEqual({ enabled: true, entry: file, problem: null });
    expect(parseDesktopEntry(await readFile(file, 'utf8')).get('Exec')).toBe('/new/Cloud.AppImage');

    // GNOME's startup settings switch an entry off with this key rather than deleting it.
    const switchedOff = (await readFile(file, 'utf8')).replace(
      'X-GNOME-Autostart-enabled=true',
      'X-GNOME-Autostart-enabled=false',
    );
    await writeFile(file, switchedOff);
    const again = linux(home, { executable: '/newer/Cloud.AppImage', args: [] }).startAtLogin;
    expect(await again.refresh()).toEqual({ enabled: false, entry: file, problem: null });
    expect(await readFile(file, 'utf8')).toBe(switchedOff);

    await rm(file);
    expect(await again.refresh()).toEqual({ enabled: false, entry: file, problem: null });
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

interface RecordingLoginItems extends LoginItemSettingsApi {
  calls: Array<{ method: 'get' | 'set'; arg: unknown }>;
  openAtLogin: boolean;
  status?: string;
  failSet?: Error;
}

/** Electron's app login-item pair, keeping one item, recording each call. */
function recordingLoginItems(): RecordingLoginItems {
  const fake: RecordingLoginItems = {
    calls: [],
    openAtLogin: false,
    getLoginItemSettings(options) {
      fake.calls.push({ method: 'get', arg: options });
      return { openAtLogin: fake.openAtLogin, ...(fake.status ? { status: fake.status } : {}) };
    },
    setLoginItemSettings(settings) {
      fake.calls.push({ method: 'set', arg: settings });
      if (fake.failSet) throw fake.failSet;
      fake.openAtLogin = settings.openAtLogin;
    },
  };
  return fake;
}

describe('start at login on macOS and Windows (login items)', () => {
  it('macOS: sets and reads the login item without a path, and writes no file', async () => {
    const home = await tempHome();
    const loginItems = recordingLoginItems();
    const startAtLogin = createStartAtLogin({
      platform: 'darwin',
      env: {},
      homeDir: home,
      launch: { executable: '/Applications/X.app/Contents/MacOS/X', args: [] },
      loginItems,
    });
    expect(await startAtLogin.apply(true)).toEqual({ enabled: true, entry: null, problem: null });
    expect(await startAtLogin.apply(false)).toEqual({ enabled: false, entry: null, problem: null });
    expect(loginItems.calls).toEqual([
      { method: 'set', arg: { openAtLogin: true } },
      { method: 'get', arg: {} },
      { method: 'set', arg: { openAtLogin: false } },
      { method: 'get', arg: {} },
    ]);
    await expect(stat(join(home, '.config'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('macOS: passes on what the user must approve in System Settings', async () => {
    const loginItems = recordingLoginItems();
    loginItems.status = 'requires-approval';
    const startAtLogin = createStartAtLogin({
      platform: 'darwin',
      env: {},
      homeDir: '/nowhere',
      launch: { executable: '/x', args: [] },
      loginItems,
    });
    expect((await startAtLogin.apply(true)).problem).toContain('System Settings');
  });

  it('Windows: names the executable and its arguments, and reports a failure instead of throwing', async () => {
    const loginItems = recordingLoginItems();
    const launch = {
      executable: 'C:\\Users\\me\\AppData\\Local\\Programs\\Cloud Identity Tray\\Cloud Identity Tray.exe',
      args: [],
    };
    const startAtLogin = createStartAtLogin({
      platform: 'win32',
      env: {},
      homeDir: 'C:\\Users\\me',
      launch,
      loginItems,
    });
    expect(await startAtLogin.apply(true)).toEqual({ enabled: true, entry: null, problem: null });
    expect(loginItems.calls[0]).toEqual({
      method: 'set',
      arg: { openAtLogin: true, path: launch.executable, args: [] },
    });
    expect(loginItems.calls[1]).toEqual({ method: 'get', arg: { path: launch.executable, args: [] } });
    loginItems.failSet = new Error('registry says no');
    expect(await startAtLogin.apply(false)).toEqual({
      enabled: true,
      entry: null,
      problem: 'The login item could not be removed (registry says no).',
    });
  });
});

describe('start at login at each launch', () => {
  function scripted(initial: boolean) {
    const loginItems = recordingLoginItems();
    loginItems.openAtLogin = initial;
    const saved: boolean[] = [];
    const startAtLogin = createStartAtLogin({
      platform: 'darwin',
      env: {},
      homeDir: '/nowhere',
      launch: { executable: '/x', args: [] },
      loginItems,
    });
    return { loginItems, saved, startAtLogin, saveSetting: async (enabled: boolean) => void saved.push(enabled) };
  }

  it('the first launch turns it on and saves that', async () => {
    const { loginItems, saved, startAtLogin, saveSetting } = scripted(false);
    expect(
      await startAtLoginOnLaunch({ setting: null, startAtLogin, firstLaunchTurnsOn: true, saveSetting }),
    ).toMatchObject({ enabled: true });
    expect(loginItems.openAtLogin).toBe(true);
    expect(saved).toEqual([true]);
  });

  it('a saved off is kept: nothing is called, even if the login item exists', async () => {
    const { loginItems, saved, startAtLogin, saveSetting } = scripted(true);
    expect(
      await startAtLoginOnLaunch({ setting: false, startAtLogin, firstLaunchTurnsOn: true, saveSetting }),
    ).toBeNull();
    expect(loginItems.calls).toEqual([]);
    expect(saved).toEqual([]);
  });

  it('a saved on is only read, never forced back on', async () => {
    const { loginItems, saved, startAtLogin, saveSetting } = scripted(false);
    expect(
      await startAtLoginOnLaunch({ setting: true, startAtLogin, firstLaunchTurnsOn: true, saveSetting }),
    ).toMatchObject({ enabled: false });
    expect(loginItems.calls.map((c) => c.method)).toEqual(['get']);
    expect(saved).toEqual([]);
  });

  it('a development build does not register itself on its first launch', async () => {
    const { loginItems, saved, startAtLogin, saveSetting } = scripted(false);
    expect(
      await startAtLoginOnLaunch({ setting: null, startAtLogin, firstLaunchTurnsOn: false, saveSetting }),
    ).toBeNull();
    expect(loginItems.calls).toEqual([]);
    expect(saved).toEqual([]);
  });

  it('a first launch that could not turn it on saves nothing, so the next launch tries again', async () => {
    const { loginItems, saved, startAtLogin, saveSetting } = scripted(false);
    loginItems.failSet = new Error('denied');
    expect(
      await startAtLoginOnLaunch({ setting: null, startAtLogin, firstLaunchTurnsOn: true, saveSetting }),
    ).toMatchObject({ enabled: false, problem: expect.stringContaining('denied') });
    expect(saved).toEqual([]);
  });
});
