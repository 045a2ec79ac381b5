// Handlers of the desktop operations (electron/shared/contract-desktop.ts): start at login and
// the `cloudid` command, over what the shell provides. Where the shell provides nothing (a test
// bridge that does not exercise them), they answer that the feature is not available.
import type { HandlersFor } from '../../shared/contract-kit';
import type { desktopOperations } from '../../shared/contract-desktop';
import type { CliCommandState, StartAtLoginState } from '../../shared/model';
import type { HandlerContext } from './operation-handlers';

const NO_START_AT_LOGIN: StartAtLoginState = {
  enabled: false,
  entry: null,
  problem: 'Start at login is not available in this window.',
};
const NO_CLI_COMMAND: CliCommandState = {
  offered: false,
  installed: false,
  path: null,
  message: 'Installing the cloudid command is not available in this window.',
  pathSetup: null,
};

export function createDesktopHandlers({ core, shell }: HandlerContext): HandlersFor<typeof desktopOperations> {
  return {
    getStartAtLogin: async () => (shell.startAtLogin ? shell.startAtLogin.read() : NO_START_AT_LOGIN),
    setStartAtLogin: async ({ enabled }) => {
      if (!shell.startAtLogin) return NO_START_AT_LOGIN;
      const state = await shell.startAtLogin.apply(enabled);
      // The user's choice is recorded only once the system did it: a failed "on" is not saved as on.
      if (state.problem === null && state.enabled === enabled) await core.updateSettings({ startAtLogin: enabled });
      return state;
    },
    getCliCommand: async () => (shell.cliCommand ? shell.cliCommand.state() : NO_CLI_COMMAND),
    installCliCommand: async () => (shell.cliCommand ? shell.cliCommand.install() : NO_CLI_COMMAND),
  };
}
