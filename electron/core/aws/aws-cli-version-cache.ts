// `aws --version` costs 0.3–0.5 s per CLI (a Python start). The `cloudid` command must answer in
// well under that, so it remembers each answer, keyed by the binary's path and file identity
// (real path, size, mtime, inode): replacing or upgrading the CLI changes the key. A shim whose
// target changes without the shim changing (pyenv switching Pythons) is covered by the age limit.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod/mini';
import type { AwsCliInstall } from '../../shared/model';
import { itemsMatching, readAppJsonFile } from '../fs/app-json-file';
import { writeJsonFileAtomic } from '../fs/safe-file-writer';

const FILE_NAME = 'aws-cli-versions.json';
const DEFAULT_MAX_AGE_MS = 24 * 3_600_000;

const CacheEntry = z.object({
  key: z.string(),
  checkedAt: z.number(),
  install: z.object({
    path: z.string(),
    version: z.nullable(z.string()),
    major: z.nullable(z.number()),
    error: z.nullable(z.string()),
  }) satisfies z.ZodMiniType<AwsCliInstall>,
});
type CacheEntry = z.output<typeof CacheEntry>;

/** The file: a compact JSON list of entries; a damaged entry is dropped (that CLI is asked again). */
const CacheFile = itemsMatching(CacheEntry);

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
  maxAgeMs = DEFAULT_MAX_AGE_MS,
): Promise<AwsCliVersionCache> {
  const path = join(dir, FILE_NAME);
  const read = await readAppJsonFile(path, CacheFile);
  let entries: CacheEntry[] = read.status === 'ok' ? read.value : []; // missing or damaged: it is only a cache
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
      await writeJsonFileAtomic(path, entries, { format: 'compact', mode: 0o600, dirMode: 0o700 });
      dirty = false;
    },
  };
}
