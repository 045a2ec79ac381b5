// The entry point the shell and the CLI use: pick the flow (PKCE for sso-session profiles,
// device code for legacy ones, unless the caller or a setting chooses) and run it.
import { loginWithDeviceCode } from './device-code-flow';
import type { LoginOutcome } from './login-outcome';
import { loginWithPkce, type PkceLoginOptions } from './pkce-flow';
import { defaultLoginFlow, type SsoLoginFlow } from './sso-session-ref';

export interface LoginSsoSessionOptions extends PkceLoginOptions {
  /** Omitted: the default for the session's kind. */
  flow?: SsoLoginFlow;
}

export function loginSsoSession(options: LoginSsoSessionOptions): Promise<LoginOutcome> {
  const flow = options.flow ?? defaultLoginFlow(options.session);
  return flow === 'pkce' ? loginWithPkce(options) : loginWithDeviceCode(options);
}
