// The Kubernetes source of the snapshot: the kubeconfig files kubectl reads, merged as kubectl
// merges them. Linking each context to the AWS profile or gcloud account behind it is
// kube-snapshot's, at assembly, where those statuses are known.
import type { SourceReader } from '../fs/source-reader';
import type { Problem } from '../../shared/model';
import { parseYaml } from '../fs/yaml-parse';
import { readUserFile } from '../fs/read-user-file';
import { kubeconfigFromYaml, type KubeconfigFile } from './kubeconfig-file';
import { entryLines } from './kubeconfig-lines';
import { kubeconfigFiles, mergeKubeconfigs, type KubeconfigRead } from './kubeconfig-merge';

/** Kubeconfigs hold base64 certificates, a few KB per cluster; past this a file is not read. */
export const KUBECONFIG_MAX_BYTES = 4 * 1024 * 1024;

/** The merged kubeconfig; null when none of its files exists (kubectl has no config then either). */
export async function readKubeconfig(env: NodeJS.ProcessEnv, homeDir: string): Promise<KubeconfigRead | null> {
  const { files: paths } = kubeconfigFiles(env, homeDir);
  const reads = await Promise.all(paths.map((path) => readUserFile(path, { maxBytes: KUBECONFIG_MAX_BYTES })));
  const problems: Problem[] = [];
  const files: KubeconfigFile[] = [];
  const configFiles: string[] = [];
  for (const read of reads) {
    // kubectl skips a listed file that does not exist.
    if (!read.ok && read.missing) continue;
    configFiles.push(read.path);
    if (!read.ok) {
      problems.push(read.problem);
      continue;
    }
    const yaml = parseYaml(read.text, read.path);
    if (!yaml.ok) {
      problems.push(yaml.problem);
      continue;
    }
    problems.push(...yaml.problems);
    const parsed = kubeconfigFromYaml(yaml.value, read.path, env, entryLines(read.text));
    problems.push(...parsed.problems);
    files.push(parsed.file);
  }
  if (configFiles.length === 0) return null;
  return mergeKubeconfigs(configFiles, files, problems);
}

export function createKubeReader(options: {
  homeDir: string;
  env: NodeJS.ProcessEnv;
}): SourceReader<KubeconfigRead | null> {
  const { homeDir, env } = options;
  return {
    read: () => readKubeconfig(env, homeDir),
    watchTargets: () => kubeconfigFiles(env, homeDir).files.map((path) => ({ path, kind: 'file' as const })),
  };
}
