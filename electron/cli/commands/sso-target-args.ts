// Which session `cloudid login|logout|refresh|sso sync` mean, shared by them: `<name>` or
// `--profile NAME` / `--sso-session NAME`, a profile standing for the session it uses.
import { readAwsInputs } from '../../core/aws/aws-sources';
import { resolveSsoTarget, type SsoTargetQuery } from '../../core/aws/sso-login/resolve-sso-target';
import type { SsoSessionRef } from '../../core/aws/sso-login/sso-session-ref';
import { UsageError, type CommandContext } from '../command';
import { EXIT } from '../exit-codes';
import type { CliContext } from './cli-context';

/** The options every command that names a session takes (with one positional name). */
export const SSO_TARGET_OPTIONS = {
  profile: { type: 'string' },
  'sso-session': { type: 'string' },
} as const;

/** The one name the arguments give; a UsageError when they give none or more than one. */
export function ssoTargetQuery(
  values: { profile?: string; 'sso-session'?: string },
  positionals: readonly string[],
): SsoTargetQuery {
  const given: SsoTargetQuery[] = [
    ...positionals.map((name) => ({ kind: 'any' as const, name })),
    ...(values.profile === undefined ? [] : [{ kind: 'profile' as const, name: values.profile }]),
    ...(values['sso-session'] === undefined ? [] : [{ kind: 'sso-session' as const, name: values['sso-session'] }]),
  ];
  const [query, ...more] = given;
  if (!query || query.name === '') throw new UsageError('which profile or sso-session?');
  if (more.length > 0) throw new UsageError('give one profile or sso-session');
  return query;
}

/** The session a query names, or null once the reason is on stderr (then exit 1). */
export async function ssoTargetOrReport(
  command: string,
  ctx: CommandContext,
  query: SsoTargetQuery,
): Promise<{ session: SsoSessionRef; cacheDir: string } | null> {
  const target = await lookUpSsoTarget(ctx, query);
  if (target.ok) return target;
  ctx.stderr.write(`cloudid ${command}: ${target.message}\n`);
  return null;
}

export interface ParsedArgs {
  query: SsoTargetQuery | null;
  flags: Set<string>;
  error: string | null;
}

/** `<name>`, or `--profile NAME` / `--sso-session NAME`, plus boolean flags from `allowed`. */
export function parseSsoArgs(argv: readonly string[], allowed: readonly string[]): ParsedArgs {
  const flags = new Set<string>();
  let query: SsoTargetQuery | null = null;
  const setQuery = (next: SsoTargetQuery): string | null => {
    if (query) return 'give one profile or sso-session';
    query = next;
    return null;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    let error: string | null = null;
    if (arg === '--profile' || arg === '--sso-session') {
      const name = argv[++i];
      if (!name) return { query, flags, error: `${arg} needs a name` };
      error = setQuery({ kind: arg === '--profile' ? 'profile' : 'sso-session', name });
    } else if (arg.startsWith('--')) {
      if (!allowed.includes(arg)) return { query, flags, error: `unknown option ${arg}` };
      flags.add(arg);
    } else {
      error = setQuery({ kind: 'any', name: arg });
    }
    if (error) return { query, flags, error };
  }
  return { query, flags, error: null };
}

export type TargetLookup = { ok: true; session: SsoSessionRef; cacheDir: string } | { ok: false; message: string };

export async function lookUpSsoTarget(ctx: CliContext, query: SsoTargetQuery): Promise<TargetLookup> {
  const inputs = await readAwsInputs(ctx.env, ctx.homeDir, Date.now());
  if (!inputs.config.ok && !inputs.config.missing) return { ok: false, message: inputs.config.problem.message };
  const target = resolveSsoTarget(inputs.parsed, query);
  if (!target.ok) return { ok: false, message: `${target.message} (in ${inputs.paths.configFile})` };
  for (const warning of target.warnings) ctx.stderr.write(`cloudid: warning: ${warning}\n`);
  return { ok: true, session: target.session, cacheDir: inputs.paths.ssoCacheDir };
}

export type SsoCommandStart =
  { ok: true; session: SsoSessionRef; cacheDir: string; flags: Set<string> } | { ok: false; exitCode: number };

/**
 * The common start of `cloudid login|logout|refresh`: `--help`, the arguments, and the session
 * they name. Every way it can stop (help shown, usage error, unknown session) is reported here.
 */
export async function startSsoCommand(
  command: string,
  help: string,
  argv: readonly string[],
  ctx: CliContext,
  allowedFlags: readonly string[] = [],
): Promise<SsoCommandStart> {
  if (argv.includes('--help') || argv.includes('-h')) {
    ctx.stdout.write(help);
    return { ok: false, exitCode: EXIT.ok };
  }
  const args = parseSsoArgs(argv, allowedFlags);
  if (args.error || !args.query) {
    ctx.stderr.write(`cloudid ${command}: ${args.error ?? 'which profile or sso-session?'}\n\n${help}`);
    return { ok: false, exitCode: EXIT.usage };
  }
  const target = await lookUpSsoTarget(ctx, args.query);
  if (!target.ok) {
    ctx.stderr.write(`cloudid ${command}: ${target.message}\n`);
    return { ok: false, exitCode: EXIT.unusable };
  }
  return { ok: true, session: target.session, cacheDir: target.cacheDir, flags: args.flags };
}

/**
 * The `[sso-session NAME]` a sync of `query` means: a profile stands for the session it uses, as
 * in `cloudid login`. A name that resolves to nothing is passed on, for the sync to say what is
 * missing; a profile on a bare start URL cannot be synced (no `[sso-session]` to mark profiles by).
 */
export async function syncSessionName(
  ctx: CommandContext,
  query: SsoTargetQuery,
): Promise<{ ok: true; name: string } | { ok: false; message: string }> {
  if (query.kind === 'sso-session') return { ok: true, name: query.name };
  const inputs = await readAwsInputs(ctx.env, ctx.homeDir, Date.now());
  const target = resolveSsoTarget(inputs.parsed, query);
  if (target.ok && !target.session.legacy) return { ok: true, name: target.session.name };
  if (target.ok) {
    return {
      ok: false,
      message: `profile "${query.name}" sets sso_start_url itself, with no [sso-session]: sync needs one (create it with \`aws configure sso-session\`)`,
    };
  }
  return query.kind === 'profile' ? { ok: false, message: target.message } : { ok: true, name: query.name };
}
