import type { RequestDeadlineOptions } from '../../net/deadline';
import type { LoginClock } from './login-clock';
import type { LoginPrompt } from './login-outcome';
import type { SsoSessionRef } from './sso-session-ref';

export interface SsoLoginOptions extends RequestDeadlineOptions {
  session: SsoSessionRef;
  /** `~/.aws/sso/cache` of the user (see ssoCacheDir). */
  cacheDir: string;
  /** Where AWS_ENDPOINT_URL_SSO_OIDC / AWS_ENDPOINT_URL are read from. */
  env: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  /** Called once the user has something to do: show the code and the URL. */
  onPrompt?: (prompt: LoginPrompt) => void;
  /**
   * Opens the URL in the user's browser (the shell passes its allow-listed openExternal).
   * Without it the flow only reports the prompt, and the user opens the URL.
   */
  openUrl?: (url: string) => Promise<void>;
  clock?: LoginClock;
}
