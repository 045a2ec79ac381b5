// The window, its page and the IPC between them; page failures and navigation.
import type { Shell } from '../support/shell-harness';

const APP_MENU_GONE = (shell: Shell) => () => !shell.tray().labels().includes('Reading your AWS config…');

async function started(shell: Shell) {
  await shell.loadMain();
  shell.ready();
  await shell.waitFor('the tray', () => shell.fake.trays.at(-1), 500);
  await shell.waitFor('the first real menu', APP_MENU_GONE(shell));
}

const outcome = (promise: Promise<unknown>) =>
  promise.then(
    (value) => ({ ok: true as const, value: value === undefined ? null : typeof value }),
    (error: unknown) => ({ ok: false as const, error: String(error) }),
  );

export async function ipcFromFrames(shell: Shell) {
  await started(shell);
  shell.tray().clickItem(/^Open Cloud Identity Tray/);
  const page = await shell.page();
  const fromApp = await outcome(page.api.getSnapshot());
  page.sendFrom('foreign-page');
  const fromForeign = await outcome(page.api.getSnapshot());
  page.sendFrom('subframe');
  const fromSubframe = await outcome(page.api.getSnapshot());
  page.sendFrom('no-frame');
  const fromNoFrame = await outcome(page.api.getSettings());
  page.sendFrom('main-frame');
  const badInput = await outcome(page.api.verifyProfile({ profile: 42 } as never));
  await shell.quit();
  return { fromApp, fromForeign, fromSubframe, fromNoFrame, badInput };
}

export async function failedLoadThenOpen(shell: Shell) {
  await started(shell);
  shell.fake.loading.next = { fail: { code: -6, description: 'ERR_FILE_NOT_FOUND' } };
  shell.tray().clickItem(/^Open Cloud Identity Tray/);
  const first = await shell.waitFor('the first window', () => shell.fake.windows[0]);
  await shell.waitFor('the failed window to go', () => first.isDestroyed(), 2000).catch(() => false);
  shell.fake.loading.next = 'load';
  shell.tray().clickItem(/^Open Cloud Identity Tray/);
  const shown = await shell.waitFor('a window to show', () => shell.window()?.visible, 2000).catch(() => false);
  const result = { windows: shell.fake.windows.length, firstDestroyed: first.isDestroyed(), shown };
  await shell.quit();
  return result;
}

export async function crashedRendererThenOpen(shell: Shell) {
  await started(shell);
  shell.tray().clickItem(/^Open Cloud Identity Tray/);
  const first = await shell.waitFor('the window to show', () => shell.window()?.visible && shell.window());
  first.contents.crash();
  await shell.sleep(50);
  shell.tray().clickItem(/^Open Cloud Identity Tray/);
  const reopened = await shell
    .waitFor('a fresh window to show', () => shell.fake.windows.length === 2 && shell.fake.windows[1]!.visible, 2000)
    .catch(() => false);
  const page = reopened ? await shell.page() : null;
  const answers = page ? (await outcome(page.api.getSettings())).ok : false;
  await shell.quit();
  return { windows: shell.fake.windows.length, reopened, answers };
}

export async function navigationGoesToTheBrowser(shell: Shell) {
  await started(shell);
  shell.tray().clickItem(/^Open Cloud Identity Tray/);
  const win = await shell.waitFor('the window to show', () => shell.window()?.visible && shell.window());
  const portal = 'https://d-1234567890.awsapps.com/start';
  const allowedIdp = win.contents.navigate(portal);
  const allowedOther = win.contents.navigate('https://example.com/');
  shell.fake.shell.failOpenExternal = 'no browser is configured';
  win.contents.navigate(portal);
  await shell.sleep(50);
  const opened = [...shell.fake.shell.opened];
  await shell.quit();
  return { allowedIdp, allowedOther, opened };
}
