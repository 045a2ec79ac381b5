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
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AwsCliReport, Snapshot } from '../shared/model';
import { fingerprintAwsInputs } from '../core/aws/aws-inputs-fingerprint';
import { nextDeadline } from '../core/identity/expiry';

/** Set by scripts/build-cli.mjs for each build of the bundle; absent when run from source. */
declare const __CLOUDID_BUILD_ID__: string | undefined;

const FILE_NAME = 'status-aws.memo';
const FORMAT = 1;
const RACY_WINDOW_MS = 2_000;

export interface StatusMemoHeader {
  format: number;
  key: string;
  /** When the remembered statuses were worked out. */
  at: number;
  /** The first instant a remembered status may be wrong; null: none is timed. */
  validUntil: number | null;
  /** Every AWS expiry and registration end, for the document's nextDeadline. */
  awsExpiries: number[];
  refreshEnds: number[];
  /** Whether the active profile could be used (the exit status). */
  activeUsable: boolean;
}

export interface StatusMemoKey {
  key: string;
  /** The latest mtime or ctime of a file in the key: later than `takenAt - RACY_WINDOW_MS` is racy. */
  newestChangeMs: number;
  takenAt: number;
}

/** Taken before anything is read: a change after this makes the next run's key differ. */
export function statusMemoKey(env: NodeJS.ProcessEnv, homeDir: string, settingsFile: string, cli: AwsCliReport): StatusMemoKey {
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
export function readStatusMemo(dir: string, key: string, now: number): { header: StatusMemoHeader; aws: Buffer } | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(dir, FILE_NAME));
  } catch {
    return null;
  }
  const newline = bytes.indexOf(0x0a);
  if (newline < 0) return null;
  let header: StatusMemoHeader;
  try {
    header = JSON.parse(bytes.toString('utf8', 0, newline)) as StatusMemoHeader;
  } catch {
    return null;
  }
  if (header.format !== FORMAT || header.key !== key || !Array.isArray(header.awsExpiries) || !Array.isArray(header.refreshEnds)) return null;
  if (typeof header.at !== 'number' || now < header.at) return null; // the clock went back
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
  const deadline = nextDeadline(deadlines.expiries, key.takenAt, snapshot.leadTimeMinutes * 60_000, deadlines.refreshEnds);
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

/** Replaces the memo in one rename; failures are ignored (it is only a cache). */
export function writeStatusMemo(dir: string, header: StatusMemoHeader, awsText: string): void {
  const file = join(dir, FILE_NAME);
  const temp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(temp, `${JSON.stringify(header)}\n${awsText}`, { mode: 0o600 });
    renameSync(temp, file);
  } catch {
    // A read-only or full disk: the next run works it out again.
    try {
      rmSync(temp, { force: true });
    } catch {
      // nothing more to do
    }
  }
}

/** For tests: the memo file's path. */
export const statusMemoFile = (dir: string): string => join(dir, FILE_NAME);
