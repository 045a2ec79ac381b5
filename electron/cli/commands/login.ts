// `cloudid login <profile|session> [--use-device-code] [--no-browser]`: `aws sso login` with the
// AWS CLI's flag names. PKCE by default for sso-session profiles, device code for legacy ones.
import type { LoginPrompt } from '../../core/aws/sso-login/login-outcome';
import { loginSsoSession } from '../../core/aws/sso-login/login-sso-session';
import { defineCommand } from '../command';
import { EXIT } from '../exit-codes';
import { whenText } from '../time-text';
import { SSO_TARGET_OPTIONS, ssoTargetOrReport, ssoTargetQuery } from './sso-target-args';
import { loginProfileFor, runLoginProfile } from './aws-login-profile';

const HELP = `Logs in to AWS IAM Identity Center and writes the shared token cache, so the AWS CLI,
botocore (SkyPilot) and the AWS SDKs can use every profile of that session.
For a profile with login_session, runs \`aws login --profile NAME\` (AWS CLI 2.32 or later).

  --use-device-code  use the device code flow (default for sso-session profiles: the browser
                     flow with a loopback redirect, like AWS CLI >= 2.22)
  --no-browser       print the URL instead of opening a browser`;

function describePrompt(prompt: LoginPrompt, browserOpens: boolean): string {
  if (prompt.userCode === null) {
    return browserOpens
      ? `Attempting to open the authorization page in your browser.\nIf it does not open, open this URL:\n\n${prompt.verificationUriComplete}\n\n`
      : `Open this URL in a browser on this machine to log in:\n\n${prompt.verificationUriComplete}\n\n` +
          'Waiting for the browser to finish... (the browser is on another machine? use --use-device-code)\n';
  }
  const lead = browserOpens
    ? 'Attempting to open the authorization page in your browser.\nIf it does not open, or to use another device, open this URL:'
    : 'Open this URL:';
  return `${lead}\n\n${prompt.verificationUri}\n\nThen enter the code:\n\n${prompt.userCode}\n\nOr open this URL, which fills in the code:\n${prompt.verificationUriComplete}\n\n`;
}

export const run = defineCommand({
  name: 'login',
  usage: `cloudid login <profile|sso-session> [--use-device-code] [--no-browser]
cloudid login --profile NAME | --sso-session NAME [...]`,
  help: HELP,
  options: { ...SSO_TARGET_OPTIONS, 'use-device-code': { type: 'boolean' }, 'no-browser': { type: 'boolean' } },
  run: async ({ values, positionals }, ctx) => {
    const query = ssoTargetQuery(values, positionals);
    const loginProfile = await loginProfileFor(query, ctx);
    if (loginProfile !== null) return runLoginProfile('login', loginProfile, ctx);
    const target = await ssoTargetOrReport('login', ctx, query);
    if (!target) return EXIT.unusable;
    const { session, cacheDir } = target;
    const openUrl = values['no-browser'] ? undefined : ctx.openUrl;
    const outcome = await loginSsoSession({
      session,
      cacheDir,
      env: ctx.env,
      ...(ctx.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: ctx.requestTimeoutMs }),
      onPrompt: (prompt: LoginPrompt) => ctx.stderr.write(describePrompt(prompt, openUrl !== undefined)),
      ...(openUrl ? { openUrl } : {}),
      ...(values['use-device-code'] ? { flow: 'device-code' as const } : {}),
    });
    if (outcome.status === 'failed') {
      ctx.stderr.write(`cloudid login: ${outcome.message}\n`);
      return EXIT.unusable;
    }
    ctx.stdout.write(`Successfully logged into Start URL: ${session.startUrl}\n`);
    ctx.stdout.write(
      `Token expires ${whenText(outcome.expiresAt, Date.now())}${outcome.refreshable ? '; the app can refresh it silently' : ''}.\n`,
    );
    return EXIT.ok;
  },
});
