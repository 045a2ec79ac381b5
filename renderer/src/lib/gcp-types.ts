// The GCP shapes the window works with, derived from the contract the bridge implements, so the
// renderer needs no import from electron/shared beyond shared-types.ts.
import type { CloudIdApi, Snapshot } from '../shared-types';

type ResultOf<K extends keyof CloudIdApi> = CloudIdApi[K] extends (...args: never[]) => Promise<infer R> ? R : never;

export type GcpState = NonNullable<Snapshot['gcp']>;
export type GcpAccount = GcpState['accounts'][number];
export type GcpAccountStatus = GcpAccount['status'];
export type GcpConfiguration = GcpState['configurations'][number];
export type GcpImportedKey = GcpState['keys'][number];
export type GcpImportOutcome = ResultOf<'gcpImportKey'>;
export type GcpActivationOutcome = ResultOf<'gcpActivateKey'>;
export type GcpKeyVerification = ResultOf<'gcpVerifyKey'>;
export type GcpShellProfilesPreview = ResultOf<'gcpShellProfilesPreview'>;
export type GcpShellProfilesApplied = ResultOf<'gcpShellProfilesApply'>;
export type GcpUndoOutcome = ResultOf<'gcpUndoActivation'>;
export type GcpPreviousSettings = NonNullable<GcpActivationOutcome['previous']>;
