// The words the Google Cloud view uses: statuses, credential types, and one sentence for each
// outcome of an import, a verification, an activation or a switch. Pure, unit-tested.
import { gcloudLoginCommand } from '../../../electron/shared/shell-commands';
import type {
  GcpAccountStatus,
  GcpActivationOutcome,
  GcpImportOutcome,
  GcpKeyVerification,
  GcpPreviousSettings,
  GcpState,
  GcpUndoOutcome,
} from './gcp-types';

/** The existing badge classes (styles.css): the word carries the meaning, the colour only helps. */
export function statusClass(status: GcpAccountStatus): string {
  switch (status) {
    case 'valid':
      return 'status-valid';
    case 'expiring':
      return 'status-expiring';
    case 'expired':
    case 'reauth-needed':
    case 'revoked':
    case 'error':
      return 'status-error';
    case 'unknown':
      return 'status-unknown';
  }
}

/** Needs the user now: the next gcloud or SkyPilot call as this account will fail. */
export function needsSignIn(status: GcpAccountStatus): boolean {
  return status === 'reauth-needed' || status === 'revoked';
}

const TYPE_LABEL: Record<string, string> = {
  service_account: 'Service account',
  authorized_user: 'User account',
  external_account: 'Workload identity federation',
  external_account_authorized_user: 'Workforce identity user',
  impersonated_service_account: 'Impersonated service account',
  gdch_service_account: 'GDCH service identity',
};

export function credentialTypeLabel(type: string | null): string {
  if (type === null) return 'Unreadable credential';
  return TYPE_LABEL[type] ?? type;
}

/** `/home/a/Downloads/key.json` or `C:\Users\a\key.json` -> `key.json`. */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}

export const ADC_RELOGIN_COMMAND = 'gcloud auth application-default login';

export function signInReason(status: GcpAccountStatus): string {
  return status === 'revoked'
    ? 'Google no longer accepts this sign-in (revoked, or the password changed): gcloud and SkyPilot calls as this account fail.'
    : 'Your organisation’s session policy asks you to sign in again: gcloud and SkyPilot fail with “Reauthentication is needed” until you do.';
}

export interface OutcomeText {
  tone: 'ok' | 'warn' | 'bad';
  title: string;
  /** gcloud's or the validator's own words, shown as they are. */
  detail: string | null;
}

export function importText(outcome: GcpImportOutcome): OutcomeText {
  const file = fileNameOf(outcome.source);
  switch (outcome.status) {
    case 'rejected':
      return { tone: 'bad', title: `${file} was not imported`, detail: outcome.message };
    case 'keychain-unavailable':
      return { tone: 'bad', title: `${file} was not imported: no keychain`, detail: outcome.message };
    case 'imported':
    case 'duplicate': {
      const { key } = outcome;
      const what = `${key.account}${key.project ? ` (project ${key.project})` : ''}`;
      return {
        tone: 'ok',
        title: outcome.status === 'imported' ? `Imported ${what}` : `Already imported: ${what}`,
        detail: outcome.sourceRemoved ? `The download ${file} was deleted; the app keeps its own copy.` : null,
      };
    }
  }
}

export function activationText(outcome: GcpActivationOutcome): OutcomeText {
  if (!outcome.ok) {
    return {
      tone: 'bad',
      title: `gcloud could not activate ${outcome.account || 'the key'}`,
      detail: outcome.message ?? 'gcloud failed without saying why.',
    };
  }
  const where = outcome.configuration ? ` in configuration “${outcome.configuration}”` : '';
  const project = outcome.project ? `, project ${outcome.project}` : '';
  const created = outcome.createdConfiguration
    ? ' It is a new configuration, now active; your other configurations are as they were.'
    : '';
  const replaced = outcome.previous
    ? ` It replaced ${previousText(outcome.previous)} for every terminal and SkyPilot.`
    : '';
  return {
    tone: outcome.message ? 'warn' : 'ok',
    title: `gcloud now uses ${outcome.account}${project}${where}.${created}${replaced}`,
    detail: outcome.message,
  };
}

/** "me@example.com and project my-proj", or "no account and no project". */
export function previousText(previous: GcpPreviousSettings): string {
  return `${previous.account ?? 'no account'} and ${previous.project ? `project ${previous.project}` : 'no project'}`;
}

export function undoText(outcome: GcpUndoOutcome): OutcomeText {
  if (!outcome.ok || outcome.restored === null)
    return { tone: 'bad', title: 'Could not undo the activation', detail: outcome.message };
  return {
    tone: 'ok',
    title: `Undone: configuration “${outcome.restored.configuration}” has ${previousText(outcome.restored)} again.`,
    detail: null,
  };
}

export function verificationText(result: GcpKeyVerification): OutcomeText {
  if (result.ok)
    return { tone: 'ok', title: `Works: Google issued an access token for ${result.account}.`, detail: null };
  return { tone: 'bad', title: 'This key does not work', detail: result.message };
}

/** The one file to import from a drop, or why there is none to take. */
export function singleDroppedFile<F extends { name: string }>(files: readonly F[]): { file: F } | { message: string } {
  const [first, ...rest] = files;
  if (first === undefined)
    return { message: 'Nothing to import: drop a file (a service-account key JSON), not text or a link.' };
  if (rest.length > 0)
    return { message: `${files.length} files were dropped; drop one service-account key at a time.` };
  return { file: first };
}

export interface SignInAlert {
  id: string;
  title: string;
  reason: string;
  /** The command that fixes it, to copy. */
  command: string;
}

/** Every credential that fails on next use (an account, or the ADC file), each with its fix. */
export function signInAlerts(gcp: GcpState): SignInAlert[] {
  const alerts: SignInAlert[] = gcp.accounts
    .filter((a) => needsSignIn(a.status))
    .map((a) => ({
      id: `account:${a.account}`,
      title: a.status === 'revoked' ? `Signed out: ${a.account}` : `Sign in again: ${a.account}`,
      reason: signInReason(a.status),
      command: gcloudLoginCommand(a.account),
    }));
  if (gcp.adc && needsSignIn(gcp.adc.status)) {
    alerts.push({
      id: 'adc',
      title: 'Application default credentials need a new sign-in',
      reason: `Client libraries (and SkyPilot) using ${gcp.adc.path} fail until you sign in again.`,
      command: ADC_RELOGIN_COMMAND,
    });
  }
  return alerts;
}

const USER_TYPES = new Set(['authorized_user', 'external_account_authorized_user']);

/** After "Check sign-ins": what Google said about the user sign-ins, in one line. */
export function probeSummary(gcp: GcpState): string {
  const users = gcp.accounts.filter((a) => a.type !== null && USER_TYPES.has(a.type));
  const adcIsUser = gcp.adc?.type != null && USER_TYPES.has(gcp.adc.type);
  if (users.length === 0 && !adcIsUser)
    return 'Checked: no user sign-in to check (service-account keys do not expire this way).';
  const bad = signInAlerts(gcp).length;
  return bad === 0
    ? 'Checked just now: every user sign-in still refreshes.'
    : `Checked just now: ${bad === 1 ? 'one sign-in needs' : `${bad} sign-ins need`} attention (above).`;
}
