// The identities SkyPilot itself would compute on this machine, from what the app already read.
// AWS: SkyPilot asks STS through boto3, so the profile is botocore's choice (AWS_DEFAULT_PROFILE,
// then AWS_PROFILE, else `default`; see botocore/configprovider.py), and the identity is what STS
// answers for it. GCP (sky/clouds/gcp.py): the account is `gcloud auth list --filter=status:ACTIVE`
// (the active configuration's, or CLOUDSDK_CORE_ACCOUNT), the project is google.auth.default()'s:
// GOOGLE_CLOUD_PROJECT / GCLOUD_PROJECT, else the GOOGLE_APPLICATION_CREDENTIALS key's project_id,
// else the application-default credentials' (a key's project_id, or gcloud's project for a user).
// The active SkyPilot workspace comes first: its `aws.profile` is the profile boto3 is given
// (sky/adaptors/aws.py get_workspace_profile, session(profile_name=...)), and its `gcp.project_id`
// the project (sky/clouds/gcp.py get_project_id).
import type { AwsProfile, IdentityStatus } from '../../shared/model';
import type { RememberedIdentity } from '../aws/identity-memory';
import { readRegularFile } from '../fs/regular-file';
import type { GcpState } from '../gcp/gcp-state';
import type {
  AwsProfileIdentity,
  GcpActiveIdentity,
  GcpCandidate,
  LocalIdentities,
  SkyActiveWorkspace,
} from './sky-types';

export interface SkypilotAwsProfile {
  profile: string;
  source: 'workspace' | 'AWS_DEFAULT_PROFILE' | 'AWS_PROFILE' | 'default';
  defaultProfileVariableSet: boolean;
}

export function skypilotAwsProfile(
  env: NodeJS.ProcessEnv,
  workspace?: Pick<SkyActiveWorkspace, 'awsProfile'> | null,
): SkypilotAwsProfile {
  const defaultProfileVariableSet = Boolean(env.AWS_DEFAULT_PROFILE);
  if (workspace?.awsProfile) return { profile: workspace.awsProfile, source: 'workspace', defaultProfileVariableSet };
  if (env.AWS_DEFAULT_PROFILE)
    return { profile: env.AWS_DEFAULT_PROFILE, source: 'AWS_DEFAULT_PROFILE', defaultProfileVariableSet };
  if (env.AWS_PROFILE) return { profile: env.AWS_PROFILE, source: 'AWS_PROFILE', defaultProfileVariableSet };
  return { profile: 'default', source: 'default', defaultProfileVariableSet };
}

/** The account a role ARN lives in: an assumed role's identity is always in that account. */
export function accountOfRoleArn(roleArn: string | null): string | null {
  return roleArn ? (/^arn:aws[\w-]*:iam::(\d{12}):role\//.exec(roleArn)?.[1] ?? null) : null;
}

/** Statuses whose credentials cannot be used until someone signs in again or repairs the profile. */
const UNUSABLE: ReadonlySet<IdentityStatus> = new Set(['expired', 'signed-out', 'error']);

/** A profile as the owner check needs it: its STS answer of this run, else a remembered one. */
export type ProfileForOwnerCheck = Pick<AwsProfile, 'name' | 'identity'> &
  Partial<Pick<AwsProfile, 'accountId' | 'roleArn' | 'kind' | 'status'>> & {
    remembered?: RememberedIdentity | null;
  };

/** Profiles with their last STS answer; `active` is the workspace's profile, else botocore's. */
export function awsIdentitiesFrom(
  profiles: readonly ProfileForOwnerCheck[],
  env: NodeJS.ProcessEnv,
  workspace?: SkyActiveWorkspace | null,
): LocalIdentities['aws'] {
  const active = skypilotAwsProfile(env, workspace);
  // botocore: "An explicitly provided profile will negate an EnvProvider" (credentials.py).
  const environmentKeysSet =
    active.source !== 'workspace' && Boolean(env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY);
  const entries: AwsProfileIdentity[] = profiles.map((p) => {
    // An answer of this run wins over a remembered one.
    const remembered = p.identity ? null : (p.remembered ?? null);
    const identity = p.identity ?? remembered?.identity ?? null;
    return {
      profile: p.name,
      identity,
      active: !environmentKeysSet && p.name === active.profile,
      accountHint: identity?.account ?? p.accountId ?? accountOfRoleArn(p.roleArn ?? null),
      ...(p.kind === undefined ? {} : { kind: p.kind }),
      ...(remembered ? { rememberedAt: remembered.checkedAt } : {}),
      ...(p.status === undefined ? {} : { usable: !UNUSABLE.has(p.status) }),
    };
  });
  const workspaceProfile =
    active.source === 'workspace' && workspace
      ? { name: workspace.name, profile: active.profile, configFile: workspace.definedIn ?? '' }
      : null;
  return {
    profiles: entries,
    defaultProfileVariableSet: active.defaultProfileVariableSet,
    environmentKeysSet,
    workspace: workspaceProfile,
  };
}

async function keyProject(file: string): Promise<string | null> {
  try {
    const parsed: unknown = JSON.parse((await readRegularFile(file)).toString('utf8'));
    const project =
      typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>).project_id : undefined;
    return typeof project === 'string' && project !== '' ? project : null;
  } catch {
    return null;
  }
}

type ProjectChoice = Pick<GcpActiveIdentity, 'project' | 'projectSource' | 'problem'>;

async function skypilotGcpProject(
  gcp: GcpState,
  env: NodeJS.ProcessEnv,
  workspace: SkyActiveWorkspace | null,
): Promise<ProjectChoice> {
  if (workspace?.gcpProjectId) return { project: workspace.gcpProjectId, projectSource: 'workspace', problem: null };
  if (env.GOOGLE_CLOUD_PROJECT)
    return { project: env.GOOGLE_CLOUD_PROJECT, projectSource: 'GOOGLE_CLOUD_PROJECT', problem: null };
  if (env.GCLOUD_PROJECT) return { project: env.GCLOUD_PROJECT, projectSource: 'GCLOUD_PROJECT', problem: null };
  const gac = gcp.googleApplicationCredentials;
  if (gac) {
    if (!gac.valid)
      return {
        project: null,
        projectSource: null,
        problem: gac.problem ?? 'GOOGLE_APPLICATION_CREDENTIALS is not usable',
      };
    if (gac.project) return { project: gac.project, projectSource: 'GOOGLE_APPLICATION_CREDENTIALS', problem: null };
    return {
      project: null,
      projectSource: null,
      problem: 'the GOOGLE_APPLICATION_CREDENTIALS file names no project and GOOGLE_CLOUD_PROJECT is not set',
    };
  }
  const adc = gcp.adc;
  if (!adc)
    return {
      project: null,
      projectSource: null,
      problem: 'there are no application default credentials (`gcloud auth application-default login`)',
    };
  if (adc.type === 'service_account') {
    const project = await keyProject(adc.path);
    return project
      ? { project, projectSource: 'application-default-key', problem: null }
      : { project: null, projectSource: null, problem: 'the application default key names no project' };
  }
  const active = gcp.configurations.find((c) => c.active);
  if (!active?.project)
    return { project: null, projectSource: null, problem: 'gcloud has no project set (`gcloud config set project`)' };
  const overridden = gcp.overrides.some((o) => o.property === 'core/project');
  return {
    project: active.project,
    projectSource: overridden ? 'CLOUDSDK_CORE_PROJECT' : 'gcloud-config',
    problem: null,
  };
}

/** The `type` of what google.auth.default() finds: the GOOGLE_APPLICATION_CREDENTIALS key, else the ADC file. */
async function defaultCredentialType(gcp: GcpState): Promise<string | null> {
  const gac = gcp.googleApplicationCredentials;
  if (gac) return gac.valid ? await keyType(gac.path) : null;
  return gcp.adc?.type ?? null;
}

async function keyType(file: string): Promise<string | null> {
  try {
    const parsed: unknown = JSON.parse((await readRegularFile(file)).toString('utf8'));
    const type = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>).type : undefined;
    return typeof type === 'string' ? type : null;
  } catch {
    return null;
  }
}

export async function gcpIdentitiesFrom(
  gcp: GcpState,
  env: NodeJS.ProcessEnv,
  workspace: SkyActiveWorkspace | null = null,
): Promise<LocalIdentities['gcp']> {
  const activeConfiguration = gcp.configurations.find((c) => c.active);
  const account = activeConfiguration?.account ?? null;
  const accountOverridden = gcp.overrides.some((o) => o.property === 'core/account');
  const project = await skypilotGcpProject(gcp, env, workspace);
  const active: GcpActiveIdentity = {
    account,
    accountSource: account ? (accountOverridden ? 'CLOUDSDK_CORE_ACCOUNT' : 'gcloud-config') : null,
    ...project,
    configurationVariableSet: Boolean(env.CLOUDSDK_ACTIVE_CONFIG_NAME),
    problem: account ? project.problem : 'gcloud has no active account',
    workspace:
      project.projectSource === 'workspace' && workspace
        ? { name: workspace.name, configFile: workspace.definedIn ?? '' }
        : null,
    credentialType: await defaultCredentialType(gcp),
  };
  const credentialed = new Set(gcp.accounts.map((a) => a.account));
  const others: GcpCandidate[] = [
    ...gcp.configurations
      // A configuration naming an account gcloud holds no credential for cannot operate anything.
      .filter((c) => !c.active && c.account && credentialed.has(c.account))
      .map((c): GcpCandidate => ({
        account: c.account!,
        project: c.project,
        kind: 'configuration',
        configuration: c.name,
      })),
    ...gcp.accounts.map((a): GcpCandidate => ({
      account: a.account,
      project: null,
      kind: 'account',
      configuration: null,
    })),
    ...gcp.keys
      .filter((k) => credentialed.has(k.account))
      .map((k): GcpCandidate => ({ account: k.account, project: k.project, kind: 'key', configuration: null })),
  ];
  return { active, others };
}
