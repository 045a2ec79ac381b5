// AWS IAM Identity Center (SSO) operations of the IPC contract: log in, log out, refresh,
// configure sessions and profiles, sync accounts. Results are metadata only: no access token,
// refresh token, client secret or file contents ever crosses to the window.
// The result types mirror the core's (electron/core/aws/sso-login, sso-sync) structurally, so the
// renderer needs no import from the core; sso-handlers.ts proves the two agree at compile time.
import { z } from 'zod';
import { returns, type OperationSpec } from './contract-kit';
import type { Problem } from './model';

const noControl = (s: string): boolean => !/[\r\n\0]/.test(s);

/** An sso-session name, or for a legacy profile its start URL (the snapshot's SsoSession.name). */
const sessionName = z.string().min(1).max(2048).refine(noControl, 'a session name has no line breaks or NUL');
const profileName = z.string().min(1).max(256).refine(noControl, 'a profile name has no line breaks or NUL');
const region = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9-]+$/, 'a region such as us-east-1');

export type SsoLoginFlowChoice = 'pkce' | 'device-code';

/** What the user must see to approve a login (LoginPrompt in the core). */
export interface SsoLoginPrompt {
  session: string;
  flow: SsoLoginFlowChoice;
  /** The device code to compare in the browser; null for PKCE. */
  userCode: string | null;
  verificationUri: string;
  verificationUriComplete: string;
  expiresAt: string;
}

export type SsoLoginFailureReason =
  'cancelled' | 'code-expired' | 'denied' | 'timeout' | 'state-mismatch' | 'network' | 'service' | 'unknown-session';

export type SsoLoginResult = (
  | {
      status: 'logged-in';
      session: string;
      flow: SsoLoginFlowChoice;
      expiresAt: string;
      refreshable: boolean;
      cacheFile: string;
    }
  | { status: 'failed'; session: string; reason: SsoLoginFailureReason; message: string }
) & {
  /** True when this call joined a login already in progress instead of starting one. */
  joined: boolean;
};

export type SsoRefreshResult =
  | { status: 'refreshed'; session: string; expiresAt: string; refreshTokenRotated: boolean }
  | {
      status: 'cannot-refresh';
      session: string;
      reason: 'no-token' | 'no-refresh-token' | 'registration-expired' | 'refused' | 'unknown-session';
      message: string;
    }
  | { status: 'superseded'; session: string }
  | { status: 'failed'; session: string; reason: 'network' | 'service' | 'cancelled'; message: string };

export type SsoConfigureResult =
  { ok: true; configFile: string; backupPath: string | null } | { ok: false; problems: Problem[] };

export interface SsoAccount {
  accountId: string;
  accountName: string;
  emailAddress: string | null;
  roles: string[];
  rolesComplete: boolean;
}

export type SsoAccountsResult =
  | { ok: true; session: string; accounts: SsoAccount[]; complete: boolean; problems: Problem[] }
  | { ok: false; reason: 'no-session' | 'signed-out' | 'expired' | 'token-refused' | 'unreachable'; message: string };

export type SsoSyncAction = 'add' | 'update' | 'remove' | 'unchanged';

export interface SsoSyncEntry {
  action: SsoSyncAction;
  profileName: string;
  accountId: string;
  accountName: string;
  roleName: string;
  changes: Array<{ key: string; from: string | null; to: string | null }>;
}

export interface SsoSyncConflict {
  profileName: string;
  accountId: string;
  accountName: string;
  roleName: string;
  heldBy: 'config' | 'credentials';
  line: number | null;
}

/** A role the user already has a profile for: the sync does not add it again unless asked. */
export interface SsoSyncDuplicate {
  profileName: string;
  existingProfile: string;
  accountId: string;
  accountName: string;
  roleName: string;
}

export interface SsoSyncPreview {
  id: string;
  session: string;
  configFile: string;
  listedAt: string;
  listing: {
    accounts: number;
    roles: number;
    complete: boolean;
    requests: number;
    throttled: number;
    failedCalls: number;
    elapsedMs: number;
  };
  counts: Record<SsoSyncAction | 'conflict' | 'duplicate', number>;
  entries: SsoSyncEntry[];
  conflicts: SsoSyncConflict[];
  duplicates: SsoSyncDuplicate[];
  problems: Problem[];
}

export type SsoSyncPreviewResult =
  | { ok: true; preview: SsoSyncPreview }
  | { ok: false; reason: 'no-session' | 'signed-out' | 'expired' | 'token-refused' | 'unreachable'; message: string };

export type SsoSyncApplyResult =
  | { ok: true; changed: boolean; configFile: string; backupPath: string | null }
  | { ok: false; reason: 'unknown-preview' | 'changed-since-preview' | 'refused'; message: string };

export interface SsoListingProgressEvent {
  session: string;
  accountsFound: number;
  allAccountsFound: boolean;
  accountsDone: number;
  rolesFound: number;
  requests: number;
  throttled: number;
  rate: number;
}

export const ssoOperations = {
  /**
   * Log in to one session (PKCE for sso-session profiles, device code for legacy ones, unless
   * `flow` or the `ssoLoginFlow` setting chooses). A second call while a login for that session
   * runs joins it: no second browser tab. The prompt arrives as an `ssoLoginPrompt` event.
   */
  ssoLogin: {
    input: z.strictObject({ session: sessionName, flow: z.enum(['pkce', 'device-code']).optional() }),
    result: returns<SsoLoginResult>(),
  },
  /** The logins in progress, with their prompts (a window opened mid-login shows the code). */
  ssoLoginsInProgress: { input: z.void(), result: returns<SsoLoginPrompt[]>() },
  /** Open the login page of the login in progress again (through the shell's allow-list). */
  ssoOpenLoginPage: { input: z.strictObject({ session: sessionName }), result: returns<{ opened: boolean }>() },
  ssoCancelLogin: { input: z.strictObject({ session: sessionName }), result: returns<{ cancelled: boolean }>() },
  /** Delete the session's token cache file only (every profile of the session signs out). */
  ssoLogout: { input: z.strictObject({ session: sessionName }), result: returns<{ deleted: boolean }>() },
  /** Renew the access token now with the refresh token, without a browser. */
  ssoRefresh: { input: z.strictObject({ session: sessionName }), result: returns<SsoRefreshResult>() },
  /** Append an `[sso-session NAME]` to the config file (what `aws configure sso-session` writes). */
  ssoCreateSession: {
    input: z.strictObject({
      name: z.string().min(1).max(128),
      startUrl: z.string().min(1).max(2048),
      region,
      scopes: z.array(z.string().min(1).max(256)).max(32).optional(),
    }),
    result: returns<SsoConfigureResult>(),
  },
  /** The accounts and roles the session's token can use ("pick account and role"). */
  ssoListAccounts: { input: z.strictObject({ session: sessionName }), result: returns<SsoAccountsResult>() },
  /** Append a profile for one account and role (what `aws configure sso` writes). */
  ssoCreateProfile: {
    input: z.strictObject({
      session: sessionName,
      accountId: z.string().regex(/^\d{12}$/, 'a 12-digit account id'),
      roleName: z.string().min(1).max(64),
      profileName,
      region: region.optional(),
    }),
    result: returns<SsoConfigureResult>(),
  },
  /** List every account and role (progress as `ssoSyncProgress`) and preview the profiles a sync writes. */
  ssoSyncPreview: {
    input: z.strictObject({
      session: sessionName,
      template: z.string().min(1).max(256).refine(noControl, 'a template has no line breaks').optional(),
      region: region.optional(),
      relist: z.boolean().optional(),
      /** Also add a profile for roles the user already has one for. */
      includeDuplicates: z.boolean().optional(),
    }),
    result: returns<SsoSyncPreviewResult>(),
  },
  /** Write a previewed sync in one edit of the config file. */
  ssoSyncApply: {
    input: z.strictObject({ previewId: z.string().min(1).max(64) }),
    result: returns<SsoSyncApplyResult>(),
  },
} as const satisfies Record<string, OperationSpec>;

export const ssoEvents = {
  /** A login needs the user: show the code and the page (also for logins the tray started). */
  ssoLoginPrompt: returns<SsoLoginPrompt>(),
  /** A login finished (logged in, failed or cancelled), wherever it was started. */
  ssoLoginEnded: returns<SsoLoginResult>(),
  /** Progress of listing accounts and roles for a sync or the account picker. */
  ssoSyncProgress: returns<SsoListingProgressEvent>(),
} as const;
