// The app's own folders, the same for the Electron app (which names its userData folder after
// the product name) and for the `cloudid` CLI, so both share settings and caches.
import { join } from 'node:path';

export const PRODUCT_NAME = 'Cloud Identity Tray';

/** Where Electron's app.getPath('userData') points for this product. */
export function appDataDir(env: NodeJS.ProcessEnv, homeDir: string, platform: NodeJS.Platform): string {
  if (platform === 'darwin') return join(homeDir, 'Library', 'Application Support', PRODUCT_NAME);
  if (platform === 'win32') return join(env.APPDATA ?? join(homeDir, 'AppData', 'Roaming'), PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME || join(homeDir, '.config'), PRODUCT_NAME);
}

/** Disposable data (such as `aws --version` answers): safe to delete at any time. */
export function appCacheDir(env: NodeJS.ProcessEnv, homeDir: string, platform: NodeJS.Platform): string {
  if (platform === 'darwin') return join(homeDir, 'Library', 'Caches', PRODUCT_NAME);
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(homeDir, 'AppData', 'Local'), PRODUCT_NAME, 'Cache');
  return join(env.XDG_CACHE_HOME || join(homeDir, '.cache'), 'cloud-identity-tray');
}

export function settingsFile(env: NodeJS.ProcessEnv, homeDir: string, platform: NodeJS.Platform): string {
  return join(appDataDir(env, homeDir, platform), 'settings.json');
}
