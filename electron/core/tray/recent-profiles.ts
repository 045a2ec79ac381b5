// The AWS profiles the user picked or used lately, newest first, for the tray's profile picker
// (tray-profiles.ts). Kept across restarts in a small JSON file of the app's own, beside the
// notification ledger: it is a record of use, not a setting, so it stays out of settings.json and
// out of the IPC contract. Profile names only; a damaged file only means an empty list.
import * as z from 'zod/mini';
import { itemsMatching, readAppJsonFile } from '../fs/app-json-file';
import { writeJsonFileAtomic } from '../fs/safe-file-writer';

/** How many profiles the picker lists, and so how many are remembered. */
export const MAX_RECENT_PROFILES = 10;

const RecentFile = itemsMatching(z.string().check(z.minLength(1), z.maxLength(1024)));

/** `recent` with `profile` moved to the front, each name once, at most `max`. */
export function rememberProfile(recent: readonly string[], profile: string, max = MAX_RECENT_PROFILES): string[] {
  return [profile, ...recent.filter((p) => p !== profile)].slice(0, max);
}

/** The list the file holds, newest first; empty when it is missing or damaged. */
export async function loadRecentProfiles(file: string): Promise<string[]> {
  const read = await readAppJsonFile(file, RecentFile);
  if (read.status !== 'ok') return [];
  return read.value.reduceRight<string[]>((list, p) => rememberProfile(list, p), []);
}

export interface RecentProfiles {
  /**
   * Reads the saved list, once, behind the profiles used meanwhile; never throws. The menu does not
   * wait for it: until then it lists what is used.
   */
  load(): Promise<void>;
  list(): readonly string[];
  /** Puts `profile` first and saves the list when that changed it. */
  use(profile: string): void;
  /** Settles when the last save has (its failure goes to `onSaveError`). */
  saved(): Promise<void>;
  /** Called after each change, with the new list. */
  onChange(listener: (recent: readonly string[]) => void): () => void;
}

/** The list in memory, each change written through the one atomic writer (in order, by path). */
export function createRecentProfiles(file: string, onSaveError: (error: unknown) => void): RecentProfiles {
  let recent: readonly string[] = [];
  // Until the saved list is read, nothing is written: a write then would replace it unread.
  let loaded = false;
  let unsaved = false;
  let lastSave: Promise<void> = Promise.resolve();
  const listeners = new Set<(recent: readonly string[]) => void>();
  const save = (): void => {
    if (!loaded) {
      unsaved = true;
      return;
    }
    lastSave = writeJsonFileAtomic(file, recent, { format: 'compact', mode: 0o600, dirMode: 0o700 }).catch(onSaveError);
  };
  const change = (next: readonly string[]): boolean => {
    if (next.length === recent.length && next.every((p, i) => p === recent[i])) return false;
    recent = next;
    for (const listener of listeners) listener(next);
    return true;
  };
  let loading: Promise<void> | null = null;
  return {
    load() {
      loading ??= loadRecentProfiles(file).then((saved) => {
        loaded = true;
        change([...recent, ...saved].reduceRight<string[]>((list, p) => rememberProfile(list, p), []));
        if (unsaved) save();
      });
      return loading;
    },
    list: () => recent,
    saved: () => lastSave,
    use(profile) {
      if (change(rememberProfile(recent, profile))) save();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
