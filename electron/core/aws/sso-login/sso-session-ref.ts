import path from 'node:path';

/**
 * What a login or refresh needs to know about one SSO session: an `[sso-session NAME]` section,
 * or for legacy profiles the `sso_start_url` + `sso_region` pair (then `name` is the start URL).
 * The token cache file is keyed by `name` for sessions and by the start URL for legacy ones.
 */
export interface SsoSessionRef {
  name: string;
  legacy: boolean;
  startUrl: string;
  region: string;
  /** `sso_registration_scopes`, parsed; empty when the key is absent. */
  registrationScopes: string[];
}

export const DEFAULT_REGISTRATION_SCOPE = 'sso:account:access';

/** `~/.aws/sso/cache`: fixed by botocore and the CLI (expanduser, no variable overrides it). */
export function ssoCacheDir(homeDir: string): string {
  return path.join(homeDir, '.aws', 'sso', 'cache');
}

/** The flow a login uses when the caller does not choose: what CLI >= 2.22 does. */
export type SsoLoginFlow = 'pkce' | 'device-code';

export function defaultLoginFlow(session: Pick<SsoSessionRef, 'legacy'>): SsoLoginFlow {
  return session.legacy ? 'device-code' : 'pkce';
}
