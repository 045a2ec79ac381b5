// The STS answers the app and `cloudid` got, remembered per credential source (credential-source.ts)
// with the time each was asked, so that SkyPilot owners can be matched without the network. What
// is kept: the source's name (no secret), Account, Arn, UserId, checkedAt. Rules and file format:
// docs/identity-memory.md. A damaged file is reported and treated as empty; it never throws.
import * as z from 'zod/mini';
import type { CallerIdentity, IdentityCheck, Problem } from '../../shared/model';
import { readAppJsonFile } from '../fs/app-json-file';
import { writeJsonFileAtomic } from '../fs/safe-file-writer';
import { MAX_AGE_MS } from './identity-memory-file';

export { IDENTITY_MEMORY_FILE, MAX_AGE_MS } from './identity-memory-file';

/** The newest this many are kept: a bound on the file, far above any real number of profiles. */
export const MAX_ENTRIES = 500;

export interface RememberedIdentity {
  identity: CallerIdentity;
  /** ISO 8601 UTC: when STS gave this answer. */
  checkedAt: string;
}

export interface IdentityMemory {
  /** The answer remembered for this credential source, unless it is missing or too old. */
  recall(source: string): RememberedIdentity | null;
  /**
   * Takes a check's outcome: an answer is remembered, AWS refusing the credentials forgets them
   * (they are not the ones that were checked any more); a network failure changes nothing.
   * True when something changed.
   */
  record(source: string, check: IdentityCheck): boolean;
  /** Writes what changed, merged into the file as it is now (the app and `cloudid` share it). */
  save(): Promise<void>;
  /** Why the file was not used, when it was damaged or unreadable. */
  readonly problem: Problem | null;
}

const Entry = z.object({
  source: z.string(),
  account: z.string(),
  arn: z.string(),
  userId: z.string(),
  checkedAt: z.iso.datetime(),
});
type Entry = z.infer<typeof Entry>;

const MemoryFile = z.object({ version: z.literal(1), identities: z.array(Entry) });

const newer = (a: Entry, b: Entry): boolean => Date.parse(a.checkedAt) > Date.parse(b.checkedAt);

async function readEntries(file: string): Promise<{ entries: Map<string, Entry>; problem: Problem | null }> {
  const read = await readAppJsonFile(file, MemoryFile);
  const entries = new Map<string, Entry>();
  if (read.status === 'ok') {
    for (const entry of read.value.identities) {
      const known = entries.get(entry.source);
      if (!known || newer(entry, known)) entries.set(entry.source, entry);
    }
    return { entries, problem: null };
  }
  if (read.status === 'missing') return { entries, problem: null };
  const why = read.status === 'unreadable' ? `cannot be read (${read.code ?? 'error'})` : 'is damaged';
  return {
    entries,
    problem: {
      severity: 'warning',
      message: `The remembered AWS identities ${why}: they are not used, and the next verification rewrites the file.`,
      file,
    },
  };
}

export async function openIdentityMemory(file: string, options: { now?: () => number } = {}): Promise<IdentityMemory> {
  const now = options.now ?? Date.now;
  const loaded = await readEntries(file);
  const entries = loaded.entries;
  const changed = new Map<string, Entry | null>();
  const fresh = (entry: Entry): boolean => now() - Date.parse(entry.checkedAt) <= MAX_AGE_MS;
  // One save at a time: each reads the file the one before it wrote.
  let saving: Promise<void> = Promise.resolve();

  const saveNow = async (): Promise<void> => {
    if (changed.size === 0) return;
    const onDisk = (await readEntries(file)).entries;
    for (const [source, entry] of changed) {
      const known = onDisk.get(source);
      if (entry === null) onDisk.delete(source);
      else if (!known || !newer(known, entry)) onDisk.set(source, entry);
    }
    changed.clear();
    const identities = [...onDisk.values()]
      .filter(fresh)
      .sort((a, b) => Date.parse(b.checkedAt) - Date.parse(a.checkedAt))
      .slice(0, MAX_ENTRIES);
    await writeJsonFileAtomic(file, { version: 1, identities }, { format: 'compact', mode: 0o600, dirMode: 0o700 });
    // What another process wrote meanwhile is known from now on, unless recorded here since.
    for (const entry of identities) if (!changed.has(entry.source)) entries.set(entry.source, entry);
  };

  let problem = loaded.problem;
  return {
    get problem() {
      return problem;
    },
    recall(source) {
      const entry = entries.get(source);
      if (!entry || !fresh(entry)) return null;
      return {
        identity: { account: entry.account, arn: entry.arn, userId: entry.userId },
        checkedAt: entry.checkedAt,
      };
    },
    record(source, check) {
      if (check.identity) {
        const entry: Entry = { source, ...check.identity, checkedAt: check.checkedAt };
        entries.set(source, entry);
        changed.set(source, entry);
        return true;
      }
      if (check.error?.kind === 'access-denied' && entries.has(source)) {
        entries.delete(source);
        changed.set(source, null);
        return true;
      }
      return false;
    },
    save() {
      saving = saving
        .catch(() => undefined)
        .then(saveNow)
        .then(() => {
          problem = null;
        });
      return saving;
    },
  };
}
