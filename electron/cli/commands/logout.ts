// `cloudid logout <profile|session>`: deletes that session's token file only (`aws sso logout`
// deletes every token in the cache folder).
import { deleteSsoToken } from '../../core/aws/sso-login/token-cache-writer';
import { EXIT } from '../exit-codes';
import type { CliContext } from './cli-context';
import { startSsoCommand } from './sso-target-args';
import { loginProfileNamed, runLoginProfile } from './aws-login-profile';

const HELP = `Usage: cloudid logout <profile|sso-session>
       cloudid logout --profile NAME | --sso-session NAME

Deletes the cached SSO token of that one session; other sessions stay logged in.
For a profile with login_session, runs \`aws logout --profile NAME\` (AWS CLI 2.32 or later).
`;

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const loginProfile = await loginProfileNamed(argv, ctx, []);
  if (loginProfile !== null) return runLoginProfile('logout', loginProfile, ctx);
  const start = await startSsoCommand('logout', HELP, argv, ctx);
  if (!start.ok) return start.exitCode;
  const deleted = await deleteSsoToken(start.cacheDir, start.session);
  ctx.stdout.write(
    deleted ? `Logged out of ${start.session.name}.\n` : `Not logged in to ${start.session.name}; nothing to delete.\n`,
  );
  return EXIT.ok;
}
