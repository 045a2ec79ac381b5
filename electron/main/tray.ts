// The tray icon and its menu, rendered from the pure TrayModel (electron/core/tray/tray-model.ts).
// This file only translates: model items to Electron menu items, action IDs to the handlers the
// composition root gives it, the icon status to a file. It re-renders on every snapshot, and once
// more at the instant the countdown text next changes (one timer, never a polling interval).
import { join } from 'node:path';
import { Menu, nativeImage, nativeTheme, Tray, type MenuItemConstructorOptions, type NativeImage } from 'electron';
import type { Snapshot } from '../shared/model';
import { escapeMenuLabel } from '../core/tray/menu-label';
import { trayIconFile } from '../core/tray/tray-icon-file';
import {
  buildTrayModel,
  loadingTrayModel,
  localClock,
  nextTrayChange,
  type TrayActionId,
  type TrayItem,
  type TrayModel,
} from '../core/tray/tray-model';

export type TrayActionHandlers = { [K in TrayActionId]: (arg: string | undefined) => void };

export interface TrayOptions {
  resourcesDir: string;
  actions: TrayActionHandlers;
  /** What a plain click does where the platform reports one (Windows, some Linux trays). */
  onClick(): void;
  /** The profiles picked or used lately, newest first, for the profile picker. */
  recentProfiles(): readonly string[];
  now?: () => number;
}

export interface AppTray {
  render(snapshot: Snapshot): void;
  /** Renders the last snapshot again: what the menu shows besides it (the recent profiles) changed. */
  update(): void;
  destroy(): void;
}

export function createAppTray(options: TrayOptions): AppTray {
  const now = options.now ?? Date.now;
  const platform = process.platform;
  const icons = new Map<string, NativeImage>();
  let last: Snapshot | null = null;
  let timer: NodeJS.Timeout | null = null;

  const icon = (file: string): NativeImage => {
    let image = icons.get(file);
    if (!image) {
      // createFromPath also loads the @2x sibling for high-density displays.
      image = nativeImage.createFromPath(join(options.resourcesDir, file));
      if (platform === 'darwin') image.setTemplateImage(true);
      icons.set(file, image);
    }
    return image;
  };

  const tray = new Tray(icon(trayIconFile('unknown', platform, nativeTheme.shouldUseDarkColors)));
  // On macOS a click opens the menu; elsewhere (Windows, XEmbed trays) it opens the window.
  if (platform !== 'darwin') tray.on('click', () => options.onClick());

  const toMenuItem = (item: TrayItem): MenuItemConstructorOptions => {
    switch (item.type) {
      case 'separator':
        return { type: 'separator' };
      case 'label':
        return { label: escapeMenuLabel(item.label, platform), enabled: false };
      case 'action': {
        const { id, arg } = item.action;
        return { label: escapeMenuLabel(item.label, platform), click: () => options.actions[id](arg) };
      }
      case 'submenu':
        return { label: escapeMenuLabel(item.label, platform), submenu: item.items.map(toMenuItem) };
    }
  };

  const show = (model: TrayModel): void => {
    tray.setImage(icon(trayIconFile(model.iconStatus, platform, nativeTheme.shouldUseDarkColors)));
    tray.setToolTip(model.tooltip);
    tray.setContextMenu(Menu.buildFromTemplate(model.items.map(toMenuItem)));
  };

  const render = (snapshot: Snapshot): void => {
    last = snapshot;
    if (timer) clearTimeout(timer);
    timer = null;
    const at = now();
    const recent = options.recentProfiles();
    show(buildTrayModel(snapshot, at, localClock, recent));
    const next = nextTrayChange(snapshot, at, undefined, localClock, recent);
    if (next !== null) timer = setTimeout(() => last && render(last), Math.max(0, next - now()));
  };

  const onThemeUpdated = (): void => {
    if (last) render(last);
    else show(loadingTrayModel());
  };
  // Until the core's first snapshot: the user can already open the window or quit.
  show(loadingTrayModel());
  nativeTheme.on('updated', onThemeUpdated);

  return {
    render,
    update: () => last && render(last),
    destroy() {
      if (timer) clearTimeout(timer);
      nativeTheme.off('updated', onThemeUpdated);
      tray.destroy();
    },
  };
}
