// The app's own settings: a small JSON file in the app's data folder. A broken file never stops
// the app: each field that fails its schema (electron/shared/settings-schema.ts) falls back to its
// default, and a file that cannot be read or parsed falls back whole, with the problem reported.
import { readFile } from 'node:fs/promises';
import { errnoCode } from '../fs/errno';
import { writeJsonFileAtomic } from '../fs/safe-file-writer';
import { DEFAULT_SETTINGS, type Problem, type Settings } from '../../shared/model';
import { settingsFields } from '../../shared/settings-schema';

/** Each stored value is kept when its field's schema accepts it; every other field is its default. */
function settingsFrom(raw: unknown): Settings {
  const stored = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const field = <K extends keyof Settings>(key: K): Settings[K] => {
    const checked = settingsFields[key].safeParse(stored[key]);
    return checked.success ? (checked.data as Settings[K]) : DEFAULT_SETTINGS[key];
  };
  return {
    leadTimeMinutes: field('leadTimeMinutes'),
    notifications: field('notifications'),
    ssoLoginFlow: field('ssoLoginFlow'),
    startAtLogin: field('startAtLogin'),
  };
}

export interface SettingsLoad {
  settings: Settings;
  problem: Problem | null;
}

export async function loadSettings(file: string): Promise<SettingsLoad> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return { settings: { ...DEFAULT_SETTINGS }, problem: null };
    return {
      settings: { ...DEFAULT_SETTINGS },
      problem: {
        severity: 'warning',
        file,
        message: `Settings could not be read (${errnoCode(error) ?? (error as Error).message}); using defaults.`,
      },
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // V8's message quotes the file's text: say where it broke, not what it says.
    return {
      settings: { ...DEFAULT_SETTINGS },
      problem: { severity: 'warning', file, message: 'Settings file is not valid JSON; using defaults.' },
    };
  }
  return { settings: settingsFrom(json), problem: null };
}

/** Through the one safe writer: atomic, private, and two saves never share a temp file. */
export async function saveSettings(file: string, settings: Settings): Promise<void> {
  await writeJsonFileAtomic(file, settings, { format: 'pretty', mode: 0o600, dirMode: 0o700 });
}
