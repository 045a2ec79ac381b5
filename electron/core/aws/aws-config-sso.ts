// SSO sessions: every [sso-session NAME] section (used or not), plus one legacy session per
// distinct sso_start_url of legacy profiles, named by that URL exactly as written, because that
// string is what the token cache file name is hashed from (docs/interop-aws.md, "SSO token cache").
import type { Problem } from '../../shared/model';
import type { ParsedAwsProfile, ParsedSsoSession } from './aws-config';
import type { RawSsoSession } from './aws-config-sections';
import { excerpt } from '../../shared/excerpt';

export function collectSsoSessions(
  raw: ReadonlyMap<string, RawSsoSession>,
  profiles: readonly ParsedAwsProfile[],
): ParsedSsoSession[] {
  const sessions: ParsedSsoSession[] = [];
  const users = new Map<string, string[]>();
  // Indexed loops: this code mostly runs before V8 optimises it, where iterators cost.
  for (let i = 0; i < profiles.length; i++) {
    const profile = profiles[i] as ParsedAwsProfile;
    if (profile.kind !== 'sso' || profile.ssoSessionName === null) continue;
    const names = users.get(profile.ssoSessionName);
    if (names === undefined) users.set(profile.ssoSessionName, [profile.name]);
    else names.push(profile.name);
  }
  for (const session of raw.values()) {
    const startUrl = session.values.get('sso_start_url')?.value ?? null;
    const region = session.values.get('sso_region')?.value ?? null;
    const problems: Problem[] = session.problems.slice();
    if (startUrl === null || region === null) {
      const missing =
        startUrl === null && region === null
          ? 'sso_start_url and sso_region'
          : startUrl === null
            ? 'sso_start_url'
            : 'sso_region';
      problems.push({
        severity: 'error',
        message: `[sso-session ${excerpt(session.name)}] is missing ${missing}: \`aws sso login\` cannot use it`,
        ...session.source,
      });
    }
    sessions.push({
      name: session.name,
      legacy: false,
      startUrl,
      region,
      registrationScopes: parseScopes(session.values.get('sso_registration_scopes')?.value ?? null),
      source: session.source,
      profiles: users.get(session.name) ?? [],
      problems,
    });
  }

  const legacy = new Map<string, ParsedSsoSession>();
  for (let i = 0; i < profiles.length; i++) {
    const profile = profiles[i] as ParsedAwsProfile;
    if (profile.kind !== 'sso-legacy' || profile.ssoStartUrl === null) continue;
    let session = legacy.get(profile.ssoStartUrl);
    if (session === undefined) {
      session = {
        name: profile.ssoStartUrl,
        legacy: true,
        startUrl: profile.ssoStartUrl,
        region: profile.ssoRegion,
        registrationScopes: [],
        source: profile.source,
        profiles: [],
        problems: [],
      };
      legacy.set(profile.ssoStartUrl, session);
    } else if (session.region === null) {
      session.region = profile.ssoRegion;
    } else if (profile.ssoRegion !== null && profile.ssoRegion !== session.region) {
      session.problems.push({
        severity: 'warning',
        message: `profiles using ${excerpt(profile.ssoStartUrl)} disagree on sso_region (${excerpt(session.region)} in "${excerpt(session.profiles[0] ?? '')}", ${excerpt(profile.ssoRegion)} in "${excerpt(profile.name)}"): they share one token cache file`,
        ...(profile.source ?? {}),
      });
    }
    session.profiles.push(profile.name);
  }

  return [...sessions.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)), ...legacy.values()];
}

/** Comma-separated, as aws-cli v2 parses it (awscli/customizations/sso/utils.py, parse_sso_registration_scopes). */
function parseScopes(value: string | null): string[] {
  if (value === null) return [];
  // One scope (the usual sso:account:access) needs no split: the same result, fewer arrays.
  if (!value.includes(',')) {
    const scope = value.trim();
    return scope === '' ? [] : [scope];
  }
  return value
    .split(',')
    .map((scope) => scope.trim())
    .filter((scope) => scope !== '');
}
