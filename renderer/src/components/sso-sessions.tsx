import type { SsoSession } from '../shared-types';
import { formatLocation } from '../lib/labels';
import { formatExpiry } from '../lib/time-left';
import { ProblemList } from './problem-list';
import { StatusBadge } from './status-badge';

/** Every SSO session (and legacy start URL) with its token's state; the selected profile's first. */
export function SsoSessions({ sessions, current, now }: { sessions: readonly SsoSession[]; current: string | null; now: number }) {
  const ordered = [...sessions].sort((a, b) => Number(b.name === current) - Number(a.name === current) || a.name.localeCompare(b.name));
  return (
    <section className="sessions" aria-labelledby="sessions-title">
      <h2 id="sessions-title">SSO sessions ({sessions.length})</h2>
      {sessions.length === 0 ? (
        <p className="muted">No SSO sessions are configured.</p>
      ) : (
        <ul className="session-list">
          {ordered.map((session) => (
            <li key={session.name} className={`session${session.name === current ? ' current' : ''}`} aria-label={`SSO session ${session.name}`}>
              <div className="session-head">
                <span className="session-name">{session.name}</span>
                {session.legacy && <span className="tag">legacy</span>}
                <StatusBadge status={session.status} />
              </div>
              <div className="session-meta">
                <span>{formatExpiry(session.expiresAt, now) ?? (session.status === 'signed-out' ? 'not signed in' : 'no expiry known')}</span>
                <span>{session.refreshable ? 'refreshes without a browser' : 'needs a browser sign-in to renew'}</span>
                <span>
                  {session.profiles.length} {session.profiles.length === 1 ? 'profile' : 'profiles'}
                </span>
              </div>
              <div className="session-meta mono">
                {session.startUrl !== null && <span>{session.startUrl}</span>}
                {session.region !== null && <span>{session.region}</span>}
                {session.source !== null && <span>{formatLocation(session.source.file, session.source.line)}</span>}
              </div>
              <div className="session-meta mono" title="The token cache file the AWS CLI, botocore and the JS SDK share">
                <span>token cache {session.cacheFile}</span>
              </div>
              {session.problems.length > 0 && <ProblemList problems={session.problems} label={`Problems of SSO session ${session.name}`} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
