// Which file in resources/ stands for a tray status. macOS draws template images itself (black
// and alpha, tinted for the menubar and for the highlighted state); elsewhere the app picks the
// coloured variant drawn for the bar's brightness. The @2x sibling of each file is found by
// Electron's nativeImage automatically. Files are made by scripts/make-icons.mjs.
import type { TrayIconStatus } from './tray-model';

export function trayIconFile(status: TrayIconStatus, platform: NodeJS.Platform, darkBar: boolean): string {
  if (platform === 'darwin') return `tray-${status}Template.png`;
  return `tray-${status}-${darkBar ? 'dark' : 'light'}.png`;
}
