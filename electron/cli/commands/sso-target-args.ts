// Which session `cloudid login|logout|refresh|sso sync` mean, shared by them: `<name>` or
// `--profile NAME` / `--sso-session NAME`, a profile standing for the session it uses.
import { readAwsInputs } from '../../core/aws/aws-sources';
import { resolveSsoTarget, type SsoTargetQuery } from '../../core/aws/sso-login/resolve-sso-target';
import type { SsoSessionRef } from '../../core/aws/sso-login/sso-session-ref';
import { UsageError, type CommandContext } from '../command';

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

type TargetLookup = { ok: true; session: SsoSessionRef; cacheDir: string } | { ok: false; message: string };

async function lookUpSsoTarget(ctx: CommandContext, query: SsoTargetQuery): Promise<TargetLookup> {
  const inputs = await readAwsInputs(ctx.env, ctx.homeDir, Date.now());
  if (!inputs.config.ok && !inputs.config.missing) return { ok: false, message: inputs.config.problem.message };
  const target = resolveSsoTarget(inputs.parsed, query);
  if (!target.ok) return { ok: false, message: `${target.message} (in ${inputs.paths.configFile})` };
  for (const warning of target.warnings) ctx.stderr.write(`cloudid: warning: ${warning}\n`);
  return { ok: true, session: target.session, cacheDir: inputs.paths.ssoCacheDir };
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
