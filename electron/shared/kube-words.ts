// The words every surface (tray, window, `cloudid status`) uses for a Kubernetes context and the
// identity behind it, so "prod-eks → profile prod → expired, log in" reads the same everywhere.
import type { GcpAccountStatus } from './gcp-model';
import type { KubeContext, KubeContextStatus } from './kube-model';
import type { IdentityStatus } from './model';
import { AWS_STATUS_LABEL, GCP_STATUS_LABEL, inSentence } from './status-words';

/** `profile prod`, `gcloud dev@example.com`, or how the user authenticates when no cloud is behind it. */
export function kubeIdentityText(context: Pick<KubeContext, 'identity' | 'provider' | 'auth'>): string {
  const { identity } = context;
  if (identity?.cloud === 'aws') return `profile ${identity.profile}`;
  if (identity?.cloud === 'gcp') return `gcloud ${identity.account}`;
  if (context.provider === 'gke') return 'gcloud: no account';
  return context.auth;
}

const isGcpStatus = (status: KubeContextStatus): status is GcpAccountStatus => status in GCP_STATUS_LABEL;
const isAwsStatus = (status: KubeContextStatus): status is IdentityStatus => status in AWS_STATUS_LABEL;

/** The linked identity's status as a badge says it; `Not linked` when no cloud identity is behind it. */
export function kubeStatusLabel(context: Pick<KubeContext, 'identity' | 'provider' | 'status'>): string {
  const { status } = context;
  if (context.provider === 'other') return 'Not linked';
  if (context.identity?.cloud === 'gcp' && isGcpStatus(status)) return GCP_STATUS_LABEL[status];
  if (isAwsStatus(status)) return AWS_STATUS_LABEL[status];
  return isGcpStatus(status) ? GCP_STATUS_LABEL[status] : status;
}

/** Statuses after which kubectl fails until the user signs in again. */
const NEEDS_LOGIN = new Set<KubeContextStatus>(['expired', 'signed-out', 'reauth-needed', 'revoked']);

export const kubeNeedsLogin = (context: Pick<KubeContext, 'status' | 'provider'>): boolean =>
  context.provider !== 'other' && NEEDS_LOGIN.has(context.status);

/** `expired, log in` — the status mid-line, with what to do when kubectl cannot work. */
export function kubeStatusText(context: Pick<KubeContext, 'identity' | 'provider' | 'status'>): string {
  const label = inSentence(kubeStatusLabel(context));
  return kubeNeedsLogin(context) ? `${label}, log in` : label;
}

/** One line: `prod-eks → profile prod → expired, log in`. */
export function kubeContextLine(
  context: Pick<KubeContext, 'name' | 'identity' | 'provider' | 'auth' | 'status'>,
): string {
  return `${context.name} → ${kubeIdentityText(context)} → ${kubeStatusText(context)}`;
}
