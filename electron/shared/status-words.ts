// The words every surface (window, tray, notifications, `cloudid`) uses for a status. One table
// per enum, in sentence case for a badge or a heading; `inSentence` lowers the first letter for
// use mid-line ("prod — expiry unknown"). The renderer may import electron/shared.
import type { GcpAccountStatus } from './gcp-model';
import type { IdentityStatus } from './model';

export const AWS_STATUS_LABEL: Record<IdentityStatus, string> = {
  valid: 'Valid',
  expiring: 'Expiring soon',
  expired: 'Expired',
  'signed-out': 'Signed out',
  'long-lived': 'Long-lived keys',
  // Credentials whose expiry is learnt only when they are fetched (process, assume-role, ...).
  unknown: 'Expiry unknown',
  error: 'Error',
};

export const GCP_STATUS_LABEL: Record<GcpAccountStatus, string> = {
  valid: 'Valid',
  expiring: 'Token expiring',
  expired: 'Token expired',
  // No probe has answered for this credential: never shown as valid.
  unknown: 'Not checked',
  'reauth-needed': 'Sign-in needed',
  revoked: 'Revoked',
  error: 'Error',
};

/** SkyPilot's ClusterStatus values (sky/utils/status_lib.py); null when state.db records none. */
export function clusterStatusLabel(status: string | null): string {
  switch (status) {
    case 'UP':
      return 'Up';
    case 'INIT':
      return 'Init';
    case 'STOPPED':
      return 'Stopped';
    case null:
      return 'Status not recorded';
    default:
      return status;
  }
}

/** A label for use mid-sentence: "Expiry unknown" -> "expiry unknown". */
export function inSentence(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}
