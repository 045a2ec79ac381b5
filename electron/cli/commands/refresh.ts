// `cloudid refresh <profile|session>`: what the tray does silently, now.
import { refreshSsoSession } from '../../core/aws/sso-login/refresh';
import { defineCommand } from '../command';
import { EXIT } from '../exit-codes';
import { whenText } from '../time-text';
import { SSO_TARGET_OPTIONS, ssoTargetOrReport, ssoTargetQuery } from './sso-target-args';

export const run = defineCommand({
  name: 'refresh',
  usage: `cloudid refresh <profile|sso-session>
cloudid refresh --profile NAME | --sso-session NAME`,
  help: `Renews the session's access token with its refresh token, without a browser.
Exits 1 when the session cannot be refreshed (then run \`cloudid login\`).`,
  options: SSO_TARGET_OPTIONS,
  run: async ({ values, positionals }, ctx) => {
    const target = await ssoTargetOrReport('refresh', ctx, ssoTargetQuery(values, positionals));
    if (!target) return EXIT.unusable;
    const outcome = await refreshSsoSession({
      session: target.session,
      cacheDir: target.cacheDir,
      env: ctx.env,
      ...(ctx.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: ctx.requestTimeoutMs }),
    });
    switch (outcome.status) {
      case 'refreshed':
        ctx.stdout.write(`Refreshed ${outcome.session}: token expires ${whenText(outcome.expiresAt, Date.now())}.\n`);
        return EXIT.ok;
      case 'superseded':
        ctx.stdout.write(`${outcome.session} was renewed by another program meanwhile; its token is kept.\n`);
        return EXIT.ok;
      default:
        ctx.stderr.write(`cloudid refresh: ${outcome.message}\n`);
        return EXIT.unusable;
    }
  },
});
