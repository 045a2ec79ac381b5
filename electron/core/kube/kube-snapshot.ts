// Links each Kubernetes context to the identity its exec plugin borrows, and gives it that
// identity's status, so "context prod-eks → profile prod → expired" is one line. Pure: the
// kubeconfig read plus the AWS and gcloud parts of the same snapshot.
import type { GcpState } from '../../shared/gcp-model';
import type { KubeContext, KubeContextStatus, KubeIdentity, KubeState } from '../../shared/kube-model';
import type { Problem } from '../../shared/model';
import type { KubeContextRead, KubeconfigRead } from './kubeconfig-merge';

/** What linking needs of the AWS part: each profile's status. */
export type AwsProfileStatuses = ReadonlyMap<string, KubeContextStatus>;

/** The account gcloud uses for `configuration` (null: the active one), as gcloud decides it. */
function gcloudAccount(gcp: GcpState, configuration: string | null): string | null {
  if (configuration !== null) return gcp.configurations.find((c) => c.name === configuration)?.account ?? null;
  const override = gcp.overrides.find((o) => o.property === 'core/account')?.value;
  return override ?? gcp.configurations.find((c) => c.active)?.account ?? null;
}

function link(
  context: KubeContextRead,
  aws: AwsProfileStatuses,
  gcp: GcpState | null,
  problems: Problem[],
): KubeContext {
  const { identity: ref, ...rest } = context;
  const linked = (identity: KubeIdentity | null, status: KubeContextStatus): KubeContext => ({
    ...rest,
    identity,
    status,
  });
  if (ref === null) return linked(null, 'unknown');
  if (ref.cloud === 'aws') {
    const status = aws.get(ref.profile);
    if (status !== undefined) return linked({ cloud: 'aws', profile: ref.profile }, status);
    problems.push({
      severity: 'error',
      message: `context “${context.name}” uses AWS profile “${ref.profile}”, which is not in your AWS config`,
      file: context.file,
    });
    return linked({ cloud: 'aws', profile: ref.profile }, 'error');
  }
  if (gcp === null) return linked(ref.account === null ? null : { cloud: 'gcp', account: ref.account }, 'unknown');
  const account = ref.account ?? gcloudAccount(gcp, ref.configuration);
  // gcloud with no account, or one it holds no credential for: the plugin cannot get a token.
  if (account === null) return linked(null, 'signed-out');
  const known = gcp.accounts.find((a) => a.account === account);
  return linked({ cloud: 'gcp', account }, known ? known.status : 'signed-out');
}

export function kubeSnapshot(read: KubeconfigRead, aws: AwsProfileStatuses, gcp: GcpState | null): KubeState {
  const problems = [...read.problems];
  const contexts = read.contexts.map((c) => link(c, aws, gcp, problems));
  return { configFiles: read.configFiles, currentContext: read.currentContext, contexts, problems };
}
