// `aws --version` costs 0.3–0.5 s per CLI (a Python start). The `cloudid` command must answer in
// well under that, so it remembers each answer, keyed by the binary's path and file identity
// (real path, size, mtime, inode): replacing or upgrading the CLI changes the key. A shim whose
// target changes without the shim changing (pyenv switching Pythons) is covered by the age limit.
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AwsCliInstall } from '../../shared/model';

const FILE_NAME = 'aws-cli-versions.json';
const DEFAULT_MAX_AGE_MS = 24 * 3_600_000;

interface CacheEntry {
  key: string;
  checkedAt: number;
  install: AwsCliInstall;
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

export async function openAwsCliVersionCache(dir: string, now: () => number = Date.now, maxAgeMs = DEFAULT_MAX_AGE_MS): Promise<AwsCliVersionCache> {
  const path = join(dir, FILE_NAME);
  let entries: CacheEntry[] = [];
  try {
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
    if (Array.isArray(parsed)) entries = parsed as CacheEntry[];
  } catch {
    // Missing or damaged: it is only a cache.
  }
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
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const temp = `${path}.${process.pid}.tmp`;
      await writeFile(temp, JSON.stringify(entries), { mode: 0o600 });
      await rename(temp, path);
      dirty = false;
    },
  };
}
