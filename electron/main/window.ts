// The one app window: created on first use, hidden (not closed) when the user closes it so the
// app lives on in the tray, destroyed when the app quits. A window whose page failed to load or
// whose renderer died is thrown away, so the next show() starts a fresh one instead of showing
// (or waiting forever to show) a dead page.
import { app, BrowserWindow, nativeTheme, type WebFrameMain } from 'electron';
import { eventChannel, type EventName, type EventPayload } from '../shared/contract';
import { PRODUCT_NAME } from '../core/app/app-paths';
import { isAppPageUrl } from '../core/security/app-origin';

export interface WindowOptions {
  /** The page: app://cloudid/index.html, or the dev server's URL. */
  pageUrl: string;
  /** The built preload (out/preload/index.cjs). */
  preloadPath: string;
  /** The app icon, for the window and the task switcher on Linux/Windows. */
  iconPath: string;
  /** True once the app is quitting: then a close really closes. */
  isQuitting(): boolean;
}

export interface AppWindow {
  show(): void;
  /** Show the window, then deliver `event` once its page has loaded. */
  showAndSend<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Deliver an event if the window exists; a window opened later asks for the state itself. */
  send<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** True only for the main frame of our window, showing our page. */
  isAppFrame(frame: WebFrameMain | null): boolean;
  destroy(): void;
}

// The renderer's --bg for each scheme (renderer/src/styles.css), so nothing flashes on show.
const BACKGROUND = { light: '#f4f5f7', dark: '#0e1116' };

export function createAppWindow(options: WindowOptions): AppWindow {
  let window: BrowserWindow | null = null;
  // Events waiting for a new window's page to load (a click that opened the window).
  let pending: Array<(win: BrowserWindow) => void> = [];
  let pageLoaded = false;

  const background = (): string => (nativeTheme.shouldUseDarkColors ? BACKGROUND.dark : BACKGROUND.light);
  const onThemeUpdated = (): void => window?.setBackgroundColor(background());
  nativeTheme.on('updated', onThemeUpdated);

  const ensure = (): BrowserWindow => {
    if (window && !window.isDestroyed()) return window;
    const win = new BrowserWindow({
      width: 1040,
      height: 720,
      minWidth: 640,
      minHeight: 440,
      show: false,
      title: PRODUCT_NAME,
      icon: options.iconPath,
      backgroundColor: background(),
      autoHideMenuBar: true,
      webPreferences: {
        preload: options.preloadPath,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webviewTag: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        navigateOnDragDrop: false,
        safeDialogs: true,
        spellcheck: false,
      },
    });
    // macOS keeps the application menu (it carries Copy/Paste for text fields); elsewhere the
    // window has no menu bar.
    if (process.platform !== 'darwin') win.removeMenu();
    pageLoaded = false;
    win.once('ready-to-show', () => win.show());
    win.webContents.on('did-finish-load', () => {
      pageLoaded = true;
      const queued = pending;
      pending = [];
      for (const run of queued) run(win);
    });
    win.webContents.on('did-fail-load', (_event, errorCode, errorDescription, validatedURL, isMainFrame) => {
      // -3 (ERR_ABORTED) is a load replaced by another, not a failure.
      if (!isMainFrame || errorCode === -3) return;
      console.error(`The window's page did not load (${errorDescription}, ${errorCode}): ${validatedURL}`);
      discard(win);
    });
    win.webContents.on('render-process-gone', (_event, details) => {
      console.error(`The window's page stopped (${details.reason}); the next open starts it again`);
      discard(win);
    });
    win.on('close', (event) => {
      if (options.isQuitting()) return;
      event.preventDefault();
      win.hide();
    });
    win.on('closed', () => {
      if (window === win) window = null;
      pending = [];
    });
    // A failure is reported by 'did-fail-load' above; the rejection itself carries nothing more.
    win.loadURL(options.pageUrl).catch(() => undefined);
    window = win;
    return win;
  };

  const discard = (win: BrowserWindow): void => {
    if (window !== win) return;
    window = null;
    pending = [];
    pageLoaded = false;
    // Not from inside the window's own event.
    setImmediate(() => {
      if (!win.isDestroyed()) win.destroy();
    });
  };

  const deliver = <E extends EventName>(win: BrowserWindow, event: E, payload: EventPayload<E>): void => {
    if (!win.isDestroyed()) win.webContents.send(eventChannel(event), payload);
  };

  return {
    show() {
      const win = ensure();
      if (win.isMinimized()) win.restore();
      if (pageLoaded) win.show(); // else 'ready-to-show' shows it
      // A menubar app (no Dock icon) is not the active app when its tray item is clicked.
      if (process.platform === 'darwin') app.focus({ steal: true });
      win.focus();
    },
    showAndSend(event, payload) {
      this.show();
      const win = ensure();
      if (pageLoaded) deliver(win, event, payload);
      else pending.push((loaded) => deliver(loaded, event, payload));
    },
    send(event, payload) {
      if (window) deliver(window, event, payload);
    },
    isAppFrame(frame) {
      if (!frame || !window || window.isDestroyed()) return false;
      const main = window.webContents.mainFrame;
      // Compared by process and routing ID rather than object identity: the frame that sent a
      // message is the main frame of our window, in its current process, showing our page.
      return (
        frame.processId === main.processId &&
        frame.routingId === main.routingId &&
        frame.parent === null &&
        isAppPageUrl(frame.url, options.pageUrl)
      );
    },
    destroy() {
      nativeTheme.off('updated', onThemeUpdated);
      if (window && !window.isDestroyed()) window.destroy();
      window = null;
    },
  };
}
