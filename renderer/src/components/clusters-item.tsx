import { useId } from 'react';
import type { CloudIdApi } from '../shared-types';
import { ClustersFix } from './clusters-fix';
import {
  clusterStatus,
  cloudKey,
  cloudLabel,
  launchedAgo,
  matchLabel,
  operability,
  type SkyClusterOwnership,
} from '../lib/clusters-view';
import { formatInstant } from '../lib/gcp-time';
import { activeVerifiedText, adviceLabel, noneCanOperate, otherIdentities } from '../lib/clusters-advice';

const VERDICT_TEXT = {
  operable: 'The active identity can operate it',
  'not-operable': 'The active identity cannot operate it',
  verify: 'Unknown — verify identities',
  unknown: 'Unknown whether the active identity can operate it',
} as const;

/** One cluster: status, cloud, launch time, whether `sky` may operate it now, and the fix when not. */
export function ClustersItem({ api, cluster, now }: { api: CloudIdApi; cluster: SkyClusterOwnership; now: number }) {
  const titleId = useId();
  const verdict = operability(cluster);
  const status = clusterStatus(cluster.status);
  const others = otherIdentities(cluster);
  const activeMatch = cluster.matches.find((m) => m.active) ?? null;
  // A verdict from a remembered STS answer is never shown as a fresh one.
  const verified = activeVerifiedText(cluster, now);
  return (
    <li className={`clusters-item clusters-item-${verdict}`} aria-labelledby={titleId} data-cluster={cluster.name}>
      <div className="clusters-item-head">
        {verdict === 'not-operable' && (
          <span
            className="clusters-warning"
            role="img"
            aria-label="Warning: the active identity cannot operate this cluster"
            title="The active identity cannot operate this cluster"
          >
            !
          </span>
        )}
        <h3 id={titleId} className="clusters-name">
          {cluster.name}
        </h3>
        <span className={`status-badge clusters-status-${status.tone}`}>{status.label}</span>
        <span className="tag clusters-cloud">{cloudLabel(cloudKey(cluster))}</span>
        <LaunchedAt launchedAt={cluster.launchedAt} now={now} />
      </div>
      <p className={`clusters-verdict clusters-verdict-${verdict}`}>
        {VERDICT_TEXT[verdict]}
        {verdict === 'operable' && activeMatch !== null && <span className="muted"> as {matchLabel(activeMatch)}</span>}
        {verified !== null && (
          <span className="muted">
            {' '}
            · <time dateTime={cluster.activeRememberedAt ?? undefined}>{verified}</time>
          </span>
        )}
      </p>
      {cluster.note !== null && <p className="clusters-note">{cluster.note}</p>}
      {cluster.fix !== null && (
        <ClustersFix api={api} fix={cluster.fix} label={verdict === 'operable' ? 'Keep owner' : 'Fix'} />
      )}
      {noneCanOperate(cluster) && (
        <p className="clusters-others muted">
          None of your local identities can operate it: sign in as its owner, or ask them.
        </p>
      )}
      {others.now.length > 0 && (
        <p className="clusters-others muted">
          {verdict === 'operable' ? 'Also operable as' : 'Operable here as'}{' '}
          {others.now.map((m) => adviceLabel(m, now)).join(', ')}
        </p>
      )}
      {others.afterSignIn.length > 0 && (
        <p className="clusters-others muted">
          Once signed in again, also as {others.afterSignIn.map((m) => adviceLabel(m, now)).join(', ')}
        </p>
      )}
    </li>
  );
}

function LaunchedAt({ launchedAt, now }: { launchedAt: string | null; now: number }) {
  if (launchedAt === null) return <span className="clusters-launched muted">launch time not recorded</span>;
  return (
    <span className="clusters-launched muted">
      launched <time dateTime={launchedAt}>{launchedAgo(launchedAt, now)}</time> · {formatInstant(launchedAt)}
    </span>
  );
}
