// "New SSO session" and "add a profile for this account and role": what `aws configure
// sso-session` and `aws configure sso` write, done as one minimal edit each through the safe
// writer. The sections are appended with the app's marker (purpose `configure`), so the app may
// later edit or remove what it created, and never anything else. Formats: aws-cli v2
// awscli/customizations/configure/sso.py (keys sso_start_url, sso_region,
// sso_registration_scopes; profile keys sso_session, sso_account_id, sso_role_name, region, output).
import type { Problem } from '../../../shared/model';
import { readForEdit, writeEdited, type FileForEdit, type WriterFs } from '../../fs/safe-file-writer';
import { applyConfigEdits, profileSectionId, type ConfigEdit } from '../config-edit/config-edits';
import { parseConfigLayout } from '../config-edit/config-layout';

export const CONFIGURE_MARKER_PURPOSE = 'configure';

export interface NewSsoSession {
  name: string;
  startUrl: string;
  /** The IAM Identity Center region, e.g. eu-west-1. */
  region: string;
  /** Default: sso:account:access (what `aws configure sso` registers; needed for refresh tokens). */
  scopes?: string[];
}

export interface NewSsoProfile {
  profileName: string;
  session: string;
  accountId: string;
  roleName: string;
  /** The profile's default region for API calls. */
  region?: string;
  output?: string;
}

export type ConfigureOutcome =
  { ok: true; configFile: string; backupPath: string | null } | { ok: false; problems: Problem[] };

const NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const ACCOUNT_ID = /^\d{12}$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const SCOPE = /^[\w:.\-/]+$/;

/** Problems with the form's values, each naming its field; empty when they are fine. */
export function validateNewSsoSession(file: FileForEdit, session: NewSsoSession): Problem[] {
  const problems: string[] = [];
  if (!NAME.test(session.name)) problems.push('Session name: use letters, digits, ".", "_" or "-".');
  let url: URL | null = null;
  try {
    url = new URL(session.startUrl);
  } catch {
    // reported below
  }
  if (url === null || url.protocol !== 'https:')
    problems.push('Start URL: an https:// address, e.g. https://my-org.awsapps.com/start');
  if (!REGION.test(session.region)) problems.push('Region: an AWS region such as us-east-1.');
  if ((session.scopes ?? []).some((s) => !SCOPE.test(s)))
    problems.push('Scopes: comma-separated scope names such as sso:account:access.');
  const ids = new Set(parseConfigLayout(file.text).blocks.map((b) => b.id));
  if (ids.has(`sso-session.${session.name}`))
    problems.push(`Session name: [sso-session ${session.name}] already exists in ${file.path}.`);
  return problems.map((message) => ({ severity: 'error', message, file: file.path }));
}

export function validateNewSsoProfile(file: FileForEdit, profile: NewSsoProfile): Problem[] {
  const problems: string[] = [];
  if (!NAME.test(profile.profileName) || profile.profileName === 'default')
    problems.push('Profile name: use letters, digits, ".", "_" or "-" (and not "default").');
  if (!ACCOUNT_ID.test(profile.accountId)) problems.push('Account: a 12-digit account id.');
  if (!ROLE_NAME.test(profile.roleName)) problems.push('Role: not a valid role name.');
  if (profile.region !== undefined && !REGION.test(profile.region))
    problems.push('Region: an AWS region such as us-east-1.');
  if (profile.output !== undefined && !['json', 'yaml', 'yaml-stream', 'text', 'table'].includes(profile.output))
    problems.push('Output: json, yaml, yaml-stream, text or table.');
  const ids = new Set(parseConfigLayout(file.text).blocks.map((b) => b.id));
  if (!ids.has(`sso-session.${profile.session}`))
    problems.push(`Session: there is no [sso-session ${profile.session}] in ${file.path}.`);
  if (ids.has(profileSectionId(profile.profileName)))
    problems.push(`Profile name: [profile ${profile.profileName}] already exists in ${file.path}.`);
  return problems.map((message) => ({ severity: 'error', message, file: file.path }));
}

export function newSsoSessionEdit(session: NewSsoSession): ConfigEdit {
  const scopes = session.scopes ?? ['sso:account:access'];
  return {
    op: 'add-section',
    section: `sso-session.${session.name}`,
    marker: CONFIGURE_MARKER_PURPOSE,
    entries: [
      ['sso_start_url', session.startUrl],
      ['sso_region', session.region],
      ...(scopes.length > 0 ? [['sso_registration_scopes', scopes.join(',')] as const] : []),
    ],
  };
}

export function newSsoProfileEdit(profile: NewSsoProfile): ConfigEdit {
  return {
    op: 'add-section',
    section: profileSectionId(profile.profileName),
    marker: CONFIGURE_MARKER_PURPOSE,
    entries: [
      ['sso_session', profile.session],
      ['sso_account_id', profile.accountId],
      ['sso_role_name', profile.roleName],
      ...(profile.region === undefined ? [] : [['region', profile.region] as const]),
      ...(profile.output === undefined ? [] : [['output', profile.output] as const]),
    ],
  };
}

export async function createSsoSession(
  configPath: string,
  session: NewSsoSession,
  fs?: WriterFs,
): Promise<ConfigureOutcome> {
  const file = await readForEdit(configPath, fs);
  return write(file, validateNewSsoSession(file, session), newSsoSessionEdit(session), fs);
}

export async function createSsoProfile(
  configPath: string,
  profile: NewSsoProfile,
  fs?: WriterFs,
): Promise<ConfigureOutcome> {
  const file = await readForEdit(configPath, fs);
  return write(file, validateNewSsoProfile(file, profile), newSsoProfileEdit(profile), fs);
}

async function write(
  file: FileForEdit,
  problems: Problem[],
  edit: ConfigEdit,
  fs: WriterFs | undefined,
): Promise<ConfigureOutcome> {
  if (problems.length > 0) return { ok: false, problems };
  const result = applyConfigEdits(file.text, [edit]);
  if (result.problems.length > 0) return { ok: false, problems: result.problems };
  const written = await writeEdited(file, result.text, { mode: 0o600 }, fs);
  return { ok: true, configFile: file.path, backupPath: written.backupPath };
}
