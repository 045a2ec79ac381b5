// `cloudid clusters` (without --verify), remembered between runs (memo-file.ts). It reads every
// identity source and SkyPilot's state, which costs far more than Node's start; while nothing
// changed, the last analysis is printed again instead. What is kept is the analysis (SkyPilot's
// part of the snapshot, with the command's problems), not the text: the table says launch times
// and the age of remembered answers relative to now, and its colours and widths depend on the
// terminal (clusters-output.ts prints it for this run). It is used while
//   - the key is the same: the texts and file identities of what the AWS and gcloud readers read
//     (aws-inputs-fingerprint.ts, gcp-inputs.ts), of SkyPilot's files, the remembered STS answers
//     and the variables the SkyPilot modules read (sky-inputs.ts), the project folder, the
//     settings file, and this build;
//   - and nothing in it can have changed since: it is before the snapshot's next deadline (an
//     identity that can be used now may not be then), before a remembered answer it used is too
//     old to be used or its age reads differently ("verified 2h ago"), and within a day.
// An analysis made without state.db (SkyPilot's API server was looked for) is not kept.
import { join } from 'node:path';
import { appDataDir } from '../core/app/app-paths';
import { awsInputs } from '../core/aws/aws-inputs-fingerprint';
import { MAX_AGE_MS } from '../core/aws/identity-memory-file';
import { gcpInputs } from '../core/gcp/gcp-inputs';
import { verifiedAgoChangesAt } from '../core/sky/identity-words';
import { skyInputs } from '../core/sky/sky-inputs';
import type { SkyState } from '../core/sky/sky-snapshot';
import { clustersExitCode } from './clusters-output';
import { mayRemember, memoKey, readMemo, writeMemo, type MemoHeader, type MemoKey } from './memo-file';

const FILE_NAME = 'clusters.memo';
const FORMAT = 1;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The memo file's path in the app's cache folder. */
export const clustersMemoFile = (dir: string): string => join(dir, FILE_NAME);

/** Taken before anything is read. `projectDir`: --project-dir, resolved; null without it. */
export function clustersMemoKey(env: NodeJS.ProcessEnv, homeDir: string, projectDir: string | null): MemoKey {
  const appData = appDataDir(env, homeDir, process.platform);
  const gcp = gcpInputs(env, homeDir, process.platform, appData);
  const sky = skyInputs(env, homeDir, projectDir, appData);
  return memoKey(FORMAT, env, homeDir, [awsInputs(env, homeDir), gcp, sky], [...gcp.journals, ...sky.journals]);
}

/** The remembered analysis, when the memo answers this key now (its exit status follows from it). */
export function rememberedClusters(cacheDir: string, key: MemoKey): SkyState | null {
  const memo = readMemo(clustersMemoFile(cacheDir), FORMAT, key.key, Date.now());
  if (!memo) return null;
  try {
    const state = JSON.parse(Buffer.concat(memo.body).toString('utf8')) as unknown;
    return isSkyState(state) ? state : null;
  } catch {
    return null;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * The shape the printers rely on, down to each cluster and problem: a memo is this build's own
 * file, so this guards against damage, not against another writer.
 */
function isSkyState(value: unknown): value is SkyState {
  if (!isObject(value)) return false;
  return (
    typeof value.available === 'boolean' &&
    typeof value.stateFile === 'string' &&
    isObject(value.activeIdentities) &&
    Array.isArray(value.clusters) &&
    value.clusters.every(
      (c) =>
        isObject(c) &&
        typeof c.name === 'string' &&
        Array.isArray(c.matches) &&
        c.matches.every((m) => isObject(m) && typeof m.identity === 'string'),
    ) &&
    Array.isArray(value.problems) &&
    value.problems.every((p) => isObject(p) && typeof p.message === 'string')
  );
}

/**
 * Keeps the analysis worked out from inputs keyed by `key` at `at`, when it may be kept.
 * `deadline`: the snapshot's next deadline counted from when the key was taken; `remembered`: the
 * check times of the STS answers the analysis could use.
 */
export async function rememberClusters(
  cacheDir: string,
  key: MemoKey,
  analysis: { state: SkyState; at: number; deadline: Date | null; remembered: readonly string[] },
): Promise<void> {
  if (!mayRemember(key) || !analysis.state.available) return;
  let validUntil = Math.min(analysis.deadline ? analysis.deadline.getTime() : Infinity, key.takenAt + DAY_MS);
  for (const checkedAt of analysis.remembered) {
    // recall() drops an answer once it is more than MAX_AGE_MS old (identity-memory.ts).
    validUntil = Math.min(
      validUntil,
      Date.parse(checkedAt) + MAX_AGE_MS + 1,
      verifiedAgoChangesAt(checkedAt, analysis.at),
    );
  }
  if (Number.isNaN(validUntil)) return;
  const exitCode = clustersExitCode(analysis.state);
  const header: MemoHeader = { format: FORMAT, key: key.key, at: analysis.at, validUntil, exitCode };
  await writeMemo(clustersMemoFile(cacheDir), header, JSON.stringify(analysis.state));
}
