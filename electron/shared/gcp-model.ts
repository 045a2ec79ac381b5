// What the app shows of gcloud's state (read from its files by electron/core/gcp). Metadata only:
// no private key, refresh token or access token. Printed under `gcp` by `cloudid status --json`.
import type { Problem } from './model';

export interface GcpConfiguration {
  name: string;
  active: boolean;
  account: string | null;
  project: string | null;
  region: string | null;
  zone: string | null;
}

/** A property set by an environment variable, which beats every configuration file. */
export interface GcpPropertyOverride {
  variable: string;
  /** `core/project`, `compute/region`, ... */
  property: string;
  /** null for a secret property (core/api_key, auth/*, ...): its value never leaves the core. */
  value: string | null;
}

export type GcpAccountStatus = 'valid' | 'expiring' | 'expired' | 'unknown' | 'reauth-needed' | 'revoked' | 'error';

export interface GcpAccount {
  account: string;
  /** The credential's own `type` (`service_account`, `authorized_user`, ...); null if unreadable. */
  type: string | null;
  /** When gcloud's cached access token expires (ISO 8601 UTC); gcloud renews it by itself. */
  tokenExpiresAt: string | null;
  status: GcpAccountStatus;
}

export interface GcpAdc {
  path: string;
  type: string | null;
  account: string | null;
  status: GcpAccountStatus;
}

export interface GcpApplicationCredentials {
  path: string;
  valid: boolean;
  account: string | null;
  project: string | null;
  /** Why it is not usable; null when valid. */
  problem: string | null;
}

export interface GcpImportedKey {
  keyId: string;
  account: string;
  project: string | null;
  path: string;
  importedAt: string;
}

export interface GcpState {
  configDir: string;
  activeConfiguration: string;
  configurations: GcpConfiguration[];
  accounts: GcpAccount[];
  adc: GcpAdc | null;
  googleApplicationCredentials: GcpApplicationCredentials | null;
  keys: GcpImportedKey[];
  overrides: GcpPropertyOverride[];
  problems: Problem[];
}
