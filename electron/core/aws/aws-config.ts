// Reads ~/.aws/config and ~/.aws/credentials (already read as text by the caller) into profiles
// and SSO sessions: names and values as the AWS SDK for JavaScript sees them, kinds and problems
// as botocore (the AWS CLI, SkyPilot) decides them, each problem with its file and line.
// Secrets (aws_secret_access_key, aws_session_token) never leave this module: only flags do, and
// of credential_process only a digest.
import type { AwsProfileKind, Problem, SourceLocation } from '../../shared/model';
import { checkProfile, type CheckContext } from './aws-config-checks';
import { profileKind } from './aws-config-kind';
import { collectSections, type RawProfile } from './aws-config-sections';
import { collectSsoSessions } from './aws-config-sso';
import { nextSourceLink, sourceChainOf } from './aws-source-chain';
import { parseIni } from './ini-parser';
import { excerpt } from '../../shared/excerpt';
import { hexDigest } from '../node-crypto';

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
  /** SHA-256 (hex) of the credential_process command: it may hold a secret, so only its digest is kept. */
  credentialProcessDigest: string | null;
  /** The aws_access_key_id botocore would use (credentials file first): not a secret, unlike its key. */
  accessKeyId: string | null;
  /** The login_session value (`aws login`), exactly as written. */
  loginSession: string | null;
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
  const config =
    input.configText === null ? null : { file: input.configFile, doc: parseIni(input.configText, input.configFile) };
  const credentials =
    input.credentialsText === null
      ? null
      : { file: input.credentialsFile, doc: parseIni(input.credentialsText, input.credentialsFile) };
  const raw = collectSections(config, credentials);
  const ctx: CheckContext = {
    profiles: raw.profiles,
    ssoSessions: raw.ssoSessions,
    configFile: input.configFile,
    credentialsFile: input.credentialsFile,
    chains: new Map(),
  };

  const sorted = sortProfiles(raw.profiles);
  const kinds: AwsProfileKind[] = [];
  // Each profile's own problems, in sorted order.
  const ownProblems: Problem[][] = [];
  for (let i = 0; i < sorted.length; i++) {
    const profile = sorted[i] as RawProfile;
    const kind = profileKind(profile.values, profile.credentialsValues);
    kinds.push(kind);
    const checked = checkProfile(profile, kind, ctx);
    ownProblems.push(profile.problems.length === 0 ? checked : [...profile.problems, ...checked]);
  }
  // A role's chain reads its links' own problems by name; built only if some chain has links.
  let ownByName: Map<string, Problem[]> | null = null;
  const ownProblemsOf = (name: string): Problem[] => {
    if (ownByName === null) {
      ownByName = new Map();
      for (let i = 0; i < sorted.length; i++) ownByName.set((sorted[i] as RawProfile).name, ownProblems[i] ?? []);
    }
    return ownByName.get(name) ?? [];
  };
  const chainEnds = new Map<RawProfile, Problem | undefined>();
  const brokenLinks = new Map<RawProfile, BrokenLink | null>();
  const profiles: ParsedAwsProfile[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const profile = sorted[i] as RawProfile;
    const kind = kinds[i] ?? 'unknown';
    const own = ownProblems[i] ?? [];
    const broken =
      kind === 'assume-role' ? brokenSourceLink(profile, own, ownProblemsOf, { chainEnds, brokenLinks }, ctx) : null;
    // A new array when adding: ownProblems must stay each profile's own while other chains read it.
    profiles.push(toParsedProfile(profile, kind, broken === null ? own : [...own, broken], raw.ssoSessions));
  }

  const problems = [...raw.problems];
  // With no profile at all, the implicit `default` is nobody's request (a GCP-only user):
  // "no AWS configuration" is said once, by whoever shows the empty list, not as a problem.
  const nothingToAsk = raw.profiles.size === 0 && input.activeProfile === 'default';
  if (!raw.profiles.has(input.activeProfile) && !nothingToAsk) {
    problems.push({
      severity: input.activeProfile === 'default' ? 'warning' : 'error',
      message: `profile "${excerpt(input.activeProfile)}" does not exist in ${input.configFile} or ${input.credentialsFile}`,
    });
  }

  return { profiles, ssoSessions: collectSsoSessions(raw.ssoSessions, profiles), problems };
}

/**
 * botocore resolves a role's whole source_profile chain when the profile loads, so an error in
 * any link (a key without its secret, a bad credential_source...) breaks this profile too.
 */
function brokenSourceLink(
  profile: RawProfile,
  own: readonly Problem[],
  ownProblemsOf: (name: string) => readonly Problem[],
  memo: {
    /** The first error of each chain end checked as a source: many roles share one source profile. */
    chainEnds: Map<RawProfile, Problem | undefined>;
    /** The first link with an error from each link on: chains share their tails. */
    brokenLinks: Map<RawProfile, BrokenLink | null>;
  },
  ctx: CheckContext,
): Problem | null {
  const { chainEnds } = memo;
  if (firstError(own) !== undefined) return null;
  const sourceLine = profile.values.get('source_profile');
  if (sourceLine === undefined) return null;
  const chain = sourceChainOf(profile, ctx);
  const broken =
    chain.firstLink === null ? null : firstBrokenLink(chain.firstLink, ownProblemsOf, memo.brokenLinks, ctx);
  let linkName = broken?.link.name ?? '';
  let error = broken?.error;
  const end = chain.end;
  if (error === undefined && end !== null) {
    if (!chainEnds.has(end))
      chainEnds.set(
        end,
        firstError(checkProfile(end, profileKind(end.values, end.credentialsValues, true), ctx, true)),
      );
    error = chainEnds.get(end);
    linkName = end.name;
  }
  if (error === undefined) return null;
  return {
    severity: 'error',
    message: `profile "${excerpt(profile.name)}" cannot get credentials: its source_profile "${excerpt(linkName)}" has an error: ${error.message}`,
    file: sourceLine.file,
    line: sourceLine.line,
  };
}

interface BrokenLink {
  link: RawProfile;
  error: Problem;
}

/**
 * The first link from `link` on (itself included) with an error of its own. Remembered for every
 * link passed, so a chain of n links costs n steps however many profiles start on it. Only asked
 * of chains that do not loop (a loop is an error of the start's own).
 */
function firstBrokenLink(
  link: RawProfile,
  ownProblemsOf: (name: string) => readonly Problem[],
  memo: Map<RawProfile, BrokenLink | null>,
  ctx: CheckContext,
): BrokenLink | null {
  const path: RawProfile[] = [];
  const seen = new Set<RawProfile>();
  let found: BrokenLink | null = null;
  for (let at: RawProfile | null = link; at !== null && !seen.has(at); at = nextSourceLink(at, ctx)) {
    const known = memo.get(at);
    if (known !== undefined) {
      found = known;
      break;
    }
    const error = firstError(ownProblemsOf(at.name));
    if (error !== undefined) {
      found = { link: at, error };
      memo.set(at, found);
      break;
    }
    seen.add(at);
    path.push(at);
  }
  for (const passed of path) memo.set(passed, found);
  return memo.get(link) ?? null;
}

function firstError(problems: readonly Problem[]): Problem | undefined {
  for (let i = 0; i < problems.length; i++) if ((problems[i] as Problem).severity === 'error') return problems[i];
  return undefined;
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

/**
 * Sorts by compareProfileNames' order, lower-casing each name once rather than per comparison.
 * When no name changes when lower-cased (the usual file), that order is the names' own order in
 * UTF-16 code units, which is what the comparator-less Array.prototype.sort compares: no call back
 * into JavaScript per comparison, which in a cold process is most of the sort's time.
 */
function sortProfiles(byName: ReadonlyMap<string, RawProfile>): RawProfile[] {
  // First only the names and whether each is its own lower case: the usual file needs no more.
  const names: string[] = [];
  let defaultProfile: RawProfile | undefined;
  let allLower = true;
  for (const profile of byName.values()) {
    if (profile.name === 'default') defaultProfile = profile;
    else names.push(profile.name);
    if (allLower && !isOwnLowerCase(profile.name)) allLower = false;
  }
  if (allLower) {
    names.sort();
    const sorted: RawProfile[] = defaultProfile === undefined ? [] : [defaultProfile];
    for (let i = 0; i < names.length; i++) sorted.push(byName.get(names[i] as string) as RawProfile);
    return sorted;
  }
  const profiles: RawProfile[] = [];
  const lower: string[] = [];
  const order: number[] = [];
  let defaultAt = -1;
  for (const profile of byName.values()) {
    if (profile.name === 'default') defaultAt = profiles.length;
    order.push(profiles.length);
    lower.push(profile.name.toLowerCase());
    profiles.push(profile);
  }
  order.sort((a, b) => {
    if (a === defaultAt || b === defaultAt) return a === defaultAt ? -1 : 1;
    const la = lower[a] as string;
    const lb = lower[b] as string;
    if (la !== lb) return la < lb ? -1 : 1;
    const na = (profiles[a] as RawProfile).name;
    const nb = (profiles[b] as RawProfile).name;
    return na < nb ? -1 : na > nb ? 1 : 0;
  });
  return order.map((index) => profiles[index] as RawProfile);
}

/** `name.toLowerCase() === name`, without a new string for the usual all-lower-case ASCII name. */
function isOwnLowerCase(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code >= 0x41 && code <= 0x5a) return false;
    if (code >= 0x80) return name.toLowerCase() === name;
  }
  return true;
}

function toParsedProfile(
  profile: RawProfile,
  kind: AwsProfileKind,
  problems: Problem[],
  ssoSessions: ReturnType<typeof collectSections>['ssoSessions'],
): ParsedAwsProfile {
  // One pass over the profile's few keys instead of a lookup per field: most keys a profile has
  // are read here, and the map has only a handful.
  const own = new ProfileFields();
  const values = profile.values;
  for (let i = 0; i < values.size; i++) own.take(values.keyAt(i), values.valueAt(i));
  const ssoSessionName = kind === 'sso' ? own.ssoSession : null;
  // For sso-session profiles the session's values are the ones botocore uses (a different value
  // in the profile is an error reported by the checks).
  const session = ssoSessionName === null ? undefined : ssoSessions.get(ssoSessionName)?.values;
  // The raw profile is dropped after parsing, so one file's list can be shared rather than copied.
  const sources =
    profile.credentialsSections.length === 0
      ? profile.configSections
      : profile.configSections.length === 0
        ? profile.credentialsSections
        : [...profile.configSections, ...profile.credentialsSections];
  return {
    name: profile.name,
    kind,
    source: sources[0] ?? null,
    sources,
    ssoSessionName,
    ssoStartUrl: session?.valueFor('sso_start_url') ?? own.ssoStartUrl,
    ssoRegion: session?.valueFor('sso_region') ?? own.ssoRegion,
    accountId: own.accountId,
    roleName: own.roleName,
    roleArn: own.roleArn,
    sourceProfile: own.sourceProfile,
    credentialSource: own.credentialSource,
    region: own.region,
    webIdentityTokenFile: own.webIdentityTokenFile,
    roleSessionName: own.roleSessionName,
    externalId: own.externalId,
    mfaSerial: own.mfaSerial,
    durationSeconds: own.durationSeconds,
    credentialProcess: own.credentialProcess !== null,
    credentialProcessDigest: digestOf(own.credentialProcess),
    accessKeyId: own.accessKeyId,
    loginSession: own.loginSession,
    hasStaticKeys: own.accessKeyId !== null,
    hasSessionToken: own.hasSessionToken,
    problems,
  };
}

/** The values of the keys toParsedProfile reads, picked out of a profile's map in one pass. */
class ProfileFields {
  ssoSession: string | null = null;
  ssoStartUrl: string | null = null;
  ssoRegion: string | null = null;
  accountId: string | null = null;
  roleName: string | null = null;
  roleArn: string | null = null;
  sourceProfile: string | null = null;
  credentialSource: string | null = null;
  region: string | null = null;
  webIdentityTokenFile: string | null = null;
  roleSessionName: string | null = null;
  externalId: string | null = null;
  mfaSerial: string | null = null;
  durationSeconds: string | null = null;
  credentialProcess: string | null = null;
  accessKeyId: string | null = null;
  loginSession: string | null = null;
  hasSessionToken = false;

  /** Files one value in its field. */
  take(key: string, value: string): void {
    switch (key) {
      case 'sso_session':
        this.ssoSession = value;
        break;
      case 'sso_start_url':
        this.ssoStartUrl = value;
        break;
      case 'sso_region':
        this.ssoRegion = value;
        break;
      case 'sso_account_id':
        this.accountId = value;
        break;
      case 'sso_role_name':
        this.roleName = value;
        break;
      case 'role_arn':
        this.roleArn = value;
        break;
      case 'source_profile':
        this.sourceProfile = value;
        break;
      case 'credential_source':
        this.credentialSource = value;
        break;
      case 'region':
        this.region = value;
        break;
      case 'web_identity_token_file':
        this.webIdentityTokenFile = value;
        break;
      case 'role_session_name':
        this.roleSessionName = value;
        break;
      case 'external_id':
        this.externalId = value;
        break;
      case 'mfa_serial':
        this.mfaSerial = value;
        break;
      case 'duration_seconds':
        this.durationSeconds = value;
        break;
      case 'credential_process':
        this.credentialProcess = value;
        break;
      case 'aws_access_key_id':
        this.accessKeyId = value;
        break;
      case 'login_session':
        this.loginSession = value;
        break;
      case 'aws_session_token':
      case 'aws_security_token':
        this.hasSessionToken = true;
        break;
      default:
        break;
    }
  }
}

function digestOf(value: string | null): string | null {
  // node:crypto loads here, when a profile has a credential_process, not with this module.
  return value === null ? null : hexDigest('sha256', value);
}
