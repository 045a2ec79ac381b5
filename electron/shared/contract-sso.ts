// AWS IAM Identity Center (SSO) operations of the IPC contract: log in, log out, refresh,
// configure sessions and profiles, sync accounts.
import type { OperationSpec } from './contract-kit';

export const ssoOperations = {} as const satisfies Record<string, OperationSpec>;

export const ssoEvents = {} as const;
