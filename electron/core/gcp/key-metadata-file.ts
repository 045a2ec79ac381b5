// The app's record of imported service-account keys: metadata only (no key, no path to it; the
// path lives in the OS keychain). `<app data dir>/gcp-keys.json`, version 1.
import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { Problem } from '../../shared/model';
import { writeFileAtomic } from '../fs/safe-file-writer';
import { isJsonObject, stringField } from './credential-json';

export interface ImportedKeyMetadata {
  keyId: string;
  account: string;
  project: string | null;
  /** ISO 8601 UTC. */
  importedAt: string;
}

export const KEY_METADATA_FILE = 'gcp-keys.json';
export const KEY_FOLDER = 'keys';

export function keyMetadataPath(appDataDir: string): string {
  return join(appDataDir, KEY_METADATA_FILE);
}

/** Where an imported key's copy lives: `<app data dir>/keys/<key id>.json`. */
export function storedKeyPath(appDataDir: string, keyId: string): string {
  return join(appDataDir, KEY_FOLDER, `${keyId}.json`);
}

export async function readKeyMetadata(appDataDir: string): Promise<{ keys: ImportedKeyMetadata[]; problems: Problem[] }> {
  const file = keyMetadataPath(appDataDir);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { keys: [], problems: [] };
    return { keys: [], problems: [{ severity: 'error', message: `Cannot read the list of imported keys (${code ?? String(error)})`, file }] };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { keys: [], problems: [{ severity: 'error', message: 'The list of imported keys is not valid JSON', file }] };
  }
  const entries = isJsonObject(parsed) && Array.isArray(parsed.keys) ? (parsed.keys as unknown[]) : [];
  const keys: ImportedKeyMetadata[] = [];
  for (const entry of entries) {
    if (!isJsonObject(entry)) continue;
    const keyId = stringField(entry, 'keyId');
    const account = stringField(entry, 'account');
    const importedAt = stringField(entry, 'importedAt');
    if (keyId && account && importedAt) keys.push({ keyId, account, project: stringField(entry, 'project'), importedAt });
  }
  return { keys, problems: [] };
}

export async function writeKeyMetadata(appDataDir: string, keys: ImportedKeyMetadata[]): Promise<void> {
  const body = `${JSON.stringify({ version: 1, keys }, null, 2)}\n`;
  await writeFileAtomic(keyMetadataPath(appDataDir), body, { mode: 0o600 });
}

/**
 * The list, for a read-modify-write. An unreadable list is moved aside (`gcp-keys.json.corrupt`)
 * rather than silently overwritten, so the next write does not destroy what it held.
 */
export async function readKeyMetadataForUpdate(appDataDir: string): Promise<ImportedKeyMetadata[]> {
  const { keys, problems } = await readKeyMetadata(appDataDir);
  if (problems.length > 0) {
    const file = keyMetadataPath(appDataDir);
    await rename(file, `${file}.corrupt`).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
  return keys;
}
