// Start-up and shut-down of the built app on the Electron fake.
import { OPERATION_NAMES, operationChannel } from '../../../electron/shared/contract';
import type { Shell } from '../support/shell-harness';

export async function startAndQuit(shell: Shell) {
  const { fake } = shell;
  await shell.loadMain();
  const beforeReady = fake.calls.filter((c) => c.beforeReady).map((c) => c.call);
  const listenersBeforeReady = fake.app.eventNames().map(String);
  shell.ready();
  // "At once": within a few event-loop turns of 'ready', long before the core has read anything.
  const tray = await shell.waitFor('the tray', () => fake.trays.at(-1), 200);
  const firstMenu = tray.labels();
  await shell.waitFor('the first real menu', () => !tray.labels().includes('Reading your AWS config…'));
  const realMenu = tray.labels();
  const windowsBeforeAsked = fake.windows.length;
  const handled = [...fake.ipcMain.handlers.keys()];
  const expectedChannels = OPERATION_NAMES.map(operationChannel);

  tray.clickItem(/^Open Cloud Identity Tray/);
  const page = await shell.page();
  const win = await shell.waitFor('the window to show', () => shell.window()?.visible && shell.window());
  const windowShown = win.visible;
  const appResponse = await fake.protocol.request('app://cloudid/index.html');
  const missing = await fake.protocol.request('app://cloudid/no-such-file.js');
  const exitCode = await shell.quit();
  return {
    beforeReady,
    listenersBeforeReady,
    privileged: fake.protocol.privileged,
    firstMenu,
    realMenu,
    windowsBeforeAsked,
    handled,
    expectedChannels,
    windowOptions: win.options,
    windowShown,
    pageMethods: Object.keys(page.api),
    app: {
      status: appResponse.status,
      csp: appResponse.headers.get('content-security-policy'),
      type: appResponse.headers.get('content-type'),
    },
    missingStatus: missing.status,
    exitCode,
    trayDestroyed: tray.isDestroyed(),
    handlersAfterQuit: fake.ipcMain.handlers.size,
  };
}
