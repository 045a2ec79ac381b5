// Google Cloud operations of the IPC contract (service-account keys, gcloud configurations).
import type { OperationSpec } from './contract-kit';

export const gcpOperations = {} as const satisfies Record<string, OperationSpec>;

export const gcpEvents = {} as const;
