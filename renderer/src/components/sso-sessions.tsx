import { useMemo, useState } from 'react';
import type { AwsProfile, CloudIdApi, SsoSession } from '../shared-types';
import { useSsoLogins } from '../hooks/use-sso-logins';
import { SsoNewSession } from './sso-new-session';
import { SsoSessionItem, type SessionPanel } from './sso-session-item';
import './sso-sessions.css';

/** Every SSO session (and legacy start URL) with its token's state; the selected profile's first. */
export function SsoSessions({
  api,
  sessions,
  profiles,
  current,
  now,
}: {
  api: CloudIdApi;
  sessions: readonly SsoSession[];
  profiles: readonly AwsProfile[];
  current: string | null;
  now: number;
}) {
  const logins = useSsoLogins(api);
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<{ session: string; panel: SessionPanel } | null>(null);
  const profileNames = useMemo(() => profiles.map((p) => p.name), [profiles]);
  const ordered = useMemo(
    () => [...sessions].sort((a, b) => Number(b.name === current) - Number(a.name === current) || a.name.localeCompare(b.name)),
    [sessions, current],
  );
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
      {sessions.length === 0 ? (
        <p className="muted">No SSO sessions are configured.</p>
      ) : (
        <ul className="session-list">
          {ordered.map((session) => (
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
