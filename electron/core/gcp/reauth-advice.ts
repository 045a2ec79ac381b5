// What to tell a user whose gcloud user credential needs attention: the fix, as a command they
// can copy, and the durable alternative (a service-account key, immune to reauth policies).
// Pure, so the notification plan and the tray can share it.
import { gcloudLoginCommand } from '../../shared/shell-commands';
import type { GcpAccount, GcpAdc } from './gcp-state';

export interface ReauthAdvice {
  /** Stable identity of the notice, so it is raised once per account and status. */
  id: string;
  title: string;
  body: string;
  /** The command that fixes it. */
  command: string;
  /** A one-click alternative the app offers. */
  alternative: 'import-service-account-key';
}

export function reauthAdviceForAccount(account: GcpAccount): ReauthAdvice | null {
  if (account.status !== 'reauth-needed' && account.status !== 'revoked') return null;
  const command = gcloudLoginCommand(account.account);
  const reason =
    account.status === 'reauth-needed'
      ? 'Your organisation\'s session policy asks you to sign in again; gcloud and SkyPilot will fail with "Reauthentication is needed" until you do.'
      : 'Google no longer accepts this sign-in (revoked or expired); gcloud calls as this account will fail.';
  return {
    id: `gcp:${account.account}:${account.status}`,
    title: account.status === 'reauth-needed' ? `Sign in again: ${account.account}` : `Signed out: ${account.account}`,
    body: `${reason} Run \`${command}\`, or import a service-account key instead: keys are not subject to reauthentication.`,
    command,
    alternative: 'import-service-account-key',
  };
}

export function reauthAdviceForAdc(adc: GcpAdc | null): ReauthAdvice | null {
  if (!adc || (adc.status !== 'reauth-needed' && adc.status !== 'revoked')) return null;
  const command = 'gcloud auth application-default login';
  return {
    id: `gcp:adc:${adc.path}:${adc.status}`,
    title: 'Application default credentials need a new sign-in',
    body: `Client libraries (and SkyPilot) using ${adc.path} will fail. Run \`${command}\`, or import a service-account key and set GOOGLE_APPLICATION_CREDENTIALS.`,
    command,
    alternative: 'import-service-account-key',
  };
}
