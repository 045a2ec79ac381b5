// What the app knows about SkyPilot's clusters and who may operate them. Plain JSON (it crosses
// IPC and is printed by `cloudid clusters --json`); never a secret, never SkyPilot's pickled handle.
import type { Problem } from './model';

/** A JSON value exactly as stored in the `owner` column (parsed), or the text when it is not JSON. */
export type SkyOwnerValue = null | boolean | number | string | SkyOwnerValue[] | { [key: string]: SkyOwnerValue };

/** The clouds this app can compare identities for; other clouds are named by SkyPilot's repr. */
export type SkyCloud = 'aws' | 'gcp' | 'azure' | 'kubernetes' | (string & {});

/** Where `cloud` came from: SkyPilot's own `cloud` column (schema 013+) or the owner's shape. */
export type SkyCloudSource = 'column' | 'owner' | null;

export interface SkyCluster {
  name: string;
  /** SkyPilot's ClusterStatus value: `INIT`, `UP`, `STOPPED` (null if the column is missing). */
  status: string | null;
  /** ISO 8601 UTC from the epoch seconds in `launched_at`. */
  launchedAt: string | null;
  /** The `owner` column parsed as JSON when it is JSON, else its text (legacy rows); null when unset. */
  owner: SkyOwnerValue;
  /** The `owner` column's text, byte for byte. */
  ownerText: string | null;
  /**
   * The owner identity as SkyPilot loads it (global_user_state._load_owner): a JSON list as is, any
   * other value (a legacy plain string, or one JSON reads as a number) as `[text]`; null if unset.
   */
  ownerIdentity: string[] | null;
  cloud: SkyCloud | null;
  cloudSource: SkyCloudSource;
  region: string | null;
  /** SkyPilot workspace (newer versions refuse operations from another active workspace). */
  workspace: string | null;
  /** SkyPilot's hash of the local user that launched it (not a cloud identity). */
  userHash: string | null;
}

export type SkyStateUnavailable = 'missing' | 'unreadable' | 'busy' | 'corrupt' | 'not-skypilot';

export interface SkyApiServerHint {
  /** SKYPILOT_API_SERVER_ENDPOINT, or `api_server.endpoint` in ~/.sky/config.yaml. */
  endpoint: string | null;
  /** Whether something accepts TCP connections on 127.0.0.1:46580 (SkyPilot's local API server). */
  localListening: boolean | null;
}

/** SkyPilot's active workspace and the cloud identity it sets (~/.sky/config.yaml `workspaces:`). */
export interface SkyActiveWorkspace {
  name: string;
  /** The file whose `active_workspace` chose it (a project's .sky.yaml first); null: SkyPilot's default. */
  setIn: string | null;
  /** The user config that defines it under `workspaces:`; null when it is not defined there. */
  definedIn: string | null;
  /** `aws.profile` of the workspace: SkyPilot uses this profile, whatever AWS_PROFILE says. */
  awsProfile: string | null;
  /** `gcp.project_id` of the workspace: SkyPilot's GCP project, before google-auth's. */
  gcpProjectId: string | null;
  /** The project config that was read (`--project-dir DIR`, SKYPILOT_PROJECT_CONFIG), if any. */
  projectConfigFile: string | null;
}

/**
 * Managed jobs and SkyServe run on controller clusters (`sky-jobs-controller-<hash>`,
 * `sky-serve-controller-<hash>`) that get the user's local credentials; those must not expire.
 */
export interface SkyControllerWarning {
  cloud: 'aws' | 'gcp';
  /** The controllers in state.db. */
  controllers: string[];
  /** Why the identity a controller would get expires. */
  message: string;
  /** What to use instead. */
  instead: string;
}

export interface SkyStateRead {
  stateFile: string;
  available: boolean;
  /** Why `available` is false (null when it is true). */
  reason: SkyStateUnavailable | null;
  /** Human explanation of `reason`, and where SkyPilot probably keeps its state instead. */
  message: string | null;
  clusters: SkyCluster[];
  /** Columns of `clusters` that this SkyPilot version lacks (so the matching fields are null). */
  missingColumns: string[];
  /** Transactions read from state.db-wal that were not yet checkpointed into state.db. */
  walFrames: number;
  apiServer: SkyApiServerHint | null;
  /** SkyPilot's user config (~/.sky/config.yaml, or SKYPILOT_GLOBAL_CONFIG). */
  configFile: string;
  /** Its `active_workspace` (SkyPilot's default: `default`). */
  activeWorkspace: string;
  /** The active workspace (a project's `active_workspace` first) and the identity it sets. */
  workspace?: SkyActiveWorkspace;
  /** Whether controllers get the local AWS / GCP credentials (`remote_identity`, default yes). */
  uploadsLocalCredentials?: { aws: boolean; gcp: boolean };
  problems: Problem[];
}

/** An AWS profile with the identity STS returned for it (null when not verified or it failed). */
export interface AwsProfileIdentity {
  profile: string;
  identity: { account: string; arn: string; userId: string } | null;
  /** The profile SkyPilot (botocore) uses: AWS_DEFAULT_PROFILE, then AWS_PROFILE, else `default`. */
  active: boolean;
  /**
   * The account the profile resolves to, known from its config without STS (`sso_account_id`, the
   * account in `role_arn`). Enough to decide SkyPilot's account-level match; not the user.
   */
  accountHint?: string | null;
  /** The profile's kind (model.ts AwsProfileKind): `sso`, `login`, ... tell credentials that expire. */
  kind?: string;
  /**
   * Set when `identity` was not asked in this run but remembered from an earlier STS answer for the
   * same credentials (docs/identity-memory.md): when STS gave it (ISO 8601 UTC).
   */
  rememberedAt?: string | null;
  /** False when the profile cannot be used now (expired, signed out, broken): it is not recommended. */
  usable?: boolean;
}

/** Which setting decides a piece of the GCP identity SkyPilot computes; it decides the fix. */
export type GcpAccountSource = 'CLOUDSDK_CORE_ACCOUNT' | 'gcloud-config';
export type GcpProjectSource =
  | 'GOOGLE_CLOUD_PROJECT'
  | 'GCLOUD_PROJECT'
  | 'GOOGLE_APPLICATION_CREDENTIALS'
  | 'application-default-key'
  | 'CLOUDSDK_CORE_PROJECT'
  | 'gcloud-config'
  | 'workspace';

export interface GcpActiveIdentity {
  account: string | null;
  project: string | null;
  accountSource: GcpAccountSource | null;
  projectSource: GcpProjectSource | null;
  /** CLOUDSDK_ACTIVE_CONFIG_NAME is set, so `gcloud config configurations activate` would not stick. */
  configurationVariableSet: boolean;
  /** Why SkyPilot could not compute the identity (no active account, no project), when it could not. */
  problem: string | null;
  /** The workspace whose `gcp.project_id` decides the project (projectSource `workspace`), and its file. */
  workspace?: { name: string; configFile: string } | null;
  /** The `type` of the credential google.auth.default() finds (`authorized_user`, `service_account`, ...). */
  credentialType?: string | null;
}

/** Another GCP identity this machine can switch to. */
export interface GcpCandidate {
  account: string;
  project: string | null;
  /** `configuration`: a gcloud configuration (switch with `configurations activate`); `account`: a credentialed account; `key`: an imported key. */
  kind: 'configuration' | 'account' | 'key';
  configuration: string | null;
}

export interface LocalIdentities {
  aws: {
    profiles: AwsProfileIdentity[];
    /** AWS_DEFAULT_PROFILE is set: botocore reads it before AWS_PROFILE, so a fix must set both. */
    defaultProfileVariableSet: boolean;
    /**
     * AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are set: botocore uses them before any profile
     * named by a variable, so no profile is active and a fix must unset them.
     */
    environmentKeysSet: boolean;
    /**
     * The active workspace sets `aws.profile`: boto3 then uses that profile (an explicit profile
     * also turns off the keys in the environment), so a fix edits the workspace, not a variable.
     */
    workspace?: { name: string; profile: string; configFile: string } | null;
  };
  gcp: {
    active: GcpActiveIdentity;
    others: GcpCandidate[];
  };
}

/**
 * How an identity matched the owner, in SkyPilot's terms (backend_utils.check_owner_identity):
 * - `user`: the first, strictest element matched (AWS UserId, or the whole GCP identity);
 * - `account`: only a later element matched (AWS: same account, another IAM user or role).
 *   SkyPilot allows the operation with a warning and re-records the cluster's owner.
 * (A cluster without an owner has no matches: whichever identity operates it next becomes its owner.)
 */
export type SkyMatchLevel = 'user' | 'account';

export interface SkyIdentityMatch {
  cloud: 'aws' | 'gcp';
  /** The AWS profile name, or the GCP account (with its configuration when it is one). */
  identity: string;
  level: SkyMatchLevel;
  active: boolean;
  /** A command that makes this identity the one `sky` uses; null when it already is. */
  fix: string | null;
  /** When the identity is a remembered STS answer: when STS gave it (ISO 8601 UTC). */
  rememberedAt?: string | null;
  /** False when the identity cannot be used now (expired, signed out, broken): never the fix. */
  usable?: boolean;
}

export interface SkyClusterOwnership {
  name: string;
  status: string | null;
  launchedAt: string | null;
  owner: SkyOwnerValue;
  /** The `owner` column's text, byte for byte. */
  ownerText: string | null;
  /** The owner in words (`IAM user AIDA… in account 111122223333`); null when none is recorded. */
  ownerWords?: string | null;
  cloud: SkyCloud | null;
  matches: SkyIdentityMatch[];
  /** Null when it cannot be known: the active identity is unverified, or the cloud is not AWS/GCP. */
  operableByActive: boolean | null;
  /** The active identity as SkyPilot would print it (`<UserId> [account=<Account>]`, `<account> [project_id=<p>]`). */
  activeIdentity: string | null;
  /** The best copyable fix when the active identity cannot operate the cluster. */
  fix: string | null;
  /** What SkyPilot would say or do, in one sentence. */
  note: string | null;
  /**
   * When the verdict about the active identity rests on a remembered STS answer, not one asked in
   * this run: when STS gave it (ISO 8601 UTC). The note says so too.
   */
  activeRememberedAt?: string | null;
  /** A managed-jobs or SkyServe controller (by SkyPilot's name for it); absent or null otherwise. */
  controller?: 'jobs' | 'serve' | null;
}

/** The SkyPilot part of the app's snapshot. */
export interface SkyState {
  stateFile: string;
  available: boolean;
  reason: SkyStateUnavailable | null;
  message: string | null;
  apiServer: SkyApiServerHint | null;
  /** SKYPILOT_SKIP_CLOUD_IDENTITY_CHECK is on: SkyPilot checks no owner at all. */
  identityCheckSkipped: boolean;
  /**
   * The identities SkyPilot would use now, as it prints them (null when not known), and the AWS
   * profile it would use (null when keys in the environment decide).
   */
  activeIdentities: {
    aws: string | null;
    /** Set when `aws` is a remembered STS answer, not one asked in this run: when STS gave it. */
    awsRememberedAt?: string | null;
    awsProfile: string | null;
    awsAccountHint: string | null;
    gcp: string | null;
  };
  clusters: SkyClusterOwnership[];
  /** How many clusters the active identities cannot operate (the tray's warning count). */
  notOperable: number;
  /** The active workspace and the identity it sets; absent from snapshots of older cores. */
  workspace?: SkyActiveWorkspace;
  /** Controllers would get credentials that expire (only when a controller is in state.db). */
  controllerWarnings?: SkyControllerWarning[];
  problems: Problem[];
}
