// The core and the operation handlers the window and the tray share. The core is created once
// the login shell has said which PATH the user's terminal has (it decides which `aws` runs), so
// this is the one part of start-up that waits for it; the tray, the IPC handlers and the window
// exist before, and take the handlers from the promise this returns.
import { app, clipboard, dialog } from 'electron';
import { createCore, type Core } from '../core/app/core';
import { loginShellPath } from '../core/app/login-shell-path';
import { createOperationHandlers } from '../core/app/operation-handlers';
import type { EventName, EventPayload, OperationHandlers } from '../shared/contract';
import type { Lifetime } from './quit';
import { openExternalIfAllowed } from './security';
import { setupStartAtLogin } from './start-at-login';

export interface CoreServices {
  core: Core;
  /** One handler set for the app: the tray's "Log in" joins a login the window started, and back. */
  handlers: OperationHandlers;
}

export interface CoreServicesOptions {
  homeDir: string;
  userDataDir: string;
  settingsFile: string;
  lifetime: Lifetime;
  /** Every event the handlers raise, for the window (and the device code's notification). */
  onEvent<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

/** Rejects with this when the app quits before the core was created. */
export class QuitDuringStartup extends Error {
  constructor() {
    super('the app quit during start-up');
  }
}

/** Settles once the core has started (its first snapshot is there). */
export async function startCoreServices(options: CoreServicesOptions): Promise<CoreServices> {
  // Launched from a dock or menu, the app lacks the terminal's PATH: ask the login shell which
  // `aws` the user's terminal would run.
  // A Quit meanwhile kills the shell (and whatever its rc files run) at once.
  const quit = new AbortController();
  options.lifetime.onQuit(() => quit.abort());
  const path = await loginShellPath({
    shell: process.env.SHELL,
    fallback: process.env.PATH,
    platform: process.platform,
    signal: quit.signal,
  });
  if (options.lifetime.quitting) throw new QuitDuringStartup();
  const env = { ...process.env, PATH: path };
  const core = createCore({
    env,
    homeDir: options.homeDir,
    settingsFile: options.settingsFile,
    appDataDir: options.userDataDir,
    probeGcpReauth: true,
    watch: true,
    detectCli: true,
    verifyActive: true,
  });
  options.lifetime.setStopCore(() => core.stop());
  const starting = core.start();
  // Start at login and the cloudid command: their launch-time part runs once the settings are
  // read, and not at all when the app quits first.
  const desktop = setupStartAtLogin({
    app,
    core,
    ready: starting.then(() => {
      if (options.lifetime.quitting) throw new QuitDuringStartup();
    }),
    env,
    homeDir: options.homeDir,
  });
  const handlers = createOperationHandlers(
    core,
    {
      copyText: (text) => clipboard.writeText(text),
      pickFile: async ({ title, filters }) => {
        const result = await dialog.showOpenDialog({ title, filters, properties: ['openFile'] });
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      openExternal: (url) => openExternalIfAllowed(url),
      ...desktop,
    },
    (event, payload) => options.onEvent(event, payload),
  );
  await starting;
  return { core, handlers };
}

/** Runs `use` once the core has started; nothing when the app quit first. */
export function whenStarted(
  started: Promise<CoreServices>,
  use: (services: CoreServices) => void | Promise<unknown>,
  what: string,
): void {
  started.then(use).catch((error: unknown) => {
    if (!(error instanceof QuitDuringStartup)) console.error(`${what} failed:`, error);
  });
}
