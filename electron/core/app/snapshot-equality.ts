import type { Snapshot } from '../../shared/model';

/**
 * Two snapshots that differ only in when they were made are the same to every listener: no new
 * event, no notification, no menu rebuild.
 */
export function sameSnapshot(a: Snapshot, b: Snapshot): boolean {
  return JSON.stringify({ ...a, generatedAt: '' }) === JSON.stringify({ ...b, generatedAt: '' });
}
