import { useId } from 'react';
import type { CloudIdApi } from '../shared-types';
import { operability, type OwnerGroup } from '../lib/clusters-view';
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
      <p className="clusters-owner-local muted">
        {group.localOwners.length > 0
          ? `This owner here: ${group.localOwners.map((m) => `${m.cloud === 'aws' ? 'AWS profile' : 'Google account'} ${m.identity}${m.active ? ' (active)' : ''}`).join(', ')}`
          : group.owner.title === 'No owner recorded'
            ? 'Launched by an older SkyPilot: whichever identity operates these next becomes their owner.'
            : group.clusters.some((c) => operability(c) === 'verify')
              ? 'Which local identity this owner is will be known once your AWS profiles are verified.'
              : group.clusters.every((c) => operability(c) === 'unknown')
                ? 'Not compared: cloudid knows AWS and Google Cloud identities only.'
                : 'None of your local identities is this owner.'}
      </p>
      <ul className="clusters-list plain-list">
        {group.clusters.map((cluster) => (
          <ClustersItem key={cluster.name} api={api} cluster={cluster} now={now} />
        ))}
      </ul>
    </section>
  );
}
