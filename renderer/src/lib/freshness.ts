// Which of two answers is newer. Snapshots arrive both as the reply to getSnapshot and as events,
// and a verification's reply can race the snapshot that records it; the newer one wins.
import type { IdentityCheck, Snapshot } from '../shared-types';

/** True when `next` is at least as new as `current` (equal times: take the later arrival). */
export function isNewerSnapshot(next: Snapshot, current: Snapshot | null): boolean {
  if (current === null) return true;
  return Date.parse(next.generatedAt) >= Date.parse(current.generatedAt);
}

export function latestCheck(a: IdentityCheck | null, b: IdentityCheck | null): IdentityCheck | null {
  if (a === null) return b;
  if (b === null) return a;
  return Date.parse(b.checkedAt) > Date.parse(a.checkedAt) ? b : a;
}
