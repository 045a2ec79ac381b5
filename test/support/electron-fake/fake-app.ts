// `app`: paths, the single-instance lock, 'ready', and quitting the way Electron does it:
// 'before-quit', then each window's 'close' (a window that prevents it cancels the quit), then
// 'will-quit' (preventable), then 'quit' and the end of the process's Electron life. A scenario
// reads `exited` to know the app has ended.
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asDeclared, checkOptions } from './declared-check';
import { DeclaredEmitter, electronEvent, record, state } from './fake-state';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

// Electron adds process.resourcesPath; the fake's is where a development Electron keeps its own.
const electronProcess = process as NodeJS.Process & { resourcesPath?: string };
electronProcess.resourcesPath ??= join(repoRoot, 'node_modules', 'electron', 'dist', 'resources');

/** What app.quit() closes: the windows alive at that moment. */
export interface QuittableWindow {
  isDestroyed(): boolean;
  /** Fires 'close'; true when a listener prevented it. */
  closePrevented(): boolean;
  destroy(): void;
}

export class FakeApp extends DeclaredEmitter {
  isPackaged = false;
  name = 'Electron';
  dock: undefined = undefined;
  /** Scenario knobs: whether another instance already holds the lock. */
  lockHeldElsewhere = false;
  exitCode: number | null = null;
  /**
   * The OS's login items (macOS, Windows), keyed as Windows keys its Run entries: by executable
   * and arguments (macOS passes neither, so it has one entry, the app's).
   */
  readonly loginItems = new Map<string, boolean>();
  readonly windows = new Set<QuittableWindow>();
  readonly exited: Promise<number>;
  private resolveExited!: (code: number) => void;
  private readonly ready: Promise<void>;
  private resolveReady!: () => void;
  private readonly paths = new Map<string, string>();

  constructor() {
    super('App');
    this.ready = new Promise((resolve) => (this.resolveReady = resolve));
    this.exited = new Promise((resolve) => (this.resolveExited = resolve));
    const home = homedir();
    for (const [name, path] of Object.entries({
      home,
      temp: tmpdir(),
      appData: join(home, '.config'),
      userData: join(home, '.config', 'Electron'),
    })) {
      this.paths.set(name, path);
    }
  }

  setPath(name: string, path: string): void {
    record('app.setPath', name, path);
    this.paths.set(name, path);
  }
  getPath(name: string): string {
    const path = this.paths.get(name);
    if (!path) throw new Error(`Failed to get '${name}' path`);
    return path;
  }
  getAppPath(): string {
    return repoRoot;
  }
  setAppUserModelId(id: string): void {
    record('app.setAppUserModelId', id);
  }
  requestSingleInstanceLock(): boolean {
    record('app.requestSingleInstanceLock');
    return !this.lockHeldElsewhere;
  }
  getLoginItemSettings(options?: { path?: string; args?: string[] }) {
    checkOptions('LoginItemSettingsOptions', options);
    record('app.getLoginItemSettings', options);
    const openAtLogin = this.loginItems.get(loginItemKey(options)) ?? false;
    return {
      openAtLogin,
      wasOpenedAtLogin: false,
      status: openAtLogin ? 'enabled' : 'not-registered',
      executableWillLaunchAtLogin: openAtLogin,
      launchItems: [],
    };
  }
  setLoginItemSettings(settings: { openAtLogin?: boolean; path?: string; args?: string[] }): void {
    checkOptions('Settings', settings);
    record('app.setLoginItemSettings', settings);
    this.loginItems.set(loginItemKey(settings), settings.openAtLogin === true);
  }
  isReady(): boolean {
    return state.ready;
  }
  whenReady(): Promise<void> {
    return this.ready;
  }
  focus(options?: unknown): void {
    record('app.focus', options);
  }
  quit(): void {
    record('app.quit');
    if (this.exitCode !== null) return;
    // Electron runs the quit sequence from its message loop, not inside the caller.
    setImmediate(() => this.runQuit());
  }
  exit(code = 0): void {
    record('app.exit', code);
    this.end(code);
  }

  /** The scenario's side: Electron has initialised. */
  emitReady(): void {
    if (this.exitCode !== null) return;
    state.ready = true;
    this.fire('will-finish-launching');
    this.fire('ready', electronEvent(), {});
    this.resolveReady();
  }

  private runQuit(): void {
    if (this.exitCode !== null) return;
    const beforeQuit = electronEvent();
    this.fire('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    for (const window of [...this.windows]) {
      if (window.isDestroyed()) continue;
      if (window.closePrevented()) {
        record('app.quit cancelled by a window');
        return;
      }
      window.destroy();
    }
    const willQuit = electronEvent();
    this.fire('will-quit', willQuit);
    if (willQuit.defaultPrevented) return;
    this.fire('quit', electronEvent(), 0);
    this.end(0);
  }

  private end(code: number): void {
    if (this.exitCode !== null) return;
    this.exitCode = code;
    record('process ends', code);
    this.resolveExited(code);
  }
}

function loginItemKey(options: { path?: string; args?: string[] } | undefined): string {
  return JSON.stringify([options?.path ?? process.execPath, options?.args ?? []]);
}

export const fakeApp = new FakeApp();
export const app = asDeclared('App', fakeApp);
