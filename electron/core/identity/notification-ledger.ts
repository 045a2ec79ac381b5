// Remembers which notifications were already shown, across restarts, so "once per expiry" holds
// even when the app is quit and started again. The keys carry no secrets (identity name, kind,
// expiry). A damaged file only means a notification may be shown again.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

const MAX_KEYS = 5000;

export async function loadNotificationLedger(file: string): Promise<Set<string>> {
  try {
    const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
    return new Set(Array.isArray(parsed) ? parsed.filter((k): k is string => typeof k === 'string') : []);
  } catch {
    return new Set();
  }
}

export async function saveNotificationLedger(file: string, sent: ReadonlySet<string>): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const keys = [...sent].slice(-MAX_KEYS);
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(keys), { mode: 0o600 });
  await rename(temp, file);
}
