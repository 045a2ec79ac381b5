// The app's own settings: a small JSON file in the app's data folder. A broken file never stops
// the app: it falls back to defaults and reports the problem.
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../fs/safe-file-writer';
import { DEFAULT_SETTINGS, SSO_LOGIN_FLOW_SETTINGS, type Problem, type Settings, type SsoLoginFlowSetting } from '../../shared/model';

/** A stored value is kept when it has its default's type (and, for the lead time, is in range). */
function settingsFrom(raw: unknown): Settings {
  const stored = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [key, fallback] of Object.entries(DEFAULT_SETTINGS)) {
    if (typeof stored[key] === typeof fallback) settings[key] = stored[key];
  }
  const lead = settings.leadTimeMinutes as number;
  if (!Number.isInteger(lead) || lead < 1 || lead > 24 * 60) settings.leadTimeMinutes = DEFAULT_SETTINGS.leadTimeMinutes;
  if (!SSO_LOGIN_FLOW_SETTINGS.includes(settings.ssoLoginFlow as SsoLoginFlowSetting)) settings.ssoLoginFlow = DEFAULT_SETTINGS.ssoLoginFlow;
  // Unset until the first launch decides (its default is null, which the loop above cannot type-check).
  settings.startAtLogin = typeof stored.startAtLogin === 'boolean' ? stored.startAtLogin : null;
  return settings as unknown as Settings;
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
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { settings: { ...DEFAULT_SETTINGS }, problem: null };
    return { settings: { ...DEFAULT_SETTINGS }, problem: { severity: 'warning', file, message: `Settings could not be read (${(error as Error).message}); using defaults.` } };
  }
  try {
    return { settings: settingsFrom(JSON.parse(text)), problem: null };
  } catch (error) {
    return { settings: { ...DEFAULT_SETTINGS }, problem: { severity: 'warning', file, message: `Settings file is not valid JSON (${(error as Error).message}); using defaults.` } };
  }
}

/** Through the one safe writer: atomic, and two saves from one process never share a temp file. */
export async function saveSettings(file: string, settings: Settings): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
}
