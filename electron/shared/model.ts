// The app's view of the world: one immutable Snapshot, rebuilt by the core from the user's files
// and published to the tray, the window and the CLI. Plain JSON only (it crosses IPC and is
// printed by `cloudid status --json`), and never a secret: no keys, tokens or passwords.
import type { GcpState } from './gcp-model';
import type { KubeState } from './kube-model';
import type { SkyState } from './sky-model';

/** Where a thing was read from; `line` is 1-based. */
export interface SourceLocation {
  file: string;
  line: number;
}

export type ProblemSeverity = 'error' | 'warning';

/** Something wrong that the user should see, and where. Errors are values, never exceptions. */
export interface Problem {
  severity: ProblemSeverity;
  message: string;
  file?: string;
  line?: number;
}

/**
 * - valid: expires later than now + lead time
 * - expiring: within the lead time
 * - expired
 * - signed-out: SSO with no cached token
 * - long-lived: static keys
 * - unknown: expiry only known at use (assume-role without a cached entry, credential_process, web identity)
 * - error: unusable as configured
 */
export type IdentityStatus = 'valid' | 'expiring' | 'expired' | 'signed-out' | 'long-lived' | 'unknown' | 'error';

export const IDENTITY_STATUSES: readonly IdentityStatus[] = [
  'valid',
  'expiring',
  'expired',
  'signed-out',
  'long-lived',
  'unknown',
  'error',
];

export type AwsProfileKind =
  'sso' | 'sso-legacy' | 'static' | 'assume-role' | 'web-identity' | 'process' | 'login' | 'unknown';

/** Who STS says a profile is (GetCallerIdentity). */
export interface CallerIdentity {
  account: string;
  arn: string;
  userId: string;
}

export type IdentityCheckErrorKind =
  'no-credentials' | 'sso-login-required' | 'expired' | 'access-denied' | 'network' | 'timeout' | 'config' | 'other';

/** The result of asking STS who a profile is, kept with the time it was asked. */
export interface IdentityCheck {
  profile: string;
  checkedAt: string;
  identity: CallerIdentity | null;
  error: { kind: IdentityCheckErrorKind; message: string } | null;
}

export interface AwsProfile {
  name: string;
  kind: AwsProfileKind;
  active: boolean;
  /** The profile's section: in the config file, else in the credentials file. */
  source: SourceLocation | null;
  /** Every section that contributed keys (config and/or credentials). */
  sources: SourceLocation[];
  /** The sso-session name, or for a legacy SSO profile its start URL. */
  ssoSession: string | null;
  accountId: string | null;
  roleName: string | null;
  roleArn: string | null;
  sourceProfile: string | null;
  credentialSource: string | null;
  region: string | null;
  status: IdentityStatus;
  /** ISO 8601 UTC, when known. */
  expiresAt: string | null;
  /** Human-readable problems, each naming its file and line where it has one. */
  problems: Problem[];
  /** The last STS answer for this profile, if it was verified. */
  identity: CallerIdentity | null;
  lastCheck: IdentityCheck | null;
}

export interface SsoSession {
  /** The sso-session name, or the start URL for legacy profiles. */
  name: string;
  legacy: boolean;
  startUrl: string | null;
  region: string | null;
  registrationScopes: string[];
  source: SourceLocation | null;
  status: IdentityStatus;
  expiresAt: string | null;
  /** True when the cache holds what a refresh needs (refresh token, client, live registration). */
  refreshable: boolean;
  registrationExpiresAt: string | null;
  /** The token cache file the CLI, botocore and the JS SDK share for this session. */
  cacheFile: string;
  /** Profiles that use this session. */
  profiles: string[];
  problems: Problem[];
}

/**
 * An `aws login` session (AWS CLI 2.32+): the profiles naming one `login_session` share one cache
 * file (electron/core/aws/login-token-cache.ts).
 */
export interface LoginSession {
  /** The login_session value, an ARN. */
  name: string;
  status: IdentityStatus;
  /**
   * When the credentials stop being available: for a refreshable session the end of its 12-hour
   * sign-in (null when the cache does not say), otherwise when the access credentials expire.
   */
  expiresAt: string | null;
  /** When the cached 15-minute access credentials expire (`accessToken.expiresAt`). */
  credentialsExpireAt: string | null;
  /** The tools can renew the credentials: the 12-hour sign-in has not ended (or its start is not known). */
  refreshable: boolean;
  accountId: string | null;
  /** The cache file the CLI, botocore and the JS SDK share for this session. */
  cacheFile: string;
  /** Profiles that use this session. */
  profiles: string[];
  problems: Problem[];
}

export interface AwsCliInstall {
  path: string;
  version: string | null;
  major: number | null;
  error: string | null;
}

export interface AwsCliReport {
  found: AwsCliInstall[];
  /** Null when the first `aws` on PATH is v2. */
  warning: string | null;
}

export type ActiveProfileSource = 'AWS_PROFILE' | 'AWS_DEFAULT_PROFILE' | 'default';

export interface AwsState {
  configFile: string;
  credentialsFile: string;
  /** What AWS CLI v2 uses: AWS_PROFILE, then AWS_DEFAULT_PROFILE, else `default`. */
  activeProfile: string;
  activeProfileSource: ActiveProfileSource;
  /** Where botocore or the JS SDK would pick a different profile. */
  activeProfileNotes: string[];
  cli: AwsCliReport;
  profiles: AwsProfile[];
  ssoSessions: SsoSession[];
  /** `aws login` sessions, one per distinct login_session value. */
  loginSessions: LoginSession[];
  /** Problems that belong to no one profile (unreadable file, binary content, ...). */
  problems: Problem[];
}

export interface Settings {
  /** How long before expiry an identity counts as expiring. */
  leadTimeMinutes: number;
  notifications: boolean;
  /** Which SSO login flow "Log in" uses: auto = PKCE for sso-session profiles, device code for legacy ones. */
  ssoLoginFlow: SsoLoginFlowSetting;
  /**
   * Start the app when the user logs in. null until the first launch of the app, which turns it
   * on and saves true; a saved false is the user's and is never changed by the app.
   */
  startAtLogin: boolean | null;
}

export type SsoLoginFlowSetting = 'auto' | 'pkce' | 'device-code';

export const DEFAULT_SETTINGS: Settings = {
  leadTimeMinutes: 15,
  notifications: true,
  ssoLoginFlow: 'auto',
  startAtLogin: null,
};

/** Whether the app starts at login, as the system says (electron/core/app/start-at-login.ts). */
export interface StartAtLoginState {
  enabled: boolean;
  /** The XDG autostart file on Linux; null where the OS keeps the login item (macOS, Windows). */
  entry: string | null;
  /** Why it is not as asked, or what the user must do (a folder not writable, a foreign file...). */
  problem: string | null;
}

/** The `cloudid` command the app can put on PATH (electron/core/app/cli-command-link.ts). */
export interface CliCommandState {
  /** False where the app does not offer it (Windows, or a build without the CLI bundle). */
  offered: boolean;
  /** True when the path below runs the app's own cloudid. */
  installed: boolean;
  /** Where the command is (or would be) installed: ~/.local/bin/cloudid. */
  path: string | null;
  /** What happened or what is there, in a sentence. */
  message: string;
  /** When that folder is not on PATH: the line to add, and the shell file it goes in. */
  pathSetup: { file: string; line: string } | null;
}

export interface Snapshot {
  version: 1;
  generatedAt: string;
  leadTimeMinutes: number;
  aws: AwsState;
  /** gcloud's state; null when the app was told not to read it. */
  gcp: GcpState | null;
  /** SkyPilot's clusters and who may operate them; null when the app was told not to read them. */
  sky: SkyState | null;
  /** Kubernetes contexts and the identity behind each; null when there is no kubeconfig (or not read). */
  kube: KubeState | null;
  /** The next instant at which some status changes by the passage of time alone. */
  nextDeadline: string | null;
}
