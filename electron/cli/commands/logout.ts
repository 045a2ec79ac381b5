// `cloudid logout <profile|session>`: deletes that session's token file only (`aws sso logout`
// deletes every token in the cache folder). The token belongs to the session, not to a profile,
// so the output names every profile that the logout signs out.
import { readAwsInputs } from '../../core/aws/aws-sources';
import type { SsoSessionRef } from '../../core/aws/sso-login/sso-session-ref';
import { deleteSsoToken } from '../../core/aws/sso-login/token-cache-writer';
import { defineCommand, type CommandContext } from '../command';
import { EXIT } from '../exit-codes';
import { SSO_TARGET_OPTIONS, ssoTargetOrReport, ssoTargetQuery } from './sso-target-args';
import { loginProfileFor, runLoginProfile } from './aws-login-profile';

const HELP = `Deletes the cached SSO token of that one session; other sessions stay logged in. Every profile
that uses the session shares that token, so all of them are logged out (the output names them).
For a profile with login_session, runs \`aws logout --profile NAME\` (AWS CLI 2.32 or later).`;

/** The profiles that use the session, as the config file has them now. */
async function profilesOfSession(ctx: CommandContext, session: SsoSessionRef): Promise<string[]> {
  const inputs = await readAwsInputs(ctx.env, ctx.homeDir, Date.now());
  const found = inputs.parsed.ssoSessions.find((s) => s.name === session.name && s.legacy === session.legacy);
  return found?.profiles ?? [];
}

export const run = defineCommand({
  name: 'logout',
  usage: `cloudid logout <profile|sso-session>
cloudid logout --profile NAME | --sso-session NAME`,
  help: HELP,
  options: SSO_TARGET_OPTIONS,
  run: async ({ values, positionals }, ctx) => {
    const query = ssoTargetQuery(values, positionals);
    const loginProfile = await loginProfileFor(query, ctx);
    if (loginProfile !== null) return runLoginProfile('logout', loginProfile, ctx);
    const target = await ssoTargetOrReport('logout', ctx, query);
    if (!target) return EXIT.unusable;
    const profiles = await profilesOfSession(ctx, target.session);
    const deleted = await deleteSsoToken(target.cacheDir, target.session);
    const { name } = target.session;
    if (!deleted) {
      ctx.stdout.write(`Not logged in to ${name}; nothing to delete.\n`);
      return EXIT.ok;
    }
    // The profile the user named, if they named one (`--profile NAME` or the bare name).
    const named =
      query.kind !== 'sso-session' && query.name !== name && profiles.includes(query.name) ? query.name : null;
    const others = profiles.filter((p) => p !== named);
    ctx.stdout.write(`Logged out of ${name}.\n`);
    if (others.length > 0)
      ctx.stdout.write(
        named === null
          ? `Profiles on this session, now logged out: ${others.join(', ')}.\n`
          : `${named} shares this session with ${others.length === 1 ? 'another profile' : `${others.length} other profiles`}, now logged out too: ${others.join(', ')}.\n`,
      );
    return EXIT.ok;
  },
});
