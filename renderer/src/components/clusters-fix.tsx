import type { CloudIdApi } from '../shared-types';
import { CopyLine } from './copy-line';

/** The fix for a cluster, as a line to copy into a terminal. */
export function ClustersFix({ api, fix, label }: { api: CloudIdApi; fix: string; label: string }) {
  return <CopyLine api={api} label={label} text={fix} className="clusters-fix" />;
}
