// The renderer side, enough to run the built preload as Chromium would: a sandboxed CommonJS
// file that can require only 'electron', whose contextBridge.exposeInMainWorld API becomes the
// "page" a scenario calls. ipcRenderer.invoke reaches the fake ipcMain with the sender frame the
// scenario chooses, so a call from a subframe or a foreign page can be tried.
import { readFileSync } from 'node:fs';
import { runInThisContext } from 'node:vm';
import { asDeclared } from './declared-check';
import { frameView, type FakeFrame, type FakeWebContents } from './fake-browser-window';
import { record } from './fake-state';
import { fakeIpcMain } from './fake-services';

/** Who the main process sees as the sender of the page's next calls. */
export type SenderChoice = 'main-frame' | 'subframe' | 'foreign-page' | 'no-frame';

export interface PageContext {
  contents: FakeWebContents;
  /** What the preload exposed: `window.cloudid` and friends. */
  world: Record<string, unknown>;
  sender: SenderChoice;
}

/** Modules a sandboxed preload may require besides 'electron' (Electron's sandbox docs). */
const SANDBOX_BUILTINS = new Set(['events', 'timers', 'url']);

export function runPreload(contents: FakeWebContents): PageContext {
  const preloadPath = contents.webPreferences.preload;
  if (typeof preloadPath !== 'string') throw new Error('the window has no preload');
  const page: PageContext = { contents, world: {}, sender: 'main-frame' };
  const electron = rendererElectron(page);
  const require = (id: string): unknown => {
    if (id === 'electron' || id === 'electron/renderer') return electron;
    if (SANDBOX_BUILTINS.has(id) || SANDBOX_BUILTINS.has(id.replace(/^node:/, ''))) return process.getBuiltinModule(id);
    throw new Error(`Cannot find module '${id}' (a sandboxed preload can require only 'electron')`);
  };
  const module = { exports: {} as unknown };
  const wrapper = runInThisContext(
    `(function (exports, require, module, __filename, __dirname) {${readFileSync(preloadPath, 'utf8')}\n})`,
    {
      filename: preloadPath,
    },
  ) as (...args: unknown[]) => void;
  wrapper(module.exports, require, module, preloadPath, undefined);
  return page;
}

function senderFrame(page: PageContext): FakeFrame | null {
  const main = page.contents.frame;
  switch (page.sender) {
    case 'main-frame':
      return frameView(main);
    case 'subframe': {
      const child: FakeFrame = {
        ...main,
        routingId: main.routingId + 1,
        parent: main,
        frames: [],
        top: main,
        name: 'embedded',
      };
      return frameView(child);
    }
    case 'foreign-page':
      return frameView({ ...main, url: 'https://attacker.example/index.html' });
    case 'no-frame':
      return null;
  }
}

function rendererElectron(page: PageContext): unknown {
  const ipcRenderer = {
    async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
      record('ipcRenderer.invoke', channel, page.sender);
      const handler = fakeIpcMain.handlers.get(channel);
      if (!handler)
        throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
      const frame = senderFrame(page);
      const event = {
        sender: page.contents.view,
        senderFrame: frame,
        processId: page.contents.frame.processId,
        frameId: page.contents.frame.routingId,
        type: 'frame',
      };
      try {
        return structuredClone(await handler(event, ...args.map((arg) => structuredClone(arg))));
      } catch (error) {
        // Electron passes only the message across, prefixed like this.
        throw new Error(`Error invoking remote method '${channel}': ${String(error)}`, { cause: error });
      }
    },
    on(channel: string, listener: (...args: unknown[]) => void) {
      let listeners = page.contents.rendererListeners.get(channel);
      if (!listeners) page.contents.rendererListeners.set(channel, (listeners = new Set()));
      listeners.add(listener);
      return view;
    },
    removeListener(channel: string, listener: (...args: unknown[]) => void) {
      page.contents.rendererListeners.get(channel)?.delete(listener);
      return view;
    },
  };
  const view = asDeclared('IpcRenderer', ipcRenderer);
  return {
    ipcRenderer: view,
    contextBridge: asDeclared('ContextBridge', {
      exposeInMainWorld(key: string, api: unknown) {
        if (key in page.world)
          throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`);
        page.world[key] = api;
      },
    }),
    webUtils: asDeclared('WebUtils', {
      getPathForFile: (file: { path?: string }) => file.path ?? '',
    }),
  };
}
