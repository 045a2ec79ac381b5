import { useCallback, useEffect, useState } from 'react';
import type { CloudIdApi } from '../shared-types';
import { errorMessage } from '../lib/errors';
import type { SsoLoginPrompt, SsoLoginResult } from '../lib/sso-types';

/** What the window knows about one session's login, log out or refresh. */
export interface SessionActivity {
  /** A login runs: waiting for its prompt (null) or for the user in the browser. */
  login: { prompt: SsoLoginPrompt | null } | null;
  busy: 'logout' | 'refresh' | null;
  /** The last thing that happened, in words: "Logged in", "The code expired…". */
  message: { kind: 'ok' | 'error'; text: string } | null;
}

const IDLE: SessionActivity = { login: null, busy: null, message: null };

export interface SsoLogins {
  activity(session: string): SessionActivity;
  login(session: string): void;
  cancel(session: string): void;
  openPage(session: string): void;
  copyLink(session: string, url: string): void;
  /** `profiles`: the profiles that use the session, all signed out with it (named in the message). */
  logout(session: string, profiles?: readonly string[]): void;
  refresh(session: string): void;
}

function describeLogin(result: SsoLoginResult): SessionActivity['message'] {
  if (result.status === 'logged-in')
    return { kind: 'ok', text: result.refreshable ? 'Logged in; the app keeps the session alive.' : 'Logged in.' };
  if (result.reason === 'cancelled') return null;
  return { kind: 'error', text: result.message };
}

/**
 * Logins as the window sees them, whoever started them (the window, the tray): prompts and ends
 * arrive as events; a window opened mid-login asks which are in progress.
 */
export function useSsoLogins(api: CloudIdApi): SsoLogins {
  const [state, setState] = useState<ReadonlyMap<string, SessionActivity>>(new Map());
  const update = useCallback((session: string, change: (prev: SessionActivity) => SessionActivity) => {
    setState((prev) => new Map(prev).set(session, change(prev.get(session) ?? IDLE)));
  }, []);

  useEffect(() => {
    let live = true;
    const offPrompt = api.on('ssoLoginPrompt', (prompt) =>
      update(prompt.session, (prev) => ({ ...prev, login: { prompt }, message: null })),
    );
    const offEnded = api.on('ssoLoginEnded', (result) =>
      update(result.session, (prev) => ({ ...prev, login: null, message: describeLogin(result) })),
    );
    api.ssoLoginsInProgress().then(
      (prompts) => {
        if (live) for (const prompt of prompts) update(prompt.session, (prev) => ({ ...prev, login: { prompt } }));
      },
      () => undefined,
    );
    return () => {
      live = false;
      offPrompt();
      offEnded();
    };
  }, [api, update]);

  /** The bridge or the core failed; only a failed `ssoLogin` call ends the login shown. */
  const fail = useCallback(
    (session: string, endsLogin = false) =>
      (error: unknown) =>
        update(session, (prev) => ({
          ...prev,
          login: endsLogin ? null : prev.login,
          busy: null,
          message: { kind: 'error', text: errorMessage(error) },
        })),
    [update],
  );

  return {
    activity: (session) => state.get(session) ?? IDLE,
    login: (session) => {
      // A second click while a login runs joins it in the core: no second browser tab.
      update(session, (prev) => ({ ...prev, login: prev.login ?? { prompt: null }, message: null }));
      api
        .ssoLogin({ session })
        .then(
          (result) => update(session, (prev) => ({ ...prev, login: null, message: describeLogin(result) })),
          fail(session, true),
        );
    },
    cancel: (session) => {
      api.ssoCancelLogin({ session }).catch(fail(session));
    },
    openPage: (session) => {
      api.ssoOpenLoginPage({ session }).then(({ opened }) => {
        if (!opened)
          update(session, (prev) => ({
            ...prev,
            message: { kind: 'error', text: 'The page could not be opened here: copy its address into a browser.' },
          }));
      }, fail(session));
    },
    copyLink: (session, url) => {
      api.copyText({ text: url }).then(
        () =>
          update(session, (prev) => ({
            ...prev,
            message: { kind: 'ok', text: 'Link copied: open it in a browser to sign in.' },
          })),
        fail(session),
      );
    },
    logout: (session, profiles = []) => {
      update(session, (prev) => ({ ...prev, busy: 'logout', message: null }));
      api.ssoLogout({ session }).then(
        ({ deleted }) =>
          update(session, (prev) => ({
            ...prev,
            busy: null,
            message: { kind: 'ok', text: deleted ? loggedOutText(profiles) : 'Was not logged in.' },
          })),
        fail(session),
      );
    },
    refresh: (session) => {
      update(session, (prev) => ({ ...prev, busy: 'refresh', message: null }));
      api.ssoRefresh({ session }).then(
        (result) =>
          update(session, (prev) => ({
            ...prev,
            busy: null,
            message:
              result.status === 'refreshed' || result.status === 'superseded'
                ? { kind: 'ok', text: 'Refreshed.' }
                : { kind: 'error', text: result.message },
          })),
        fail(session),
      );
    },
  };
}

/** The token belongs to the session: every profile on it is signed out, not only the one in view. */
function loggedOutText(profiles: readonly string[]): string {
  if (profiles.length === 0) return 'Logged out.';
  return `Logged out. ${profiles.length === 1 ? 'Profile' : 'Profiles'} signed out with it: ${profiles.join(', ')}.`;
}
