// How a kubeconfig user authenticates, and which cloud identity it borrows. kubectl runs an exec
// credential plugin with its own environment plus the exec's `env` list; the plugins that borrow a
// cloud identity are the AWS CLI (`aws eks get-token`), aws-iam-authenticator and
// gke-gcloud-auth-plugin (what `aws eks update-kubeconfig`, eksctl and `gcloud container clusters
// get-credentials` write).
// Only names are kept: never a token, a password, a key or an env value that is not the profile,
// account or configuration a plugin is told to use (docs/interop-kubernetes.md, "Which identity a
// user borrows").
import type { KubeProvider } from '../../shared/kube-model';
import { isYamlMapping } from '../fs/read-yaml-file';

/** Before linking to the snapshot's AWS and gcloud parts (kube-snapshot.ts). */
export type KubeIdentityRef =
  | { cloud: 'aws'; profile: string }
  /** The account the plugin is told to use, else the configuration; both null: gcloud's active account. */
  | { cloud: 'gcp'; account: string | null; configuration: string | null }
  | null;

export interface KubeUserAuth {
  provider: KubeProvider;
  auth: string;
  identity: KubeIdentityRef;
}

/** Only these exec env variables are read; the values of all others are never looked at. */
const NAMED_VARIABLES = [
  'AWS_PROFILE',
  'AWS_DEFAULT_PROFILE',
  'CLOUDSDK_CORE_ACCOUNT',
  'CLOUDSDK_ACTIVE_CONFIG_NAME',
] as const;
type NamedVariable = (typeof NAMED_VARIABLES)[number];

const nonEmpty = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** The command's file name without folders or `.exe`: `/usr/local/bin/aws` → `aws`. */
export function commandName(command: string): string {
  const base = command.split(/[\\/]/).pop() ?? command;
  return base.replace(/\.exe$/i, '');
}

function execEnv(env: unknown): Partial<Record<NamedVariable, string>> {
  const out: Partial<Record<NamedVariable, string>> = {};
  if (!Array.isArray(env)) return out;
  for (const entry of env) {
    if (!isYamlMapping(entry)) continue;
    const name = NAMED_VARIABLES.find((n) => n === entry.name);
    const value = nonEmpty(entry.value);
    if (name && value !== null) out[name] = value;
  }
  return out;
}

/** `--profile x` or `--profile=x`, as the AWS CLI reads it (the last one wins). */
function profileArgument(args: string[]): string | null {
  let profile: string | null = null;
  args.forEach((arg, i) => {
    if (arg === '--profile') profile = nonEmpty(args[i + 1]) ?? profile;
    else if (arg.startsWith('--profile=')) profile = nonEmpty(arg.slice('--profile='.length)) ?? profile;
  });
  return profile;
}

/**
 * The AWS profile the plugin uses: `--profile`, else AWS_PROFILE, else AWS_DEFAULT_PROFILE (the
 * order of docs/interop-aws.md, "Files and environment"), each from the exec's env over kubectl's own.
 */
function awsProfile(args: string[], own: Partial<Record<NamedVariable, string>>, env: NodeJS.ProcessEnv): string {
  return (
    profileArgument(args) ??
    own.AWS_PROFILE ??
    nonEmpty(env.AWS_PROFILE) ??
    own.AWS_DEFAULT_PROFILE ??
    nonEmpty(env.AWS_DEFAULT_PROFILE) ??
    'default'
  );
}

function execAuth(exec: Record<string, unknown>, env: NodeJS.ProcessEnv): KubeUserAuth {
  const command = nonEmpty(exec.command);
  if (command === null) return { provider: 'other', auth: 'exec plugin without a command', identity: null };
  const name = commandName(command);
  const args = Array.isArray(exec.args) ? exec.args.filter((a): a is string => typeof a === 'string') : [];
  const own = execEnv(exec.env);
  if (name === 'aws' && args.includes('eks') && args.includes('get-token')) {
    return {
      provider: 'eks',
      auth: 'aws eks get-token',
      identity: { cloud: 'aws', profile: awsProfile(args, own, env) },
    };
  }
  if (name === 'aws-iam-authenticator') {
    return {
      provider: 'eks',
      auth: 'aws-iam-authenticator',
      identity: { cloud: 'aws', profile: awsProfile(args, own, env) },
    };
  }
  if (name === 'gke-gcloud-auth-plugin') {
    const account = own.CLOUDSDK_CORE_ACCOUNT ?? null;
    const configuration = own.CLOUDSDK_ACTIVE_CONFIG_NAME ?? null;
    return { provider: 'gke', auth: 'gke-gcloud-auth-plugin', identity: { cloud: 'gcp', account, configuration } };
  }
  return { provider: 'other', auth: `exec ${name}`, identity: null };
}

/** Classifies a kubeconfig `users[].user` mapping; anything odd is `other` with what could be told. */
export function classifyUser(user: unknown, env: NodeJS.ProcessEnv): KubeUserAuth {
  if (!isYamlMapping(user)) return { provider: 'other', auth: 'none', identity: null };
  if (isYamlMapping(user.exec)) return execAuth(user.exec, env);
  const provider = isYamlMapping(user['auth-provider']) ? nonEmpty(user['auth-provider'].name) : null;
  // The in-tree gcp provider that gke-gcloud-auth-plugin replaced also ran gcloud's active account.
  if (provider === 'gcp')
    return {
      provider: 'gke',
      auth: 'auth-provider gcp',
      identity: { cloud: 'gcp', account: null, configuration: null },
    };
  if (provider !== null)
    return { provider: 'other', auth: provider === 'oidc' ? 'OIDC' : `auth-provider ${provider}`, identity: null };
  if (user.token !== undefined || user.tokenFile !== undefined)
    return { provider: 'other', auth: 'token', identity: null };
  if (user['client-certificate'] !== undefined || user['client-certificate-data'] !== undefined)
    return { provider: 'other', auth: 'client certificate', identity: null };
  if (user.username !== undefined || user.password !== undefined)
    return { provider: 'other', auth: 'basic auth', identity: null };
  return { provider: 'other', auth: 'none', identity: null };
}
