// The count on the Clusters tab: SkyPilot clusters the active identity cannot operate, and
// Kubernetes contexts whose identity needs a login (kubectl fails on them until then).
import type { Snapshot } from '../shared-types';
import { kubeNeedsLogin } from '../../../electron/shared/kube-words';

export interface TabAttention {
  count: number;
  /** Words for screen readers, after the tab's name. */
  label: string;
}

export function clustersAttention(snapshot: Snapshot | null): TabAttention {
  const notOperable = snapshot?.sky?.notOperable ?? 0;
  const needLogin = snapshot?.kube?.contexts.filter(kubeNeedsLogin).length ?? 0;
  const parts = [`${notOperable} not operable by the active identity`];
  if (needLogin > 0) {
    const contexts = `${needLogin} Kubernetes context${needLogin === 1 ? ' needs' : 's need'} a login`;
    if (notOperable > 0) parts.push(contexts);
    else parts[0] = contexts;
  }
  return { count: notOperable + needLogin, label: parts.join(', ') };
}
