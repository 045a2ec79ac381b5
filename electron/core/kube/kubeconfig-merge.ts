// Which kubeconfig files kubectl reads and how it merges them: KUBECONFIG is a list of files
// (separated like PATH; empty entries and repeats dropped, missing files skipped), else
// ~/.kube/config. For clusters, users and contexts the first file that defines a name wins, and
// current-context comes from the first file that sets it (docs/interop-kubernetes.md, "Which files,
// and how they merge"). Pure but for the home folder's path.
import { delimiter, join, resolve } from 'node:path';
import type { KubeProvider } from '../../shared/kube-model';
import type { Problem } from '../../shared/model';
import type { Inputs } from '../fs/inputs-fingerprint';
import type { KubeconfigFile } from './kubeconfig-file';
import type { KubeIdentityRef, KubeUserAuth } from './kube-user-auth';

/** A context with everything the kubeconfig says, before its identity is linked (kube-snapshot.ts). */
export interface KubeContextRead {
  name: string;
  cluster: string | null;
  server: string | null;
  user: string | null;
  current: boolean;
  provider: KubeProvider;
  auth: string;
  identity: KubeIdentityRef;
  file: string;
}

export interface KubeconfigRead {
  configFiles: string[];
  currentContext: string | null;
  contexts: KubeContextRead[];
  problems: Problem[];
}

/** The files kubectl would read, in order; `explicit` is false for the ~/.kube/config fallback. */
export function kubeconfigFiles(
  env: NodeJS.ProcessEnv,
  homeDir: string,
  listSeparator = delimiter,
): { files: string[]; explicit: boolean } {
  const list = env.KUBECONFIG;
  if (list === undefined || list === '') return { files: [join(homeDir, '.kube', 'config')], explicit: false };
  const files: string[] = [];
  for (const entry of list.split(listSeparator)) {
    if (entry === '') continue;
    const path = resolve(entry);
    if (!files.includes(path)) files.push(path);
  }
  return { files, explicit: true };
}

const NO_AUTH: KubeUserAuth = { provider: 'other', auth: 'none', identity: null };

/** Merges the files read (in KUBECONFIG order) as kubectl does. */
export function mergeKubeconfigs(configFiles: string[], files: KubeconfigFile[], problems: Problem[]): KubeconfigRead {
  const firstWins = <T>(pick: (f: KubeconfigFile) => Map<string, T>): Map<string, T & { from: KubeconfigFile }> => {
    const merged = new Map<string, T & { from: KubeconfigFile }>();
    for (const file of files)
      for (const [name, value] of pick(file)) if (!merged.has(name)) merged.set(name, { ...value, from: file });
    return merged;
  };
  const clusters = firstWins((f) => f.clusters);
  const users = firstWins((f) => f.users);
  const contexts = firstWins((f) => f.contexts);
  const currentContext = files.find((f) => f.currentContext !== null)?.currentContext ?? null;
  const out: KubeContextRead[] = [];
  for (const [name, context] of contexts) {
    const problem = (message: string): void => {
      const line = context.from.lineOf('contexts', context.index);
      problems.push({
        severity: 'error',
        message: `context “${name}” ${message}`,
        file: context.from.path,
        ...(line === undefined ? {} : { line }),
      });
    };
    const cluster = context.cluster === null ? undefined : clusters.get(context.cluster);
    if (context.cluster === null) problem('names no cluster');
    else if (!cluster) problem(`names cluster “${context.cluster}”, which no kubeconfig file defines`);
    const user = context.user === null ? undefined : users.get(context.user);
    if (context.user !== null && !user) problem(`names user “${context.user}”, which no kubeconfig file defines`);
    const auth = user ?? NO_AUTH;
    out.push({
      name,
      cluster: context.cluster,
      server: cluster?.server ?? null,
      user: context.user,
      current: name === currentContext,
      provider: auth.provider,
      auth: auth.auth,
      identity: auth.identity,
      file: context.from.path,
    });
  }
  if (currentContext !== null && !contexts.has(currentContext)) {
    const file = files.find((f) => f.currentContext === currentContext)?.path;
    problems.push({
      severity: 'error',
      message: `current-context “${currentContext}” is not a context any kubeconfig file defines`,
      ...(file ? { file } : {}),
    });
  }
  return { configFiles, currentContext, contexts: out, problems };
}

/**
 * What the kubeconfig reader reads, for a key of it (../fs/inputs-fingerprint.ts). The variables
 * its users' exec entries borrow (AWS_PROFILE, CLOUDSDK_*) are in the AWS and gcloud keys.
 */
export function kubeInputs(env: NodeJS.ProcessEnv, homeDir: string): Inputs {
  return {
    texts: [`KUBECONFIG=${JSON.stringify(env.KUBECONFIG ?? null)}`],
    files: kubeconfigFiles(env, homeDir).files,
    folders: [],
  };
}
