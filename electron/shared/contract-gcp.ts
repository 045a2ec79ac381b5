// Google Cloud operations of the IPC contract (service-account keys, gcloud configurations,
// GOOGLE_APPLICATION_CREDENTIALS in shell profiles). Results carry metadata only: never a private
// key, a refresh token or an access token.
import { z } from 'zod';
import { hasControlCharacters } from './control-characters';
import { returns, type OperationSpec } from './contract-kit';
import type { GcpImportedKey } from './gcp-model';

/** A file the user dropped or picked: an absolute path, as the shell reports it. */
const filePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((s) => !hasControlCharacters(s), 'a file path has no control characters')
  .refine((s) => s.startsWith('/') || /^[A-Za-z]:[\\/]/.test(s) || s.startsWith('\\\\'), 'a file path is absolute');

/** Google's private_key_id: 40 hex digits in practice; the store accepts letters, digits, - and _. */
const keyId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/, 'a key id is letters, digits, - and _');

/** gcloud's rule for configuration names (named_configs._VALID_NAME_REGEXP). */
const configurationName = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[a-z][-a-z0-9]*$/, 'a gcloud configuration name starts with a lowercase letter and has only a-z, 0-9 and -');

const previewId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9-]+$/);

/** One gcloud command the app ran, for showing what happened (never its output's secrets: gcloud prints none). */
export interface GcpCommandRun {
  command: string;
  exitCode: number;
}

/** What a configuration held before a key was activated in it. */
export interface GcpPreviousSettings {
  configuration: string;
  account: string | null;
  project: string | null;
}

export interface GcpActivationOutcome {
  ok: boolean;
  account: string;
  project: string | null;
  /** The configuration the account was put in: a new one of its own, or the one that was active. */
  configuration: string | null;
  createdConfiguration: boolean;
  /** For an activation in the current configuration: what it held before. */
  previous: GcpPreviousSettings | null;
  /** Give this to gcpUndoActivation to put `previous` back; null when there is nothing to undo. */
  undoId: string | null;
  /** gcloud's own error text when it failed, or its warnings when it worked. */
  message: string | null;
  commands: GcpCommandRun[];
}

export interface GcpUndoOutcome {
  ok: boolean;
  /** What was put back (null when the undo was no longer available). */
  restored: GcpPreviousSettings | null;
  message: string | null;
  commands: GcpCommandRun[];
}

export type GcpImportOutcome =
  | {
      status: 'imported' | 'duplicate';
      key: GcpImportedKey;
      /** The file that was dropped or picked (the download the window may offer to delete). */
      source: string;
      sourceRemoved: boolean;
      activation: GcpActivationOutcome | null;
    }
  | { status: 'rejected'; source: string; reason: string; message: string }
  | { status: 'keychain-unavailable'; source: string; message: string };

export type GcpKeyVerification =
  | { ok: true; keyId: string; account: string; expiresAt: string | null }
  | { ok: false; keyId: string; account: string | null; kind: string; message: string };

/** 'refused': the profile cannot be edited (not UTF-8, unreadable, would not parse); `problem` says why. */
export type GcpProfileEditAction = 'create' | 'add' | 'replace' | 'remove' | 'unchanged' | 'refused';

export interface GcpShellProfileEditPreview {
  shell: 'bash' | 'zsh' | 'fish';
  path: string;
  action: GcpProfileEditAction;
  /** What the block in this file sets now, before the edit. */
  currentKeyPath: string | null;
  /** The exact lines of the block this edit writes (empty for a removal). */
  lines: string[];
  /** Why this profile is left as it is (a sentence naming the file), or null. */
  problem: string | null;
}

export interface GcpShellProfilesPreview {
  /** Give this to gcpShellProfilesApply: it applies exactly this preview, or refuses. */
  previewId: string;
  keyId: string | null;
  keyPath: string | null;
  edits: GcpShellProfileEditPreview[];
}

export type GcpShellProfilesApplied =
  | {
      ok: true;
      written: Array<{ path: string; backupPath: string | null }>;
      unchanged: string[];
      notWritten: Array<{ path: string; message: string }>;
    }
  | { ok: false; message: string };

export interface GcpKeyRemoval {
  removed: boolean;
  message: string | null;
  /** Shell profiles whose block pointing at the key was removed. */
  profilesWritten: Array<{ path: string; backupPath: string | null }>;
}

export type GcpSwitchOutcome =
  { ok: true; name: string; warning: string | null } | { ok: false; name: string; message: string };

export const gcpOperations = {
  /**
   * Validate a dropped or picked file, keep it (0600 copy, path in the OS keychain), optionally
   * activate it in gcloud: in a configuration of its own unless `ownConfiguration` is false.
   */
  gcpImportKey: {
    input: z.strictObject({
      path: filePath,
      activate: z.boolean().optional(),
      ownConfiguration: z.boolean().optional(),
      removeSource: z.boolean().optional(),
    }),
    result: returns<GcpImportOutcome>(),
  },
  /** The native file picker, for a key JSON; null when the user cancels. */
  gcpPickKeyFile: { input: z.void(), result: returns<{ path: string | null }>() },
  /** Delete the downloaded file of an imported key, only if it is byte for byte the stored key. */
  gcpDeleteDownload: {
    input: z.strictObject({ keyId, path: filePath }),
    result: returns<{ deleted: boolean; message: string | null }>(),
  },
  /**
   * Which shell profiles' GOOGLE_APPLICATION_CREDENTIALS block points at this key, as a removal
   * preview (no edits: nothing points at it). Writes nothing.
   */
  gcpRemoveKeyPreview: { input: z.strictObject({ keyId }), result: returns<GcpShellProfilesPreview>() },
  /**
   * Forget an imported key: keychain entry, the copy and its metadata. When a shell profile's
   * block points at the key, `previewId` (from gcpRemoveKeyPreview) must be given: that block is
   * removed first, or nothing is.
   */
  gcpRemoveKey: {
    input: z.strictObject({ keyId, previewId: previewId.optional() }),
    result: returns<GcpKeyRemoval>(),
  },
  /** Mint an access token with the key at its token_uri. */
  gcpVerifyKey: { input: z.strictObject({ keyId }), result: returns<GcpKeyVerification>() },
  /** `gcloud auth activate-service-account` + `gcloud config set project`, optionally in a configuration of its own. */
  gcpActivateKey: {
    input: z.strictObject({ keyId, ownConfiguration: z.boolean() }),
    result: returns<GcpActivationOutcome>(),
  },
  /** Put back the account and project the configuration had before an activation in it. */
  gcpUndoActivation: {
    input: z.strictObject({ undoId: previewId }),
    result: returns<GcpUndoOutcome>(),
  },
  /** Which shell profiles would get (keyId) or lose (null) the GOOGLE_APPLICATION_CREDENTIALS block, and the exact lines. Writes nothing. */
  gcpShellProfilesPreview: {
    input: z.strictObject({ keyId: keyId.nullable() }),
    result: returns<GcpShellProfilesPreview>(),
  },
  /** Apply a preview through the safe writer; refused if a profile changed since the preview. */
  gcpShellProfilesApply: { input: z.strictObject({ previewId }), result: returns<GcpShellProfilesApplied>() },
  /** Make another gcloud configuration active (through gcloud, else its own file write). */
  gcpSwitchConfiguration: { input: z.strictObject({ name: configurationName }), result: returns<GcpSwitchOutcome>() },
  /** Ask Google's token endpoint now whether gcloud's user credentials still refresh. */
  gcpProbeReauth: { input: z.void(), result: returns<{ probed: true }>() },
} as const satisfies Record<string, OperationSpec>;

export const gcpEvents = {
  /** The shell asks the window to show the Google Cloud tab (a tray item or a sign-in notification was clicked). */
  focusGcp: returns<{ account: string | null }>(),
} as const;
