// The main-process modules without windows: ipcMain, protocol, session, shell, dialog, clipboard,
// powerMonitor, nativeTheme, screen. Each records what the app asks of it; a scenario sets their
// answers (a failing openExternal, a chosen file) and emits their events (resume, theme change).
import { asDeclared, checkOptions } from './declared-check';
import { DeclaredEmitter, record, requireReady, state } from './fake-state';

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

class FakeIpcMain extends DeclaredEmitter {
  readonly handlers = new Map<string, InvokeHandler>();
  constructor() {
    super('IpcMain');
  }
  handle(channel: string, handler: InvokeHandler): void {
    // Electron refuses a second handler for a channel.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  handleOnce(channel: string, handler: InvokeHandler): void {
    this.handle(channel, (event, ...args) => {
      this.handlers.delete(channel);
      return handler(event, ...args);
    });
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
}
export const fakeIpcMain = new FakeIpcMain();
export const ipcMain = asDeclared('IpcMain', fakeIpcMain);

type ProtocolHandler = (request: Request) => Response | Promise<Response>;
export const fakeProtocol = {
  privileged: [] as Array<{ scheme: string; privileges?: Record<string, unknown> }>,
  handlers: new Map<string, ProtocolHandler>(),
  registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges?: Record<string, unknown> }>): void {
    record('protocol.registerSchemesAsPrivileged', schemes);
    if (state.ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    schemes.forEach((scheme, index) => checkOptions('CustomScheme', scheme, `schemes[${index}]`));
    this.privileged.push(...schemes);
  },
  handle(scheme: string, handler: ProtocolHandler): void {
    requireReady('protocol.handle');
    record('protocol.handle', scheme);
    if (this.handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    this.handlers.set(scheme, handler);
  },
  unhandle(scheme: string): void {
    this.handlers.delete(scheme);
  },
  isProtocolHandled(scheme: string): boolean {
    return this.handlers.has(scheme);
  },
  /** The scenario's side: Chromium requests `url` from the app's scheme handler. */
  async request(url: string, method = 'GET'): Promise<Response> {
    const scheme = new URL(url).protocol.replace(/:$/, '');
    const handler = this.handlers.get(scheme);
    if (!handler) throw new Error(`no handler for ${scheme}:`);
    return handler(new Request(url, { method }));
  },
};
export const protocol = asDeclared('Protocol', fakeProtocol);

export const fakeSession = {
  permissionRequestHandler: null as unknown,
  permissionCheckHandler: null as unknown,
  devicePermissionHandler: null as unknown,
  beforeRequest: null as null | {
    filter: unknown;
    listener: (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;
  },
  setPermissionRequestHandler(handler: unknown): void {
    this.permissionRequestHandler = handler;
  },
  setPermissionCheckHandler(handler: unknown): void {
    this.permissionCheckHandler = handler;
  },
  setDevicePermissionHandler(handler: unknown): void {
    this.devicePermissionHandler = handler;
  },
  webRequest: asDeclared('WebRequest', {
    onBeforeRequest(filter: unknown, listener: NonNullable<(typeof fakeSession)['beforeRequest']>['listener']): void {
      checkOptions('WebRequestFilter', filter);
      fakeSession.beforeRequest = { filter, listener };
    },
  }),
  /** The scenario's side: would the session let the page request `url`? */
  allowsRequest(url: string): Promise<boolean> {
    const hook = this.beforeRequest;
    if (!hook) return Promise.resolve(true);
    return new Promise((resolve) => hook.listener({ url }, (response) => resolve(!response.cancel)));
  },
};
const sessionView = asDeclared('Session', fakeSession);
export const session = {
  get defaultSession() {
    requireReady('session.defaultSession');
    return sessionView;
  },
};

export const fakeShell = {
  opened: [] as string[],
  /** Scenario knob: make openExternal fail, as it does with no browser configured. */
  failOpenExternal: null as string | null,
  /** Scenario hook: the "browser" that receives each opened URL. */
  browser: null as ((url: string) => void) | null,
  openExternal(url: string, options?: unknown): Promise<void> {
    if (options) checkOptions('OpenExternalOptions', options);
    record('shell.openExternal', url);
    if (this.failOpenExternal) return Promise.reject(new Error(this.failOpenExternal));
    this.opened.push(url);
    this.browser?.(url);
    return Promise.resolve();
  },
  showItemInFolder(path: string): void {
    record('shell.showItemInFolder', path);
  },
};
export const shell = asDeclared('Shell', fakeShell);

export const fakeDialog = {
  /** Scenario knob: the file the user picks next (null: cancel). */
  nextOpenPath: null as string | null,
  messages: [] as unknown[],
  errorBoxes: [] as Array<{ title: string; content: string }>,
  showOpenDialog(...args: unknown[]): Promise<{ canceled: boolean; filePaths: string[] }> {
    const options = args.find((a) => typeof a === 'object' && a !== null && !('webContents' in a));
    checkOptions('OpenDialogOptions', options);
    record('dialog.showOpenDialog', options);
    const path = this.nextOpenPath;
    return Promise.resolve(path === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [path] });
  },
  showMessageBox(...args: unknown[]): Promise<{ response: number; checkboxChecked: boolean }> {
    const options = args.find((a) => typeof a === 'object' && a !== null && 'message' in a);
    checkOptions('MessageBoxOptions', options);
    record('dialog.showMessageBox', options);
    this.messages.push(options);
    return Promise.resolve({ response: 0, checkboxChecked: false });
  },
  showErrorBox(title: string, content: string): void {
    record('dialog.showErrorBox', title, content);
    this.errorBoxes.push({ title, content });
  },
};
export const dialog = asDeclared('Dialog', fakeDialog);

export const fakeClipboard = {
  text: '',
  // Asynchronous since Electron 45 (electron.d.ts: writeText(text): Promise<void>).
  writeText(text: string): Promise<void> {
    record('clipboard.writeText', text);
    this.text = text;
    return Promise.resolve();
  },
  readText(): Promise<string> {
    return Promise.resolve(this.text);
  },
};
export const clipboard = asDeclared('Clipboard', fakeClipboard);

class FakePowerMonitor extends DeclaredEmitter {
  constructor() {
    super('PowerMonitor');
  }
  getSystemIdleTime(): number {
    return 0;
  }
}
export const fakePowerMonitor = new FakePowerMonitor();
export const powerMonitor = asDeclared('PowerMonitor', fakePowerMonitor);

class FakeNativeTheme extends DeclaredEmitter {
  shouldUseDarkColors = false;
  themeSource = 'system';
  constructor() {
    super('NativeTheme');
  }
  /** The scenario's side: the OS switches between light and dark. */
  setDark(dark: boolean): void {
    this.shouldUseDarkColors = dark;
    this.fire('updated');
  }
}
export const fakeNativeTheme = new FakeNativeTheme();
export const nativeTheme = asDeclared('NativeTheme', fakeNativeTheme);

const display = {
  id: 1,
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 0, width: 1920, height: 1050 },
  scaleFactor: 1,
};
export const screen = asDeclared('Screen', {
  getPrimaryDisplay() {
    requireReady('screen');
    return display;
  },
  getAllDisplays() {
    requireReady('screen');
    return [display];
  },
  getCursorScreenPoint() {
    requireReady('screen');
    return { x: 0, y: 0 };
  },
  getDisplayNearestPoint() {
    requireReady('screen');
    return display;
  },
});
