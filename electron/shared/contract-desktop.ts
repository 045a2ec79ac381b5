// Operations that tie the app into the user's desktop: starting at login, and the `cloudid`
// command on PATH. The shell provides both (electron/main/start-at-login.ts); the core's
// electron/core/app/start-at-login.ts and cli-command-link.ts do the work.
import { z } from 'zod';
import { returns, type OperationSpec } from './contract-kit';
import type { CliCommandState, StartAtLoginState } from './model';

export const desktopOperations = {
  /** Whether the app starts at login, as the system says now. */
  getStartAtLogin: { input: z.void(), result: returns<StartAtLoginState>() },
  /** Turns start at login on or off; the setting is saved only when the system did it. */
  setStartAtLogin: { input: z.strictObject({ enabled: z.boolean() }), result: returns<StartAtLoginState>() },
  /** What is at ~/.local/bin/cloudid, and whether the app offers to install it here. */
  getCliCommand: { input: z.void(), result: returns<CliCommandState>() },
  /** Installs or refreshes the app's `cloudid` launcher; never replaces a file that is not the app's. */
  installCliCommand: { input: z.void(), result: returns<CliCommandState>() },
} as const satisfies Record<string, OperationSpec>;
