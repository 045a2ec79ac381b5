// `cloudid status --json`, remembered between runs (memo-file.ts). Scripts and shell prompts run it
// over and over while nothing changes; with 10,000 profiles the document is 4 MB, and working it
// out again costs far more than Node's start. So the last document is kept as text, and printed
// again (with a new `generatedAt`) while
//   - the key is the same: the texts and file identities (../core/fs/inputs-fingerprint.ts) of
//     what the AWS, gcloud and kubeconfig readers read (aws-inputs-fingerprint.ts, gcp-inputs.ts,
//     kubeconfig-merge.ts); the settings file; the `aws` files on PATH (aws-cli-candidates.ts); and
//     this build, so a new one never prints an old shape;
//   - and no status can have changed since: it is before the next deadline (a token or cached role
//     entering its lead time or expiring, a gcloud token expiring), before any SSO registration
//     ends, and within the age the `aws` versions are trusted for (aws-cli-version-cache.ts).
// Nothing is kept while gcloud is writing its databases. Only the status is kept: it holds no secret.
//
// A remembered answer loads none of the readers: this module and what it imports are all a run
// that finds one pays for (docs/performance.md).
import { join } from 'node:path';
import { appDataDir } from '../core/app/app-paths';
import { awsCliInputs } from '../core/aws/aws-cli-candidates';
import { AWS_CLI_VERSION_MAX_AGE_MS } from '../core/aws/aws-cli-version-cache';
import { awsInputs } from '../core/aws/aws-inputs-fingerprint';
import { gcpInputs } from '../core/gcp/gcp-inputs';
import { kubeInputs } from '../core/kube/kubeconfig-merge';
import { mayRemember, memoKey, readMemo, writeMemo, type MemoHeader, type MemoKey } from './memo-file';
import type { TerminalOutput } from './terminal-text';

const FILE_NAME = 'status.memo';
const FORMAT = 3;
/** How every document starts (status-json.ts, statusJson): the remembered text is what follows `generatedAt`. */
const DOCUMENT_START = '{"version":1,"generatedAt":';

/**
 * Prints the remembered document when the memo answers this run now: its exit status, or null
 * (nothing printed). `cloudid status --json` asks this first, from commands/status.ts and, before
 * any of the command loads, from status-fast-path.ts.
 */
export function printRememberedStatus(ctx: { cacheDir: string; stdout: TerminalOutput }, key: MemoKey): number | null {
  const now = Date.now();
  const memo = readMemo(statusMemoFile(ctx.cacheDir), FORMAT, key.key, now);
  if (!memo) return null;
  ctx.stdout.write(`${DOCUMENT_START}${JSON.stringify(new Date(now).toISOString())}`);
  for (const part of memo.body) ctx.stdout.write(part);
  return memo.header.exitCode;
}

/** Taken before anything is read: a change after this makes the next run's key differ. */
export function statusMemoKey(env: NodeJS.ProcessEnv, homeDir: string): MemoKey {
  const gcp = gcpInputs(env, homeDir, process.platform, appDataDir(env, homeDir, process.platform));
  const cli = awsCliInputs(env.PATH, process.platform, env.PATHEXT);
  return memoKey(FORMAT, env, homeDir, [cli, awsInputs(env, homeDir), gcp, kubeInputs(env, homeDir)], gcp.journals);
}

/**
 * The memo for a document just worked out from inputs keyed by `key`; null when it must not be
 * kept. `validUntil`: the document's next deadline, counted from when the key was taken; at the
 * latest, a day after it, when the `aws` versions are asked again.
 */
export function statusMemo(
  key: MemoKey,
  document: { text: string; generatedAt: string; validUntil: Date | null; verified: boolean },
  exitCode: number,
): { header: MemoHeader; text: string } | null {
  if (!mayRemember(key)) return null;
  if (document.verified) return null; // STS answers are not inputs of the key
  const start = `${DOCUMENT_START}${JSON.stringify(document.generatedAt)}`;
  if (!document.text.startsWith(start)) return null;
  return {
    header: {
      format: FORMAT,
      key: key.key,
      at: Date.parse(document.generatedAt),
      validUntil: Math.min(
        document.validUntil ? document.validUntil.getTime() : Infinity,
        key.takenAt + AWS_CLI_VERSION_MAX_AGE_MS,
      ),
      exitCode,
    },
    text: document.text.slice(start.length),
  };
}

/** Replaces the memo atomically; failures are ignored (it is only a cache). */
export function writeStatusMemo(dir: string, memo: { header: MemoHeader; text: string }): Promise<void> {
  return writeMemo(statusMemoFile(dir), memo.header, memo.text);
}

/** The memo file's path in the app's cache folder. */
export const statusMemoFile = (dir: string): string => join(dir, FILE_NAME);
