// Which credentials a profile resolves to, named without any secret, so that an STS answer can be
// remembered for them and recalled only while the profile still points at the same credentials.
// The rules (docs/identity-memory.md): a static key by its access key id; SSO by start URL,
// account and role; a role by its ARN, session name and its source's own name; web identity by
// role ARN and session name; `aws login` by its login_session; credential_process by a digest of
// its command. Anything else has no name, and nothing is remembered for it.
import type { ParsedAwsProfile } from './aws-config';

/** botocore follows at most this many source_profile links before it gives up on a chain. */
const MAX_CHAIN = 16;

/** The credential source of `name`, or null when it cannot be named (nothing is remembered then). */
export function credentialSourceOf(
  name: string,
  profiles: ReadonlyMap<string, ParsedAwsProfile>,
  seen: ReadonlySet<string> = new Set(),
): string | null {
  const profile = profiles.get(name);
  if (!profile || seen.has(name) || seen.size >= MAX_CHAIN) return null;
  const session = profile.roleSessionName ? ` session=${profile.roleSessionName}` : '';
  switch (profile.kind) {
    case 'static':
      return profile.accessKeyId ? `static ${profile.accessKeyId}` : null;
    case 'sso':
    case 'sso-legacy':
      return profile.ssoStartUrl && profile.accountId && profile.roleName
        ? `sso ${profile.ssoStartUrl} ${profile.accountId} ${profile.roleName}`
        : null;
    case 'web-identity':
      return profile.roleArn ? `web-identity ${profile.roleArn}${session}` : null;
    case 'login':
      return profile.loginSession ? `login ${profile.loginSession}` : null;
    case 'process':
      return profile.credentialProcessDigest ? `process ${profile.credentialProcessDigest}` : null;
    case 'assume-role': {
      if (!profile.roleArn) return null;
      const source = roleSourceOf(profile, profiles, new Set([...seen, name]));
      return source ? `assume-role ${profile.roleArn}${session} <- ${source}` : null;
    }
    default:
      return null;
  }
}

/** What a role is assumed with: credential_source, or its source_profile's own credentials. */
function roleSourceOf(
  role: ParsedAwsProfile,
  profiles: ReadonlyMap<string, ParsedAwsProfile>,
  seen: ReadonlySet<string>,
): string | null {
  if (role.credentialSource) return `credential_source ${role.credentialSource}`;
  if (!role.sourceProfile) return null;
  const source = profiles.get(role.sourceProfile);
  if (!source) return null;
  // A profile naming itself, or a source with its own keys: botocore takes the keys and ignores role_arn.
  if (role.sourceProfile === role.name || source.hasStaticKeys)
    return source.accessKeyId ? `static ${source.accessKeyId}` : null;
  return credentialSourceOf(role.sourceProfile, profiles, seen);
}

/** Every profile's credential source, by profile name (profiles that have none are left out). */
export function credentialSources(profiles: readonly ParsedAwsProfile[]): Map<string, string> {
  const byName = new Map(profiles.map((p) => [p.name, p]));
  const sources = new Map<string, string>();
  for (const profile of profiles) {
    const source = credentialSourceOf(profile.name, byName);
    if (source !== null) sources.set(profile.name, source);
  }
  return sources;
}
