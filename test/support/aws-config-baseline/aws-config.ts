// Reads ~/.aws/config and ~/.aws/credentials (already read as text by the caller) into profiles
// and SSO sessions: names and values as the AWS SDK for JavaScript sees them, kinds and problems
// as botocore (the AWS CLI, SkyPilot) decides them, each problem with its file and line.
// Secrets (aws_secret_access_key, aws_session_token) never leave this module: only flags do.
import type { AwsProfileKind, Problem, SourceLocation } from '../../../electron/shared/model';
import { checkProfile, walkSourceChain, type CheckContext } from './aws-config-checks';
import { profileKind } from './aws-config-kind';
import { collectSections, type RawProfile } from './aws-config-sections';
import { collectSsoSessions } from './aws-config-sso';
import { parseIni } from './ini-parser';

export interface AwsConfigInput {
  configFile: string;
  credentialsFile: string;
  /** Null when the file could not be read (the caller reports why). */
  configText: string | null;
  credentialsText: string | null;
  activeProfile: string;
}

export interface ParsedAwsProfile {
  name: string;
  kind: AwsProfileKind;
  /** The profile's first section: in the config file, else in the credentials file. */
  source: SourceLocation | null;
  /** Every section header that contributed keys (config first, then credentials). */
  sources: SourceLocation[];
  /** The profile's own sso_session value (null for legacy SSO and other kinds). */
  ssoSessionName: string | null;
  /** Resolved through the sso-session for `sso` profiles. */
  ssoStartUrl: string | null;
  ssoRegion: string | null;
  accountId: string | null;
  roleName: string | null;
  roleArn: string | null;
  sourceProfile: string | null;
  credentialSource: string | null;
  region: string | null;
  webIdentityTokenFile: string | null;
  /** What the AWS CLI hashes into its AssumeRole cache key, besides role_arn (raw values). */
  roleSessionName: string | null;
  externalId: string | null;
  mfaSerial: string | null;
  durationSeconds: string | null;
  credentialProcess: boolean;
  hasStaticKeys: boolean;
  hasSessionToken: boolean;
  problems: Problem[];
}

export interface ParsedSsoSession {
  /** The [sso-session NAME], or for legacy profiles their sso_start_url exactly as written. */
  name: string;
  legacy: boolean;
  startUrl: string | null;
  region: string | null;
  registrationScopes: string[];
  source: SourceLocation | null;
  /** Profiles that use this session, in profile order. */
  profiles: string[];
  problems: Problem[];
}

export interface ParsedAwsConfig {
  profiles: ParsedAwsProfile[];
  ssoSessions: ParsedSsoSession[];
  /** Problems of the files themselves and of sections that are no profile. */
  problems: Problem[];
}

export function parseAwsConfig(input: AwsConfigInput): ParsedAwsConfig {
  const config = input.configText === null ? null : { file: input.configFile, doc: parseIni(input.configText, input.configFile) };
  const credentials =
    input.credentialsText === null ? null : { file: input.credentialsFile, doc: parseIni(input.credentialsText, input.credentialsFile) };
  const raw = collectSections(config, credentials);
  const ctx = { profiles: raw.profiles, ssoSessions: raw.ssoSessions, configFile: input.configFile, credentialsFile: input.credentialsFile };

  const sorted = sortProfiles([...raw.profiles.values()]);
  const kinds = new Map(sorted.map((profile) => [profile.name, profileKind(profile.values, profile.credentialsValues)]));
  const ownProblems = new Map(sorted.map((profile) => [profile.name, [...profile.problems, ...checkProfile(profile, kinds.get(profile.name) ?? 'unknown', ctx)]]));
  const profiles = sorted.map((profile) => {
    const own = ownProblems.get(profile.name) ?? [];
    const kind = kinds.get(profile.name) ?? 'unknown';
    // A new array: ownProblems must stay each profile's own while other chains read it.
    const problems = kind === 'assume-role' ? [...own, ...brokenSourceLinks(profile, own, ownProblems, ctx)] : own;
    return toParsedProfile(profile, kind, problems, raw.ssoSessions);
  });

  const problems = [...raw.problems];
  if (!raw.profiles.has(input.activeProfile)) {
    problems.push({
      severity: input.activeProfile === 'default' ? 'warning' : 'error',
      message: `profile "${input.activeProfile}" does not exist in ${input.configFile} or ${input.credentialsFile}`,
    });
  }

  return { profiles, ssoSessions: collectSsoSessions(raw.ssoSessions, profiles), problems };
}

/**
 * botocore resolves a role's whole source_profile chain when the profile loads, so an error in
 * any link (a key without its secret, a bad credential_source...) breaks this profile too.
 */
function brokenSourceLinks(profile: RawProfile, own: Problem[], ownProblems: ReadonlyMap<string, Problem[]>, ctx: CheckContext): Problem[] {
  if (own.some((problem) => problem.severity === 'error')) return [];
  const sourceLine = profile.values.get('source_profile');
  if (sourceLine === undefined) return [];
  const chain = walkSourceChain(profile, ctx);
  const linkErrors = chain.links.map((link) => [link.name, ownProblems.get(link.name) ?? []] as const);
  if (chain.end !== null) {
    const end = chain.end;
    linkErrors.push([end.name, checkProfile(end, profileKind(end.values, end.credentialsValues, true), ctx, true)]);
  }
  for (const [linkName, linkProblems] of linkErrors) {
    const error = linkProblems.find((problem) => problem.severity === 'error');
    if (error !== undefined) {
      return [
        {
          severity: 'error',
          message: `profile "${profile.name}" cannot get credentials: its source_profile "${linkName}" has an error: ${error.message}`,
          file: sourceLine.file,
          line: sourceLine.line,
        },
      ];
    }
  }
  return [];
}

/** `default` first, then by name ignoring case, then by exact name (names are unique). */
export function compareProfileNames(a: string, b: string): number {
  if (a === b) return 0;
  if (a === 'default') return -1;
  if (b === 'default') return 1;
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : 1;
}

/** Sorts by compareProfileNames' order, lower-casing each name once rather than per comparison. */
function sortProfiles(profiles: RawProfile[]): RawProfile[] {
  const keyed = profiles.map((profile) => ({ profile, rank: profile.name === 'default' ? 0 : 1, lower: profile.name.toLowerCase() }));
  keyed.sort((a, b) => a.rank - b.rank || (a.lower < b.lower ? -1 : a.lower > b.lower ? 1 : a.profile.name < b.profile.name ? -1 : a.profile.name > b.profile.name ? 1 : 0));
  return keyed.map((entry) => entry.profile);
}

function toParsedProfile(
  profile: RawProfile,
  kind: AwsProfileKind,
  problems: Problem[],
  ssoSessions: ReturnType<typeof collectSections>['ssoSessions'],
): ParsedAwsProfile {
  const get = (key: string): string | null => profile.values.get(key)?.value ?? null;
  const ssoSessionName = kind === 'sso' ? get('sso_session') : null;
  // For sso-session profiles the session's values are the ones botocore uses (a different value
  // in the profile is an error reported by the checks).
  const session = ssoSessionName === null ? undefined : ssoSessions.get(ssoSessionName);
  const fromSession = (key: string): string | null => session?.values.get(key)?.value ?? get(key);
  const sources = [...profile.configSections, ...profile.credentialsSections];
  return {
    name: profile.name,
    kind,
    source: sources[0] ?? null,
    sources,
    ssoSessionName,
    ssoStartUrl: fromSession('sso_start_url'),
    ssoRegion: fromSession('sso_region'),
    accountId: get('sso_account_id'),
    roleName: get('sso_role_name'),
    roleArn: get('role_arn'),
    sourceProfile: get('source_profile'),
    credentialSource: get('credential_source'),
    region: get('region'),
    webIdentityTokenFile: get('web_identity_token_file'),
    roleSessionName: get('role_session_name'),
    externalId: get('external_id'),
    mfaSerial: get('mfa_serial'),
    durationSeconds: get('duration_seconds'),
    credentialProcess: profile.values.has('credential_process'),
    hasStaticKeys: profile.values.has('aws_access_key_id'),
    hasSessionToken: profile.values.has('aws_session_token') || profile.values.has('aws_security_token'),
    problems,
  };
}
