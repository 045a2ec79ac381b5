// The app's record of imported service-account keys: metadata only (no key, no path to it; the
// path lives in the OS keychain). `<app data dir>/gcp-keys.json`, version 1.
import { rename } from 'node:fs/promises';
import * as z from 'zod/mini';
import type { Problem } from '../../shared/model';
import { itemsMatching, readAppJsonFile } from '../fs/app-json-file';
import { isErrno } from '../fs/errno';
import { keyMetadataPath } from './key-paths';
import { writeJsonFileAtomic } from '../fs/safe-file-writer';

const nonEmpty = z.string().check(z.minLength(1));

const ImportedKeyMetadata = z.object({
  keyId: nonEmpty,
  account: nonEmpty,
  /** A missing, empty or odd project reads as none, as it always has. */
  project: z.catch(z.nullable(nonEmpty), null),
  /** ISO 8601 UTC. */
  importedAt: nonEmpty,
});
export type ImportedKeyMetadata = z.output<typeof ImportedKeyMetadata>;

/**
 * `{ "version": 1, "keys": [...] }`, pretty. An entry that does not match is skipped, the others
 * kept. A file of another shape reads as an empty list without a problem, as before the schema
 * (only text that is not JSON, or cannot be read, is a problem and is moved aside on update).
 */
const KeyMetadataFile = z.object({ keys: itemsMatching(ImportedKeyMetadata) });

export async function readKeyMetadata(
  appDataDir: string,
): Promise<{ keys: ImportedKeyMetadata[]; problems: Problem[] }> {
  const file = keyMetadataPath(appDataDir);
  const read = await readAppJsonFile(file, KeyMetadataFile);
  switch (read.status) {
    case 'ok':
      return { keys: read.value.keys, problems: [] };
    case 'missing':
    case 'invalid':
      return { keys: [], problems: [] };
    case 'unreadable':
      return {
        keys: [],
        problems: [
          {
            severity: 'error',
            message: `Cannot read the list of imported keys (${read.code ?? String(read.error)})`,
            file,
          },
        ],
      };
    case 'not-json':
      return {
        keys: [],
        problems: [{ severity: 'error', message: 'The list of imported keys is not valid JSON', file }],
      };
  }
}

export async function writeKeyMetadata(appDataDir: string, keys: ImportedKeyMetadata[]): Promise<void> {
  await writeJsonFileAtomic(keyMetadataPath(appDataDir), { version: 1, keys }, { format: 'pretty', mode: 0o600 });
}

/**
 * The list, for a read-modify-write. An unreadable list is moved aside (`gcp-keys.json.corrupt`)
 * rather than silently overwritten, so the next write does not destroy what it held.
 */
export async function readKeyMetadataForUpdate(appDataDir: string): Promise<ImportedKeyMetadata[]> {
  const { keys, problems } = await readKeyMetadata(appDataDir);
  if (problems.length > 0) {
    const file = keyMetadataPath(appDataDir);
    await rename(file, `${file}.corrupt`).catch((error: unknown) => {
      if (!isErrno(error, 'ENOENT')) throw error;
    });
  }
  return keys;
}
