// The SSO notifications the shell shows itself: the device code of a login (the user reads it
// while the browser has focus), "this session cannot be refreshed" from the session keeper, and
// "the identity provider did not answer" (once per outage; the keeper retries with backoff).
// Each stays referenced until it is clicked, closed or the app quits: Electron drops a
// notification's click handler when the object is garbage collected.
import { Notification } from 'electron';
import type { CannotRefreshNotice, UnreachableNotice } from '../core/aws/sso-login/session-keeper';
import { describeNotice, describeUnreachable } from '../core/app/sso-keeper-service';
import type { EventPayload } from '../shared/contract';

export interface SsoNotificationOptions {
  iconPath: string;
  /** The user's setting, read each time. */
  enabled(): boolean;
  openWindow: () => void;
  logIn: (session: string) => void;
}

export interface SsoNotifications {
  /** A login's prompt: its device code, once per code. */
  showLoginCode(prompt: EventPayload<'ssoLoginPrompt'>): void;
  showCannotRefresh(notice: CannotRefreshNotice): void;
  showUnreachable(notice: UnreachableNotice): void;
  dispose(): void;
}

export function createSsoNotifications(options: SsoNotificationOptions): SsoNotifications {
  const live = new Set<Notification>();
  const shownCodes = new Set<string>();

  const show = (notification: Notification, onClick: () => void, onAction?: () => void): void => {
    live.add(notification);
    const forget = (): void => void live.delete(notification);
    notification.on('click', () => {
      forget();
      onClick();
    });
    if (onAction) {
      notification.on('action', () => {
        forget();
        onAction();
      });
    }
    notification.on('close', forget);
    notification.on('failed', forget);
    notification.show();
  };
  const canShow = (): boolean => options.enabled() && Notification.isSupported();

  return {
    showLoginCode(prompt) {
      if (prompt.userCode === null || shownCodes.has(prompt.userCode)) return;
      shownCodes.add(prompt.userCode);
      if (!canShow()) return;
      const notification = new Notification({
        title: `Log in to ${prompt.session}`,
        body: `Confirm the code ${prompt.userCode} on the sign-in page in your browser.`,
        icon: options.iconPath,
      });
      show(notification, options.openWindow);
    },
    showCannotRefresh(notice) {
      if (!canShow()) return;
      const { title, body } = describeNotice(notice, (at) =>
        at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }),
      );
      // Action buttons exist on macOS only; elsewhere a click opens the window, where Log in is.
      const notification = new Notification({
        title,
        body,
        icon: options.iconPath,
        actions: [{ type: 'button', text: 'Log in' }],
      });
      show(notification, options.openWindow, () => options.logIn(notice.session));
    },
    showUnreachable(notice) {
      if (!canShow()) return;
      const { title, body } = describeUnreachable(notice);
      show(new Notification({ title, body, icon: options.iconPath }), options.openWindow);
    },
    dispose() {
      for (const notification of live) notification.close();
      live.clear();
    },
  };
}
