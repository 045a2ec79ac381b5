// The tray's SkyPilot section, pure: a few clusters (those the active identity cannot operate
// first), each with its status and owner, a warning mark and a one-click copy of the fix where
// `sky` would refuse. The window's Clusters tab holds the rest. Part of tray-model.ts.
import type { SkyClusterOwnership, SkyState } from '../../shared/sky-model';
import { clusterStatusLabel, inSentence } from '../../shared/status-words';
import { menuLabel, whole } from './menu-label';
import type { TrayItem } from './tray-model';

/** How many clusters the menu lists before pointing to the window. */
export const MAX_MENU_CLUSTERS = 8;

export interface ClustersDescription {
  items: TrayItem[];
  /** For the tooltip: `1 cluster not operable`; null when every cluster is fine (or unknown). */
  summary: string | null;
}

const CLOUD_NAME = { aws: 'AWS', gcp: 'Google Cloud' } as const;
const STATUS_ORDER: Record<string, number> = { UP: 0, INIT: 1, STOPPED: 2 };
// SkyPilot's owner shapes: AWS [UserId, Account]; GCP ['<account> [project_id=<p>]'] (sky/clouds/*.py).
const AWS_ACCOUNT = /^\d{12}$/;
const GCP_IDENTITY = /^(.*) \[project_id=.*\]$/;
// Reasons a state.db that exists could not be read; a missing one just means no SkyPilot here.
const UNREADABLE = new Set(['unreadable', 'corrupt', 'not-skypilot']);

export function describeClusters(sky: SkyState | null): ClustersDescription | null {
  if (sky === null) return null;
  if (!sky.available) {
    if (!sky.reason || !UNREADABLE.has(sky.reason)) return null;
    return {
      items: [{ type: 'action', label: '⚠ Cannot read SkyPilot’s clusters…', action: { id: 'show-clusters' } }],
      summary: null,
    };
  }
  if (sky.clusters.length === 0) return null;

  const shown = [...sky.clusters].sort(menuOrder).slice(0, MAX_MENU_CLUSTERS);
  const notOperable = sky.clusters.filter((c) => c.operableByActive === false).length;
  const items: TrayItem[] = [
    {
      type: 'label',
      label: `SkyPilot cluster${sky.clusters.length === 1 ? '' : 's'}${notOperable > 0 ? ` — ${notOperable} not operable` : ''}`,
    },
  ];
  // Controllers (managed jobs, SkyServe) handed credentials that expire: the window says why and what instead.
  const expiring = (sky.controllerWarnings ?? []).map((w) => CLOUD_NAME[w.cloud]);
  if (expiring.length > 0) {
    items.push({
      type: 'action',
      label: menuLabel`⚠ Controllers: expiring ${whole(expiring.join(', '))} credentials…`,
      action: { id: 'show-clusters' },
    });
  }
  for (const cluster of shown) {
    const mark = cluster.operableByActive === false ? '⚠ ' : '';
    const status = inSentence(clusterStatusLabel(cluster.status));
    items.push({
      type: 'action',
      label: menuLabel`${whole(mark)}${cluster.name} — ${whole(status)} · ${ownerShort(cluster)}`,
      action: { id: 'show-clusters', arg: cluster.name },
    });
    if (cluster.operableByActive === false && cluster.fix) {
      items.push({
        type: 'action',
        label: menuLabel`    Copy fix “${cluster.fix}”`,
        action: { id: 'copy-text', arg: cluster.fix },
      });
    }
  }
  const hidden = sky.clusters.length - shown.length;
  if (hidden > 0)
    items.push({ type: 'action', label: menuLabel`${hidden} more in the window…`, action: { id: 'show-clusters' } });
  return {
    items,
    summary: notOperable > 0 ? `${notOperable} cluster${notOperable === 1 ? '' : 's'} not operable` : null,
  };
}

/** Those the active identity cannot operate, then running before stopped, then by name. */
function menuOrder(a: SkyClusterOwnership, b: SkyClusterOwnership): number {
  const rank = (c: SkyClusterOwnership): number => (c.operableByActive === false ? 0 : 1);
  const status = (c: SkyClusterOwnership): number => (c.status === null ? 3 : (STATUS_ORDER[c.status] ?? 3));
  return rank(a) - rank(b) || status(a) - status(b) || a.name.localeCompare(b.name, 'en', { numeric: true });
}

/**
 * The owner as the user knows it: the local AWS profile or Google account that is the owner (the
 * active one first), else the owner's AWS account or Google account, else what the column holds.
 */
export function ownerShort(cluster: SkyClusterOwnership): string {
  const owners = cluster.matches.filter((m) => m.level === 'user');
  const local = owners.find((m) => m.active) ?? owners[0];
  if (local) return local.identity;
  const owner = cluster.owner;
  if (owner === null) return 'no owner';
  const parts = Array.isArray(owner)
    ? owner.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)))
    : [typeof owner === 'string' ? owner : JSON.stringify(owner)];
  const [first = '', second] = parts;
  if (second !== undefined && AWS_ACCOUNT.test(second)) return `account ${second}`;
  return GCP_IDENTITY.exec(first)?.[1] ?? (first || 'no owner');
}
