// Logins as the running app does them: one coordinator for the whole app, so a second "Log in"
// (the window twice, or the tray and the window) joins the login in progress instead of opening
// another browser tab. Every login's prompt and end are announced to listeners (the window shows
// the code whoever started the login), and the core re-reads the token cache at once.
import type { LoginOutcome, LoginPrompt } from '../aws/sso-login/login-outcome';
import { SsoLoginCoordinator } from '../aws/sso-login/login-coordinator';
import { loginSsoSession } from '../aws/sso-login/login-sso-session';
import { defaultLoginFlow, ssoCacheDir, type SsoLoginFlow, type SsoSessionRef } from '../aws/sso-login/sso-session-ref';
import type { SsoSession } from '../../shared/model';
import type { Core } from './core';

export type SsoLoginAnswer = (
  LoginOutcome | { status: 'failed'; session: string; reason: 'unknown-session'; message: string }
) & { joined: boolean };

export interface SsoLoginServiceOptions {
  core: Core;
  /** Opens a URL in the user's browser through the shell's allow-list; false when refused or it failed. */
  openExternal?: (url: string) => Promise<boolean>;
  onPrompt?: (prompt: LoginPrompt) => void;
  onEnded?: (answer: SsoLoginAnswer) => void;
}

export interface SsoLoginService {
  login(session: string, flow?: SsoLoginFlow): Promise<SsoLoginAnswer>;
  cancel(session: string): boolean;
  inProgress(): LoginPrompt[];
  /** Opens the page of the login in progress again; false when none, the URL is refused or the browser did not open. */
  openPage(session: string): Promise<boolean>;
  cancelAll(): void;
}

/** What a login or refresh needs, from the snapshot's view of a session; null when it cannot. */
export function sessionRefOf(session: SsoSession): SsoSessionRef | null {
  if (session.startUrl === null || session.region === null) return null;
  return {
    name: session.name,
    legacy: session.legacy,
    startUrl: session.startUrl,
    region: session.region,
    registrationScopes: session.registrationScopes,
  };
}

export function findSessionRef(core: Core, name: string): { ref: SsoSessionRef } | { error: string } {
  const session = core.snapshot().aws.ssoSessions.find((s) => s.name === name);
  if (session === undefined) return { error: `No SSO session named "${name}" in your AWS config.` };
  const ref = sessionRefOf(session);
  if (ref === null) {
    const missing = [session.startUrl === null ? 'sso_start_url' : null, session.region === null ? 'sso_region' : null]
      .filter(Boolean)
      .join(' and ');
    return { error: `SSO session "${name}" has no ${missing}.` };
  }
  return { ref };
}

export function chooseLoginFlow(
  session: Pick<SsoSessionRef, 'legacy'>,
  asked: SsoLoginFlow | undefined,
  setting: 'auto' | SsoLoginFlow | undefined,
): SsoLoginFlow {
  if (asked !== undefined) return asked;
  if (setting === 'pkce' || setting === 'device-code') return setting;
  return defaultLoginFlow(session);
}

export function createSsoLoginService(options: SsoLoginServiceOptions): SsoLoginService {
  const { core } = options;
  const coordinator = new SsoLoginCoordinator();
  const prompts = new Map<string, LoginPrompt>();

  const login = async (name: string, flow?: SsoLoginFlow): Promise<SsoLoginAnswer> => {
    const found = findSessionRef(core, name);
    if ('error' in found)
      return { status: 'failed', session: name, reason: 'unknown-session', message: found.error, joined: false };
    const session = found.ref;
    const handle = coordinator.login(session.name, ({ signal, onPrompt }) =>
      loginSsoSession({
        session,
        cacheDir: ssoCacheDir(core.context.homeDir),
        env: core.context.env,
        signal,
        flow: chooseLoginFlow(session, flow, core.settings().ssoLoginFlow),
        onPrompt: (prompt) => {
          prompts.set(session.name, prompt);
          onPrompt(prompt);
          options.onPrompt?.(prompt);
        },
        // A browser that did not open is not the login's failure: the window shows the link and
        // its "Open the page" button reports it (openPage below).
        ...(options.openExternal ? { openUrl: async (url: string) => void (await options.openExternal?.(url)) } : {}),
      }),
    );
    if (!handle.started) {
      // The user clicked again: bring the page of the login in progress to the front once more.
      const prompt = handle.prompt();
      if (prompt !== null) options.onPrompt?.(prompt);
      return { ...(await handle.outcome), joined: true };
    }
    let outcome: LoginOutcome;
    try {
      outcome = await handle.outcome;
    } finally {
      prompts.delete(session.name);
    }
    // The watcher would see the new token too; reading now makes every profile valid at once.
    if (outcome.status === 'logged-in') await core.reload().catch(() => undefined);
    const answer = { ...outcome, joined: false };
    options.onEnded?.(answer);
    return answer;
  };

  return {
    login,
    cancel: (session) => coordinator.cancel(session),
    inProgress: () => [...prompts.values()],
    async openPage(session) {
      const prompt = prompts.get(session);
      if (prompt === undefined || !options.openExternal) return false;
      return options.openExternal(prompt.verificationUriComplete);
    },
    cancelAll: () => coordinator.cancelAll(),
  };
}
