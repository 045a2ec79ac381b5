// Handlers of the Google Cloud operations (electron/shared/contract-gcp.ts): the window's drop
// zone, key list, activation, shell-profile block and configuration switch, over the core's GCP
// functions. Key material stays in the core: results carry metadata and gcloud's messages only.
import { unlink } from 'node:fs/promises';
import type { GcpImportOutcome, GcpKeyRemoval, GcpKeyVerification } from '../../shared/contract-gcp';
import { gcpOperations } from '../../shared/contract-gcp';
import type { HandlersFor } from '../../shared/contract-kit';
import { readRegularFile } from '../fs/regular-file';
import { importServiceAccountKey } from '../gcp/import-service-account-key';
import { ServiceAccountKeyStore, type StoredKey } from '../gcp/key-store';
import { withoutBom } from '../gcp/service-account-key';
import { previewBlockRemovalFor } from '../gcp/shell-profiles';
import { verifyKeyFile } from '../gcp/verify-service-account-key';
import { KeytarSecretStore } from '../secrets/keytar-secret-store';
import { SecretStoreUnavailableError, type SecretStore } from '../secrets/secret-store';
import { appDataDir } from './app-paths';
import { ActivationUndos, activateStoredKey, undoStoredActivation } from './gcp-activation';
import { ShellProfilePreviews } from './gcp-shell-profile-previews';
import { switchGcloudConfiguration } from './gcp-switch';
import type { HandlerContext } from './operation-handlers';

export interface GcpHandlerOptions {
  /** The keychain (default: the OS keychain through keytar). */
  secrets?: SecretStore;
  /** The gcloud executable (default: `gcloud` on the core's PATH). */
  gcloudPath?: string;
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function createGcpHandlers(
  context: HandlerContext,
  options: GcpHandlerOptions = {},
): HandlersFor<typeof gcpOperations> {
  const { core, shell } = context;
  const { env, homeDir } = core.context;
  const dataDir = core.context.appDataDir ?? appDataDir(env, homeDir, process.platform);
  const store = new ServiceAccountKeyStore({
    appDataDir: dataDir,
    secrets: options.secrets ?? new KeytarSecretStore(),
  });
  const previews = new ShellProfilePreviews();
  const undos = new ActivationUndos();

  /** The key's stored copy, or why there is none (not imported, or no keychain to ask). */
  const findKey = async (keyId: string): Promise<{ key: StoredKey } | { message: string }> => {
    try {
      const key = await store.find(keyId);
      return key ? { key } : { message: `No imported key has the id ${keyId}.` };
    } catch (error) {
      if (error instanceof SecretStoreUnavailableError) return { message: error.message };
      throw error;
    }
  };

  /** Re-read gcloud's files now, so the answer and the next snapshot agree. */
  const reload = (): Promise<void> => core.reload().catch(() => undefined);

  return {
    gcpImportKey: async ({ path, activate, ownConfiguration, removeSource }) => {
      let outcome;
      try {
        outcome = await importServiceAccountKey(store, { source: path, removeSource, env });
      } catch (error) {
        // The key may be stored already (e.g. the download could not be deleted): show the state.
        await reload();
        throw new Error(`The key was not fully imported: ${errorText(error)}`, { cause: error });
      }
      const { result, sourceRemoved } = outcome;
      if (result.status === 'rejected')
        return { status: 'rejected', source: path, reason: result.reason, message: result.message };
      if (result.status === 'keychain-unavailable')
        return { status: 'keychain-unavailable', source: path, message: result.message };
      if (result.status === 'not-stored')
        return { status: 'rejected', source: path, reason: 'not-stored', message: result.message };
      // The window never asks to replace: a different key under the same id is refused, both accounts named.
      if (result.status === 'conflict')
        return { status: 'rejected', source: path, reason: 'key-id-conflict', message: result.message };
      const { key } = result;
      const activation = activate
        ? await activateStoredKey(core, key, ownConfiguration ?? true, undos, options.gcloudPath)
        : null;
      if (!activation) await reload();
      const imported: GcpImportOutcome = {
        status: result.status === 'replaced' ? 'imported' : result.status,
        key: {
          keyId: key.keyId,
          account: key.account,
          project: key.project,
          path: key.path,
          importedAt: key.importedAt,
        },
        source: path,
        sourceRemoved,
        activation,
      };
      return imported;
    },

    gcpPickKeyFile: async () => {
      if (!shell.pickFile) return { path: null };
      const path = await shell.pickFile({
        title: 'Choose a service-account key',
        filters: [
          { name: 'Service-account key (JSON)', extensions: ['json'] },
          { name: 'All files', extensions: ['*'] },
        ],
      });
      return { path };
    },

    gcpDeleteDownload: async ({ keyId, path }) => {
      const found = await findKey(keyId);
      if ('message' in found) return { deleted: false, message: found.message };
      if (found.key.path === path)
        return { deleted: false, message: 'That is the app’s own copy of the key, not the download.' };
      // Only ever delete a file that is byte for byte the key the app keeps.
      const [download, stored] = await Promise.all([
        readRegularFile(path).catch(() => null),
        readRegularFile(found.key.path).catch(() => null),
      ]);
      if (download === null) return { deleted: false, message: `${path} is already gone.` };
      if (stored === null || !withoutBom(download).equals(stored))
        return { deleted: false, message: `${path} is not the same file as the imported key; it was left alone.` };
      await unlink(path);
      return { deleted: true, message: null };
    },

    gcpRemoveKeyPreview: async ({ keyId }) => {
      const found = await findKey(keyId);
      if ('message' in found) throw new Error(found.message);
      return previews.previewRemovalFor(env, homeDir, keyId, found.key.path);
    },

    gcpRemoveKey: async ({ keyId, previewId }) => {
      const refused = (message: string): GcpKeyRemoval => ({ removed: false, message, profilesWritten: [] });
      // Not found (or no keychain to ask): the store's own removal says which.
      const found = await findKey(keyId);
      // No profile may be left pointing at a deleted file: its block goes first, as previewed.
      let profilesWritten: GcpKeyRemoval['profilesWritten'] = [];
      if ('key' in found && (await previewBlockRemovalFor(env, homeDir, found.key.path)).length > 0) {
        if (previewId === undefined)
          return refused(
            'GOOGLE_APPLICATION_CREDENTIALS in a shell profile points at this key. Preview its removal first.',
          );
        const applied = await previews.apply(previewId);
        if (!applied.ok) return refused(applied.message);
        profilesWritten = applied.written;
        const left = await previewBlockRemovalFor(env, homeDir, found.key.path);
        if (left.length > 0)
          return {
            removed: false,
            message: `The key was kept: ${left.map((e) => e.problem ?? `${e.path} still points at it.`).join(' ')}`,
            profilesWritten,
          };
      }
      try {
        const removed = await store.remove(keyId);
        await reload();
        return { removed, message: removed ? null : `No imported key has the id ${keyId}.`, profilesWritten };
      } catch (error) {
        if (error instanceof SecretStoreUnavailableError)
          return { removed: false, message: error.message, profilesWritten };
        throw error;
      }
    },

    gcpVerifyKey: async ({ keyId }) => {
      const found = await findKey(keyId);
      if ('message' in found) return { ok: false, keyId, account: null, kind: 'not-imported', message: found.message };
      const result = await verifyKeyFile(found.key.path, { env });
      const verification: GcpKeyVerification = result.ok
        ? { ok: true, keyId, account: found.key.account, expiresAt: result.expiresAt }
        : { ok: false, keyId, account: found.key.account, kind: result.kind, message: result.message };
      return verification;
    },

    gcpActivateKey: async ({ keyId, ownConfiguration }) => {
      const found = await findKey(keyId);
      if ('message' in found) {
        return {
          ok: false,
          account: '',
          project: null,
          configuration: null,
          createdConfiguration: false,
          previous: null,
          undoId: null,
          message: found.message,
          commands: [],
        };
      }
      return activateStoredKey(core, found.key, ownConfiguration, undos, options.gcloudPath);
    },

    gcpUndoActivation: async ({ undoId }) => undoStoredActivation(core, undos, undoId, options.gcloudPath),

    gcpShellProfilesPreview: async ({ keyId }) => {
      if (keyId === null) return previews.preview(env, homeDir, null, null);
      const found = await findKey(keyId);
      if ('message' in found) throw new Error(found.message);
      return previews.preview(env, homeDir, keyId, found.key.path);
    },

    gcpShellProfilesApply: async ({ previewId }) => previews.apply(previewId),

    gcpSwitchConfiguration: async ({ name }) => switchGcloudConfiguration(core, name, options.gcloudPath),

    gcpProbeReauth: async () => {
      await core.probeGcp();
      return { probed: true };
    },
  };
}
