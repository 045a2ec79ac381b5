import { useId } from 'react';
import type { Snapshot } from '../shared-types';
import { kubeIdentityText, kubeNeedsLogin, kubeStatusLabel } from '../../../electron/shared/kube-words';
import { ProblemList } from './problem-list';
import './kube-contexts.css';

type KubeState = NonNullable<Snapshot['kube']>;
type KubeContext = KubeState['contexts'][number];

/** The badge colour of a linked status; gcloud's sign-in states read as AWS's expired / signed out. */
const TONE: Record<KubeContext['status'], string> = {
  valid: 'valid',
  expiring: 'expiring',
  expired: 'expired',
  'signed-out': 'signed-out',
  'long-lived': 'long-lived',
  unknown: 'unknown',
  error: 'error',
  'reauth-needed': 'expired',
  revoked: 'signed-out',
};

const PROVIDER_LABEL: Record<KubeContext['provider'], string> = { eks: 'EKS', gke: 'GKE', other: 'Other' };

/** Where the window can show how to log in to an identity: its AWS profile, or the Google Cloud tab. */
export interface KubeLoginTargets {
  onShowProfile(profile: string): void;
  onShowGcp(): void;
}

/** Kubernetes contexts (kubeconfig), each with the cloud identity its exec plugin borrows and that identity's status. */
export function KubeContexts({ kube, targets }: { kube: KubeState; targets: KubeLoginTargets }) {
  const titleId = useId();
  const needLogin = kube.contexts.filter(kubeNeedsLogin).length;
  return (
    <section className="kube-contexts" aria-labelledby={titleId}>
      <div className="kube-head">
        <h2 id={titleId}>Kubernetes contexts</h2>
        <span className="kube-summary muted" role="status">
          {kube.contexts.length} context{kube.contexts.length === 1 ? '' : 's'}
          {needLogin > 0 && (
            <span className="kube-count-bad">
              {' '}
              · {needLogin} need{needLogin === 1 ? 's' : ''} a login
            </span>
          )}
        </span>
      </div>
      <p className="kube-files muted">
        From <span className="mono">{kube.configFiles.join(', ')}</span>
        {kube.currentContext === null && ' · no current context'}
      </p>
      {kube.problems.length > 0 && <ProblemList problems={kube.problems} label="Problems reading the kubeconfig" />}
      {kube.contexts.length === 0 ? (
        <p className="empty-note">The kubeconfig defines no contexts.</p>
      ) : (
        <ul className="kube-list plain-list">
          {kube.contexts.map((context) => (
            <KubeContextItem key={context.name} context={context} targets={targets} />
          ))}
        </ul>
      )}
    </section>
  );
}

function KubeContextItem({ context, targets }: { context: KubeContext; targets: KubeLoginTargets }) {
  const titleId = useId();
  const login = kubeNeedsLogin(context);
  return (
    <li className={`kube-item${login ? ' kube-item-login' : ''}`} aria-labelledby={titleId} data-context={context.name}>
      <div className="kube-item-head">
        <h3 id={titleId} className="kube-name">
          {context.name}
        </h3>
        {context.current && <span className="tag kube-current">current</span>}
        <span className="tag">{PROVIDER_LABEL[context.provider]}</span>
      </div>
      <p className="kube-identity">
        <span aria-hidden="true">→ </span>
        <span className="mono">{kubeIdentityText(context)}</span>
        <span aria-hidden="true"> → </span>
        <span className={`status-badge status-${TONE[context.status]}`}>{kubeStatusLabel(context)}</span>
      </p>
      {login && <KubeLogin identity={context.identity} targets={targets} />}
      <p className="kube-cluster muted">
        cluster <span className="mono">{context.cluster ?? 'none'}</span>
        {context.server !== null && (
          <>
            {' '}
            at <span className="mono">{context.server}</span>
          </>
        )}
      </p>
    </li>
  );
}

/** What kubectl needs before this context works again, and the way to where the window does it. */
function KubeLogin({ identity, targets }: { identity: KubeContext['identity']; targets: KubeLoginTargets }) {
  if (identity?.cloud === 'aws') {
    return (
      <p className="kube-login">
        Log in to AWS profile {identity.profile} to use this context.{' '}
        <button type="button" className="link-button" onClick={() => targets.onShowProfile(identity.profile)}>
          Show profile {identity.profile}
        </button>
      </p>
    );
  }
  return (
    <p className="kube-login">
      Log in with gcloud to use this context.{' '}
      <button type="button" className="link-button" onClick={targets.onShowGcp}>
        Open Google Cloud
      </button>
    </p>
  );
}
