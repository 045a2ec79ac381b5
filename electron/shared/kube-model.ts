// What the app knows about the user's Kubernetes contexts and the cloud identity each one borrows
// through its exec credential plugin. Plain JSON (it crosses IPC and is printed by
// `cloudid status --json`); never a secret: no token, client key, password or exec env value
// other than the profile or account it names.
import type { GcpAccountStatus } from './gcp-model';
import type { IdentityStatus, Problem } from './model';

/** `eks`: `aws eks get-token` or aws-iam-authenticator; `gke`: gke-gcloud-auth-plugin; else `other`. */
export type KubeProvider = 'eks' | 'gke' | 'other';

/** The identity a context's user borrows: an AWS profile, or a gcloud account. */
export type KubeIdentity = { cloud: 'aws'; profile: string } | { cloud: 'gcp'; account: string };

/** The linked identity's status (an AWS profile's or a gcloud account's); `unknown` when not linked. */
export type KubeContextStatus = IdentityStatus | GcpAccountStatus;

export interface KubeContext {
  name: string;
  /** The cluster and user the context names (null when it names none). */
  cluster: string | null;
  /** The cluster's API server; null when the cluster is not defined. */
  server: string | null;
  user: string | null;
  /** The context is kubeconfig's current-context. */
  current: boolean;
  provider: KubeProvider;
  /** How the user authenticates, in a few words (`aws eks get-token`, `token`, `client certificate`, ...). */
  auth: string;
  identity: KubeIdentity | null;
  status: KubeContextStatus;
  /** The kubeconfig file that defines the context. */
  file: string;
}

export interface KubeState {
  /** The files read, in KUBECONFIG order (else ~/.kube/config). */
  configFiles: string[];
  currentContext: string | null;
  contexts: KubeContext[];
  problems: Problem[];
}
