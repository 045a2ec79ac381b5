// The one IPC contract between the renderer and the main process. Each operation has a zod schema
// for its argument (parsed at the boundary, in main and in the test bridge alike) and a result
// type; each event has a payload type. The preload and the test bridge both implement
// `CloudIdApi`, so the compiler proves they have the same shape.
// No Node or Electron imports here: the renderer imports this file's types.
import { z } from 'zod';
import { EVENT_NAMES, eventChannel, operationChannel, type EventName } from './channels';
import { desktopOperations } from './contract-desktop';
import { gcpEvents, gcpOperations } from './contract-gcp';
import { returns, type OperationSpec } from './contract-kit';
import { ssoEvents, ssoOperations } from './contract-sso';
import type { IdentityCheck, Settings, Snapshot } from './model';
import { settingsFields } from './settings-schema';

export { EVENT_NAMES, eventChannel, operationChannel, type EventName };

const profileName = z
  .string()
  .min(1)
  .max(512)
  .refine((s) => !/[\r\n\0]/.test(s), 'a profile name has no line breaks or NUL');

/** What the window may change through updateSettings; start at login has its own operation. */
export const settingsUpdate = z.strictObject({
  leadTimeMinutes: z.optional(settingsFields.leadTimeMinutes),
  notifications: z.optional(settingsFields.notifications),
  ssoLoginFlow: z.optional(settingsFields.ssoLoginFlow),
});

/** The operations of the app as a whole and of its AWS profiles. */
const appOperations = {
  /** The current snapshot of every identity. */
  getSnapshot: { input: z.void(), result: returns<Snapshot>() },
  /** Ask STS who a profile is (GetCallerIdentity through the SDK's own credential chain). */
  verifyProfile: { input: z.strictObject({ profile: profileName }), result: returns<IdentityCheck>() },
  /** Verify every profile, with bounded concurrency; progress arrives as `verifyProgress` events. */
  verifyAll: { input: z.void(), result: returns<IdentityCheck[]>() },
  getSettings: { input: z.void(), result: returns<Settings>() },
  updateSettings: {
    input: settingsUpdate,
    result: returns<Settings>(),
  },
  /**
   * `aws login --profile` (or `aws logout`) for a profile with login_session, run with the first
   * `aws` on PATH when it is AWS CLI 2.32 or later; otherwise the message says what is needed.
   */
  awsLoginProfile: {
    input: z.strictObject({ profile: profileName, action: z.enum(['login', 'logout']) }),
    result: returns<AwsLoginResult>(),
  },
  /**
   * Open the AWS console in the browser signed in as the profile: its temporary credentials are
   * exchanged at the AWS sign-in endpoint; the sign-in URL never leaves the core.
   */
  openConsole: { input: z.strictObject({ profile: profileName }), result: returns<ConsoleOpenResult>() },
  /** Put plain text (an `export AWS_PROFILE=...` line) on the clipboard. Never used for secrets. */
  copyText: { input: z.strictObject({ text: z.string().min(1).max(4096) }), result: returns<{ copied: true }>() },
} as const satisfies Record<string, OperationSpec>;

/** What `aws login` or `aws logout` did, in a sentence (never its output, which names no secret but is long). */
export interface AwsLoginResult {
  ok: boolean;
  message: string;
}

/** Whether "Open AWS console" opened the browser, and what happened in a sentence (never the URL). */
export interface ConsoleOpenResult {
  opened: boolean;
  message: string;
}

export const contract = { ...appOperations, ...ssoOperations, ...gcpOperations, ...desktopOperations } as const;

const appEvents = {
  /** A new snapshot, after any change on disk, a verification or a status crossing a deadline. */
  snapshot: returns<Snapshot>(),
  /** Progress of `verifyAll`. */
  verifyProgress: returns<{ done: number; total: number }>(),
  /** The shell asks the window to show one profile (a notification or tray item was clicked). */
  focusProfile: returns<{ profile: string }>(),
  /** The shell asks the window to show the Clusters tab (a cluster in the tray was clicked). */
  showClusters: returns<{ cluster: string | null }>(),
} as const;

/** Exactly the events of channels.ts, each with its payload type. */
export const events = { ...appEvents, ...ssoEvents, ...gcpEvents } as const satisfies Record<EventName, unknown>;

export type Contract = typeof contract;
export type OperationName = keyof Contract;
export type OperationInput<K extends OperationName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends OperationName> = z.output<Contract[K]['input']>;
export type OperationResult<K extends OperationName> = Contract[K]['result'];
export type EventPayload<E extends EventName> = (typeof events)[E];

export const OPERATION_NAMES = Object.keys(contract) as OperationName[];

/** What the main process (and the test bridge server) implement: one handler per operation. */
export type OperationHandlers = {
  [K in OperationName]: (input: ParsedInput<K>) => Promise<OperationResult<K>>;
};

/** What the renderer sees as `window.cloudid`: one named method per operation, plus events. */
export type CloudIdApi = {
  [K in OperationName]: OperationInput<K> extends void | undefined
    ? () => Promise<OperationResult<K>>
    : (input: OperationInput<K>) => Promise<OperationResult<K>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** The real path of a dropped file (Electron's webUtils.getPathForFile). */
  getPathForFile(file: File): string;
};

/** Parse an operation's argument; throws a ZodError with a readable message on bad input. */
export function parseInput<K extends OperationName>(name: K, input: unknown): ParsedInput<K> {
  return contract[name].input.parse(input) as ParsedInput<K>;
}

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
