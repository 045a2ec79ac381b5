// The words the window uses for the model's enums. Status words are shared with the tray and
// the CLI (electron/shared/status-words.ts).
import type { AwsProfileKind, IdentityCheckErrorKind } from '../shared-types';

export const KIND_LABEL: Record<AwsProfileKind, string> = {
  sso: 'SSO',
  'sso-legacy': 'SSO (legacy)',
  static: 'Static keys',
  'assume-role': 'Assume role',
  'web-identity': 'Web identity',
  process: 'Credential process',
  login: 'Console login',
  unknown: 'Unknown',
};

export const CHECK_ERROR_LABEL: Record<IdentityCheckErrorKind, string> = {
  'no-credentials': 'No credentials',
  'sso-login-required': 'SSO sign-in required',
  expired: 'Credentials expired',
  'access-denied': 'Access denied',
  network: 'Network error',
  timeout: 'Timed out',
  config: 'Configuration error',
  other: 'Failed',
};

/** "~/.aws/config:12"-style text for a file and line; the full path is kept. */
export function formatLocation(file: string, line?: number): string {
  return line === undefined ? file : `${file}:${line}`;
}
