import type { GcpState } from '../lib/gcp-types';
import { GCP_STATUS_LABEL } from '../../../electron/shared/status-words';
import { credentialTypeLabel, needsSignIn, statusClass } from '../lib/gcp-labels';
import type { ShellProfileBlockState } from '../lib/gcp-shell-profile-text';
import { formatExpiry } from '../lib/time-left';

/** Every account gcloud holds credentials for, and the two ways client libraries find one. */
export function GcpAccounts({
  gcp,
  now,
  profileBlock,
}: {
  gcp: GcpState;
  now: number;
  profileBlock: ShellProfileBlockState | null;
}) {
  const { adc, googleApplicationCredentials: gac } = gcp;
  return (
    <section className="gcp-card" aria-labelledby="gcp-accounts-title">
      <h2 id="gcp-accounts-title">Accounts</h2>
      {gcp.accounts.length === 0 ? (
        <p className="empty-note">
          gcloud holds no credentials yet. Drop a service-account key here, or run <code>gcloud auth login</code>.
        </p>
      ) : (
        <ul className="plain-list gcp-account-list">
          {gcp.accounts.map((a) => (
            <li key={a.account} className={`gcp-account${needsSignIn(a.status) ? ' gcp-account-bad' : ''}`}>
              <span className="gcp-account-name">{a.account}</span>
              <span className="muted">{credentialTypeLabel(a.type)}</span>
              <span className={`status-badge ${statusClass(a.status)}`}>{GCP_STATUS_LABEL[a.status]}</span>
              {a.tokenExpiresAt !== null && (
                <span className="muted gcp-token-expiry">
                  cached access token {formatExpiry(a.tokenExpiresAt, now)}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <h3 className="gcp-subhead">For client libraries (and SkyPilot)</h3>
      <dl className="fields">
        <dt>Application default credentials</dt>
        <dd className="gcp-adc">
          {adc === null ? (
            <span className="muted">none (no application_default_credentials.json)</span>
          ) : (
            <>
              {credentialTypeLabel(adc.type)}
              {adc.account ? ` · ${adc.account}` : ''}{' '}
              <span className={`status-badge ${statusClass(adc.status)}`}>{GCP_STATUS_LABEL[adc.status]}</span>
              <div className="mono muted">{adc.path}</div>
            </>
          )}
        </dd>
        <dt>GOOGLE_APPLICATION_CREDENTIALS</dt>
        <dd className="gcp-gac">
          {gac === null ? (
            <span className="muted">not set in the app’s environment</span>
          ) : (
            <>
              {gac.valid ? (
                <span>
                  {gac.account ?? 'valid key'}
                  {gac.project ? ` · project ${gac.project}` : ''}{' '}
                  <span className="status-badge status-valid">Valid</span>
                </span>
              ) : (
                <span className="inline-error">{gac.problem ?? 'not usable'}</span>
              )}
              <div className="mono muted">{gac.path}</div>
            </>
          )}
          {profileBlock !== null && profileBlock.files.length > 0 && (
            <div className="gcp-profile-block">
              Your shell profiles set it to{' '}
              {profileBlock.keyPaths.map((path) => gcp.keys.find((k) => k.path === path)?.account ?? path).join(', ') ||
                'a key'}{' '}
              <span className="muted">
                ({profileBlock.files.join(', ')}; new terminals{gac === null ? ', not this app,' : ''} use it)
              </span>
            </div>
          )}
        </dd>
      </dl>
    </section>
  );
}
