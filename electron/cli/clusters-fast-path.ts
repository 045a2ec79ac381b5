// `cloudid clusters [--json] [--project-dir DIR]` answered from its memo (clusters-memo.ts) before
// the rest of the command loads: the command itself loads the whole core, about 370 KB of code.
// The bundles build this as one file (scripts/cli-bundle.mjs), which the entries load for these
// forms of the command (scripts/cli-package/fast-paths.mjs). When the memo does not answer, or
// anything here fails, nothing has been printed and the command runs as usual.
import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { appCacheDir } from '../core/app/app-paths';
import { clustersMemoKey, rememberedClusters } from './clusters-memo';
import { printClusters } from './clusters-output';
import { standardOutputs } from './fd-output';
import { handOverMemoKey } from './memo-file';

/** True when the remembered analysis was printed (process.exitCode is set). */
export function answerClustersFromMemo(argv: string[]): boolean {
  // The command's own options but --verify (which asks STS): anything else, --help and usage
  // errors included, is the command's to answer.
  let values: { json?: boolean; 'project-dir'?: string };
  try {
    const parsed = parseArgs({
      args: argv,
      options: { json: { type: 'boolean' }, 'project-dir': { type: 'string' } },
      strict: true,
      allowPositionals: false,
    });
    values = parsed.values;
  } catch {
    return false;
  }
  const projectDir = values['project-dir'];
  if (projectDir !== undefined && !isFolder(projectDir)) return false;
  const env = process.env;
  const homeDir = env.HOME || homedir();
  const cacheDir = appCacheDir(env, homeDir, process.platform);
  const key = clustersMemoKey(env, homeDir, projectDir === undefined ? null : path.resolve(projectDir));
  const remembered = rememberedClusters(cacheDir, key);
  if (remembered) {
    const { stdout } = standardOutputs();
    process.exitCode = printClusters(remembered, { json: values.json === true, verified: false }, { env, stdout });
    return true;
  }
  handOverMemoKey('clusters', key); // the command works it out, and remembers it under this key
  return false;
}

function isFolder(dir: string): boolean {
  try {
    return dir !== '' && statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
