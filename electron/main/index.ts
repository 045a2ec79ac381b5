// The composition root: the one place that knows every part of the app and wires them together,
// as a list of setup calls (like Electron Fiddle's onReady). Everything here is Electron
// plumbing; what the app shows and decides lives in electron/core.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { app, dialog } from 'electron';
import { appDataDir } from '../core/app/app-paths';
import { createSsoKeeperService } from '../core/app/sso-keeper-service';
import { loadNotificationLedger, saveNotificationLedger } from '../core/identity/notification-ledger';
import { createRecentProfiles } from '../core/tray/recent-profiles';
import type { EventPayload } from '../shared/contract';
import type { Snapshot } from '../shared/model';
import { registerAppSchemePrivileges, serveAppScheme } from './app-protocol';
import { appResources } from './app-resources';
import { QuitDuringStartup, startCoreServices, whenStarted } from './core-services';
import { registerIpc } from './ipc';
import { createNotifier } from './notifications';
import { onWake } from './power-events';
import { manageQuit } from './quit';
import { hardenDefaultSession, installSecurityGuards } from './security';
import { createSsoNotifications } from './sso-notifications';
import { createAppTray } from './tray';
import { createTrayActions } from './tray-actions';
import { createAppWindow } from './window';

/** Windows groups notifications by this ID; it matches appId in build/electron-builder.yml. */
const APP_USER_MODEL_ID = 'dev.cloudid.tray';

const homeDir = homedir();

// Before ready: these must see the first session and the first web contents.
registerAppSchemePrivileges();
installSecurityGuards();
// The same folder as the `cloudid` CLI (electron/core/app/app-paths.ts), whatever name Electron
// would derive from package.json, so both share settings.
app.setPath('userData', appDataDir(process.env, homeDir, process.platform));
if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void app.whenReady().then(onReady).catch(failToStart);
}

function failToStart(error: unknown): void {
  if (error instanceof QuitDuringStartup) return;
  dialog.showErrorBox('Cloud Identity Tray could not start', error instanceof Error ? error.message : String(error));
  app.exit(1);
}

async function onReady(): Promise<void> {
  const resources = appResources(import.meta.url);
  const userDataDir = app.getPath('userData');
  hardenDefaultSession({ devServerOrigin: resources.devServerUrl });
  serveAppScheme(resources.rendererDir);
  // A tray app: no Dock icon (the packaged app also sets LSUIElement).
  if (process.platform === 'darwin') app.dock?.hide();

  // From here on a Quit, even from the loading menu, cleans up whatever has started.
  const lifetime = manageQuit();
  const appWindow = createAppWindow({
    pageUrl: resources.pageUrl,
    preloadPath: resources.preloadPath,
    iconPath: resources.iconPath,
    isQuitting: () => lifetime.quitting,
  });
  lifetime.onQuit(() => appWindow.destroy());
  app.on('second-instance', () => appWindow.show());
  app.on('activate', () => appWindow.show());
  // Closing the window hides it; the app lives in the tray until "Quit".
  app.on('window-all-closed', () => undefined);

  // Notifications follow the user's setting once the core has read it.
  let settingsAllowNotifications = (): boolean => false;
  const ssoNotifications = createSsoNotifications({
    iconPath: resources.iconPath,
    enabled: () => settingsAllowNotifications(),
    openWindow: () => appWindow.show(),
    logIn: (session) => ssoLogin(session),
  });
  lifetime.onQuit(() => ssoNotifications.dispose());

  // The core waits for the login shell's PATH; nothing above or below does.
  const started = startCoreServices({
    homeDir,
    userDataDir,
    settingsFile: join(userDataDir, 'settings.json'),
    lifetime,
    onEvent: (event, payload) => {
      appWindow.send(event, payload);
      // The device code also in a notification: the user reads it while the browser has focus.
      if (event === 'ssoLoginPrompt') ssoNotifications.showLoginCode(payload as EventPayload<'ssoLoginPrompt'>);
    },
  });
  // The window shows the device code (or that the app waits for the browser) and the outcome.
  const ssoLogin = (session: string): void => {
    appWindow.show();
    whenStarted(started, ({ handlers }) => handlers.ssoLogin({ session }), 'SSO login');
  };

  // A window opened meanwhile simply waits for its first answer.
  lifetime.onQuit(
    registerIpc({ handlers: started.then((s) => s.handlers), isAppFrame: (frame) => appWindow.isAppFrame(frame) }),
  );
  // The profile picker's order, kept across restarts (a small file of the app's own).
  const recentFile = join(userDataDir, 'recent-profiles.json');
  const recentProfiles = createRecentProfiles(recentFile, (error) =>
    console.error('could not save the recent profiles:', error),
  );
  const tray = createAppTray({
    resourcesDir: resources.resourcesDir,
    onClick: () => appWindow.show(),
    recentProfiles: () => recentProfiles.list(),
    actions: createTrayActions({ appWindow, started, ssoLogin, recentProfiles }),
  });
  lifetime.onQuit(() => tray.destroy());
  lifetime.onQuit(recentProfiles.onChange(() => tray.update()));
  void recentProfiles.load();

  const { core } = await started;
  settingsAllowNotifications = () => core.settings().notifications;
  const ledgerFile = join(userDataDir, 'notifications-sent.json');
  const sent = await loadNotificationLedger(ledgerFile);
  if (lifetime.quitting) return;
  const notifier = createNotifier({
    iconPath: resources.iconPath,
    sent,
    onSentChanged: (changed) => {
      saveNotificationLedger(ledgerFile, changed).catch((error: unknown) =>
        console.error('could not save notification ledger:', error),
      );
    },
    enabled: () => core.settings().notifications,
    onClick: (target) => {
      if (target.type === 'profile') appWindow.showAndSend('focusProfile', { profile: target.name });
      else if (target.type === 'gcp-account') appWindow.showAndSend('focusGcp', { account: target.name });
      else if (target.type === 'gcp-adc') appWindow.showAndSend('focusGcp', { account: null });
      else appWindow.show();
    },
  });
  lifetime.onQuit(() => notifier.dispose());

  // Silent refresh of SSO sessions while the app runs; a session that cannot be refreshed is
  // announced once, before it dies, with a way to log in.
  const ssoKeeper = createSsoKeeperService({ core });
  lifetime.onQuit(ssoKeeper.onNotice((notice) => ssoNotifications.showCannotRefresh(notice)));
  lifetime.onQuit(ssoKeeper.onUnreachable((notice) => ssoNotifications.showUnreachable(notice)));
  ssoKeeper.start();
  lifetime.onQuit(() => ssoKeeper.stop());

  // The profile the environment makes active is in use: it joins the recent ones when the app
  // starts (or it appears), not at every snapshot, so what the user picks later stays first.
  let activeSeen: string | null = null;
  const publish = (snapshot: Snapshot): void => {
    const { activeProfile, profiles } = snapshot.aws;
    if (activeProfile !== activeSeen && profiles.some((p) => p.name === activeProfile)) {
      activeSeen = activeProfile;
      recentProfiles.use(activeProfile);
    }
    tray.render(snapshot);
    notifier.handle(snapshot);
    appWindow.send('snapshot', snapshot);
  };
  publish(core.snapshot());
  lifetime.onQuit(core.onSnapshot(publish));
  lifetime.onQuit(core.onVerifyProgress((progress) => appWindow.send('verifyProgress', progress)));
  lifetime.onQuit(
    onWake(() => {
      core.reevaluate();
      tray.render(core.snapshot());
    }),
  );
}
