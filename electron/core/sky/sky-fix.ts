// Copyable commands that make a given identity the one `sky` uses. Which knob to turn depends on
// what decides the identity now: an environment variable beats any file, so the fix must set the
// same variable (a `gcloud config set` would change nothing).
import { shellQuote } from '../../shared/shell-commands';
import type { GcpActiveIdentity } from './sky-types';

/** Where `sky ...` stands for the user's own sky command. */
export const SKY_COMMAND = 'sky ...';

/**
 * botocore (SkyPilot's AWS client) reads AWS_DEFAULT_PROFILE before AWS_PROFILE, the AWS CLI the
 * other way round: when AWS_DEFAULT_PROFILE is set, set both so every reader agrees.
 */
export function awsProfileFix(
  profile: string,
  environment: {
    defaultProfileVariableSet: boolean;
    environmentKeysSet: boolean;
    workspace?: { name: string; configFile: string } | null;
  },
): string {
  // The workspace's profile beats every variable: only the workspace can change it.
  if (environment.workspace) return workspaceSettingFix(environment.workspace, 'aws', 'profile', profile);
  const quoted = shellQuote(profile);
  // Keys in the environment beat a profile chosen by a variable (botocore's EnvProvider comes first).
  const unset = environment.environmentKeysSet
    ? 'env -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY -u AWS_SESSION_TOKEN '
    : '';
  const both = environment.defaultProfileVariableSet ? ` AWS_DEFAULT_PROFILE=${quoted}` : '';
  return `${unset}AWS_PROFILE=${quoted}${both} ${SKY_COMMAND}`;
}

/** A config edit, said the way the workspace fix in owner-match.ts says one. */
export function workspaceSettingFix(
  workspace: { name: string; configFile: string },
  cloud: 'aws' | 'gcp',
  key: string,
  value: string,
): string {
  return `Set \`${key}: ${value}\` under \`workspaces: ${workspace.name}: ${cloud}:\` in ${workspace.configFile}`;
}

export interface GcpTarget {
  account: string;
  project: string;
  /** A gcloud configuration that already holds exactly this account and project. */
  configuration: string | null;
}

/** The settings to change so that SkyPilot computes `<account> [project_id=<project>]`. */
export function gcpIdentityFix(target: GcpTarget, active: GcpActiveIdentity): string | null {
  const accountDiffers = active.account !== target.account;
  const projectDiffers = active.project !== target.project;
  if (!accountDiffers && !projectDiffers) return null;
  const envPrefix: string[] = [];
  const commands: string[] = [];
  let configEdit: string | null = null;
  const projectFromGcloud = active.projectSource === 'gcloud-config' || active.projectSource === null;
  const canActivate =
    target.configuration !== null &&
    active.accountSource !== 'CLOUDSDK_CORE_ACCOUNT' &&
    (projectFromGcloud || !projectDiffers);
  if (canActivate && target.configuration !== null) {
    const name = shellQuote(target.configuration);
    if (active.configurationVariableSet) envPrefix.push(`CLOUDSDK_ACTIVE_CONFIG_NAME=${name}`);
    else commands.push(`gcloud config configurations activate ${name}`);
  } else {
    if (accountDiffers) {
      if (active.accountSource === 'CLOUDSDK_CORE_ACCOUNT')
        envPrefix.push(`CLOUDSDK_CORE_ACCOUNT=${shellQuote(target.account)}`);
      else commands.push(`gcloud config set account ${shellQuote(target.account)}`);
    }
    if (projectDiffers) {
      const project = shellQuote(target.project);
      switch (active.projectSource) {
        // google-auth reads GOOGLE_CLOUD_PROJECT before everything else, key files included.
        case 'GOOGLE_CLOUD_PROJECT':
        case 'GCLOUD_PROJECT':
        case 'GOOGLE_APPLICATION_CREDENTIALS':
        case 'application-default-key':
          envPrefix.push(`GOOGLE_CLOUD_PROJECT=${project}`);
          break;
        case 'CLOUDSDK_CORE_PROJECT':
          envPrefix.push(`CLOUDSDK_CORE_PROJECT=${project}`);
          break;
        // The workspace's project_id beats every variable.
        case 'workspace':
          if (active.workspace) configEdit = workspaceSettingFix(active.workspace, 'gcp', 'project_id', target.project);
          break;
        default:
          commands.push(`gcloud config set project ${project}`);
      }
    }
  }
  if (envPrefix.length > 0) commands.push(`${envPrefix.join(' ')} ${SKY_COMMAND}`);
  if (configEdit !== null)
    return commands.length > 0
      ? `${commands.join(' && ')}, and ${configEdit.charAt(0).toLowerCase()}${configEdit.slice(1)}`
      : configEdit;
  return commands.join(' && ');
}
