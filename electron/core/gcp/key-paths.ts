// Where the app keeps imported service-account keys, in its own data folder: the list
// (key-metadata-file.ts) and one copy per key. Apart from that module, so that a key of what the
// readers read (gcp-inputs.ts) can name them without loading the list's schema.
import { join } from 'node:path';

const KEY_METADATA_FILE = 'gcp-keys.json';
export const KEY_FOLDER = 'keys';

export function keyMetadataPath(appDataDir: string): string {
  return join(appDataDir, KEY_METADATA_FILE);
}

/** Where an imported key's copy lives: `<app data dir>/keys/<key id>.json`. */
export function storedKeyPath(appDataDir: string, keyId: string): string {
  return join(appDataDir, KEY_FOLDER, `${keyId}.json`);
}
