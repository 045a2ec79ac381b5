import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IDENTITY_STATUSES } from '../../../../electron/shared/model';
import { escapeMenuLabel } from '../../../../electron/core/tray/menu-label';
import { trayIconFile } from '../../../../electron/core/tray/tray-icon-file';

const RESOURCES = join(import.meta.dirname, '..', '..', '..', '..', 'resources');

describe('trayIconFile', () => {
  it('uses template images on macOS whatever the bar', () => {
    expect(trayIconFile('expired', 'darwin', true)).toBe('tray-expiredTemplate.png');
    expect(trayIconFile('expired', 'darwin', false)).toBe('tray-expiredTemplate.png');
  });

  it('picks the variant drawn for the bar elsewhere', () => {
    expect(trayIconFile('signed-out', 'linux', true)).toBe('tray-signed-out-dark.png');
    expect(trayIconFile('signed-out', 'win32', false)).toBe('tray-signed-out-light.png');
  });

  it('names a committed file, with its @2x sibling, for every status and platform', () => {
    for (const status of IDENTITY_STATUSES) {
      for (const [platform, dark] of [
        ['darwin', false],
        ['linux', true],
        ['linux', false],
        ['win32', true],
      ] as const) {
        const file = trayIconFile(status, platform, dark);
        expect(existsSync(join(RESOURCES, file)), file).toBe(true);
        expect(existsSync(join(RESOURCES, file.replace(/\.png$/, '@2x.png'))), file).toBe(true);
      }
    }
  });
});

describe('escapeMenuLabel', () => {
  it('doubles ampersands where they mark mnemonics', () => {
    expect(escapeMenuLabel('dev&test — expires in 5m', 'linux')).toBe('dev&&test — expires in 5m');
    // A name from a file: its control characters and line breaks are shown, on every platform.
    expect(escapeMenuLabel('evil\u001b]52;c;aGk=\u0007\nnext', 'darwin')).toBe(
      'evil\\u001b]52;c;aGk=\\u0007\\u000anext',
    );
    expect(escapeMenuLabel('a\u202eb&c', 'linux')).toBe('a\\u202eb&&c');
    expect(escapeMenuLabel('a&&b', 'win32')).toBe('a&&&&b');
  });

  it('leaves macOS labels as written', () => {
    expect(escapeMenuLabel('dev&test', 'darwin')).toBe('dev&test');
  });
});
