// Which SSO session `cloudid login|logout|refresh <name>` means: a profile that uses SSO (its
// sso-session, or its start URL for legacy profiles), else an [sso-session NAME]. The AWS CLI
// spells the two `--profile` and `--sso-session`; both are accepted to remove any doubt.
import type { ParsedAwsConfig } from '../aws-config';
import type { SsoSessionRef } from './sso-session-ref';

export type SsoTargetQuery = { kind: 'any' | 'profile' | 'sso-session'; name: string };

export type SsoTarget =
  { ok: true; session: SsoSessionRef; profile: string | null; warnings: string[] } | { ok: false; message: string };

export function resolveSsoTarget(
  parsed: Pick<ParsedAwsConfig, 'profiles' | 'ssoSessions'>,
  query: SsoTargetQuery,
): SsoTarget {
  const { kind, name } = query;
  const profile = kind === 'sso-session' ? undefined : parsed.profiles.find((p) => p.name === name);
  if (profile && (profile.kind === 'sso' || profile.kind === 'sso-legacy')) {
    const session = parsed.ssoSessions.find((s) => s.profiles.includes(profile.name));
    if (!session) {
      return {
        ok: false,
        message: `profile "${name}" uses sso-session "${profile.ssoSessionName ?? ''}", which is not defined`,
      };
    }
    // A legacy profile logs in with its own region (profiles sharing a start URL may disagree).
    const region = session.legacy ? (profile.ssoRegion ?? session.region) : session.region;
    return toTarget(session, region, profile.name);
  }
  if (kind === 'profile') {
    return {
      ok: false,
      message: profile ? `profile "${name}" does not use AWS IAM Identity Center (SSO)` : `no profile named "${name}"`,
    };
  }
  const session = parsed.ssoSessions.find((s) => !s.legacy && s.name === name);
  if (session) return toTarget(session, session.region, null);
  if (profile)
    return {
      ok: false,
      message: `profile "${name}" does not use AWS IAM Identity Center (SSO), and there is no [sso-session ${name}]`,
    };
  return {
    ok: false,
    message:
      kind === 'sso-session'
        ? `no [sso-session ${name}] in the config file`
        : `no SSO profile or [sso-session] named "${name}"`,
  };
}

function toTarget(
  session: ParsedAwsConfig['ssoSessions'][number],
  region: string | null,
  profile: string | null,
): SsoTarget {
  const label = session.legacy ? `start URL ${session.name}` : `[sso-session ${session.name}]`;
  if (!session.startUrl || !region) {
    const missing = [session.startUrl ? null : 'sso_start_url', region ? null : 'sso_region']
      .filter(Boolean)
      .join(' and ');
    return { ok: false, message: `${label} has no ${missing}` };
  }
  return {
    ok: true,
    session: {
      name: session.name,
      legacy: session.legacy,
      startUrl: session.startUrl,
      region,
      registrationScopes: session.registrationScopes,
    },
    profile,
    warnings: session.problems.map((p) => p.message),
  };
}
