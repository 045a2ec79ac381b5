// The app's own settings: a small JSON file in the app's data folder. A broken file never stops
// the app: it falls back to defaults and reports the problem.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { DEFAULT_SETTINGS, type Problem, type Settings } from '../../shared/model';

const settingsSchema = z.object({
  leadTimeMinutes: z.number().int().min(1).max(24 * 60).catch(DEFAULT_SETTINGS.leadTimeMinutes),
  notifications: z.boolean().catch(DEFAULT_SETTINGS.notifications),
});

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
    const parsed = settingsSchema.parse({ ...DEFAULT_SETTINGS, ...(JSON.parse(text) as object) });
    return { settings: parsed, problem: null };
  } catch (error) {
    return { settings: { ...DEFAULT_SETTINGS }, problem: { severity: 'warning', file, message: `Settings file is not valid JSON (${(error as Error).message}); using defaults.` } };
  }
}

export async function saveSettings(file: string, settings: Settings): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
  await rename(temp, file);
}
