import type { CloudIdApi, SsoSession } from '../shared-types';
import type { SessionActivity, SsoLogins } from '../hooks/use-sso-logins';
import { formatLocation } from '../lib/labels';
import { sessionActions, sessionTimes } from '../lib/sso-session-view';
import { ProblemList } from './problem-list';
import { SsoAddProfile } from './sso-add-profile';
import { SsoLoginPromptView } from './sso-login-prompt';
import { SsoSyncPanel } from './sso-sync-panel';
import { StatusBadge } from './status-badge';

export type SessionPanel = 'profile' | 'sync' | null;

/** One SSO session: its state, Log in / Log out / Refresh, and its configure panels. */
export function SsoSessionItem({
  api,
  session,
  current,
  now,
  activity,
  logins,
  panel,
  profileNames,
  onPanel,
}: {
  api: CloudIdApi;
  session: SsoSession;
  current: boolean;
  now: number;
  activity: SessionActivity;
  logins: SsoLogins;
  panel: SessionPanel;
  profileNames: readonly string[];
  onPanel(panel: SessionPanel): void;
}) {
  const times = sessionTimes(session, now);
  const can = sessionActions(session);
  const name = session.name;
  const busy = activity.busy !== null;
  return (
    <li className={`session${current ? ' current' : ''}`} aria-label={`SSO session ${name}`}>
      <div className="session-head">
        <span className="session-name">{name}</span>
        {session.legacy && <span className="tag">legacy</span>}
        <StatusBadge status={session.status} />
      </div>
      <div className="session-meta sso-times">
        <span className="sso-token-time">{times.token}</span>
        {times.session !== null && <span className="sso-session-time">{times.session}</span>}
        <span>{times.renewal}</span>
        <span>
          {session.profiles.length} {session.profiles.length === 1 ? 'profile' : 'profiles'}
        </span>
      </div>
      <div className="session-meta mono">
        {session.startUrl !== null && <span>{session.startUrl}</span>}
        {session.region !== null && <span>{session.region}</span>}
      </div>
      <details className="dev-details">
        <summary>Details</summary>
        <div className="session-meta mono">
          {session.source !== null && <span>{formatLocation(session.source.file, session.source.line)}</span>}
        </div>
        <div className="session-meta mono" title="The token cache file the AWS CLI, botocore and the JS SDK share">
          <span>token cache {session.cacheFile}</span>
        </div>
      </details>
      <div className="sso-actions" role="group" aria-label={`Actions for ${name}`}>
        <button
          type="button"
          className={session.status === 'valid' ? undefined : 'primary'}
          disabled={!can.canLogIn || busy}
          title={can.loginBlocked ?? undefined}
          aria-label={`Log in to ${name}`}
          onClick={() => logins.login(name)}
        >
          {activity.login !== null ? 'Logging in…' : 'Log in'}
        </button>
        <button
          type="button"
          disabled={!can.canRefresh || busy || activity.login !== null}
          aria-label={`Refresh ${name}`}
          onClick={() => logins.refresh(name)}
        >
          {activity.busy === 'refresh' ? 'Refreshing…' : 'Refresh'}
        </button>
        <button
          type="button"
          disabled={!can.canLogOut || busy || activity.login !== null}
          aria-label={`Log out of ${name}`}
          title={
            session.profiles.length > 0
              ? `Signs out every profile on this session: ${session.profiles.join(', ')}`
              : undefined
          }
          onClick={() => logins.logout(name, session.profiles)}
        >
          {activity.busy === 'logout' ? 'Logging out…' : 'Log out'}
        </button>
        {can.canConfigure && (
          <>
            <button
              type="button"
              aria-expanded={panel === 'profile'}
              onClick={() => onPanel(panel === 'profile' ? null : 'profile')}
            >
              Add profile…
            </button>
            <button
              type="button"
              aria-expanded={panel === 'sync'}
              onClick={() => onPanel(panel === 'sync' ? null : 'sync')}
            >
              Sync accounts…
            </button>
          </>
        )}
      </div>
      {activity.login !== null && (
        <SsoLoginPromptView
          session={name}
          prompt={activity.login.prompt}
          onOpenPage={() => logins.openPage(name)}
          onCopyLink={(url) => logins.copyLink(name, url)}
          onCancel={() => logins.cancel(name)}
        />
      )}
      {activity.message !== null && (
        <p
          className={activity.message.kind === 'error' ? 'inline-error' : 'sso-ok'}
          role={activity.message.kind === 'error' ? 'alert' : 'status'}
        >
          {activity.message.text}
        </p>
      )}
      {panel === 'profile' && (
        <SsoAddProfile
          api={api}
          session={session}
          profileNames={profileNames}
          onLogIn={() => logins.login(name)}
          onClose={() => onPanel(null)}
        />
      )}
      {panel === 'sync' && (
        <SsoSyncPanel api={api} session={session} onLogIn={() => logins.login(name)} onClose={() => onPanel(null)} />
      )}
      {session.problems.length > 0 && (
        <ProblemList problems={session.problems} label={`Problems of SSO session ${name}`} />
      )}
    </li>
  );
}
