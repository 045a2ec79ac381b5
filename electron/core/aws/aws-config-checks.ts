// The reasons botocore (the AWS CLI, SkyPilot) would refuse a profile, found ahead of time and
// pointed at the file and line to fix. Each rule cites the botocore code it mirrors
// (botocore/credentials.py). Problem messages never quote a secret key's value.
import type { AwsProfileKind, Problem } from '../../shared/model';
import type { RawProfile, RawSsoSession } from './aws-config-sections';
import { sourceChainOf, type SourceChain, type SourceChainContext } from './aws-source-chain';
import { excerpt } from '../../shared/excerpt';

// CanonicalNameCredentialSourcer: the only credential_source values botocore accepts.
const CREDENTIAL_SOURCES = ['Environment', 'Ec2InstanceMetadata', 'EcsContainer'];
// Partitions aws, aws-cn, aws-us-gov, aws-iso*, aws-eusc; role names allow [\w+=,.@-] and paths.
const ROLE_ARN = /^arn:aws(-[a-z]+)*:iam::\d{12}:role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;
/** Values that never appear in a message. */
const SECRET_KEYS = ['aws_secret_access_key', 'aws_session_token', 'aws_security_token'];
/** Keys the app reads; a key differing only in case is one botocore reads and the JS SDK does not. */
const KNOWN_KEYS = [
  'sso_session',
  'sso_start_url',
  'sso_region',
  'sso_account_id',
  'sso_role_name',
  'sso_registration_scopes',
  'role_arn',
  'source_profile',
  'credential_source',
  'web_identity_token_file',
  'credential_process',
  'aws_access_key_id',
  'aws_secret_access_key',
  'aws_session_token',
  'aws_security_token',
  'login_session',
  'region',
];

export interface CheckContext extends SourceChainContext {
  ssoSessions: ReadonlyMap<string, RawSsoSession>;
  /** Each profile's source chain once walked (checks and role chains both need it). */
  chains?: Map<RawProfile, SourceChain>;
}

/** `asSource`: checked as another profile's source_profile, where its role_arn plays no part. */
export function checkProfile(
  profile: RawProfile,
  kind: AwsProfileKind,
  ctx: CheckContext,
  asSource = false,
): Problem[] {
  const problems: Problem[] = [];
  const { values, name } = profile;
  // One plain object per profile rather than closures: this runs for every profile of the file.
  const report = new ProblemList(profile, problems);

  // valueFor, not get: a get() makes an IniValue, and only a problem needs its line.
  const roleArn = values.valueFor('role_arn');
  if (!asSource && roleArn !== undefined && !ROLE_ARN.test(roleArn)) {
    report.add(
      'error',
      `role_arn "${excerpt(roleArn)}" of profile "${excerpt(name)}" is not a role ARN (arn:aws:iam::<12-digit account>:role/<name>)`,
      'role_arn',
    );
  }

  switch (kind) {
    case 'assume-role':
      checkAssumeRole(profile, ctx, report);
      break;
    case 'web-identity':
      if (roleArn === undefined) {
        report.add(
          'error',
          `profile "${excerpt(name)}" has web_identity_token_file but no role_arn: botocore refuses it`,
          'web_identity_token_file',
        );
      }
      break;
    case 'sso':
    case 'sso-legacy':
      checkSso(profile, kind, ctx, report);
      break;
    case 'static': {
      // SharedCredentialProvider and ConfigProvider each read one file: the pair must be in the
      // file that holds aws_access_key_id (the credentials file first).
      const keys =
        profile.credentialsValues?.has('aws_access_key_id') === true ? profile.credentialsValues : profile.configValues;
      if (keys?.has('aws_secret_access_key') !== true) {
        const elsewhere = values.has('aws_secret_access_key') ? ' in the same file (it is in the other one)' : '';
        report.add(
          'error',
          `profile "${excerpt(name)}" has aws_access_key_id but no aws_secret_access_key${elsewhere}`,
          'aws_access_key_id',
        );
      }
      break;
    }
    case 'unknown':
      report.add('warning', nothingUsable(profile));
      break;
    default:
      break;
  }

  if (
    kind !== 'static' &&
    kind !== 'assume-role' &&
    values.has('aws_secret_access_key') &&
    !values.has('aws_access_key_id')
  ) {
    report.add(
      'warning',
      `profile "${excerpt(name)}" has aws_secret_access_key without aws_access_key_id: it is ignored`,
      'aws_secret_access_key',
    );
  }
  const account = values.valueFor('sso_account_id');
  if (account !== undefined && !isAccountId(account)) {
    report.add(
      'warning',
      `sso_account_id "${excerpt(account)}" of profile "${excerpt(name)}" is not a 12-digit AWS account ID`,
      'sso_account_id',
    );
  }
  checkSpelling(profile, report);
  return problems;
}

/** Adds a profile's problems, each at the line of the key it is about, else at its header. */
class ProblemList {
  constructor(
    private readonly profile: RawProfile,
    private readonly problems: Problem[],
  ) {}

  add(severity: Problem['severity'], message: string, key?: string): void {
    const entry = key === undefined ? undefined : this.profile.values.get(key);
    const location: Location =
      entry === undefined ? headerLocation(this.profile) : { file: entry.file, line: entry.line };
    this.problems.push({ severity, message, ...location });
  }
}

/** `/^\d{12}$/` (ASCII digits, as without the u flag). */
function isAccountId(value: string): boolean {
  if (value.length !== 12) return false;
  for (let i = 0; i < 12; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}

// AssumeRoleProvider._get_role_config, _validate_credential_source, _validate_source_profile.
function checkAssumeRole(profile: RawProfile, ctx: CheckContext, report: ProblemList): void {
  const { values, name } = profile;
  const sourceProfile = values.valueFor('source_profile');
  const credentialSource = values.valueFor('credential_source');
  if (sourceProfile !== undefined && credentialSource !== undefined) {
    report.add(
      'error',
      `profile "${excerpt(name)}" has both source_profile and credential_source: botocore refuses it (keep one)`,
      'credential_source',
    );
    return;
  }
  if (sourceProfile === undefined && credentialSource === undefined) {
    report.add(
      'error',
      `profile "${excerpt(name)}" has role_arn but neither source_profile nor credential_source: there are no credentials to assume the role with`,
      'role_arn',
    );
    return;
  }
  if (credentialSource !== undefined) {
    if (!CREDENTIAL_SOURCES.includes(credentialSource)) {
      report.add(
        'error',
        `credential_source "${excerpt(credentialSource)}" of profile "${excerpt(name)}" is not one of ${CREDENTIAL_SOURCES.join(', ')}`,
        'credential_source',
      );
    }
    return;
  }
  if (sourceProfile !== undefined) checkSourceChain(profile, ctx, report);
}

function checkSourceChain(start: RawProfile, ctx: CheckContext, report: ProblemList): void {
  const { failure } = sourceChainOf(start, ctx);
  if (failure !== null)
    report.add('error', `profile "${excerpt(start.name)}" cannot get credentials: ${failure}`, 'source_profile');
}

// SSOProvider._load_sso_config and _resolve_sso_session_reference.
function checkSso(profile: RawProfile, kind: 'sso' | 'sso-legacy', ctx: CheckContext, report: ProblemList): void {
  const { values, name } = profile;
  let session: RawSsoSession | undefined;
  if (kind === 'sso') {
    const sessionName = values.valueFor('sso_session') ?? '';
    session = ctx.ssoSessions.get(sessionName);
    if (session === undefined) {
      report.add(
        'error',
        `sso_session "${excerpt(sessionName)}" of profile "${excerpt(name)}" names no [sso-session ${excerpt(sessionName)}] section in ${ctx.configFile}`,
        'sso_session',
      );
      return;
    }
    session.values.forEachKey((key, sessionValue) => {
      const own = values.valueFor(key);
      if (own !== undefined && own !== sessionValue) {
        const detail = SECRET_KEYS.includes(key)
          ? 'a different value'
          : `"${excerpt(own)}" but its sso-session "${excerpt(sessionName)}" says "${excerpt(sessionValue)}"`;
        report.add(
          'error',
          `${key} of profile "${excerpt(name)}" is ${detail}: botocore refuses the profile (remove it from the profile)`,
          key,
        );
      }
    }, undefined);
  }
  const hasAccount = values.has('sso_account_id');
  const hasRole = values.has('sso_role_name');
  const sessionValues = session?.values;
  const noStartUrl = !values.has('sso_start_url') && sessionValues?.has('sso_start_url') !== true;
  const noRegion = !values.has('sso_region') && sessionValues?.has('sso_region') !== true;
  if (noStartUrl || noRegion || hasAccount !== hasRole) {
    const missing: string[] = [];
    if (noStartUrl) missing.push('sso_start_url');
    if (noRegion) missing.push('sso_region');
    if (hasAccount !== hasRole) missing.push(hasAccount ? 'sso_role_name' : 'sso_account_id');
    const where = kind === 'sso' ? ' (here or in its sso-session)' : '';
    report.add('error', `profile "${excerpt(name)}" uses SSO but is missing ${missing.join(', ')}${where}`);
  }
  if (!hasAccount && !hasRole) {
    report.add(
      'warning',
      `profile "${excerpt(name)}" has no sso_account_id or sso_role_name: \`aws sso login\` works with it, but it gives no AWS credentials`,
    );
  }
}

function nothingUsable(profile: RawProfile): string {
  if (profile.values.size === 0) {
    return `profile "${excerpt(profile.name)}" is empty: it has no credentials (keys, SSO, role, process or web identity)`;
  }
  return `profile "${excerpt(profile.name)}" has no credentials of its own (no keys, SSO, role, process or web identity): it only works with credentials from the environment or an instance role`;
}

/** botocore lower-cases keys (Python's configparser); the JS SDK and this app do not. */
function checkSpelling(profile: RawProfile, report: ProblemList): void {
  profile.values.forEachKey((key, _value, inlineComment) => {
    // A known key is lower case already: only another key can be a known one in other case.
    const known = KNOWN_KEYS.includes(key);
    const lower = known || !hasAsciiUpperCase(key) ? key : key.toLowerCase();
    if (lower !== key && KNOWN_KEYS.includes(lower)) {
      report.add(
        'warning',
        `"${excerpt(key)}" in profile "${excerpt(profile.name)}" is read as ${lower} by botocore (the AWS CLI, SkyPilot) but ignored by the AWS SDK for JavaScript: write ${lower}`,
        key,
      );
    }
    if (inlineComment && known) {
      report.add(
        'warning',
        `${key} in profile "${excerpt(profile.name)}" has a comment after its value: the AWS SDK for JavaScript drops it, but botocore (the AWS CLI, SkyPilot) reads it as part of the value; put the comment on its own line`,
        key,
      );
    }
  }, undefined);
}

/** `/[A-Z]/.test(text)`. */
function hasAsciiUpperCase(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x41 && code <= 0x5a) return true;
  }
  return false;
}

type Location = { file?: string; line?: number };

function headerLocation(profile: RawProfile): Location {
  return profile.configSections[0] ?? profile.credentialsSections[0] ?? {};
}
