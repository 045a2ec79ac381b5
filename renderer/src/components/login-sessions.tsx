import { useState } from 'react';
import type { CloudIdApi, LoginSession } from '../shared-types';
import { formatExpiry } from '../lib/time-left';
import { ProblemList } from './problem-list';
import { StatusBadge } from './status-badge';
import './sso-sessions.css';

type Action = 'login' | 'logout';

/** The wording of the SkyPilot note; electron/core/aws/aws-login-command.ts says the same to `cloudid`. */
const SKYPILOT_NOTE =
  'SkyPilot: botocore needs awscrt 0.28.4 or later (pip install "botocore[crt]") for these profiles, and only recent SkyPilot versions recognise them.';

/** `aws login` sessions (AWS CLI 2.32+): their state, and Log in / Log out through the CLI. */
export function LoginSessions({
  api,
  sessions,
  current,
  now,
}: {
  api: CloudIdApi;
  sessions: readonly LoginSession[];
  current: string | null;
  now: number;
}) {
  const [busy, setBusy] = useState<{ session: string; action: Action } | null>(null);
  const [outcome, setOutcome] = useState<{ session: string; ok: boolean; message: string } | null>(null);
  if (sessions.length === 0) return null;

  const run = async (session: LoginSession, action: Action): Promise<void> => {
    // The selected profile when it uses this session: `aws login --profile` acts on it.
    const profile = current !== null && session.profiles.includes(current) ? current : session.profiles[0];
    if (profile === undefined) return;
    setBusy({ session: session.name, action });
    setOutcome(null);
    try {
      const result = await api.awsLoginProfile({ profile, action });
      setOutcome({ session: session.name, ...result });
    } catch (error) {
      setOutcome({ session: session.name, ok: false, message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="sessions login-sessions" aria-labelledby="login-sessions-title">
      <div className="section-head">
        <h2 id="login-sessions-title">AWS login sessions ({sessions.length})</h2>
      </div>
      <ul className="session-list">
        {sessions.map((s) => {
          const mine = busy?.session === s.name ? busy.action : null;
          const said = outcome?.session === s.name ? outcome : null;
          const until = formatExpiry(s.expiresAt, now);
          const credentials = formatExpiry(s.credentialsExpireAt, now);
          return (
            <li
              key={s.name}
              className={`session${current !== null && s.profiles.includes(current) ? ' current' : ''}`}
              aria-label={`Login session ${s.name}`}
            >
              <div className="session-head">
                <span className="session-name mono">{s.name}</span>
                <StatusBadge status={s.status} />
              </div>
              <div className="session-meta">
                {s.accountId !== null && <span>Account {s.accountId}</span>}
                {until !== null && <span className="login-until">{s.refreshable ? `sign-in: ${until}` : until}</span>}
                <span>{s.refreshable ? 'renewed by the AWS tools on use' : 'cannot be renewed'}</span>
                {credentials !== null && <span>access keys: {credentials}</span>}
                <span>
                  {s.profiles.length === 1 ? 'profile' : 'profiles'} {s.profiles.join(', ')}
                </span>
              </div>
              <details className="dev-details">
                <summary>Details</summary>
                <div className="session-meta mono" title="The login cache the AWS CLI, botocore and the JS SDK share">
                  <span>login cache {s.cacheFile}</span>
                </div>
              </details>
              <div className="sso-actions" role="group" aria-label={`Actions for ${s.name}`}>
                <button
                  type="button"
                  className={s.status === 'valid' ? undefined : 'primary'}
                  disabled={busy !== null}
                  aria-label={`Log in to ${s.name}`}
                  onClick={() => void run(s, 'login')}
                >
                  {mine === 'login' ? 'Logging in…' : 'Log in'}
                </button>
                <button
                  type="button"
                  disabled={busy !== null || s.status === 'signed-out'}
                  aria-label={`Log out of ${s.name}`}
                  onClick={() => void run(s, 'logout')}
                >
                  {mine === 'logout' ? 'Logging out…' : 'Log out'}
                </button>
              </div>
              <div role="status" className="login-outcome">
                {said !== null && <p className={said.ok ? 'muted' : 'inline-error'}>{said.message}</p>}
              </div>
              <ProblemList problems={s.problems} label={`Problems of ${s.name}`} />
            </li>
          );
        })}
      </ul>
      <p className="muted">
        Log in runs <code>aws login</code> (AWS CLI 2.32 or later). {SKYPILOT_NOTE}
      </p>
    </section>
  );
}
