// What `import ... from 'electron'` gives the app under test (module-hooks.mjs maps the name
// here): the main-process API of Electron, as fakes held to electron.d.ts.
import { app } from './fake-app';
import { FakeBrowserWindow } from './fake-browser-window';
import { FakeNotification } from './fake-notification';
import {
  clipboard,
  dialog,
  ipcMain,
  nativeTheme,
  powerMonitor,
  protocol,
  screen,
  session,
  shell,
} from './fake-services';
import { FakeMenu, FakeTray, nativeImage } from './fake-tray-menu';

export { app, clipboard, dialog, ipcMain, nativeImage, nativeTheme, powerMonitor, protocol, screen, session, shell };
export const BrowserWindow = FakeBrowserWindow;
export const Menu = FakeMenu;
export const Notification = FakeNotification;
export const Tray = FakeTray;

export default {
  app,
  clipboard,
  dialog,
  ipcMain,
  nativeImage,
  nativeTheme,
  powerMonitor,
  protocol,
  screen,
  session,
  shell,
  BrowserWindow,
  Menu,
  Notification,
  Tray,
};
