import { useId } from 'react';
import type { CloudIdApi } from '../shared-types';
import { ownerHereText } from '../lib/clusters-advice';
import type { OwnerGroup } from '../lib/clusters-view';
import { ClustersItem } from './clusters-item';

/** The clusters of one owner identity, headed by who that owner is here (which local identity). */
export function ClustersGroup({ api, group, now }: { api: CloudIdApi; group: OwnerGroup; now: number }) {
  const titleId = useId();
  const count = group.clusters.length;
  return (
    <section className="clusters-group" aria-labelledby={titleId} data-owner={group.owner.title}>
      <header className="clusters-group-head">
        <h2 id={titleId} className="clusters-owner">
          <span className="visually-hidden">Owner: </span>
          {group.owner.title}
        </h2>
        {group.owner.detail !== null && <span className="clusters-owner-detail mono">{group.owner.detail}</span>}
        {group.activeOwns && <span className="active-badge">Active identity</span>}
        <span className="clusters-count muted">
          {count} cluster{count === 1 ? '' : 's'}
          {group.notOperable > 0 && <span className="clusters-count-bad"> · {group.notOperable} not operable</span>}
        </span>
      </header>
      <p className="clusters-owner-local muted">{ownerHereText(group)}</p>
      <ul className="clusters-list plain-list">
        {group.clusters.map((cluster) => (
          <ClustersItem key={cluster.name} api={api} cluster={cluster} now={now} />
        ))}
      </ul>
    </section>
  );
}
