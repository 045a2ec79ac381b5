import type { GcpState } from '../lib/gcp-types';
import { GCP_STATUS_LABEL } from '../../../electron/shared/status-words';
import { credentialTypeLabel, probeSummary, statusClass } from '../lib/gcp-labels';

/** What gcloud uses right now: the active configuration, its account and project, and overrides. */
export function GcpGcloudSummary({
  gcp,
  probing,
  probed,
  onProbe,
}: {
  gcp: GcpState;
  probing: boolean;
  probed: boolean;
  onProbe(): void;
}) {
  const active = gcp.configurations.find((c) => c.active) ?? null;
  const account = active?.account ? (gcp.accounts.find((a) => a.account === active.account) ?? null) : null;
  const overrideOf = (property: string) => gcp.overrides.find((o) => o.property === property) ?? null;
  const accountOverride = overrideOf('core/account');
  const projectOverride = overrideOf('core/project');
  return (
    <section className="gcp-card" aria-labelledby="gcp-active-title">
      <div className="section-head">
        <h2 id="gcp-active-title">gcloud now</h2>
        {/* Nothing signed in yet: nothing to check. */}
        {(gcp.accounts.length > 0 || gcp.adc !== null) && (
          <button
            type="button"
            onClick={onProbe}
            disabled={probing}
            title="Ask Google whether your user sign-ins still refresh"
          >
            {probing ? 'Checking…' : 'Check sign-ins'}
          </button>
        )}
      </div>
      <p className="gcp-probe-status muted" role="status">
        {probed && !probing ? probeSummary(gcp) : ''}
      </p>
      <dl className="fields">
        <dt>Configuration</dt>
        <dd>
          <strong className="gcp-active-configuration">{gcp.activeConfiguration}</strong>
        </dd>
        <dt>Account</dt>
        <dd className="gcp-active-account">
          {accountOverride ? (
            <Override value={accountOverride.value} variable={accountOverride.variable} />
          ) : (
            (active?.account ?? <span className="muted">none set</span>)
          )}
          {account && (
            <>
              {' '}
              <span className="muted">{credentialTypeLabel(account.type)}</span>{' '}
              <span className={`status-badge ${statusClass(account.status)}`}>{GCP_STATUS_LABEL[account.status]}</span>
            </>
          )}
        </dd>
        <dt>Project</dt>
        <dd className="gcp-active-project">
          {projectOverride ? (
            <Override value={projectOverride.value} variable={projectOverride.variable} />
          ) : (
            (active?.project ?? <span className="muted">none set</span>)
          )}
        </dd>
        {(active?.region || active?.zone) && (
          <>
            <dt>Region / zone</dt>
            <dd>{[active.region, active.zone].filter(Boolean).join(' / ')}</dd>
          </>
        )}
      </dl>
      <details className="dev-details">
        <summary>Details</summary>
        <dl className="fields">
          <dt>Folder</dt>
          <dd className="mono">{gcp.configDir}</dd>
        </dl>
      </details>
      {gcp.overrides.length > 0 && (
        <div className="gcp-overrides">
          <h3>Set by environment variables (they beat every configuration)</h3>
          <ul className="plain-list">
            {gcp.overrides.map((o) => (
              <li key={o.variable}>
                <code>{o.variable}</code> sets <code>{o.property}</code>{' '}
                {o.value === null ? (
                  <span className="muted">(a secret value, not shown)</span>
                ) : (
                  <>
                    to <strong>{o.value}</strong>
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {gcp.problems.length > 0 && (
        <ul className="plain-list gcp-problems" aria-label="Problems reading gcloud’s files">
          {gcp.problems.map((p, i) => (
            <li key={i} className={p.severity === 'error' ? 'inline-error' : 'status-text-expiring'}>
              {p.message}
              {p.file ? <span className="muted"> ({p.file})</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Override({ value, variable }: { value: string | null; variable: string }) {
  return (
    <>
      {value === null ? <span className="muted">(a secret value, not shown)</span> : <strong>{value}</strong>}{' '}
      <span className="tag gcp-override-tag">override: {variable}</span>
    </>
  );
}
