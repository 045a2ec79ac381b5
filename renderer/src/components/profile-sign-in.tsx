import type { SsoSession } from '../shared-types';
import type { SessionActivity, SsoLogins } from '../hooks/use-sso-logins';
import { sessionActions, sessionTimes } from '../lib/sso-session-view';

/**
 * The selected profile's SSO session at the top of its card: how long its token lasts, with Log in
 * and Refresh right there. The SSO sessions card below keeps every session's full set of actions
 * and a login's code and link.
 */
export function ProfileSignIn({
  session,
  now,
  activity,
  logins,
}: {
  session: SsoSession;
  now: number;
  activity: SessionActivity;
  logins: SsoLogins;
}) {
  const times = sessionTimes(session, now);
  const can = sessionActions(session);
  const busy = activity.busy !== null;
  const name = session.name;
  return (
    <section className="detail-section profile-sign-in" aria-labelledby="sign-in-title">
      <div className="section-head">
        <h3 id="sign-in-title">Sign-in</h3>
        <div className="sso-actions" role="group" aria-label={`Sign-in actions for ${name}`}>
          <button
            type="button"
            className={session.status === 'valid' ? undefined : 'primary'}
            disabled={!can.canLogIn || busy}
            title={can.loginBlocked ?? undefined}
            onClick={() => logins.login(name)}
          >
            {activity.login !== null ? 'Logging in…' : 'Log in'}
          </button>
          {can.canRefresh && (
            <button type="button" disabled={busy || activity.login !== null} onClick={() => logins.refresh(name)}>
              {activity.busy === 'refresh' ? 'Refreshing…' : 'Refresh'}
            </button>
          )}
        </div>
      </div>
      <p className="profile-sign-in-line">
        {session.legacy ? 'SSO start URL ' : 'SSO session '}
        <strong className="profile-sign-in-name">{name}</strong> · {times.token}
        {activity.login !== null && (
          <span className="muted">
            {' '}
            ·{' '}
            {activity.login.prompt?.userCode
              ? 'confirm the code shown under SSO sessions in the browser'
              : 'finish signing in in the browser'}
          </span>
        )}
      </p>
    </section>
  );
}
