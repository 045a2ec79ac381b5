// BrowserWindow, its WebContents and their frames. A page "loads" when the scenario says so (or
// at once, by default): the preload runs (fake-renderer.ts), then 'did-finish-load' and
// 'ready-to-show'. A scenario can instead fail the load or crash the renderer, the way Chromium
// reports them.
import { asDeclared, checkOptions } from './declared-check';
import { fakeApp } from './fake-app';
import { DeclaredEmitter, electronEvent, record, requireReady } from './fake-state';

let nextId = 1;
let nextProcessId = 100;

export interface FakeFrame {
  url: string;
  processId: number;
  routingId: number;
  parent: FakeFrame | null;
  frames: FakeFrame[];
  top: FakeFrame | null;
  name: string;
  detached: boolean;
}

/** A frame as the app sees it: only what WebFrameMain declares can be read. */
export function frameView(frame: FakeFrame): FakeFrame {
  return asDeclared('WebFrameMain', frame);
}

export type LoadOutcome = 'load' | 'manual' | { fail: { code: number; description: string } };

/** How the next page loads, for every window: the scenario's knob. */
export const loading: { next: LoadOutcome; onLoaded: Array<(contents: FakeWebContents) => void> } = {
  next: 'load',
  onLoaded: [],
};

export class FakeWebContents extends DeclaredEmitter {
  readonly id = nextId++;
  readonly frame: FakeFrame;
  readonly view: FakeWebContents;
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  /** The page's listeners: fake-renderer.ts registers them when the preload runs. */
  readonly rendererListeners = new Map<string, Set<(...args: unknown[]) => void>>();
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  private destroyed = false;
  private crashed = false;
  private pendingLoad: { resolve(): void; reject(error: Error): void } | null = null;

  constructor(
    readonly owner: FakeBrowserWindow,
    readonly webPreferences: Record<string, unknown>,
  ) {
    super('WebContents');
    const processId = nextProcessId++;
    this.frame = { url: '', processId, routingId: 1, parent: null, frames: [], top: null, name: '', detached: false };
    this.frame.top = this.frame;
    this.view = asDeclared('WebContents', this);
  }

  get mainFrame(): FakeFrame {
    return frameView(this.frame);
  }
  getURL(): string {
    return this.frame.url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isCrashed(): boolean {
    return this.crashed;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    record('WebContents#send', channel);
    // IPC copies with the structured clone algorithm and delivers asynchronously.
    const copies = args.map((arg) => structuredClone(arg));
    this.sent.push({ channel, args: copies });
    if (this.crashed) return;
    setImmediate(() => {
      for (const listener of this.rendererListeners.get(channel) ?? []) listener({ sender: null }, ...copies);
    });
  }
  loadURL(url: string, options?: unknown): Promise<void> {
    if (options) checkOptions('LoadURLOptions', options);
    record('WebContents#loadURL', url);
    this.crashed = false;
    this.frame.url = url;
    const outcome = loading.next;
    return new Promise<void>((resolve, reject) => {
      this.pendingLoad = { resolve, reject };
      if (outcome === 'manual') return;
      setImmediate(() =>
        outcome === 'load' ? this.finishLoad() : this.failLoad(outcome.fail.code, outcome.fail.description),
      );
    });
  }

  /** The scenario's side: the page loaded (preload first, then the page's own events). */
  finishLoad(): void {
    if (this.destroyed) return;
    for (const run of loading.onLoaded) run(this);
    this.fire('dom-ready', electronEvent());
    this.fire('did-finish-load', electronEvent());
    this.owner.fire('ready-to-show', electronEvent());
    this.pendingLoad?.resolve();
    this.pendingLoad = null;
  }
  /** Chromium could not load the page (e.g. -6 ERR_FILE_NOT_FOUND); loadURL rejects as in Electron. */
  failLoad(code: number, description: string): void {
    if (this.destroyed) return;
    const url = this.frame.url;
    this.fire(
      'did-fail-load',
      electronEvent(),
      code,
      description,
      url,
      true,
      this.frame.processId,
      this.frame.routingId,
    );
    this.pendingLoad?.reject(
      Object.assign(new Error(`${description} (${code}) loading '${url}'`), { code: description, errno: code, url }),
    );
    this.pendingLoad = null;
  }
  /** The renderer process died. */
  crash(reason = 'crashed'): void {
    this.crashed = true;
    this.rendererListeners.clear();
    const details = { reason, exitCode: 139 };
    this.fire('render-process-gone', electronEvent(), details);
    fakeApp.fire('render-process-gone', electronEvent(), this.view, details);
  }
  /** Asks the guards what to do with a navigation the page starts; true when allowed. */
  navigate(url: string): boolean {
    const event = electronEvent({
      url,
      isMainFrame: true,
      isSameDocument: false,
      frame: this.mainFrame,
      initiator: this.mainFrame,
    });
    this.fire('will-frame-navigate', event);
    if (event.defaultPrevented) return false;
    const willNavigate = electronEvent({
      url,
      isMainFrame: true,
      isSameDocument: false,
      frame: this.mainFrame,
      initiator: this.mainFrame,
    });
    this.fire('will-navigate', willNavigate, url, false, true, this.frame.processId, this.frame.routingId);
    return !willNavigate.defaultPrevented;
  }
  markDestroyed(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.fire('destroyed');
  }
}

export class FakeBrowserWindow extends DeclaredEmitter {
  static readonly all: FakeBrowserWindow[] = [];
  readonly options: Record<string, unknown>;
  readonly contents: FakeWebContents;
  readonly view: FakeBrowserWindow;
  visible = false;
  showCount = 0;
  backgroundColor: string | null;
  private destroyed = false;
  private minimized = false;

  constructor(options: Record<string, unknown> = {}) {
    super('BrowserWindow');
    requireReady('new BrowserWindow()');
    checkOptions('BrowserWindowConstructorOptions', options);
    record('new BrowserWindow', options);
    this.options = options;
    this.backgroundColor = typeof options.backgroundColor === 'string' ? options.backgroundColor : null;
    this.contents = new FakeWebContents(this, (options.webPreferences ?? {}) as Record<string, unknown>);
    this.view = asDeclared('BrowserWindow', this);
    FakeBrowserWindow.all.push(this);
    fakeApp.windows.add({
      isDestroyed: () => this.destroyed,
      closePrevented: () => {
        const event = electronEvent();
        this.fire('close', event);
        return event.defaultPrevented;
      },
      destroy: () => this.destroy(),
    });
    fakeApp.fire('web-contents-created', electronEvent(), this.contents.view);
    return this.view;
  }

  get webContents(): FakeWebContents {
    return this.contents.view;
  }
  show(): void {
    record('BrowserWindow#show');
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.visible = true;
    this.showCount++;
  }
  hide(): void {
    record('BrowserWindow#hide');
    this.visible = false;
  }
  focus(): void {
    record('BrowserWindow#focus');
  }
  isVisible(): boolean {
    return this.visible;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  removeMenu(): void {
    record('BrowserWindow#removeMenu');
  }
  setBackgroundColor(color: string): void {
    this.backgroundColor = color;
  }
  loadURL(url: string, options?: unknown): Promise<void> {
    return this.contents.loadURL(url, options);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  close(): void {
    const event = electronEvent();
    this.fire('close', event);
    if (!event.defaultPrevented) this.destroy();
  }
  destroy(): void {
    if (this.destroyed) return;
    record('BrowserWindow#destroy');
    this.destroyed = true;
    this.visible = false;
    this.contents.markDestroyed();
    this.fire('closed');
  }
}

/** Windows not yet destroyed, oldest first. */
export function liveWindows(): FakeBrowserWindow[] {
  return FakeBrowserWindow.all.filter((w) => !w.isDestroyed());
}
