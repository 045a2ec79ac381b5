// Events from outside the window: a slow login shell, a second launch, quitting early, files
// changing, a token running out, waking from sleep, tray clicks.
import { existsSync, writeFileSync } from 'node:fs';
import fsPromises from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { sep } from 'node:path';
import { electronEvent } from '../../support/electron-fake/fake-state';
import type { Shell } from '../support/shell-harness';

const LOADING = 'Reading your AWS config…';

export async function slowShellSecondInstance(shell: Shell) {
  await shell.loadMain();
  const readyAt = Date.now();
  shell.ready();
  const tray = await shell.waitFor('the tray', () => shell.fake.trays.at(-1), 1500).catch(() => null);
  const trayAfterMs = Date.now() - readyAt;
  const ipcChannels = shell.fake.ipcMain.handlers.size;
  shell.fake.app.fire('second-instance', electronEvent(), ['cloud-identity-tray'], '/', {});
  const windowAfterSecondLaunch = await shell
    .waitFor('the window', () => shell.window()?.visible, 1000)
    .catch(() => false);
  const stillLoading = tray?.labels().includes(LOADING) ?? false;
  await shell.waitFor('the first real menu', () => tray && !tray.labels().includes(LOADING), 10_000);
  await shell.quit();
  return { trayAfterMs, ipcChannels, windowAfterSecondLaunch, stillLoading };
}

export async function quitFromLoadingMenu(shell: Shell) {
  await shell.loadMain();
  shell.ready();
  const tray = await shell.waitFor('the tray', () => shell.fake.trays.at(-1), 1500);
  const loading = tray.labels().includes(LOADING);
  tray.clickItem('Quit');
  const exitCode = await shell.quit();
  return { loading, exitCode, trayDestroyed: tray.isDestroyed(), handlers: shell.fake.ipcMain.handlers.size };
}

export async function secondLaunchQuits(shell: Shell) {
  shell.fake.app.lockHeldElsewhere = true;
  await shell.loadMain();
  const exitCode = await shell.fake.app.exited;
  return { exitCode, trays: shell.fake.trays.length, handlers: shell.fake.ipcMain.handlers.size };
}

export async function configChangeRebuildsMenu(shell: Shell) {
  await shell.loadMain();
  shell.ready();
  const tray = await shell.waitFor('the tray', () => shell.fake.trays.at(-1), 1500);
  await shell.waitFor('the first real menu', () => !tray.labels().includes(LOADING));
  shell.tray().clickItem(/^Open Cloud Identity Tray/);
  const page = await shell.page();
  const snapshots: unknown[] = [];
  page.api.on('snapshot', (snapshot) => snapshots.push(snapshot));
  const before = tray.labels();
  const configFile = process.env.AWS_CONFIG_FILE!;
  writeFileSync(
    configFile,
    '[default]\nregion = eu-west-1\naws_access_key_id = AKIAEXAMPLE\n[profile added-later]\nregion = eu-west-1\n',
  );
  await shell.waitFor(
    'the menu to show the new default',
    () => tray.labels().some((l) => l.startsWith('default')),
    8000,
  );
  await shell.waitFor('a snapshot in the page', () => snapshots.length > 0, 2000);
  const after = tray.labels();
  const last = snapshots.at(-1) as { aws: { profiles: Array<{ name: string }> } };
  await shell.quit();
  return { before, after, pushedProfiles: last.aws.profiles.map((p) => p.name) };
}

export async function tokenExpiresSoon(shell: Shell) {
  await shell.loadMain();
  shell.ready();
  const tray = await shell.waitFor('the tray', () => shell.fake.trays.at(-1), 1500);
  await shell.waitFor('the first real menu', () => !tray.labels().includes(LOADING));
  const menusAtStart = tray.menusSet;
  const iconAtStart = tray.image.path;
  await shell.waitFor('the icon to turn expired', () => /expired/.test(tray.image.path), 20_000);
  await shell.sleep(300);
  const result = {
    iconAtStart,
    iconAfter: tray.image.path,
    menusBuilt: tray.menusSet - menusAtStart,
    labels: tray.labels(),
    notifications: shell.fake.notifications.map((n) => n.title),
  };
  await shell.quit();
  return result;
}

export async function resumeAndCopy(shell: Shell) {
  await shell.loadMain();
  shell.ready();
  const tray = await shell.waitFor('the tray', () => shell.fake.trays.at(-1), 1500);
  await shell.waitFor('the first real menu', () => !tray.labels().includes(LOADING));
  const menusBefore = tray.menusSet;
  shell.fake.powerMonitor.fire('resume');
  const menusAfterResume = tray.menusSet - menusBefore;
  tray.clickItem(/^Copy “export AWS_PROFILE=/);
  const copied = shell.fake.clipboard.text;
  await shell.quit();
  return { menusAfterResume, copied };
}

/**
 * Quits while start-up still waits (for the login shell, or the core): SCENARIO_QUIT_AFTER_MS
 * after 'ready', or as soon as the file SCENARIO_QUIT_WHEN_FILE exists.
 */
export async function quitDuringStartUp(shell: Shell) {
  const afterMs = Number(process.env.SCENARIO_QUIT_AFTER_MS ?? 0);
  const whenFile = process.env.SCENARIO_QUIT_WHEN_FILE;
  await shell.loadMain();
  shell.ready();
  const tray = await shell.waitFor('the tray', () => shell.fake.trays.at(-1), 1500);
  await shell.sleep(afterMs);
  if (whenFile) await shell.waitFor(whenFile, () => existsSync(whenFile), 10_000);
  const loading = tray.labels().includes(LOADING);
  const quitAt = Date.now();
  const exitCode = await shell.quit();
  return {
    loading,
    exitCode,
    quitMs: Date.now() - quitAt,
    trayDestroyed: tray.isDestroyed(),
    handlers: shell.fake.ipcMain.handlers.size,
  };
}

/**
 * Quits while core.start() reads the settings, the first thing it does: the scenario holds that
 * one read (fs/promises' readFile, which the app imports by name, swapped before loadMain) for
 * 500 ms and quits as soon as it began, so core.stop() runs before start() goes on.
 */
export async function quitWhileCoreLoadsSettings(shell: Shell) {
  const realReadFile = fsPromises.readFile;
  let reached = (): void => undefined;
  const settingsRead = new Promise<void>((resolve) => (reached = resolve));
  let held = false;
  fsPromises.readFile = (async (...args: Parameters<typeof realReadFile>) => {
    const [file] = args;
    if (!held && typeof file === 'string' && file.endsWith(`${sep}settings.json`)) {
      held = true;
      reached();
      await shell.sleep(500);
    }
    return realReadFile(...args);
  }) as typeof realReadFile;
  syncBuiltinESMExports();
  await shell.loadMain();
  shell.ready();
  const tray = await shell.waitFor('the tray', () => shell.fake.trays.at(-1), 1500);
  await settingsRead;
  const quitAt = Date.now();
  const exitCode = await shell.quit();
  const quitMs = Date.now() - quitAt;
  // Let start() go on after its read, as it would in the app before the process ends.
  await shell.sleep(700);
  return { held, exitCode, quitMs, trayDestroyed: tray.isDestroyed() };
}
