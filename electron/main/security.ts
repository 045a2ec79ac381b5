// Every hardening hook in one place (Electron's security checklist:
// https://www.electronjs.org/docs/latest/tutorial/security). The decisions are pure functions in
// electron/core/security; this file only attaches them to Electron.
import { app, session, shell } from 'electron';
import { isDevServerRequest } from '../core/security/app-origin';
import { decideExternalUrl } from '../core/security/external-url-policy';
import { urlForLog } from '../core/security/url-credentials';

export interface SecurityOptions {
  /** The dev server's origin in development (its http requests are the page's own), else null. */
  devServerOrigin: string | null;
}

/** A URL for a log line without its query and fragment: a console sign-in URL's token is in the query. */
const withoutQuery = (url: string): string => url.replace(/[?#][\s\S]*$/, '');

/**
 * Open `url` in the user's browser if it is an identity provider's https page; else refuse.
 * Resolves true once the OS has opened it, false when refused or when shell.openExternal
 * rejected (no browser configured); that failure is logged, never left unhandled.
 */
export async function openExternalIfAllowed(url: string): Promise<boolean> {
  const decision = decideExternalUrl(url);
  if (!decision.allowed) {
    console.warn(`Refused to open ${urlForLog(withoutQuery(url))}: ${decision.reason}`);
    return false;
  }
  try {
    await shell.openExternal(decision.url);
    return true;
  } catch (error) {
    console.error(
      `Could not open ${withoutQuery(decision.url)} in the browser:`,
      error instanceof Error ? error.message : error,
    );
    return false;
  }
}

/** Call once, before the app is ready (the web-contents guard must see the first window). */
export function installSecurityGuards(): void {
  app.on('web-contents-created', (_event, contents) => {
    // No new windows, ever: an identity provider's link goes to the browser, anything else nowhere.
    contents.setWindowOpenHandler(({ url }) => {
      void openExternalIfAllowed(url);
      return { action: 'deny' };
    });
    // The page is a single-page app: it never navigates away. A plain link to an identity
    // provider is opened in the browser instead.
    contents.on('will-navigate', (event) => {
      event.preventDefault();
      void openExternalIfAllowed(event.url);
    });
    contents.on('will-frame-navigate', (event) => {
      if (!event.isMainFrame) event.preventDefault();
    });
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

/** Call once the app is ready: the default session's permission and network policy. */
export function hardenDefaultSession(options: SecurityOptions): void {
  const ses = session.defaultSession;
  // The renderer needs no camera, notifications, clipboard-read, geolocation, HID...:
  // main shows notifications and writes the clipboard on its behalf.
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // Belt and braces under the CSP's connect-src 'none': the page's own network requests are
  // refused, except to the dev server while developing. (The core's SDK calls run in Node, not
  // in this session.)
  ses.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] },
    (details, callback) => {
      callback({ cancel: !isDevServerRequest(details.url, options.devServerOrigin) });
    },
  );
}
