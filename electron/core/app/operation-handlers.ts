// The contract's operations implemented over the core. The Electron IPC layer and the e2e test
// bridge both serve exactly these handlers, after parsing each argument with the contract's zod
// schema. Each domain builds its own handlers (gcp-handlers.ts, sso-handlers.ts).
import type { EventName, EventPayload, OperationHandlers } from '../../shared/contract';
import type { CliCommandState } from '../../shared/model';
import type { Core } from './core';
import { createAwsLoginService } from './aws-login-service';
import { openAwsConsole } from './console-service';
import { createDesktopHandlers } from './desktop-handlers';
import { createGcpHandlers } from './gcp-handlers';
import { createSsoHandlers } from './sso-handlers';
import type { StartAtLogin } from './start-at-login';

/** What only the shell can do; the test bridge passes recorders and fixed answers. */
export interface ShellServices {
  /** Plain text to the clipboard (Electron's clipboard, asynchronous since Electron 45; a recorder in tests). */
  copyText(text: string): Promise<void> | void;
  /** A native file picker; null when the user cancels. */
  pickFile?(options: { title: string; filters: Array<{ name: string; extensions: string[] }> }): Promise<string | null>;
  /**
   * Opens an identity provider's page in the browser: true once the OS has opened it, false when
   * the URL is not allowed or the OS could not open it (no browser configured). Never rejects.
   * The app answers once the OS has; a test bridge may answer at once.
   */
  openExternal?(url: string): Promise<boolean> | boolean;
  /** Start at login through the OS (electron/main/start-at-login.ts); absent: not offered. */
  startAtLogin?: StartAtLogin;
  /** The `cloudid` command in ~/.local/bin (electron/core/app/cli-command-link.ts); absent: not offered. */
  cliCommand?: { state(): Promise<CliCommandState>; install(): Promise<CliCommandState> };
}

/** Sends an event to the window (IPC in the app, SSE in the test bridge). */
export type EmitEvent = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface HandlerContext {
  core: Core;
  shell: ShellServices;
  emit: EmitEvent;
}

export function createOperationHandlers(
  core: Core,
  shell: ShellServices,
  emit: EmitEvent = () => undefined,
): OperationHandlers {
  const context: HandlerContext = { core, shell, emit };
  const awsLogins = createAwsLoginService(core);
  return {
    getSnapshot: async () => core.snapshot(),
    verifyProfile: async ({ profile }) => core.verifyProfile(profile),
    verifyAll: async () => core.verifyAll(),
    getSettings: async () => core.settings(),
    updateSettings: async (patch) => {
      const clean = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      return core.updateSettings(clean);
    },
    awsLoginProfile: ({ profile, action }) => awsLogins.run(profile, action),
    openConsole: ({ profile }) => openAwsConsole(core, profile, shell.openExternal?.bind(shell)),
    copyText: async ({ text }) => {
      await shell.copyText(text);
      return { copied: true };
    },
    ...createSsoHandlers(context),
    ...createGcpHandlers(context),
    ...createDesktopHandlers(context),
  };
}
