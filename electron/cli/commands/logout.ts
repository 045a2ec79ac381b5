// `cloudid logout <profile|session>`: deletes that session's token file only (`aws sso logout`
// deletes every token in the cache folder).
import { deleteSsoToken } from '../../core/aws/sso-login/token-cache-writer';
import { EXIT } from '../exit-codes';
import type { CliContext } from './cli-context';
import { lookUpSsoTarget, parseSsoArgs } from './sso-target-args';

const HELP = `Usage: cloudid logout <profile|sso-session>
       cloudid logout --profile NAME | --sso-session NAME

Deletes the cached SSO token of that one session; other sessions stay logged in.
`;

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    ctx.stdout.write(HELP);
    return EXIT.ok;
  }
  const args = parseSsoArgs(argv, []);
  if (args.error || !args.query) {
    ctx.stderr.write(`cloudid logout: ${args.error ?? 'which profile or sso-session?'}\n\n${HELP}`);
    return EXIT.usage;
  }
  const target = await lookUpSsoTarget(ctx, args.query);
  if (!target.ok) {
    ctx.stderr.write(`cloudid logout: ${target.message}\n`);
    return EXIT.unusable;
  }
  const deleted = await deleteSsoToken(target.cacheDir, target.session);
  ctx.stdout.write(deleted ? `Logged out of ${target.session.name}.\n` : `Not logged in to ${target.session.name}; nothing to delete.\n`);
  return EXIT.ok;
}
