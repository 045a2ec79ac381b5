// Where the running app finds its files: the built renderer and preload next to out/main, the
// icons in resources/ (inside the package once packaged), and the dev server while developing.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app } from 'electron';
import { APP_ENTRY_URL } from '../core/security/app-origin';

export interface AppResources {
  /** The dev server's URL under `npm start`, else null. */
  devServerUrl: string | null;
  pageUrl: string;
  rendererDir: string;
  preloadPath: string;
  resourcesDir: string;
  iconPath: string;
}

/** Call after 'ready'; `mainUrl` is out/main/index.js's import.meta.url. */
export function appResources(mainUrl: string): AppResources {
  const mainDir = dirname(fileURLToPath(mainUrl)); // out/main
  const devServerUrl = !app.isPackaged ? (process.env.ELECTRON_RENDERER_URL ?? null) : null;
  const resourcesDir = app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources');
  return {
    devServerUrl,
    pageUrl: devServerUrl ?? APP_ENTRY_URL,
    rendererDir: join(mainDir, '..', 'renderer'),
    preloadPath: join(mainDir, '..', 'preload', 'index.cjs'),
    resourcesDir,
    iconPath: join(resourcesDir, 'icon.png'),
  };
}
