// Pure: SkyPilot's controllers and whether the credentials they get expire. Managed jobs and
// SkyServe run on controller clusters that SkyPilot names after the local user's hash
// (sky/utils/controller_utils.py: `sky-jobs-controller-<hash>`, `sky-serve-controller-<hash>`;
// before managed jobs, `sky-spot-controller-<hash>`). A controller is given the local credentials of
// every cloud whose `remote_identity` is LOCAL_CREDENTIALS (the default for AWS and GCP), and
// SkyPilot warns when they can expire: "Clusters may be leaked if the credentials expire while jobs
// are running" (backend_utils.get_expirable_clouds, cloud_vm_ray_backend.py). This says so before a
// controller is launched again, and what to use instead. For AWS it is stricter than SkyPilot:
// SkyPilot uploads only ~/.aws/credentials keys (AWS.get_credential_file_mounts), so an SSO or
// `aws login` identity never reaches a controller, which then has only what its own cloud gives it.
import type { LocalIdentities, SkyActiveWorkspace, SkyControllerWarning } from './sky-types';

const CONTROLLER_NAME = /^sky-(jobs|spot|serve)-controller-[0-9a-f]+$/;

export function controllerKind(name: string): 'jobs' | 'serve' | null {
  const kind = CONTROLLER_NAME.exec(name)?.[1];
  return kind === undefined ? null : kind === 'serve' ? 'serve' : 'jobs';
}

/** AWS profile kinds (model.ts AwsProfileKind) whose credentials end: an SSO session, `aws login`. */
const EXPIRING_AWS_KINDS: Record<string, string> = {
  sso: 'an IAM Identity Center (SSO) profile',
  'sso-legacy': 'an IAM Identity Center (SSO) profile',
  login: 'an `aws login` profile',
};

/** google-auth credential types that end or need reauthentication (sky/clouds/gcp.py GCPIdentityType). */
const EXPIRING_GCP_TYPES: Record<string, string> = {
  authorized_user: 'gcloud user credentials (authorized_user), which expire and need reauthentication',
  external_account: 'workload identity federation credentials (external_account), which are short-lived',
  impersonated_service_account: 'an impersonated service account, which depends on a user session',
};

export interface ControllerInputs {
  clusterNames: readonly string[];
  local: LocalIdentities;
  uploadsLocalCredentials: { aws: boolean; gcp: boolean };
  /** The user config a `remote_identity` fix goes in. */
  configFile: string;
  workspace: SkyActiveWorkspace | null;
}

export function controllerWarnings(inputs: ControllerInputs): SkyControllerWarning[] {
  const controllers = inputs.clusterNames.filter((name) => controllerKind(name) !== null);
  if (controllers.length === 0) return [];
  const warnings: SkyControllerWarning[] = [];
  const consequence =
    'controllers need credentials that do not expire, or the clusters they launch may be leaked when they do';

  const aws = inputs.local.aws;
  const profile = aws.environmentKeysSet ? undefined : aws.profiles.find((p) => p.active);
  const awsKind = profile?.kind === undefined ? undefined : EXPIRING_AWS_KINDS[profile.kind];
  if (inputs.uploadsLocalCredentials.aws && profile && awsKind) {
    const chosen = aws.workspace ? ` (workspace ${aws.workspace.name})` : '';
    warnings.push({
      cloud: 'aws',
      controllers,
      message:
        `AWS profile "${profile.profile}"${chosen}, which SkyPilot would use, is ${awsKind}: its credentials expire, so SkyPilot does not ` +
        `hand them to controllers (it uploads only ~/.aws/credentials keys); ${consequence}.`,
      instead:
        `Use a static role: \`remote_identity: SERVICE_ACCOUNT\` under \`aws:\` in ${inputs.configFile} gives controllers SkyPilot's IAM role, ` +
        'or run SkyPilot with a profile that holds an IAM user’s access keys.',
    });
  }

  const gcp = inputs.local.gcp.active;
  const gcpKind = gcp.credentialType ? EXPIRING_GCP_TYPES[gcp.credentialType] : undefined;
  if (inputs.uploadsLocalCredentials.gcp && gcp.account && gcpKind) {
    warnings.push({
      cloud: 'gcp',
      controllers,
      message: `The Google Cloud credentials SkyPilot would hand to controllers are ${gcpKind}; ${consequence}.`,
      instead:
        'Use a service-account key: import one (Google Cloud tab, or `gcloud auth activate-service-account --key-file KEY.json`) ' +
        'and point GOOGLE_APPLICATION_CREDENTIALS at it.',
    });
  }
  return warnings;
}
