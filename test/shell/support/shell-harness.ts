// What a scenario drives: the built app (out/main/index.js) running on the Electron fake, and the
// fake's controls — make Electron ready, click the tray, load the window's page and call it, emit
// power and window events, quit. Runs inside the scenario's own process (scenario-child.ts).
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CloudIdApi } from '../../../electron/shared/contract';
import { undeclaredUses } from '../../support/electron-fake/declared-check';
import { fakeApp } from '../../support/electron-fake/fake-app';
import {
  FakeBrowserWindow,
  liveWindows,
  loading,
  type FakeWebContents,
} from '../../support/electron-fake/fake-browser-window';
import { shownNotifications } from '../../support/electron-fake/fake-notification';
import { runPreload, type PageContext, type SenderChoice } from '../../support/electron-fake/fake-renderer';
import {
  fakeClipboard,
  fakeDialog,
  fakeIpcMain,
  fakePowerMonitor,
  fakeProtocol,
  fakeSession,
  fakeShell,
  fakeNativeTheme,
} from '../../support/electron-fake/fake-services';
import { state } from '../../support/electron-fake/fake-state';
import { FakeTray } from '../../support/electron-fake/fake-tray-menu';

export const repoRoot = join(import.meta.dirname, '..', '..', '..');

export interface Page {
  api: CloudIdApi;
  /** Who the main process sees calling from now on. */
  sendFrom(choice: SenderChoice): void;
  contents: FakeWebContents;
}

const pages = new WeakMap<FakeWebContents, PageContext>();
loading.onLoaded.push((contents) => pages.set(contents, runPreload(contents)));

export const fake = {
  app: fakeApp,
  ipcMain: fakeIpcMain,
  protocol: fakeProtocol,
  session: fakeSession,
  shell: fakeShell,
  dialog: fakeDialog,
  clipboard: fakeClipboard,
  powerMonitor: fakePowerMonitor,
  nativeTheme: fakeNativeTheme,
  notifications: shownNotifications,
  loading,
  calls: state.calls,
  windows: FakeBrowserWindow.all,
  trays: FakeTray.all,
};

export const shell = {
  fake,
  /** Runs the built main process, as Electron would run package.json's "main". */
  async loadMain(): Promise<void> {
    await import(pathToFileURL(join(repoRoot, 'out', 'main', 'index.js')).href);
  },
  ready(): void {
    fakeApp.emitReady();
  },
  /**
   * Runs the app as the installed package would: app.isPackaged true, and process.resourcesPath
   * laid out as build/electron-builder.yml lays it out (the icons in `resources/`, the
   * standalone cloudid in `cli/`), from the repository's files. Call before loadMain().
   */
  packaged(): { resourcesPath: string; execPath: string } {
    const dir = mkdtempSync(join(tmpdir(), 'cloudid-packaged-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const resourcesPath = join(dir, 'resources');
    mkdirSync(resourcesPath);
    symlinkSync(join(repoRoot, 'resources'), join(resourcesPath, 'resources'));
    symlinkSync(join(repoRoot, 'out', 'cli-standalone'), join(resourcesPath, 'cli'));
    (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath = resourcesPath;
    fakeApp.isPackaged = true;
    return { resourcesPath, execPath: process.execPath };
  },
  /**
   * What process.platform says from now on, for the app's own checks (login items, the Dock,
   * menus). Node's internals chose their platform at start-up and keep it. Call before loadMain().
   */
  emulatePlatform(platform: NodeJS.Platform): void {
    Object.defineProperty(process, 'platform', { value: platform, configurable: true, enumerable: true });
  },
  tray(): FakeTray {
    const tray = FakeTray.all.at(-1);
    if (!tray) throw new Error('there is no tray');
    return tray;
  },
  /** The newest window that is not destroyed. */
  window(): FakeBrowserWindow | undefined {
    return liveWindows().at(-1);
  },
  /** The page of the newest window, once its preload has run. */
  async page(): Promise<Page> {
    const context = await waitFor('the window page to load', () => {
      const win = liveWindows().at(-1);
      return win ? pages.get(win.contents) : undefined;
    });
    return {
      api: context.world.cloudid as CloudIdApi,
      sendFrom: (choice) => (context.sender = choice),
      contents: context.contents,
    };
  },
  waitFor,
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  /** Quits as the tray's Quit item does, and waits for the app to end. */
  async quit(timeoutMs = 10_000): Promise<number> {
    fakeApp.quit();
    return withTimeout(fakeApp.exited, timeoutMs, 'the app to end after quit');
  },
  undeclaredUses,
};

export type Shell = typeof shell;

/** Polls `probe` (every 10 ms, within `timeoutMs`) until it returns something other than undefined/false. */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | null,
  timeoutMs = 8000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false && value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms)),
  );
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
