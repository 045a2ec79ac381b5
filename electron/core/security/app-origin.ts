// Where the window's page comes from, and which URLs count as "our page". The packaged app
// serves the renderer from a privileged custom scheme, app://cloudid/, instead of file://:
// Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security#18-avoid-usage-of-the-file-protocol-and-prefer-usage-of-custom-protocols)
// because a file:// page may read any file:// URL, and because only a protocol handler can attach
// response headers (the CSP below) to a local page. In development the page comes from the
// electron-vite dev server instead.
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'cloudid';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * The page's policy, sent as a response header. The renderer is a built React bundle: its own
 * scripts and styles only, no network (it talks to main through the preload bridge), no frames,
 * no forms, no plugins. React's `style={...}` props go through CSSOM and need no 'unsafe-inline'.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/**
 * True when `frameUrl` is a page of this app: same scheme, host and port as `appBaseUrl`
 * (app://cloudid/ when packaged, the dev server's http://localhost:port/ in development).
 * Compared by parts because `URL.origin` is "null" for non-special schemes like app:.
 */
export function isAppPageUrl(frameUrl: string, appBaseUrl: string): boolean {
  let page: URL;
  let base: URL;
  try {
    page = new URL(frameUrl);
    base = new URL(appBaseUrl);
  } catch {
    return false;
  }
  return (
    page.protocol === base.protocol &&
    page.host === base.host &&
    page.username === '' &&
    page.password === '' &&
    (base.protocol === `${APP_SCHEME}:` || base.protocol === 'http:' || base.protocol === 'https:')
  );
}

/**
 * True when a network request from the page goes to the dev server (its modules, or its HMR
 * websocket on the same host and port); `devServerOrigin` null means there is none.
 */
export function isDevServerRequest(url: string, devServerOrigin: string | null): boolean {
  if (devServerOrigin === null) return false;
  const asHttp = url.replace(/^ws(s?):/i, 'http$1:');
  return /^https?:/i.test(devServerOrigin) && /^https?:/i.test(asHttp) && isAppPageUrl(asHttp, devServerOrigin);
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
};

export type AppAssetResolution = { ok: true; file: string; contentType: string } | { ok: false; status: 400 | 404 };

/**
 * Map an app:// request to a file inside `rootDir` (the built renderer). Refuses other hosts,
 * anything that escapes the root after decoding (`..`, `%2e%2e`, encoded separators, absolute
 * paths) and unknown file types; `/` is the entry page.
 */
export function resolveAppAsset(rootDir: string, requestUrl: string): AppAssetResolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { ok: false, status: 404 };
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return { ok: false, status: 400 };
  if (pathname === '/' || pathname === '') pathname = '/index.html';
  const root = resolve(rootDir);
  const file = resolve(root, `.${pathname}`);
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside))
    return { ok: false, status: 404 };
  const contentType = CONTENT_TYPES[extname(file).toLowerCase()];
  if (contentType === undefined) return { ok: false, status: 404 };
  return { ok: true, file, contentType };
}
