// Remembers which notifications were already shown, across restarts, so "once per expiry" holds
// even when the app is quit and started again. The keys carry no secrets (identity name, kind,
// expiry). A damaged file only means a notification may be shown again.
import * as z from 'zod/mini';
import { itemsMatching, readAppJsonFile } from '../fs/app-json-file';
import { writeJsonFileAtomic } from '../fs/safe-file-writer';

const MAX_KEYS = 5000;

/** The file: a JSON array of the keys sent; anything in it that is not a string is dropped. */
const LedgerFile = itemsMatching(z.string());

export async function loadNotificationLedger(file: string): Promise<Set<string>> {
  const read = await readAppJsonFile(file, LedgerFile);
  return new Set(read.status === 'ok' ? read.value : []);
}

export async function saveNotificationLedger(file: string, sent: ReadonlySet<string>): Promise<void> {
  const keys = [...sent].slice(-MAX_KEYS);
  await writeJsonFileAtomic(file, keys, { format: 'compact', mode: 0o600, dirMode: 0o700 });
}
