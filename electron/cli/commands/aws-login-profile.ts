// `cloudid login|logout <profile>` for a profile of kind `login` (AWS CLI 2.32+ `aws login`): the
// command runs the first `aws` on PATH, which owns that sign-in (electron/core/aws/aws-login-command.ts).
import { readAwsInputs } from '../../core/aws/aws-sources';
import { detectAwsClis } from '../../core/aws/aws-cli-detect';
import { awsLoginCli, LOGIN_SKYPILOT_NOTE, runAwsLogin, type AwsLoginAction } from '../../core/aws/aws-login-command';
import { EXIT } from '../exit-codes';
import type { CommandContext } from '../command';
import type { SsoTargetQuery } from '../../core/aws/sso-login/resolve-sso-target';

/** The profile a query names when it is a `login` profile; null leaves it to the SSO path. */
export async function loginProfileFor(query: SsoTargetQuery, ctx: CommandContext): Promise<string | null> {
  if (query.kind === 'sso-session') return null;
  const inputs = await readAwsInputs(ctx.env, ctx.homeDir, Date.now());
  const profile = inputs.parsed.profiles.find((p) => p.name === query.name);
  return profile?.kind === 'login' && profile.loginSession !== null ? profile.name : null;
}

export async function runLoginProfile(action: AwsLoginAction, profile: string, ctx: CommandContext): Promise<number> {
  const cli = await detectAwsClis({ path: ctx.env.PATH, platform: process.platform, env: ctx.env });
  const aws = awsLoginCli(cli);
  if (!aws.ok) {
    ctx.stderr.write(`cloudid ${action}: profile ${profile} uses \`aws login\`: ${aws.message}\n`);
    return EXIT.unusable;
  }
  const outcome = await runAwsLogin({
    action,
    profile,
    aws: aws.path,
    env: ctx.env,
    stdin: 'inherit',
    onOutput: (stream, text) => (stream === 'stdout' ? ctx.stdout : ctx.stderr).write(text),
  });
  if (!outcome.ok) {
    ctx.stderr.write(`cloudid ${action}: ${outcome.message}\n`);
    return EXIT.unusable;
  }
  if (action === 'login') ctx.stderr.write(`Note for SkyPilot users: ${LOGIN_SKYPILOT_NOTE}\n`);
  return EXIT.ok;
}
