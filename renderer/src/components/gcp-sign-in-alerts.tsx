import type { CloudIdApi } from '../shared-types';
import { CopyLine } from './copy-line';
import type { GcpState } from '../lib/gcp-types';
import { signInAlerts } from '../lib/gcp-labels';

/** Credentials that fail on next use, each with its fix: the command, or a key instead. */
export function GcpSignInAlerts({
  api,
  gcp,
  onImportInstead,
}: {
  api: CloudIdApi;
  gcp: GcpState;
  onImportInstead(): void;
}) {
  const alerts = signInAlerts(gcp);
  if (alerts.length === 0) return null;
  return (
    <div className="gcp-alerts">
      {alerts.map((alert) => (
        <section key={alert.id} className="banner banner-error gcp-alert" role="alert" aria-label={alert.title}>
          <p className="banner-title">{alert.title}</p>
          <p>{alert.reason}</p>
          <CopyLine api={api} label="Run" text={alert.command} />
          <p className="gcp-alert-alternative">
            Or use a service-account key, which no session policy signs out:{' '}
            <button type="button" className="link-button" onClick={onImportInstead}>
              Import a service-account key instead…
            </button>
          </p>
        </section>
      ))}
    </div>
  );
}
