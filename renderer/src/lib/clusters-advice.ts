// What the Clusters tab recommends, pure: which local identities to offer for a cluster (only
// those that can be used now, in the core's best-first order), what to say about an owner no local
// identity is exactly, and how old a remembered STS answer is. The core decides
// (electron/core/sky/owner-match.ts); this file only words it.
import {
  matchLabel,
  operability,
  type OwnerGroup,
  type SkyClusterOwnership,
  type SkyIdentityMatch,
} from './clusters-view';
import { formatSince } from './time-left';

/** `AWS profile alice (active)`, with `verified 2h ago` when the identity is a remembered answer. */
export function adviceLabel(match: SkyIdentityMatch, now: number): string {
  const label = matchLabel(match);
  return match.rememberedAt ? `${label}, verified ${formatSince(match.rememberedAt, now)}` : label;
}

export interface OtherIdentities {
  /** Identities other than the active one that can operate it now, best first. */
  now: SkyIdentityMatch[];
  /** Identities that could, once signed in again (expired, signed out, broken). */
  afterSignIn: SkyIdentityMatch[];
}

export function otherIdentities(cluster: SkyClusterOwnership): OtherIdentities {
  const others = cluster.matches.filter((m) => !m.active);
  return { now: others.filter((m) => m.usable !== false), afterSignIn: others.filter((m) => m.usable === false) };
}

/** Whether to say that no local identity can operate it: only when none could, now or after signing in. */
export function noneCanOperate(cluster: SkyClusterOwnership): boolean {
  return operability(cluster) === 'not-operable' && cluster.fix === null && cluster.matches.length === 0;
}

/** `verified 2h ago` when the verdict about the active identity rests on a remembered answer. */
export function activeVerifiedText(cluster: SkyClusterOwnership, now: number): string | null {
  return cluster.activeRememberedAt ? `verified ${formatSince(cluster.activeRememberedAt, now)}` : null;
}

/** The line under an owner: who that owner is here, or why no local identity is, never contradicting the items. */
export function ownerHereText(group: OwnerGroup): string {
  if (group.localOwners.length > 0) {
    const names = group.localOwners.map(
      (m) =>
        `${m.cloud === 'aws' ? 'AWS profile' : 'Google account'} ${m.identity}${m.active ? ' (active)' : ''}${m.usable === false ? ' (sign in again first)' : ''}`,
    );
    return `This owner here: ${names.join(', ')}`;
  }
  if (group.owner.title === 'No owner recorded')
    return 'Launched by an older SkyPilot: whichever identity operates these next becomes their owner.';
  if (group.clusters.some((c) => operability(c) === 'verify'))
    return 'Which local identity this owner is will be known once your AWS profiles are verified.';
  if (group.clusters.every((c) => operability(c) === 'unknown'))
    return 'Not compared: cloudid knows AWS and Google Cloud identities only.';
  // Another user of the owner's account can still operate its clusters (SkyPilot warns and re-records the owner).
  if (group.clusters.some((c) => c.matches.length > 0))
    return 'None of your local identities is this owner, but some can operate its clusters: see each one.';
  return 'None of your local identities is this owner.';
}
