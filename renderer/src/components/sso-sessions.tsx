import { useMemo, useState } from 'react';
import type { AwsProfile, CloudIdApi, SsoSession } from '../shared-types';
import type { SsoLogins } from '../hooks/use-sso-logins';
import { SsoNewSession } from './sso-new-session';
import { SsoSessionItem, type SessionPanel } from './sso-session-item';
import './sso-sessions.css';

/** Past this many sessions the list shows a filter and the first ones only, until asked for all. */
export const SESSIONS_SHOWN = 20;

/** Every SSO session (and legacy start URL) with its token's state; the selected profile's first. */
export function SsoSessions({
  api,
  sessions,
  profiles,
  current,
  now,
  logins,
}: {
  api: CloudIdApi;
  sessions: readonly SsoSession[];
  profiles: readonly AwsProfile[];
  current: string | null;
  now: number;
  /** The window's SSO logins, shared with the profile card's Log in. */
  logins: SsoLogins;
}) {
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<{ session: string; panel: SessionPanel } | null>(null);
  const profileNames = useMemo(() => profiles.map((p) => p.name), [profiles]);
  const ordered = useMemo(
    () =>
      [...sessions].sort(
        (a, b) => Number(b.name === current) - Number(a.name === current) || a.name.localeCompare(b.name),
      ),
    [sessions, current],
  );
  // Organisations with hundreds of sessions get a filter, and a short list until they ask for all.
  const many = sessions.length > SESSIONS_SHOWN;
  const [filter, setFilter] = useState('');
  const [showAll, setShowAll] = useState(false);
  const matching = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    if (needle === '') return ordered;
    return ordered.filter(
      (s) => s.name.toLowerCase().includes(needle) || (s.startUrl ?? '').toLowerCase().includes(needle),
    );
  }, [ordered, filter]);
  // The session whose panel is open stays listed, wherever it is.
  const shown = useMemo(() => {
    if (!many || showAll) return matching;
    const first = matching.slice(0, SESSIONS_SHOWN);
    const opened = open === null ? undefined : matching.find((s) => s.name === open.session);
    return opened !== undefined && !first.includes(opened) ? [...first, opened] : first;
  }, [many, showAll, matching, open]);
  return (
    <section className="sessions" aria-labelledby="sessions-title">
      <div className="section-head">
        <h2 id="sessions-title">SSO sessions ({sessions.length})</h2>
        <button type="button" aria-expanded={creating} onClick={() => setCreating(!creating)}>
          New SSO session…
        </button>
      </div>
      {creating && (
        <SsoNewSession
          api={api}
          existing={sessions.map((s) => s.name)}
          onCreated={(name) => {
            setCreating(false);
            setOpen({ session: name, panel: 'profile' });
          }}
          onClose={() => setCreating(false)}
        />
      )}
      {many && (
        <div className="session-filter">
          <input
            type="search"
            aria-label="Filter SSO sessions"
            placeholder="Filter by name or start URL"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
          <span className="muted" role="status">
            {shown.length === matching.length
              ? `${matching.length} shown`
              : `${shown.length} of ${matching.length} shown`}
          </span>
          {shown.length < matching.length && (
            <button type="button" className="link-button" onClick={() => setShowAll(true)}>
              Show all {matching.length}
            </button>
          )}
        </div>
      )}
      {sessions.length === 0 ? (
        <p className="muted">No SSO sessions are configured.</p>
      ) : matching.length === 0 ? (
        <p className="muted">No SSO session matches “{filter.trim()}”.</p>
      ) : (
        <ul className="session-list">
          {shown.map((session) => (
            <SsoSessionItem
              key={session.name}
              api={api}
              session={session}
              current={session.name === current}
              now={now}
              activity={logins.activity(session.name)}
              logins={logins}
              panel={open?.session === session.name ? open.panel : null}
              profileNames={profileNames}
              onPanel={(panel) => setOpen(panel === null ? null : { session: session.name, panel })}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
