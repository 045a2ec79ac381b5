// "Log in" / "Log out" of an `aws login` profile from the window or the tray: runs the first `aws`
// on PATH (electron/core/aws/aws-login-command.ts), then re-reads, so the snapshot shows the new
// cache at once. A second call for the same profile while one runs joins it: no second browser tab.
import type { AwsLoginResult } from '../../shared/contract';
import { detectAwsClis } from '../aws/aws-cli-detect';
import { awsLoginCli, runAwsLogin, type AwsLoginAction } from '../aws/aws-login-command';
import type { Core } from './core';

/** `aws login` waits for the browser; a sign-in left open this long is abandoned. */
const AWS_LOGIN_TIMEOUT_MS = 10 * 60_000;

export interface AwsLoginService {
  run(profile: string, action: AwsLoginAction): Promise<AwsLoginResult>;
}

export function createAwsLoginService(core: Core): AwsLoginService {
  const running = new Map<string, Promise<AwsLoginResult>>();

  const once = async (profile: string, action: AwsLoginAction): Promise<AwsLoginResult> => {
    const found = core.snapshot().aws.profiles.find((p) => p.name === profile);
    if (!found || found.kind !== 'login')
      return { ok: false, message: `Profile ${profile} does not use \`aws login\` (no login_session).` };
    const env = core.context.env;
    const cli = await detectAwsClis({ path: env.PATH, platform: process.platform, env });
    const aws = awsLoginCli(cli);
    if (!aws.ok) return { ok: false, message: aws.message };
    const outcome = await runAwsLogin({
      action,
      profile,
      aws: aws.path,
      env,
      stdin: 'ignore',
      signal: AbortSignal.timeout(AWS_LOGIN_TIMEOUT_MS),
    });
    await core.reload().catch(() => undefined);
    return { ok: outcome.ok, message: outcome.message };
  };

  return {
    run(profile, action) {
      const key = `${action}\n${profile}`;
      let pending = running.get(key);
      if (!pending) {
        pending = once(profile, action).finally(() => running.delete(key));
        running.set(key, pending);
      }
      return pending;
    },
  };
}
