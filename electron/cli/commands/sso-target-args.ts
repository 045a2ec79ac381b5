// Argument parsing and session lookup shared by `cloudid login|logout|refresh`.
import { readAwsInputs } from '../../core/aws/aws-sources';
import { resolveSsoTarget, type SsoTargetQuery } from '../../core/aws/sso-login/resolve-sso-target';
import type { SsoSessionRef } from '../../core/aws/sso-login/sso-session-ref';
import type { CliContext } from './cli-context';

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
