// The app's own store of service-account keys. A key's bytes are copied unchanged to
// `<app data dir>/keys/<key id>.json` (file 0600, folder 0700); the OS keychain holds the path
// (service "Cloud Identity Tray", account = key id); the settings file holds metadata only.
// Without a keychain nothing is written at all: no plaintext fallback.
import { chmod, mkdir, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../fs/safe-file-writer';
import { APP_KEYCHAIN_SERVICE, SecretStoreUnavailableError, type SecretStore } from '../secrets/secret-store';
import {
  readKeyMetadata,
  readKeyMetadataForUpdate,
  writeKeyMetadata,
  type ImportedKeyMetadata,
} from './key-metadata-file';
import { storedKeyPath } from './key-paths';
import { readServiceAccountKeyFile, type KeyRejectionReason, type ServiceAccountKey } from './service-account-key';
import { isErrno } from '../fs/errno';
import { failedPath, fileFailureReason, isFileFailure } from '../fs/file-failure';
import { readRegularFile } from '../fs/regular-file';

export interface StoredKey extends ImportedKeyMetadata {
  /** Where the key's copy is, as recorded in the keychain. */
  path: string;
}

export type KeyImportResult =
  | { status: 'imported'; key: StoredKey; metadata: ServiceAccountKey }
  | { status: 'duplicate'; key: StoredKey; metadata: ServiceAccountKey }
  /** A different key with the same id was stored, and was replaced because the caller asked. */
  | { status: 'replaced'; key: StoredKey; metadata: ServiceAccountKey }
  /** A different key with the same id is stored: nothing was changed. */
  | { status: 'conflict'; key: StoredKey; metadata: ServiceAccountKey; message: string }
  | { status: 'rejected'; reason: KeyRejectionReason; message: string }
  | { status: 'keychain-unavailable'; message: string }
  /** A file could not be written (disk full, read-only, a file where the key folder goes): nothing was kept. */
  | { status: 'not-stored'; message: string };

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

  /**
   * Keeps the key. The same bytes again are 'duplicate'. A different file with the same
   * private_key_id is refused ('conflict', naming both accounts) unless `replace` is set; then the
   * copy and its metadata become the new file's.
   */
  import(sourcePath: string, options: { replace?: boolean } = {}): Promise<KeyImportResult> {
    return this.serialize(() => this.importNow(sourcePath, options.replace ?? false));
  }

  private async importNow(sourcePath: string, replace: boolean): Promise<KeyImportResult> {
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
      const fresh: ImportedKeyMetadata = {
        keyId: key.keyId,
        account: key.clientEmail,
        project: key.projectId,
        importedAt: this.now().toISOString(),
      };
      const stored = recorded ? await storedBytes(recorded) : null;
      if (existing && recorded && stored?.equals(bytes)) {
        // A list written before the metadata followed the file may name another account: mend it.
        if (existing.account === key.clientEmail && existing.project === key.projectId)
          return { status: 'duplicate', key: { ...existing, path: recorded }, metadata: key };
        const mended = { ...existing, account: key.clientEmail, project: key.projectId };
        await writeKeyMetadata(
          appDataDir,
          metadata.map((k) => (k.keyId === key.keyId ? mended : k)),
        );
        return { status: 'duplicate', key: { ...mended, path: recorded }, metadata: key };
      }
      const differs = existing !== undefined && recorded !== null && stored !== null;
      if (differs && !replace) {
        return {
          status: 'conflict',
          key: { ...existing, path: recorded },
          metadata: key,
          message: conflictMessage(existing, key),
        };
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
      if (differs) {
        await writeKeyMetadata(
          appDataDir,
          metadata.map((k) => (k.keyId === key.keyId ? fresh : k)),
        );
        return { status: 'replaced', key: { ...fresh, path: target }, metadata: key };
      }
      if (!existing) {
        try {
          await writeKeyMetadata(appDataDir, [...metadata, fresh]);
        } catch (error) {
          // A key the list does not name would be kept but never shown: take it back out.
          await secrets.delete(this.service, key.keyId).catch(() => undefined);
          await unlink(target).catch(() => undefined);
          throw error;
        }
        return { status: 'imported', key: { ...fresh, path: target }, metadata: key };
      }
      // The list knows the key but its copy or keychain entry was gone: restored, metadata as the file says.
      const entry: ImportedKeyMetadata = { ...existing, account: key.clientEmail, project: key.projectId };
      await writeKeyMetadata(
        appDataDir,
        metadata.map((k) => (k.keyId === key.keyId ? entry : k)),
      );
      return { status: 'duplicate', key: { ...entry, path: target }, metadata: key };
    } catch (error) {
      if (error instanceof SecretStoreUnavailableError)
        return { status: 'keychain-unavailable', message: error.message };
      if (isFileFailure(error)) {
        const file = failedPath(error);
        return {
          status: 'not-stored',
          message: `The key was not stored: ${file ?? 'a file in the key folder'} could not be written (${fileFailureReason(error)}).`,
        };
      }
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
      if (known)
        await writeKeyMetadata(
          this.options.appDataDir,
          metadata.filter((k) => k.keyId !== keyId),
        );
      return true;
    });
  }
}

/** The stored copy's bytes, or null when it cannot be read (then it is written again). */
async function storedBytes(path: string): Promise<Buffer | null> {
  try {
    return await readRegularFile(path);
  } catch {
    return null;
  }
}

const owner = (account: string, project: string | null): string =>
  `${account}${project ? ` (project ${project})` : ''}`;

function conflictMessage(existing: ImportedKeyMetadata, key: ServiceAccountKey): string {
  return (
    `A different key with the same id ${key.keyId} is already imported: the stored one is for ${owner(existing.account, existing.project)}, ` +
    `this file is for ${owner(key.clientEmail, key.projectId)}. The stored key was left as it is.`
  );
}
