// The whole "drop a key" recipe as one core operation, shared by the window and `cloudid gcp
// import`: validate and keep the key (key-store.ts), then optionally activate it in gcloud.
import { unlink } from 'node:fs/promises';
import { activateServiceAccount, type ActivationResult } from './gcloud-activate';
import type { KeyImportResult, ServiceAccountKeyStore } from './key-store';

export interface ImportKeyRequest {
  source: string;
  activate?: boolean;
  /**
   * Activate in a configuration of its own, named after the account (the default), or, when
   * false, in the active one, whose account and project the outcome keeps for an undo.
   */
  ownConfiguration?: boolean;
  /** Replace a different key stored under the same private_key_id (else that is a 'conflict'). */
  replace?: boolean;
  /** Delete the downloaded file once its copy is safely stored. */
  removeSource?: boolean;
  /** Environment for gcloud (CLOUDSDK_CONFIG etc.). */
  env: NodeJS.ProcessEnv;
  gcloudPath?: string;
}

export interface ImportKeyOutcome {
  result: KeyImportResult;
  activation: ActivationResult | null;
  sourceRemoved: boolean;
}

export async function importServiceAccountKey(
  store: ServiceAccountKeyStore,
  request: ImportKeyRequest,
): Promise<ImportKeyOutcome> {
  const result = await store.import(request.source, { replace: request.replace ?? false });
  if (result.status !== 'imported' && result.status !== 'duplicate' && result.status !== 'replaced')
    return { result, activation: null, sourceRemoved: false };
  let sourceRemoved = false;
  if (request.removeSource && request.source !== result.key.path) {
    await unlink(request.source);
    sourceRemoved = true;
  }
  const activation = request.activate
    ? await activateServiceAccount({
        keyFile: result.key.path,
        account: result.key.account,
        projectId: result.key.project,
        newConfiguration: request.ownConfiguration ?? true,
        env: request.env,
        ...(request.gcloudPath ? { gcloudPath: request.gcloudPath } : {}),
      })
    : null;
  return { result, activation, sourceRemoved };
}
