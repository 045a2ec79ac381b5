import { useEffect, useState } from 'react';
import type { CloudIdApi, Snapshot } from '../shared-types';
import { errorMessage } from '../lib/errors';
import { isNewerSnapshot } from '../lib/freshness';

export interface SnapshotState {
  snapshot: Snapshot | null;
  loadError: string | null;
}

/** The live snapshot: subscribed before the first fetch, so no change falls between the two. */
export function useSnapshot(api: CloudIdApi): SnapshotState {
  const [state, setState] = useState<SnapshotState>({ snapshot: null, loadError: null });
  useEffect(() => {
    let live = true;
    const accept = (next: Snapshot): void => {
      if (!live) return;
      setState((prev) => (isNewerSnapshot(next, prev.snapshot) ? { snapshot: next, loadError: null } : prev));
    };
    const unsubscribe = api.on('snapshot', accept);
    api.getSnapshot().then(accept, (error: unknown) => {
      if (live) setState((prev) => ({ ...prev, loadError: errorMessage(error) }));
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [api]);
  return state;
}
