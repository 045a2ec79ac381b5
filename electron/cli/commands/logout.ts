// `cloudid logout <profile|session>`: deletes that session's token file only (`aws sso logout`
// deletes every token in the cache folder). The token belongs to the session, not to a profile,
// so the output names every profile that the logout signs out.
import { readAwsInputs } from '../../core/aws/aws-sources';
import type { SsoSessionRef } from '../../core/aws/sso-login/sso-session-ref';
import { deleteSsoToken } from '../../core/aws/sso-login/token-cache-writer';
import { EXIT } from '../exit-codes';
import type { CliContext } from './cli-context';
import { startSsoCommand } from './sso-target-args';
import { loginProfileNamed, runLoginProfile } from './aws-login-profile';

const HELP = `Usage: cloudid logout <profile|sso-session>
       cloudid logout --profile NAME | --sso-session NAME

Deletes the cached SSO token of that one session; other sessions stay logged in. Every profile
that uses the session shares that token, so all of them are logged out (the output names them).
For a profile with login_session, runs \`aws logout --profile NAME\` (AWS CLI 2.32 or later).
`;

/** The profiles that use the session, as the config file has them now. */
async function profilesOfSession(ctx: CliContext, session: SsoSessionRef): Promise<string[]> {
  const inputs = await readAwsInputs(ctx.env, ctx.homeDir, Date.now());
  const found = inputs.parsed.ssoSessions.find((s) => s.name === session.name && s.legacy === session.legacy);
  return found?.profiles ?? [];
}

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const loginProfile = await loginProfileNamed(argv, ctx, []);
  if (loginProfile !== null) return runLoginProfile('logout', loginProfile, ctx);
  const start = await startSsoCommand('logout', HELP, argv, ctx);
  if (!start.ok) return start.exitCode;
  const profiles = await profilesOfSession(ctx, start.session);
  const deleted = await deleteSsoToken(start.cacheDir, start.session);
  const { name } = start.session;
  if (!deleted) {
    ctx.stdout.write(`Not logged in to ${name}; nothing to delete.\n`);
    return EXIT.ok;
  }
  // The profile the user named, if they named one (`--profile NAME` or the bare name).
  const named = argv.find((arg) => profiles.includes(arg) && arg !== name) ?? null;
  const others = profiles.filter((p) => p !== named);
  ctx.stdout.write(`Logged out of ${name}.\n`);
  if (others.length > 0)
    ctx.stdout.write(
      named === null
        ? `Profiles on this session, now logged out: ${others.join(', ')}.\n`
        : `${named} shares this session with ${others.length === 1 ? 'another profile' : `${others.length} other profiles`}, now logged out too: ${others.join(', ')}.\n`,
    );
  return EXIT.ok;
}
