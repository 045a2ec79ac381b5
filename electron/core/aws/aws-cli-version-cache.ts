// `aws --version` costs 0.3–0.5 s per CLI (a Python start). The `cloudid` command must answer in
// well under that, so it remembers each answer, keyed by the binary's path and file identity
// (real path, size, mtime, inode): replacing or upgrading the CLI changes the key. A shim whose
// target changes without the shim changing (pyenv switching Pythons) is covered by the age limit.
//
// Every `cloudid status` reads this file before anything else, so it is checked by hand rather
// than with a schema library, and the writer is loaded only to save (docs/performance.md).
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { AwsCliInstall } from '../../shared/model';

const FILE_NAME = 'aws-cli-versions.json';
/** How long an answer is trusted: a shim's new target is seen after this at the latest. */
export const AWS_CLI_VERSION_MAX_AGE_MS = 24 * 3_600_000;

interface CacheEntry {
  key: string;
  checkedAt: number;
  install: AwsCliInstall;
}

const isStringOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';

function isCacheEntry(value: unknown): value is CacheEntry {
  if (typeof value !== 'object' || value === null) return false;
  const { key, checkedAt, install } = value as Record<string, unknown>;
  if (typeof key !== 'string' || typeof checkedAt !== 'number' || typeof install !== 'object' || install === null)
    return false;
  const { path, version, major, error } = install as Record<string, unknown>;
  return (
    typeof path === 'string' &&
    isStringOrNull(version) &&
    (major === null || typeof major === 'number') &&
    isStringOrNull(error)
  );
}

/** The file: a compact JSON list of entries; a damaged entry is dropped (that CLI is asked again). */
async function readEntries(path: string): Promise<CacheEntry[]> {
  try {
    const list: unknown = JSON.parse(await readFile(path, 'utf8'));
    // Only the fields an entry has are kept, whatever else a damaged file holds.
    return Array.isArray(list)
      ? list.filter(isCacheEntry).map(({ key, checkedAt, install: { path: file, version, major, error } }) => ({
          key,
          checkedAt,
          install: { path: file, version, major, error },
        }))
      : [];
  } catch {
    return []; // missing or damaged: it is only a cache
  }
}

export interface AwsCliVersionCache {
  get(file: string, real: string): Promise<AwsCliInstall | null>;
  set(file: string, real: string, install: AwsCliInstall): Promise<void>;
  save(): Promise<void>;
}

async function fingerprint(file: string, real: string): Promise<string | null> {
  const info = await stat(real).catch(() => null);
  return info ? [file, real, info.size, info.mtimeMs, info.ino].join('\0') : null;
}

export async function openAwsCliVersionCache(
  dir: string,
  now: () => number = Date.now,
  maxAgeMs = AWS_CLI_VERSION_MAX_AGE_MS,
): Promise<AwsCliVersionCache> {
  const path = join(dir, FILE_NAME);
  let entries = await readEntries(path);
  let dirty = false;
  const live = (e: CacheEntry) => now() - e.checkedAt < maxAgeMs;
  return {
    async get(file, real) {
      const key = await fingerprint(file, real);
      const hit = entries.find((e) => e.key === key && live(e));
      return hit ? hit.install : null;
    },
    async set(file, real, install) {
      // Only real answers are kept: a failure (timeout, crash) is tried again next time.
      if (install.error !== null) return;
      const key = await fingerprint(file, real);
      if (!key) return;
      entries = entries.filter((e) => e.key !== key && e.install.path !== file && live(e));
      entries.push({ key, checkedAt: now(), install });
      dirty = true;
    },
    async save() {
      if (!dirty) return;
      const { writeJsonFileAtomic } = await import('../fs/safe-file-writer');
      await writeJsonFileAtomic(path, entries, { format: 'compact', mode: 0o600, dirMode: 0o700 });
      dirty = false;
    },
  };
}
