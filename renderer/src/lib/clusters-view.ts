// The Clusters tab's logic, pure: which clusters a cloud filter keeps, how they group by owner,
// what the owner reads as, and what the window can say about operating each one. The facts come
// from the core (electron/core/sky/owner-match.ts decides exactly as SkyPilot's
// backend_utils.check_owner_identity does); this file only arranges them for people.
import { clusterStatusLabel } from '../../../electron/shared/status-words';
import type { Snapshot } from '../shared-types';
import { formatSince } from './time-left';

export type SkyState = NonNullable<Snapshot['sky']>;
export type SkyClusterOwnership = SkyState['clusters'][number];
export type SkyIdentityMatch = SkyClusterOwnership['matches'][number];

/** The cloud filter's value for "every cloud". */
export const ALL_CLOUDS = 'all';
/** The cloud key of a cluster whose cloud SkyPilot did not record. */
export const UNKNOWN_CLOUD = 'unknown';

const CLOUD_LABELS: Record<string, string> = {
  aws: 'AWS',
  gcp: 'Google Cloud',
  azure: 'Azure',
  kubernetes: 'Kubernetes',
  lambda: 'Lambda',
  runpod: 'RunPod',
  oci: 'OCI',
  ibm: 'IBM',
  [UNKNOWN_CLOUD]: 'Cloud not recorded',
};

export function cloudKey(cluster: Pick<SkyClusterOwnership, 'cloud'>): string {
  return cluster.cloud === null || cluster.cloud === '' ? UNKNOWN_CLOUD : cluster.cloud.toLowerCase();
}

export function cloudLabel(key: string): string {
  return CLOUD_LABELS[key] ?? key;
}

export interface CloudChoice {
  key: string;
  label: string;
  count: number;
}

/** The clouds present, each once with its count, by label (the unrecorded one last). */
export function cloudChoices(clusters: readonly SkyClusterOwnership[]): CloudChoice[] {
  const counts = new Map<string, number>();
  for (const cluster of clusters) counts.set(cloudKey(cluster), (counts.get(cloudKey(cluster)) ?? 0) + 1);
  return [...counts]
    .map(([key, count]) => ({ key, label: cloudLabel(key), count }))
    .sort((a, b) => Number(a.key === UNKNOWN_CLOUD) - Number(b.key === UNKNOWN_CLOUD) || byText(a.label, b.label));
}

export function filterByCloud(clusters: readonly SkyClusterOwnership[], cloud: string): SkyClusterOwnership[] {
  return cloud === ALL_CLOUDS ? [...clusters] : clusters.filter((c) => cloudKey(c) === cloud);
}

/**
 * Whether the identity `sky` would use now may operate the cluster:
 * - `operable`: yes (possibly with SkyPilot's same-account warning, said in the note);
 * - `not-operable`: SkyPilot would refuse;
 * - `verify`: unknown until STS says who the active AWS profile is (Verify identities decides);
 * - `unknown`: unknown, and verifying would not tell (a cloud this app does not compare, say).
 */
export type Operability = 'operable' | 'not-operable' | 'verify' | 'unknown';

export function operability(cluster: SkyClusterOwnership): Operability {
  if (cluster.operableByActive === true) return 'operable';
  if (cluster.operableByActive === false) return 'not-operable';
  // Only AWS identities are asked of STS; an unrecorded cloud may be AWS.
  return cloudKey(cluster) === 'aws' || cloudKey(cluster) === UNKNOWN_CLOUD ? 'verify' : 'unknown';
}

const OPERABILITY_RANK: Record<Operability, number> = { 'not-operable': 0, verify: 1, unknown: 2, operable: 3 };

export interface OwnerDescription {
  /** The owner in a few words: `AWS account 111122223333`, `alice@example.com`. */
  title: string;
  /** The rest of the identity: `user AIDA…`, `project my-project`; null when there is none. */
  detail: string | null;
}

// AWS unique-ID prefixes (IAM user, role, and the rest): https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-prefixes
const AWS_UNIQUE_ID = /^(AIDA|AROA|AIPA|ANPA|ANVA|ASIA|AKIA|AGPA|ASCA|APKA)[A-Z0-9]+(:.*)?$/;
const AWS_ACCOUNT = /^\d{12}$/;
// sky/clouds/gcp.py _get_user_identities: f'{account} [project_id={project_id}]'
const GCP_IDENTITY = /^(.*) \[project_id=(.*)\]$/;

/** The `owner` column in words (SkyPilot's identity list: AWS [UserId, Account], GCP ['<account> [project_id=<p>]']). */
export function describeOwner(owner: SkyClusterOwnership['owner']): OwnerDescription {
  if (owner === null || (Array.isArray(owner) && owner.length === 0))
    return { title: 'No owner recorded', detail: null };
  const parts = Array.isArray(owner)
    ? owner.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)))
    : [typeof owner === 'string' ? owner : JSON.stringify(owner)];
  const [first = '', second] = parts;
  const gcp = GCP_IDENTITY.exec(first);
  if (gcp && parts.length === 1) return { title: gcp[1] ?? first, detail: `project ${gcp[2] ?? ''}` };
  if (second !== undefined && AWS_ACCOUNT.test(second) && parts.length === 2) {
    return {
      title: `AWS account ${second}`,
      detail: AWS_UNIQUE_ID.test(first) ? `${first.startsWith('AROA') ? 'role' : 'user'} ${first}` : first,
    };
  }
  if (parts.length === 1 && AWS_UNIQUE_ID.test(first))
    return { title: `AWS ${first.startsWith('AROA') ? 'role' : 'user'} ${first}`, detail: null };
  return { title: parts.join(' · '), detail: null };
}

export interface OwnerGroup {
  /** Stable across snapshots: the owner as JSON. */
  key: string;
  owner: OwnerDescription;
  /** The local identities that are this owner exactly (SkyPilot's strict match), active first. */
  localOwners: SkyIdentityMatch[];
  /** The active identity is this owner. */
  activeOwns: boolean;
  clusters: SkyClusterOwnership[];
  notOperable: number;
}

/**
 * Clusters grouped by owner identity. Groups needing attention come first (a cluster the active
 * identity cannot operate, then ones to verify), then by owner; clusters likewise, then by name.
 */
export function groupByOwner(clusters: readonly SkyClusterOwnership[]): OwnerGroup[] {
  const groups = new Map<string, OwnerGroup>();
  for (const cluster of clusters) {
    const key = JSON.stringify(cluster.owner);
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        owner: describeOwner(cluster.owner),
        localOwners: [],
        activeOwns: false,
        clusters: [],
        notOperable: 0,
      };
      groups.set(key, group);
    }
    group.clusters.push(cluster);
    if (cluster.operableByActive === false) group.notOperable += 1;
    for (const match of cluster.matches) {
      if (
        match.level !== 'user' ||
        group.localOwners.some((m) => m.cloud === match.cloud && m.identity === match.identity)
      )
        continue;
      group.localOwners.push(match);
      if (match.active) group.activeOwns = true;
    }
  }
  const rank = (c: SkyClusterOwnership): number => OPERABILITY_RANK[operability(c)];
  const worst = (g: OwnerGroup): number => Math.min(...g.clusters.map(rank));
  for (const group of groups.values()) {
    group.clusters.sort((a, b) => rank(a) - rank(b) || byText(a.name, b.name));
    group.localOwners.sort((a, b) => Number(b.active) - Number(a.active) || byText(a.identity, b.identity));
  }
  return [...groups.values()].sort(
    (a, b) =>
      worst(a) - worst(b) ||
      Number(a.owner.title === 'No owner recorded') - Number(b.owner.title === 'No owner recorded') ||
      byText(a.owner.title, b.owner.title),
  );
}

/** SkyPilot's ClusterStatus (sky/utils/status_lib.py) as a word and a tone. */
export function clusterStatus(status: string | null): { label: string; tone: 'up' | 'init' | 'stopped' | 'other' } {
  switch (status) {
    case 'UP':
      return { label: clusterStatusLabel(status), tone: 'up' };
    case 'INIT':
      return { label: clusterStatusLabel(status), tone: 'init' };
    case 'STOPPED':
      return { label: clusterStatusLabel(status), tone: 'stopped' };
    default:
      return { label: clusterStatusLabel(status), tone: 'other' };
  }
}

/** How a local identity that can operate the cluster is named: `dev (active)`, `ops (same account)`. */
export function matchLabel(match: SkyIdentityMatch): string {
  const notes = [
    match.active ? 'active' : null,
    match.level === 'account' ? 'same account, another user' : null,
  ].filter((n) => n !== null);
  const cloud = match.cloud === 'aws' ? 'AWS profile' : 'Google account';
  return `${cloud} ${match.identity}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
}

export interface ClustersSummary {
  total: number;
  notOperable: number;
  toVerify: number;
}

export function summarize(clusters: readonly SkyClusterOwnership[]): ClustersSummary {
  let notOperable = 0;
  let toVerify = 0;
  for (const cluster of clusters) {
    const verdict = operability(cluster);
    if (verdict === 'not-operable') notOperable += 1;
    else if (verdict === 'verify') toVerify += 1;
  }
  return { total: clusters.length, notOperable, toVerify };
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * How long ago a cluster was launched: "just now", "5m ago", "3d 4h ago" within a month, then
 * whole months and years (a cluster left up for a year reads "1 year ago", not "400d 2h ago").
 */
export function launchedAgo(launchedAt: string, now: number): string {
  const at = Date.parse(launchedAt);
  if (Number.isNaN(at)) return 'at an unknown time';
  const days = Math.floor((now - at) / DAY);
  if (days < 31) return formatSince(launchedAt, now);
  if (days < 365) {
    const months = Math.floor(days / 30.44);
    return `${months} month${months === 1 ? '' : 's'} ago`;
  }
  const years = Math.floor(days / 365.25);
  return `${years} year${years === 1 ? '' : 's'} ago`;
}

function byText(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });
}
