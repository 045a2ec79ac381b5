// The composition root: the one place that knows every part of the app and wires them together.
// Everything here is Electron plumbing; what the app shows and decides lives in electron/core.
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, clipboard, dialog, Notification, powerMonitor } from 'electron';
import { appDataDir } from '../core/app/app-paths';
import { loginShellPath } from '../core/app/login-shell-path';
import { loadNotificationLedger, saveNotificationLedger } from '../core/identity/notification-ledger';
import type { EventPayload } from '../shared/contract';
import type { Snapshot } from '../shared/model';
import { createCore, type Core } from '../core/app/core';
import { gcloudLoginCommand, switchGcloudConfiguration } from '../core/app/gcp-switch';
import { createOperationHandlers } from '../core/app/operation-handlers';
import { createSsoKeeperService, describeNotice } from '../core/app/sso-keeper-service';
import { APP_ENTRY_URL } from '../core/security/app-origin';
import { profileExportLine } from '../core/tray/profile-export-line';
import { registerAppSchemePrivileges, serveAppScheme } from './app-protocol';
import { registerIpc } from './ipc';
import { createNotifier } from './notifications';
import { hardenDefaultSession, installSecurityGuards, openExternalIfAllowed } from './security';
import { createAppTray } from './tray';
import { createAppWindow } from './window';

/** Windows groups notifications by this ID; it matches appId in build/electron-builder.yml. */
const APP_USER_MODEL_ID = 'dev.cloudid.tray';
/** How long quitting waits for the core to close its watchers. */
const STOP_TIMEOUT_MS = 3000;

const mainDir = dirname(fileURLToPath(import.meta.url)); // out/main
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
  void app.whenReady().then(startApp).catch((error: unknown) => {
    dialog.showErrorBox('Cloud Identity Tray could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}

async function startApp(): Promise<void> {
  const devServerUrl = !app.isPackaged ? (process.env.ELECTRON_RENDERER_URL ?? null) : null;
  const resourcesDir = app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources');
  const iconPath = join(resourcesDir, 'icon.png');

  hardenDefaultSession({ devServerOrigin: devServerUrl });
  serveAppScheme(join(mainDir, '..', 'renderer'));
  // A tray app: no Dock icon (the packaged app also sets LSUIElement).
  if (process.platform === 'darwin') app.dock?.hide();

  // Launched from a dock or menu, the app lacks the terminal's PATH: ask the login shell which
  // `aws` the user's terminal would run.
  const env = {
    ...process.env,
    PATH: await loginShellPath({ shell: process.env.SHELL, fallback: process.env.PATH, platform: process.platform }),
  };
  const core: Core = createCore({
    env,
    homeDir,
    settingsFile: join(app.getPath('userData'), 'settings.json'),
    appDataDir: app.getPath('userData'),
    probeGcpReauth: true,
    watch: true,
    detectCli: true,
    verifyActive: true,
  });

  let quitting = false;
  const appWindow = createAppWindow({
    pageUrl: devServerUrl ?? APP_ENTRY_URL,
    preloadPath: join(mainDir, '..', 'preload', 'index.cjs'),
    iconPath,
    isQuitting: () => quitting,
  });
  const showProfile = (profile: string): void => appWindow.showAndSend('focusProfile', { profile });
  const showGcp = (account: string | null = null): void => appWindow.showAndSend('focusGcp', { account });

  // The tray and the IPC handlers exist before the core has read anything, so the icon appears
  // at once and a window opened meanwhile simply waits for its first answer.
  const started = core.start();
  // One handler set for the app: the tray's "Log in" joins a login the window started, and back.
  const handlers = createOperationHandlers(
    core,
    {
      copyText: (text) => clipboard.writeText(text),
      pickFile: async ({ title, filters }) => {
        const result = await dialog.showOpenDialog({ title, filters, properties: ['openFile'] });
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      openExternal: (url) => openExternalIfAllowed(url),
    },
    (event, payload) => {
      appWindow.send(event, payload);
      // The device code also in a notification: the user reads it while the browser has focus.
      if (event === 'ssoLoginPrompt') showLoginCode(payload as EventPayload<'ssoLoginPrompt'>);
    },
  );
  const unregisterIpc = registerIpc({
    handlers,
    isAppFrame: (frame) => appWindow.isAppFrame(frame),
    ready: started,
  });
  const shownCodes = new Set<string>();
  function showLoginCode(prompt: EventPayload<'ssoLoginPrompt'>): void {
    if (prompt.userCode === null || shownCodes.has(prompt.userCode)) return;
    shownCodes.add(prompt.userCode);
    if (!core.settings().notifications || !Notification.isSupported()) return;
    const notification = new Notification({
      title: `Log in to ${prompt.session}`,
      body: `Confirm the code ${prompt.userCode} on the sign-in page in your browser.`,
      icon: iconPath,
    });
    notification.on('click', () => appWindow.show());
    notification.show();
  }
  // The window shows the device code (or that the app waits for the browser) and the outcome.
  const ssoLogin = (session: string): void => {
    appWindow.show();
    handlers.ssoLogin({ session }).catch((error: unknown) => console.error('SSO login failed:', error));
  };

  const tray = createAppTray({
    resourcesDir,
    onClick: () => appWindow.show(),
    actions: {
      'open-window': () => appWindow.show(),
      'open-cli-help': () => appWindow.show(),
      'verify-all': () => {
        core.verifyAll().catch((error: unknown) => console.error('verify all failed:', error));
      },
      'show-profile': (profile) => (profile ? showProfile(profile) : appWindow.show()),
      'copy-profile-export': (profile) => {
        if (profile) clipboard.writeText(profileExportLine(profile));
      },
      'gcp-switch-configuration': (name) => {
        if (!name) return;
        void switchGcloudConfiguration(core, name).then((result) => {
          if (!result.ok) void dialog.showMessageBox({ type: 'warning', message: `Could not switch gcloud to configuration ${name}`, detail: result.message });
        });
      },
      'gcp-open': (account) => showGcp(account ?? null),
      'gcp-copy-login-command': (account) => {
        if (account) clipboard.writeText(gcloudLoginCommand(account));
      },
      'copy-text': (text) => {
        if (text) clipboard.writeText(text);
      },
      'show-clusters': (cluster) => appWindow.showAndSend('showClusters', { cluster: cluster ?? null }),
      'sso-login': (session) => {
        if (session) ssoLogin(session);
      },
      'sso-logout': (session) => {
        if (session) handlers.ssoLogout({ session }).catch((error: unknown) => console.error('SSO logout failed:', error));
      },
      quit: () => app.quit(),
    },
  });

  app.on('second-instance', () => appWindow.show());
  app.on('activate', () => appWindow.show());
  // Closing the window hides it; the app lives in the tray until "Quit".
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', () => {
    quitting = true;
  });

  await started;

  const ledgerFile = join(app.getPath('userData'), 'notifications-sent.json');
  const notifier = createNotifier({
    iconPath,
    sent: await loadNotificationLedger(ledgerFile),
    onSentChanged: (sent) => {
      saveNotificationLedger(ledgerFile, sent).catch((error: unknown) => console.error('could not save notification ledger:', error));
    },
    enabled: () => core.settings().notifications,
    onClick: (target) => {
      if (target.type === 'profile') showProfile(target.name);
      else if (target.type === 'gcp-account') showGcp(target.name);
      else if (target.type === 'gcp-adc') showGcp();
      else appWindow.show();
    },
  });

  // Silent refresh of SSO sessions while the app runs; a session that cannot be refreshed is
  // announced once, before it dies, with a way to log in.
  const ssoKeeper = createSsoKeeperService({ core });
  const ssoNotices = new Set<Notification>();
  ssoKeeper.onNotice((notice) => {
    if (!core.settings().notifications || !Notification.isSupported()) return;
    const { title, body } = describeNotice(notice, (at) => at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }));
    // Action buttons exist on macOS only; elsewhere a click opens the window, where Log in is.
    const notification = new Notification({ title, body, icon: iconPath, actions: [{ type: 'button', text: 'Log in' }] });
    ssoNotices.add(notification);
    const forget = (): void => void ssoNotices.delete(notification);
    notification.on('action', () => {
      forget();
      ssoLogin(notice.session);
    });
    notification.on('click', () => {
      forget();
      appWindow.show();
    });
    notification.on('close', forget);
    notification.show();
  });
  ssoKeeper.start();

  const publish = (snapshot: Snapshot): void => {
    tray.render(snapshot);
    notifier.handle(snapshot);
    appWindow.send('snapshot', snapshot);
  };
  publish(core.snapshot());
  const unsubscribers = [
    core.onSnapshot(publish),
    core.onVerifyProgress((progress) => appWindow.send('verifyProgress', progress)),
  ];

  // Timers do not run during sleep: recompute statuses by the clock on wake. The tray re-renders
  // too, in case nothing changed status but its countdown text did.
  const onWake = (): void => {
    core.reevaluate();
    tray.render(core.snapshot());
  };
  powerMonitor.on('resume', onWake);
  powerMonitor.on('unlock-screen', onWake);

  let stopped = false;
  let stopping = false;
  app.on('will-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    if (stopping) return;
    stopping = true;
    powerMonitor.off('resume', onWake);
    powerMonitor.off('unlock-screen', onWake);
    for (const unsubscribe of unsubscribers) unsubscribe();
    unregisterIpc();
    notifier.dispose();
    ssoKeeper.stop();
    for (const notification of ssoNotices) notification.close();
    tray.destroy();
    appWindow.destroy();
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, STOP_TIMEOUT_MS));
    void Promise.race([core.stop(), timeout])
      .catch((error: unknown) => console.error('stopping the core failed:', error))
      .finally(() => {
        stopped = true;
        app.quit();
      });
  });
}
