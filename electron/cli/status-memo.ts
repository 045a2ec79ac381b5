// `cloudid status --json`, remembered between runs. Scripts and shell prompts run it over and over
// while nothing changes; with 10,000 profiles the `aws` part of the document is 4 MB, and working
// it out again costs far more than Node's start. So the last `aws` part is kept as text with the
// key of everything it came from, and printed again while
//   - the key is the same: the identity (device, inode, mode, size, mtime, ctime) of the config and
//     credentials files and of every entry of the SSO and CLI cache folders; the paths and the
//     active profile the environment names, and the AWS_* variables that name them; the settings
//     file; the `aws` CLIs found on PATH; and this build, so a new one never prints an old shape;
//   - and no status can have changed since: it is before the next deadline (a token or cached role
//     entering its lead time or expiring) and before any SSO registration ends.
// The gcloud part is read afresh every time (a few small files). A file changed within the last
// two seconds may change again within the same timestamp tick without its identity changing, so a
// read of such a file is not remembered (git's "racily clean" rule). Only the status is kept: it
// holds no secret. Anything odd about the memo file means "work it out again".
import { hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod/mini';
import type { AwsCliReport, Snapshot } from '../shared/model';
import { fingerprintAwsInputs } from '../core/aws/aws-inputs-fingerprint';
import { parseAppJson } from '../core/fs/app-json-file';
import { writeFileAtomic } from '../core/fs/safe-file-writer';
import { nextDeadline } from '../core/identity/expiry';

/** Set by scripts/build-cli.mjs for each build of the bundle; absent when run from source. */
declare const __CLOUDID_BUILD_ID__: string | undefined;

const FILE_NAME = 'status-aws.memo';
const FORMAT = 1;
const RACY_WINDOW_MS = 2_000;

/**
 * The memo's first line. Only this line is parsed and checked; the `aws` part after it is printed
 * as it is, so a read costs the same for a 4 MB memo as for a small one.
 */
const StatusMemoHeader = z.object({
  format: z.number(),
  key: z.string(),
  /** When the remembered statuses were worked out. */
  at: z.number(),
  /** The first instant a remembered status may be wrong; null: none is timed. */
  validUntil: z.nullable(z.number()),
  /** Every AWS expiry and registration end, for the document's nextDeadline. */
  awsExpiries: z.array(z.number()),
  refreshEnds: z.array(z.number()),
  /** Whether the active profile could be used (the exit status). */
  activeUsable: z.boolean(),
});
export type StatusMemoHeader = z.output<typeof StatusMemoHeader>;

export interface StatusMemoKey {
  key: string;
  /** The latest mtime or ctime of a file in the key: later than `takenAt - RACY_WINDOW_MS` is racy. */
  newestChangeMs: number;
  takenAt: number;
}

/** Taken before anything is read: a change after this makes the next run's key differ. */
export function statusMemoKey(
  env: NodeJS.ProcessEnv,
  homeDir: string,
  settingsFile: string,
  cli: AwsCliReport,
): StatusMemoKey {
  const takenAt = Date.now();
  // Each build has its own id, so a rebuilt `cloudid` never prints the shape an old one kept; from
  // source, the identity of this file stands in for it.
  const build = typeof __CLOUDID_BUILD_ID__ === 'string' ? __CLOUDID_BUILD_ID__ : null;
  const files = build === null ? [settingsFile, fileURLToPath(import.meta.url)] : [settingsFile];
  const inputs = fingerprintAwsInputs(env, homeDir, files);
  const key = hash('sha256', [FORMAT, build ?? 'source', inputs.key, JSON.stringify(cli)].join('\n'));
  return { key, newestChangeMs: inputs.newestChangeMs, takenAt };
}

/** The remembered `aws` part as bytes, when it answers this key at `now`. */
export function readStatusMemo(
  dir: string,
  key: string,
  now: number,
): { header: StatusMemoHeader; aws: Buffer } | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(dir, FILE_NAME));
  } catch {
    return null;
  }
  const newline = bytes.indexOf(0x0a);
  if (newline < 0) return null;
  const read = parseAppJson(bytes.toString('utf8', 0, newline), StatusMemoHeader);
  if (read.status !== 'ok') return null;
  const header = read.value;
  if (header.format !== FORMAT || header.key !== key) return null;
  if (now < header.at) return null; // the clock went back
  if (header.validUntil !== null && !(now < header.validUntil)) return null;
  return { header, aws: bytes.subarray(newline + 1) };
}

/** The header for a snapshot just worked out from inputs keyed by `key`; null when it must not be kept. */
export function statusMemoHeader(
  key: StatusMemoKey,
  snapshot: Snapshot,
  deadlines: { expiries: readonly Date[]; refreshEnds: readonly Date[] },
  activeUsable: boolean,
): StatusMemoHeader | null {
  if (key.newestChangeMs > key.takenAt - RACY_WINDOW_MS) return null;
  if (snapshot.aws.profiles.some((p) => p.lastCheck !== null)) return null; // STS answers are not inputs of the key
  // From when the key was taken: a deadline between then and the snapshot leaves nothing to reuse.
  const deadline = nextDeadline(
    deadlines.expiries,
    key.takenAt,
    snapshot.leadTimeMinutes * 60_000,
    deadlines.refreshEnds,
  );
  const times = (dates: readonly Date[]): number[] => dates.map((d) => d.getTime()).filter(Number.isFinite);
  return {
    format: FORMAT,
    key: key.key,
    at: Date.parse(snapshot.generatedAt),
    validUntil: deadline ? deadline.getTime() : null,
    awsExpiries: times(deadlines.expiries),
    refreshEnds: times(deadlines.refreshEnds),
    activeUsable,
  };
}

/** Replaces the memo atomically; failures are ignored (it is only a cache). */
export async function writeStatusMemo(dir: string, header: StatusMemoHeader, awsText: string): Promise<void> {
  try {
    await writeFileAtomic(join(dir, FILE_NAME), `${JSON.stringify(header)}\n${awsText}`, {
      mode: 0o600,
      dirMode: 0o700,
    });
  } catch {
    // A read-only or full disk: the next run works it out again (the writer left no temp file).
  }
}

/** For tests: the memo file's path. */
export const statusMemoFile = (dir: string): string => join(dir, FILE_NAME);
