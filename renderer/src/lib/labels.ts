// The words the window uses for the model's enums.
import type { AwsProfileKind, IdentityCheckErrorKind, IdentityStatus } from '../shared-types';

export const STATUS_LABEL: Record<IdentityStatus, string> = {
  valid: 'Valid',
  expiring: 'Expiring soon',
  expired: 'Expired',
  'signed-out': 'Signed out',
  'long-lived': 'Long-lived keys',
  unknown: 'Expiry unknown',
  error: 'Error',
};

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
