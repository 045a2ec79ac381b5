// `cloudid refresh <profile|session>`: what the tray does silently, now.
import { refreshSsoSession } from '../../core/aws/sso-login/refresh';
import { EXIT } from '../exit-codes';
import type { CliContext } from './cli-context';
import { startSsoCommand } from './sso-target-args';

const HELP = `Usage: cloudid refresh <profile|sso-session>
       cloudid refresh --profile NAME | --sso-session NAME

Renews the session's access token with its refresh token, without a browser.
Exits 1 when the session cannot be refreshed (then run \`cloudid login\`).
`;

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const start = await startSsoCommand('refresh', HELP, argv, ctx);
  if (!start.ok) return start.exitCode;
  const outcome = await refreshSsoSession({
    session: start.session,
    cacheDir: start.cacheDir,
    env: ctx.env,
    ...(ctx.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: ctx.requestTimeoutMs }),
  });
  switch (outcome.status) {
    case 'refreshed':
      ctx.stdout.write(`Refreshed ${outcome.session}: token valid until ${outcome.expiresAt}.\n`);
      return EXIT.ok;
    case 'superseded':
      ctx.stdout.write(`${outcome.session} was renewed by another program meanwhile; its token is kept.\n`);
      return EXIT.ok;
    default:
      ctx.stderr.write(`cloudid refresh: ${outcome.message}\n`);
      return EXIT.unusable;
  }
}
