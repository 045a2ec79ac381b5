// `cloudid status --json`, remembered between runs. Scripts and shell prompts run it over and over
// while nothing changes; with 10,000 profiles the document is 4 MB, and working it out again costs
// far more than Node's start. So the last document is kept as text with the key of everything it
// came from, and printed again (with a new `generatedAt`) while
//   - the key is the same: the texts and file identities (../core/fs/inputs-fingerprint.ts) of
//     what the AWS, gcloud and kubeconfig readers read (aws-inputs-fingerprint.ts, gcp-inputs.ts,
//     kubeconfig-merge.ts); the settings file; the `aws` files on PATH (aws-cli-candidates.ts); and
//     this build, so a new one never prints an old shape;
//   - and no status can have changed since: it is before the next deadline (a token or cached role
//     entering its lead time or expiring, a gcloud token expiring), before any SSO registration
//     ends, and within the age the `aws` versions are trusted for (aws-cli-version-cache.ts).
// A file changed within the last two seconds may change again within the same timestamp tick
// without its identity changing, so a read of such a file is not remembered (git's "racily clean"
// rule); nor is one taken while gcloud was writing its databases. Only the status is kept: it holds
// no secret. Anything odd about the memo file means "work it out again".
//
// A remembered answer loads none of the readers: this module and what it imports are all a run
// that finds one pays for (docs/performance.md).
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appDataDir, settingsFile } from '../core/app/app-paths';
import { awsCliInputs } from '../core/aws/aws-cli-candidates';
import { AWS_CLI_VERSION_MAX_AGE_MS } from '../core/aws/aws-cli-version-cache';
import { awsInputs } from '../core/aws/aws-inputs-fingerprint';
import { fingerprintInputs, type Inputs } from '../core/fs/inputs-fingerprint';
import { gcpInputs } from '../core/gcp/gcp-inputs';
import { kubeInputs } from '../core/kube/kubeconfig-merge';
import { EXIT } from './exit-codes';
import type { TerminalOutput } from './terminal-text';

/** Set by scripts/build-cli.mjs for each build of the bundle; absent when run from source. */
declare const __CLOUDID_BUILD_ID__: string | undefined;

const FILE_NAME = 'status.memo';
const FORMAT = 2;
const RACY_WINDOW_MS = 2_000;
/** How every document starts (status-json.ts, statusJson): the remembered text is what follows `generatedAt`. */
const DOCUMENT_START = '{"version":1,"generatedAt":';

/**
 * Prints the remembered document when the memo answers this run now: its exit status, or null
 * (nothing printed). `cloudid status --json` asks this first, from commands/status.ts and, before
 * any of the command loads, from status-fast-path.ts.
 */
export function printRememberedStatus(
  ctx: { env: NodeJS.ProcessEnv; homeDir: string; cacheDir: string; stdout: TerminalOutput },
  key: StatusMemoKey,
): number | null {
  const memo = readStatusMemo(ctx.cacheDir, key.key, Date.now());
  if (!memo) return null;
  for (const part of memo.document) ctx.stdout.write(part);
  return memo.header.activeUsable ? EXIT.ok : EXIT.unusable;
}

/**
 * A key the fast path took and found no answer for, handed to the command it then loads: a
 * second key would stat every file again (2,000 token files in a big home). The two are separate
 * bundles, so the key goes through a global under a registered symbol.
 */
const HANDED_OVER = Symbol.for('cloud-identity-tray.status-memo-key');

export function handOverStatusMemoKey(key: StatusMemoKey): void {
  (globalThis as Record<symbol, unknown>)[HANDED_OVER] = key;
}

/** The key the fast path handed over in this process, once; null when there is none. */
export function takeHandedOverStatusMemoKey(): StatusMemoKey | null {
  const key = (globalThis as Record<symbol, unknown>)[HANDED_OVER] as StatusMemoKey | undefined;
  delete (globalThis as Record<symbol, unknown>)[HANDED_OVER];
  return key ?? null;
}

/** The memo's first line; the document's text after `generatedAt` follows it. */
export interface StatusMemoHeader {
  format: number;
  key: string;
  /** When the remembered document was worked out. */
  at: number;
  /** The first instant a remembered status may be wrong. */
  validUntil: number;
  /** Whether the active profile could be used (the exit status). */
  activeUsable: boolean;
}

export interface StatusMemoKey {
  key: string;
  /** The latest mtime or ctime of a file in the key: later than `takenAt - RACY_WINDOW_MS` is racy. */
  newestChangeMs: number;
  takenAt: number;
  /** gcloud was writing a database when the key was taken. */
  busy: boolean;
}

/** Taken before anything is read: a change after this makes the next run's key differ. */
export function statusMemoKey(env: NodeJS.ProcessEnv, homeDir: string): StatusMemoKey {
  const takenAt = Date.now();
  const settings = settingsFile(env, homeDir, process.platform);
  // Each build has its own id, so a rebuilt `cloudid` never prints the shape an old one kept; from
  // source, the identity of this file stands in for it.
  const build = typeof __CLOUDID_BUILD_ID__ === 'string' ? __CLOUDID_BUILD_ID__ : null;
  const gcp = gcpInputs(env, homeDir, process.platform, appDataDir(env, homeDir, process.platform));
  const own: Inputs = {
    texts: [],
    files: build === null ? [settings, fileURLToPath(import.meta.url)] : [settings],
    folders: [],
  };
  const cli = awsCliInputs(env.PATH, process.platform, env.PATHEXT);
  const parts = [own, cli, awsInputs(env, homeDir), gcp, kubeInputs(env, homeDir)];
  const inputs = fingerprintInputs({
    texts: parts.flatMap((part, i) => [`[${i}]`, ...part.texts]),
    files: parts.flatMap((part) => part.files),
    folders: parts.flatMap((part) => part.folders),
  });
  return {
    key: [FORMAT, build ?? 'source', inputs.key].join('\n'),
    newestChangeMs: inputs.newestChangeMs,
    takenAt,
    busy: gcp.journals.some((file) => inputs.present.has(file)),
  };
}

function isHeader(value: unknown): value is StatusMemoHeader {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v.format === FORMAT &&
    typeof v.key === 'string' &&
    typeof v.at === 'number' &&
    typeof v.validUntil === 'number' &&
    typeof v.activeUsable === 'boolean'
  );
}

/** The remembered document as it is printed at `now`, when the memo answers this key then. */
function readStatusMemo(
  dir: string,
  key: string,
  now: number,
): { header: StatusMemoHeader; document: Buffer[] } | null {
  let fd: number;
  try {
    fd = openSync(join(dir, FILE_NAME), 'r');
  } catch {
    return null;
  }
  try {
    // The header first, alone: a memo that does not answer costs its first line, not the 5 MB
    // document of a big home.
    const head = readFirstLine(fd);
    if (head === null) return null;
    let header: unknown;
    try {
      header = JSON.parse(head.line);
    } catch {
      return null;
    }
    if (!isHeader(header) || header.key !== key) return null;
    if (now < header.at) return null; // the clock went back
    if (!(now < header.validUntil)) return null;
    const start = Buffer.from(`${DOCUMENT_START}${JSON.stringify(new Date(now).toISOString())}`);
    return { header, document: [start, head.after, readRest(fd)] };
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

const CHUNK = 64 * 1024;

/** The text before the first newline, and the bytes read after it; null when there is none. */
function readFirstLine(fd: number): { line: string; after: Buffer } | null {
  const chunks: Buffer[] = [];
  for (;;) {
    const chunk = Buffer.allocUnsafe(CHUNK);
    const n = readSync(fd, chunk, 0, CHUNK, null);
    if (n === 0) return null;
    const newline = chunk.subarray(0, n).indexOf(0x0a);
    if (newline >= 0) {
      chunks.push(chunk.subarray(0, newline));
      return { line: Buffer.concat(chunks).toString('utf8'), after: chunk.subarray(newline + 1, n) };
    }
    chunks.push(chunk.subarray(0, n));
  }
}

/** Everything left in the file (written whole by a rename, so its size does not change). */
function readRest(fd: number): Buffer {
  const rest = Buffer.allocUnsafe(fstatSync(fd).size);
  let filled = 0;
  while (filled < rest.length) {
    const n = readSync(fd, rest, filled, rest.length - filled, null);
    if (n === 0) break;
    filled += n;
  }
  return rest.subarray(0, filled);
}

/**
 * The memo for a document just worked out from inputs keyed by `key`; null when it must not be
 * kept. `validUntil`: the document's next deadline, counted from when the key was taken; at the
 * latest, a day after it, when the `aws` versions are asked again.
 */
export function statusMemo(
  key: StatusMemoKey,
  document: { text: string; generatedAt: string; validUntil: Date | null; verified: boolean },
  activeUsable: boolean,
): { header: StatusMemoHeader; text: string } | null {
  if (key.busy || key.newestChangeMs > key.takenAt - RACY_WINDOW_MS) return null;
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
      activeUsable,
    },
    text: document.text.slice(start.length),
  };
}

/** Replaces the memo atomically; failures are ignored (it is only a cache). */
export async function writeStatusMemo(dir: string, memo: { header: StatusMemoHeader; text: string }): Promise<void> {
  try {
    // Loaded here: a run that prints a remembered document writes nothing.
    const { writeFileAtomic } = await import('../core/fs/safe-file-writer');
    await writeFileAtomic(join(dir, FILE_NAME), `${JSON.stringify(memo.header)}\n${memo.text}`, {
      mode: 0o600,
      dirMode: 0o700,
    });
  } catch {
    // A read-only or full disk: the next run works it out again (the writer left no temp file).
  }
}

/** For tests: the memo file's path. */
export const statusMemoFile = (dir: string): string => join(dir, FILE_NAME);
