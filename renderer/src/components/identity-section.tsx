import type { IdentityCheck } from '../shared-types';
import { CHECK_ERROR_LABEL } from '../lib/labels';
import { formatCheckedAt, formatSince } from '../lib/time-left';
import { principalWords } from '../lib/arn-words';

interface IdentitySectionProps {
  check: IdentityCheck | null;
  verifying: boolean;
  failure: string | null;
  now: number;
  onVerify(): void;
}

/** Who STS says this profile is, from the last GetCallerIdentity, and a button to ask again. */
export function IdentitySection({ check, verifying, failure, now, onVerify }: IdentitySectionProps) {
  return (
    <section className="detail-section" aria-labelledby="identity-title" aria-busy={verifying}>
      <div className="section-head">
        <h3 id="identity-title">Identity</h3>
        <button type="button" onClick={onVerify} disabled={verifying}>
          {verifying ? 'Verifying…' : 'Verify'}
        </button>
      </div>
      <div role="status" className="identity-body">
        {failure !== null && <p className="inline-error">Could not verify: {failure}</p>}
        {check === null ? (
          failure === null && (
            <p className="muted">Not verified yet. Verify asks AWS STS who these credentials belong to.</p>
          )
        ) : check.error !== null ? (
          <div className="inline-error">
            <strong>{CHECK_ERROR_LABEL[check.error.kind]}</strong>: {check.error.message}
            <div className="muted">
              <time dateTime={check.checkedAt} title={new Date(check.checkedAt).toLocaleString()}>
                {formatCheckedAt(check.checkedAt, now)}
              </time>
            </div>
          </div>
        ) : check.identity !== null ? (
          <>
            <dl className="fields" aria-label="Caller identity">
              <dt>Account</dt>
              <dd className="mono">{check.identity.account}</dd>
              <dt>Who</dt>
              <dd>{principalWords(check.identity.arn)}</dd>
              <dt>Checked</dt>
              <dd>
                <time dateTime={check.checkedAt} title={new Date(check.checkedAt).toLocaleString()}>
                  {formatSince(check.checkedAt, now)}
                </time>
              </dd>
            </dl>
            <details className="dev-details">
              <summary>Details</summary>
              <dl className="fields" aria-label="ARN and user ID">
                <dt>ARN</dt>
                <dd className="mono">{check.identity.arn}</dd>
                <dt>User ID</dt>
                <dd className="mono">{check.identity.userId}</dd>
              </dl>
            </details>
          </>
        ) : null}
      </div>
    </section>
  );
}
