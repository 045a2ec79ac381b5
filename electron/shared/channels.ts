// IPC channel names, free of zod, so the sandboxed preload stays a small self-contained file.
// contract.ts checks at compile time that its events are exactly these.
export const EVENT_NAMES = [
  'snapshot',
  'verifyProgress',
  'focusProfile',
  'showClusters',
  // AWS IAM Identity Center (contract-sso.ts)
  'ssoLoginPrompt',
  'ssoLoginEnded',
  'ssoSyncProgress',
  // Google Cloud (contract-gcp.ts)
  'focusGcp',
] as const;
export type EventName = (typeof EVENT_NAMES)[number];

export const operationChannel = (name: string): string => `cloudid:op:${name}`;
export const eventChannel = (name: EventName): string => `cloudid:event:${name}`;
