// The desktop services of the built app: start at login (the XDG autostart file on Linux, the
// OS's login items on macOS and Windows) and the cloudid command, from launch and from the page.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Shell } from '../support/shell-harness';

const LOADING = 'Reading your AWS config…';

async function started(shell: Shell) {
  await shell.loadMain();
  shell.ready();
  const tray = await shell.waitFor('the tray', () => shell.fake.trays.at(-1), 1500);
  await shell.waitFor('the first real menu', () => !tray.labels().includes(LOADING), 10_000);
  return tray;
}

/** Like shell.waitFor, for a probe that must be awaited. */
async function poll<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

const loginItemCalls = (shell: Shell) =>
  shell.fake.calls
    .filter((c) => c.call === 'app.setLoginItemSettings' || c.call === 'app.getLoginItemSettings')
    .map((c) => ({ call: c.call, args: c.args }));

async function savedSettings(): Promise<Record<string, unknown>> {
  // The app's folder as electron/core/app/app-paths.ts names it, under the scenario's HOME.
  const userData = (await import('../../support/electron-fake/fake-app')).fakeApp.getPath('userData');
  return JSON.parse(await readFile(join(userData, 'settings.json'), 'utf8')) as Record<string, unknown>;
}

export async function linuxFirstLaunchThenOff(shell: Shell) {
  const { execPath } = shell.packaged();
  const file = join(process.env.XDG_CONFIG_HOME!, 'autostart', 'cloud-identity-tray.desktop');
  await started(shell);
  const written = await poll('the autostart file', () => readFile(file, 'utf8').catch(() => undefined));
  // The setting is saved once the file is written.
  const settingAfterLaunch = await poll(
    'the setting saved',
    async () => ((await savedSettings().catch(() => ({}))) as { startAtLogin?: unknown }).startAtLogin ?? undefined,
  );
  shell.tray().clickItem(/^Open Cloud Identity Tray/);
  const page = await shell.page();
  const shown = await page.api.getStartAtLogin();
  const off = await page.api.setStartAtLogin({ enabled: false });
  const fileAfterOff = await exists(file);
  const settingAfterOff = (await savedSettings()).startAtLogin;
  const cli = await page.api.getCliCommand();
  const installed = await page.api.installCliCommand();
  const launcher = await readFile(join(process.env.HOME!, '.local', 'bin', 'cloudid'), 'utf8').catch(() => null);
  await shell.quit();
  return {
    file,
    execPath,
    written,
    settingAfterLaunch,
    shown,
    off,
    fileAfterOff,
    settingAfterOff,
    cli,
    installed,
    launcher,
    loginItemCalls: loginItemCalls(shell),
  };
}

/** macOS or Windows: the first packaged launch adds the login item, the page removes it. */
async function loginItemFirstLaunchThenOff(shell: Shell, platform: 'darwin' | 'win32') {
  shell.emulatePlatform(platform);
  const { execPath } = shell.packaged();
  await started(shell);
  await poll(
    'the setting saved',
    async () => ((await savedSettings().catch(() => ({}))) as { startAtLogin?: unknown }).startAtLogin ?? undefined,
  );
  const atLaunch = loginItemCalls(shell);
  shell.tray().clickItem(/^Open Cloud Identity Tray/);
  const page = await shell.page();
  const shown = await page.api.getStartAtLogin();
  const off = await page.api.setStartAtLogin({ enabled: false });
  const settingAfterOff = (await savedSettings()).startAtLogin;
  const autostartFile = await stat(join(process.env.XDG_CONFIG_HOME!, 'autostart')).then(
    () => true,
    () => false,
  );
  await shell.quit();
  return {
    execPath,
    atLaunch,
    shown,
    off,
    settingAfterOff,
    autostartFile,
    all: loginItemCalls(shell),
    loginItems: [...shell.fake.app.loginItems],
  };
}

export const macFirstLaunchThenOff = (shell: Shell) => loginItemFirstLaunchThenOff(shell, 'darwin');
export const windowsFirstLaunchThenOff = (shell: Shell) => loginItemFirstLaunchThenOff(shell, 'win32');
