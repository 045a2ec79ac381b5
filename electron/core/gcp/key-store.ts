// The app's own store of service-account keys. A key's bytes are copied unchanged to
// `<app data dir>/keys/<key id>.json` (file 0600, folder 0700); the OS keychain holds the path
// (service "Cloud Identity Tray", account = key id); the settings file holds metadata only.
// Without a keychain nothing is written at all: no plaintext fallback.
import { chmod, mkdir, readFile, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../fs/safe-file-writer';
import { APP_KEYCHAIN_SERVICE, SecretStoreUnavailableError, type SecretStore } from '../secrets/secret-store';
import { readKeyMetadata, readKeyMetadataForUpdate, storedKeyPath, writeKeyMetadata, type ImportedKeyMetadata } from './key-metadata-file';
import { readServiceAccountKeyFile, type KeyRejectionReason, type ServiceAccountKey } from './service-account-key';
import { isErrno } from '../fs/errno';

export interface StoredKey extends ImportedKeyMetadata {
  /** Where the key's copy is, as recorded in the keychain. */
  path: string;
}

export type KeyImportResult =
  | { status: 'imported'; key: StoredKey; metadata: ServiceAccountKey }
  | { status: 'duplicate'; key: StoredKey; metadata: ServiceAccountKey }
  | { status: 'rejected'; reason: KeyRejectionReason; message: string }
  | { status: 'keychain-unavailable'; message: string };

export interface KeyStoreOptions {
  appDataDir: string;
  secrets: SecretStore;
  service?: string;
  now?: () => Date;
}

export class ServiceAccountKeyStore {
  private readonly service: string;
  private readonly now: () => Date;
  // One import/remove at a time: each is a read-modify-write of the metadata file.
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: KeyStoreOptions) {
    this.service = options.service ?? APP_KEYCHAIN_SERVICE;
    this.now = options.now ?? (() => new Date());
  }

  private serialize<T>(op: () => Promise<T>): Promise<T> {
    const next = this.queue.then(op, op);
    this.queue = next.catch(() => undefined);
    return next;
  }

  async list(): Promise<ImportedKeyMetadata[]> {
    return (await readKeyMetadata(this.options.appDataDir)).keys;
  }

  /** The key's metadata and its path from the keychain; null when it is not imported. */
  async find(keyId: string): Promise<StoredKey | null> {
    const meta = (await this.list()).find((k) => k.keyId === keyId);
    if (!meta) return null;
    const path = await this.options.secrets.get(this.service, keyId);
    return path ? { ...meta, path } : null;
  }

  import(sourcePath: string): Promise<KeyImportResult> {
    return this.serialize(() => this.importNow(sourcePath));
  }

  private async importNow(sourcePath: string): Promise<KeyImportResult> {
    const validated = await readServiceAccountKeyFile(sourcePath);
    if (!validated.ok) return { status: 'rejected', reason: validated.reason, message: validated.message };
    const { key, bytes } = validated.secret;
    const { appDataDir, secrets } = this.options;
    const target = storedKeyPath(appDataDir, key.keyId);
    try {
      // Ask the keychain first: if it is unavailable, nothing may touch the disk.
      const recorded = await secrets.get(this.service, key.keyId);
      const metadata = await readKeyMetadataForUpdate(appDataDir);
      const existing = metadata.find((k) => k.keyId === key.keyId);
      if (existing && recorded && (await sameBytes(recorded, bytes))) {
        return { status: 'duplicate', key: { ...existing, path: recorded }, metadata: key };
      }
      await mkdir(dirname(target), { recursive: true, mode: 0o700 });
      await chmod(dirname(target), 0o700);
      await writeFileAtomic(target, bytes, { mode: 0o600 });
      try {
        await secrets.set(this.service, key.keyId, target);
      } catch (error) {
        await unlink(target).catch(() => undefined);
        throw error;
      }
      const entry: ImportedKeyMetadata = existing ?? { keyId: key.keyId, account: key.clientEmail, project: key.projectId, importedAt: this.now().toISOString() };
      if (!existing) await writeKeyMetadata(appDataDir, [...metadata, entry]);
      return { status: existing ? 'duplicate' : 'imported', key: { ...entry, path: target }, metadata: key };
    } catch (error) {
      if (error instanceof SecretStoreUnavailableError) return { status: 'keychain-unavailable', message: error.message };
      throw error;
    }
  }

  /** Deletes the keychain entry, the key's copy and its metadata. False when it was not imported. */
  remove(keyId: string): Promise<boolean> {
    return this.serialize(async () => {
      const recorded = await this.options.secrets.get(this.service, keyId);
      const metadata = await readKeyMetadataForUpdate(this.options.appDataDir);
      const known = metadata.some((k) => k.keyId === keyId);
      if (!known && !recorded) return false;
      await this.options.secrets.delete(this.service, keyId);
      // Only ever delete inside our own key folder, whatever the keychain says.
      await unlink(storedKeyPath(this.options.appDataDir, keyId)).catch((error: unknown) => {
        if (!isErrno(error, 'ENOENT')) throw error;
      });
      if (known) await writeKeyMetadata(this.options.appDataDir, metadata.filter((k) => k.keyId !== keyId));
      return true;
    });
  }
}

async function sameBytes(path: string, bytes: Buffer): Promise<boolean> {
  try {
    return (await readFile(path)).equals(bytes);
  } catch {
    return false;
  }
}
