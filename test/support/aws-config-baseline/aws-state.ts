// Pure: turns what was read (files, caches, STS answers) into the AWS part of a snapshot, with a
// status for every profile and session at the instant `now`. Re-run with a new `now` at each
// deadline, without touching the disk.
import type {
  AwsCliReport,
  AwsProfile,
  AwsState,
  IdentityCheck,
  IdentityStatus,
  Problem,
  SsoSession,
} from '../../../electron/shared/model';
import { statusFromExpiry } from '../../../electron/core/identity/expiry';
import type { ParsedAwsProfile } from './aws-config';
import type { AwsInputs, SsoTokenRead } from '../../../electron/core/aws/aws-sources';

export interface AwsStateContext {
  now: number;
  leadMs: number;
  cli: AwsCliReport;
  checks: ReadonlyMap<string, IdentityCheck>;
}

export interface AwsStateResult {
  aws: AwsState;
  /** Every known expiry, for the scheduler's next deadline. */
  expiries: Date[];
}

interface TimedStatus {
  status: IdentityStatus;
  expiresAt: Date | null;
}

function sessionStatus(read: SsoTokenRead | undefined, now: number, leadMs: number): TimedStatus {
  if (!read || read.missing) return { status: 'signed-out', expiresAt: null };
  if (!read.token) return { status: 'error', expiresAt: null };
  const status = statusFromExpiry(read.token.expiresAt, now, leadMs);
  return { status: status === 'unknown' ? 'error' : status, expiresAt: read.token.expiresAt };
}

function profileStatus(profile: ParsedAwsProfile, inputs: AwsInputs, ctx: AwsStateContext): TimedStatus {
  if (profile.problems.some((p) => p.severity === 'error')) return { status: 'error', expiresAt: null };
  switch (profile.kind) {
    case 'sso':
    case 'sso-legacy': {
      const session = profile.kind === 'sso' ? profile.ssoSessionName : profile.ssoStartUrl;
      return sessionStatus(session ? inputs.tokens.get(session) : undefined, ctx.now, ctx.leadMs);
    }
    case 'static':
      // Keys with a session token are temporary, but the file does not say until when.
      return { status: profile.hasSessionToken ? 'unknown' : 'long-lived', expiresAt: null };
    case 'assume-role': {
      const cached = inputs.roleCache.get(profile.name)?.expiresAt ?? null;
      if (!cached) return { status: 'unknown', expiresAt: null };
      const status = statusFromExpiry(cached, ctx.now, ctx.leadMs);
      // An expired cache entry only means the CLI will assume the role again on next use.
      return status === 'expired' ? { status: 'unknown', expiresAt: null } : { status, expiresAt: cached };
    }
    case 'web-identity':
    case 'process':
    case 'login':
      return { status: 'unknown', expiresAt: null };
    case 'unknown':
      return { status: 'error', expiresAt: null };
  }
}

function toProfile(parsed: ParsedAwsProfile, inputs: AwsInputs, ctx: AwsStateContext): AwsProfile {
  const { status, expiresAt } = profileStatus(parsed, inputs, ctx);
  const check = ctx.checks.get(parsed.name) ?? null;
  const problems: Problem[] = [...parsed.problems];
  const session = parsed.kind === 'sso' ? parsed.ssoSessionName : parsed.kind === 'sso-legacy' ? parsed.ssoStartUrl : null;
  const tokenProblem = session ? inputs.tokens.get(session)?.problem : null;
  if (tokenProblem && tokenProblem.severity === 'error') problems.push(tokenProblem);
  const roleProblem = inputs.roleCache.get(parsed.name)?.problem;
  if (roleProblem) problems.push(roleProblem);
  return {
    name: parsed.name,
    kind: parsed.kind,
    active: parsed.name === inputs.active.name,
    source: parsed.source,
    sources: parsed.sources,
    ssoSession: session,
    accountId: parsed.accountId ?? check?.identity?.account ?? null,
    roleName: parsed.roleName,
    roleArn: parsed.roleArn,
    sourceProfile: parsed.sourceProfile,
    credentialSource: parsed.credentialSource,
    region: parsed.region,
    status,
    expiresAt: expiresAt ? expiresAt.toISOString() : null,
    problems,
    identity: check?.identity ?? null,
    lastCheck: check,
  };
}

function toSession(inputs: AwsInputs, ctx: AwsStateContext, index: number): SsoSession {
  const parsed = inputs.parsed.ssoSessions[index]!;
  const read = inputs.tokens.get(parsed.name);
  const { status, expiresAt } = sessionStatus(read, ctx.now, ctx.leadMs);
  const problems = [...parsed.problems];
  if (read?.problem && !read.missing) problems.push(read.problem);
  return {
    name: parsed.name,
    legacy: parsed.legacy,
    startUrl: parsed.startUrl,
    region: parsed.region,
    registrationScopes: parsed.registrationScopes,
    source: parsed.source,
    status,
    expiresAt: expiresAt ? expiresAt.toISOString() : null,
    refreshable: read?.token?.refreshable ?? false,
    registrationExpiresAt: read?.token?.registrationExpiresAt?.toISOString() ?? null,
    cacheFile: read?.file ?? '',
    profiles: parsed.profiles,
    problems,
  };
}

export function assembleAwsState(inputs: AwsInputs, ctx: AwsStateContext): AwsStateResult {
  const problems: Problem[] = [];
  for (const read of [inputs.config, inputs.credentials]) {
    // A missing file is normal (many people have only one of the two).
    if (!read.ok && !read.missing) problems.push(read.problem);
  }
  problems.push(...inputs.parsed.problems);

  const profiles = inputs.parsed.profiles.map((p) => toProfile(p, inputs, ctx));
  const ssoSessions = inputs.parsed.ssoSessions.map((_, i) => toSession(inputs, ctx, i));
  const expiries: Date[] = [];
  for (const read of inputs.tokens.values()) if (read.token) expiries.push(read.token.expiresAt);
  for (const read of inputs.roleCache.values()) if (read.expiresAt) expiries.push(read.expiresAt);

  return {
    aws: {
      configFile: inputs.paths.configFile,
      credentialsFile: inputs.paths.credentialsFile,
      activeProfile: inputs.active.name,
      activeProfileSource: inputs.active.source,
      activeProfileNotes: inputs.active.notes,
      cli: ctx.cli,
      profiles,
      ssoSessions,
      problems,
    },
    expiries,
  };
}
