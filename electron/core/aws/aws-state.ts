// Pure: turns what was read (files, caches, STS answers) into the AWS part of a snapshot, with a
// status for every profile and session at the instant `now`. Re-run with a new `now` at each
// deadline, without touching the disk.
import type {
  AwsCliReport,
  AwsProfile,
  AwsState,
  IdentityCheck,
  IdentityStatus,
  LoginSession,
  Problem,
  SsoSession,
} from '../../shared/model';
import { statusFromExpiry } from '../identity/expiry';
import type { ParsedAwsProfile } from './aws-config';
import type { AwsInputs, RoleCacheRead, SsoTokenRead } from './aws-sources';
import { loginStatus } from './login-status';

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
  /** When each refreshable token's client registration ends (it then cannot refresh). */
  refreshEnds: Date[];
}

interface TimedStatus {
  status: IdentityStatus;
  expiresAt: Date | null;
}

/** A status with its expiry as the snapshot writes it (ISO 8601), or null. */
interface ShownStatus {
  status: IdentityStatus;
  expiresAt: string | null;
}

const SIGNED_OUT: ShownStatus = { status: 'signed-out', expiresAt: null };

function sessionStatus(read: SsoTokenRead | undefined, now: number, leadMs: number): TimedStatus {
  if (!read || read.missing) return { status: 'signed-out', expiresAt: null };
  if (!read.token) return { status: 'error', expiresAt: null };
  const status = statusFromExpiry(read.token.expiresAt, now, leadMs);
  return { status: status === 'unknown' ? 'error' : status, expiresAt: read.token.expiresAt };
}

/**
 * Each token's status, worked out once per snapshot: a session's profiles (thousands in big
 * organisations) and the session itself all show the same one.
 */
class SessionStatuses {
  private readonly shown = new Map<SsoTokenRead, ShownStatus>();
  constructor(private readonly ctx: AwsStateContext) {}

  of(read: SsoTokenRead | undefined): ShownStatus {
    if (read === undefined) return SIGNED_OUT;
    let shown = this.shown.get(read);
    if (shown === undefined) {
      const { status, expiresAt } = sessionStatus(read, this.ctx.now, this.ctx.leadMs);
      shown = { status, expiresAt: expiresAt ? expiresAt.toISOString() : null };
      this.shown.set(read, shown);
    }
    return shown;
  }
}

function hasError(problems: readonly Problem[]): boolean {
  for (let i = 0; i < problems.length; i++) if ((problems[i] as Problem).severity === 'error') return true;
  return false;
}

function profileStatus(
  profile: ParsedAwsProfile,
  token: SsoTokenRead | undefined,
  role: RoleCacheRead | undefined,
  ctx: AwsStateContext,
  sessions: SessionStatuses,
  inputs: AwsInputs,
): ShownStatus {
  if (hasError(profile.problems)) return { status: 'error', expiresAt: null };
  switch (profile.kind) {
    case 'sso':
    case 'sso-legacy':
      return sessions.of(token);
    case 'static':
      // Keys with a session token are temporary, but the file does not say until when.
      return { status: profile.hasSessionToken ? 'unknown' : 'long-lived', expiresAt: null };
    case 'assume-role': {
      const cached = role?.expiresAt ?? null;
      if (!cached) return { status: 'unknown', expiresAt: null };
      const status = statusFromExpiry(cached, ctx.now, ctx.leadMs);
      // An expired cache entry only means the CLI will assume the role again on next use.
      return status === 'expired'
        ? { status: 'unknown', expiresAt: null }
        : { status, expiresAt: cached.toISOString() };
    }
    case 'login': {
      const shown = loginStatus(
        profile.loginSession === null ? undefined : inputs.logins.get(profile.loginSession),
        ctx.now,
        ctx.leadMs,
      );
      return { status: shown.status, expiresAt: shown.expiresAt };
    }
    case 'web-identity':
    case 'process':
    case 'unknown':
      // An `unknown` kind has no credentials of its own (a [default] with only a region is
      // common): it works with keys from the environment or an instance role, which the files
      // cannot tell. Its problem says so.
      return { status: 'unknown', expiresAt: null };
  }
}

function toProfile(
  parsed: ParsedAwsProfile,
  inputs: AwsInputs,
  ctx: AwsStateContext,
  sessions: SessionStatuses,
): AwsProfile {
  const session =
    parsed.kind === 'sso' ? parsed.ssoSessionName : parsed.kind === 'sso-legacy' ? parsed.ssoStartUrl : null;
  const token = session ? inputs.tokens.get(session) : undefined;
  const role = inputs.roleCache.size === 0 ? undefined : inputs.roleCache.get(parsed.name);
  const { status, expiresAt } = profileStatus(parsed, token, role, ctx, sessions, inputs);
  const login =
    parsed.kind === 'login' && parsed.loginSession !== null ? inputs.logins.get(parsed.loginSession) : undefined;
  const check = ctx.checks.size === 0 ? null : (ctx.checks.get(parsed.name) ?? null);
  // The parsed list is shared (nothing downstream changes a snapshot) unless this read adds to it.
  let problems: Problem[] = parsed.problems;
  const tokenProblem = token?.problem;
  if (tokenProblem && tokenProblem.severity === 'error') problems = [...problems, tokenProblem];
  const roleProblem = role?.problem;
  if (roleProblem) problems = [...problems, roleProblem];
  if (login?.problem && login.problem.severity === 'error') problems = [...problems, login.problem];
  return {
    name: parsed.name,
    kind: parsed.kind,
    active: parsed.name === inputs.active.name,
    source: parsed.source,
    sources: parsed.sources,
    ssoSession: session,
    accountId: parsed.accountId ?? login?.token?.accountId ?? check?.identity?.account ?? null,
    roleName: parsed.roleName,
    roleArn: parsed.roleArn,
    sourceProfile: parsed.sourceProfile,
    credentialSource: parsed.credentialSource,
    region: parsed.region,
    status,
    expiresAt,
    problems,
    identity: check?.identity ?? null,
    lastCheck: check,
  };
}

function toSession(inputs: AwsInputs, sessions: SessionStatuses, index: number, now: number): SsoSession {
  const parsed = inputs.parsed.ssoSessions[index]!;
  const read = inputs.tokens.get(parsed.name);
  const { status, expiresAt } = sessions.of(read);
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
    expiresAt,
    // Worked out when the file was read; a registration that has ended since cannot refresh.
    refreshable: (read?.token?.refreshable ?? false) && (read?.token?.registrationExpiresAt?.getTime() ?? 0) > now,
    registrationExpiresAt: read?.token?.registrationExpiresAt?.toISOString() ?? null,
    cacheFile: read?.file ?? '',
    profiles: parsed.profiles,
    problems,
  };
}

function toLoginSessions(inputs: AwsInputs, ctx: AwsStateContext): LoginSession[] {
  const users = new Map<string, string[]>();
  for (const p of inputs.parsed.profiles) {
    if (p.kind !== 'login' || p.loginSession === null) continue;
    const list = users.get(p.loginSession);
    if (list) list.push(p.name);
    else users.set(p.loginSession, [p.name]);
  }
  const sessions: LoginSession[] = [];
  for (const [name, profiles] of users) {
    const read = inputs.logins.get(name);
    const shown = loginStatus(read, ctx.now, ctx.leadMs);
    sessions.push({
      name,
      status: shown.status,
      expiresAt: shown.expiresAt,
      credentialsExpireAt: read?.token?.expiresAt.toISOString() ?? null,
      refreshable: shown.refreshable,
      accountId: read?.token?.accountId ?? null,
      cacheFile: read?.file ?? '',
      profiles,
      problems: read?.problem ? [read.problem] : [],
    });
  }
  return sessions;
}

export function assembleAwsState(inputs: AwsInputs, ctx: AwsStateContext): AwsStateResult {
  const problems: Problem[] = [];
  for (const read of [inputs.config, inputs.credentials]) {
    // A missing file is normal (many people have only one of the two).
    if (!read.ok && !read.missing) problems.push(read.problem);
  }
  problems.push(...inputs.environmentProblems, ...inputs.parsed.problems);

  const sessions = new SessionStatuses(ctx);
  const profiles = inputs.parsed.profiles.map((p) => toProfile(p, inputs, ctx, sessions));
  const ssoSessions = inputs.parsed.ssoSessions.map((_, i) => toSession(inputs, sessions, i, ctx.now));
  const loginSessions = toLoginSessions(inputs, ctx);
  const expiries: Date[] = [];
  for (const read of inputs.logins.values()) if (read.token) expiries.push(read.token.expiresAt);
  for (const read of inputs.tokens.values()) if (read.token) expiries.push(read.token.expiresAt);
  for (const read of inputs.roleCache.values()) if (read.expiresAt) expiries.push(read.expiresAt);
  const refreshEnds: Date[] = [];
  for (const read of inputs.tokens.values())
    if (read.token?.refreshable && read.token.registrationExpiresAt) refreshEnds.push(read.token.registrationExpiresAt);
  // A login session's status counts down to the end of its sign-in while it can refresh.
  for (const read of inputs.logins.values()) if (read.token?.sessionEndsAt) expiries.push(read.token.sessionEndsAt);

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
      loginSessions,
      problems,
    },
    expiries,
    refreshEnds,
  };
}
