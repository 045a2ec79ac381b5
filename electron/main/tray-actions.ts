// What each tray menu item does. The menu itself is the pure model (electron/core/tray/
// tray-model.ts); these are the handlers its action IDs map to. Until the core has started the
// menu offers only Open and Quit, so the actions that need the core wait for it.
import { app, clipboard, dialog } from 'electron';
import { switchGcloudConfiguration } from '../core/app/gcp-switch';
import type { RecentProfiles } from '../core/tray/recent-profiles';
import { profileLine } from '../core/tray/tray-profiles';
import { gcloudLoginCommand } from '../shared/shell-commands';
import { whenStarted, type CoreServices } from './core-services';
import type { TrayActionHandlers } from './tray';
import type { AppWindow } from './window';

export interface TrayActionOptions {
  appWindow: AppWindow;
  started: Promise<CoreServices>;
  /** Start an SSO login with the window showing its progress. */
  ssoLogin: (session: string) => void;
  /** Where a profile the user picks or uses in the tray is remembered. */
  recentProfiles: RecentProfiles;
}

/** Electron 45's clipboard answers asynchronously; a failure is logged, never unhandled. */
function copyToClipboard(text: string): void {
  clipboard.writeText(text).catch((error: unknown) => console.error('copying to the clipboard failed:', error));
}

export function createTrayActions({
  appWindow,
  started,
  ssoLogin,
  recentProfiles,
}: TrayActionOptions): TrayActionHandlers {
  // Copying a profile's line is picking it for a terminal: it goes first in the picker.
  const copyForProfile = (id: 'copy-profile-prefix' | 'copy-profile-export', profile: string | undefined): void => {
    if (!profile) return;
    copyToClipboard(profileLine(id, profile));
    recentProfiles.use(profile);
  };
  const showGcp = (account: string | null): void => appWindow.showAndSend('focusGcp', { account });
  // `aws login` opens the browser itself; only a failure (an old `aws` first on PATH) needs saying.
  const awsLogin = (profile: string, action: 'login' | 'logout'): void =>
    whenStarted(
      started,
      async ({ handlers }) => {
        const result = await handlers.awsLoginProfile({ profile, action });
        if (!result.ok)
          await dialog.showMessageBox({
            type: 'warning',
            message: `Could not run aws ${action} for ${profile}`,
            detail: result.message,
          });
      },
      `aws ${action}`,
    );
  return {
    'open-window': () => appWindow.show(),
    'open-cli-help': () => appWindow.show(),
    'verify-all': () => whenStarted(started, ({ core }) => core.verifyAll(), 'verify all'),
    'show-profile': (profile) => (profile ? appWindow.showAndSend('focusProfile', { profile }) : appWindow.show()),
    'copy-profile-export': (profile) => copyForProfile('copy-profile-export', profile),
    'copy-profile-prefix': (profile) => copyForProfile('copy-profile-prefix', profile),
    'sso-refresh': (session) => {
      if (!session) return;
      whenStarted(
        started,
        async ({ handlers }) => {
          const result = await handlers.ssoRefresh({ session });
          // Refreshed: the snapshot shows it. Superseded: a login or another refresh did it.
          if (result.status === 'cannot-refresh' || result.status === 'failed')
            await dialog.showMessageBox({
              type: 'warning',
              message: `Could not refresh SSO session ${session}`,
              detail: result.message,
            });
        },
        'refreshing an SSO session',
      );
    },
    'gcp-switch-configuration': (name) => {
      if (!name) return;
      whenStarted(
        started,
        async ({ core }) => {
          const result = await switchGcloudConfiguration(core, name);
          if (!result.ok)
            await dialog.showMessageBox({
              type: 'warning',
              message: `Could not switch gcloud to configuration ${name}`,
              detail: result.message,
            });
        },
        'switching the gcloud configuration',
      );
    },
    'gcp-open': (account) => showGcp(account ?? null),
    'gcp-copy-login-command': (account) => {
      if (account) copyToClipboard(gcloudLoginCommand(account));
    },
    'copy-text': (text) => {
      if (text) copyToClipboard(text);
    },
    'show-clusters': (cluster) => appWindow.showAndSend('showClusters', { cluster: cluster ?? null }),
    'sso-login': (session) => {
      if (session) ssoLogin(session);
    },
    'sso-logout': (session) => {
      if (session) whenStarted(started, ({ handlers }) => handlers.ssoLogout({ session }), 'SSO logout');
    },
    'aws-login': (profile) => {
      if (profile) awsLogin(profile, 'login');
    },
    'aws-logout': (profile) => {
      if (profile) awsLogin(profile, 'logout');
    },
    'open-console': (profile) => {
      if (!profile) return;
      recentProfiles.use(profile);
      whenStarted(
        started,
        async ({ handlers }) => {
          const result = await handlers.openConsole({ profile });
          if (!result.opened)
            await dialog.showMessageBox({
              type: 'warning',
              message: `Could not open the AWS console as ${profile}`,
              detail: result.message,
            });
        },
        'opening the AWS console',
      );
    },
    quit: () => app.quit(),
  };
}
