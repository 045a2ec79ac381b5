// The Electron side of "Start at login" and "Install the cloudid command": which command the OS
// should run at login, where the app's CLI bundle is, and Electron's login-item methods, handed to
// the core (electron/core/app/start-at-login.ts, cli-command-link.ts), which does the work.
import { join } from 'node:path';
import type { App } from 'electron';
import {
  cliCommandState,
  installCliCommand,
  refreshCliCommand,
  type CliCommandOptions,
} from '../core/app/cli-command-link';
import type { Core } from '../core/app/core';
import type { ShellServices } from '../core/app/operation-handlers';
import { createStartAtLogin, startAtLoginOnLaunch, type LaunchCommand } from '../core/app/start-at-login';

type LoginApp = Pick<App, 'isPackaged' | 'getAppPath' | 'getLoginItemSettings' | 'setLoginItemSettings'>;

export interface StartAtLoginSetup {
  app: LoginApp;
  core: Core;
  /** core.start(): the launch-time part waits for the settings it reads. */
  ready: Promise<unknown>;
  /** The environment with the login shell's PATH: what a terminal will see. */
  env: NodeJS.ProcessEnv;
  homeDir: string;
  platform?: NodeJS.Platform;
  execPath?: string;
  /** process.resourcesPath: the packaged app's CLI bundle is in `<resources>/cli` (build/electron-builder.yml). */
  resourcesPath?: string;
}

/**
 * What the OS runs at login: the AppImage file itself (APPIMAGE; its executable lives in a mount
 * that is gone after the app quits), else the installed binary, plus the app folder when it runs
 * unpackaged from the repository.
 */
export function launchCommand(
  app: Pick<App, 'isPackaged' | 'getAppPath'>,
  env: NodeJS.ProcessEnv,
  execPath: string,
): LaunchCommand {
  if (env.APPIMAGE) return { executable: env.APPIMAGE, args: [] };
  return app.isPackaged ? { executable: execPath, args: [] } : { executable: execPath, args: [app.getAppPath()] };
}

/** Where the CLI bundle is, and (for an AppImage) where its lasting copy goes. */
export function cliCommandOptions(setup: StartAtLoginSetup): CliCommandOptions {
  const { app, env, homeDir } = setup;
  const platform = setup.platform ?? process.platform;
  const resourcesPath = setup.resourcesPath ?? process.resourcesPath;
  const dataHome = env.XDG_DATA_HOME || join(homeDir, '.local', 'share');
  return {
    platform,
    env,
    homeDir,
    bundleDir: app.isPackaged ? join(resourcesPath, 'cli') : join(app.getAppPath(), 'out', 'cli-standalone'),
    stableCopyDir: env.APPIMAGE ? join(dataHome, 'cloud-identity-tray', 'cli') : null,
  };
}

/**
 * Builds both services for the operation handlers, and once the settings are read does the
 * launch-time part: the first launch of a packaged app turns start at login on; an AppImage's
 * installed cloudid gets a fresh copy of the bundle.
 */
export function setupStartAtLogin(
  setup: StartAtLoginSetup,
): Required<Pick<ShellServices, 'startAtLogin' | 'cliCommand'>> {
  const { app, core, env, homeDir } = setup;
  const platform = setup.platform ?? process.platform;
  const startAtLogin = createStartAtLogin({
    platform,
    env,
    homeDir,
    launch: launchCommand(app, env, setup.execPath ?? process.execPath),
    loginItems: {
      getLoginItemSettings: (options) => app.getLoginItemSettings(options),
      setLoginItemSettings: (settings) => app.setLoginItemSettings(settings),
    },
  });
  const cli = cliCommandOptions(setup);

  const atLaunch = async (): Promise<void> => {
    const state = await startAtLoginOnLaunch({
      setting: core.settings().startAtLogin,
      startAtLogin,
      firstLaunchTurnsOn: app.isPackaged,
      saveSetting: async (enabled) => {
        await core.updateSettings({ startAtLogin: enabled });
      },
    });
    if (state?.problem) console.warn(`start at login: ${state.problem}`);
    await refreshCliCommand(cli);
  };
  void setup.ready.then(
    () =>
      atLaunch().catch((error: unknown) =>
        console.error('start at login or the cloudid command could not be set up:', error),
      ),
    // A core that failed to start is reported by whoever started it.
    () => undefined,
  );

  return { startAtLogin, cliCommand: { state: () => cliCommandState(cli), install: () => installCliCommand(cli) } };
}
