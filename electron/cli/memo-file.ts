// A command's last answer, kept between runs with the key of everything it came from, and given
// again while that key is the same and no deadline has passed (status-memo.ts for
// `cloudid status --json`, clusters-memo.ts for `cloudid clusters`). The file is one line of JSON,
// the header, then the body; the header is read alone first, so a memo that does not answer costs
// its first line, not the megabytes of a big home's answer.
//
// The key is the exact record of the inputs (../core/fs/inputs-fingerprint.ts): texts and file
// identities, never a secret and never a digest (node:crypto costs more to load than comparing a
// few hundred kilobytes). A file changed within the last two seconds may change again within the
// same timestamp tick without its identity changing, so an answer read from such a file is not
// kept (git's "racily clean" rule); nor one read while a database was being written (a rollback
// journal was present). Anything odd about a memo file means "work it out again".
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { settingsFile } from '../core/app/app-paths';
import { fingerprintInputs, type Inputs } from '../core/fs/inputs-fingerprint';

/** Set by scripts/build-cli.mjs for each build of the bundle; absent when run from source. */
declare const __CLOUDID_BUILD_ID__: string | undefined;

const RACY_WINDOW_MS = 2_000;

export interface MemoKey {
  key: string;
  /** The latest mtime or ctime of a file in the key: later than `takenAt - RACY_WINDOW_MS` is racy. */
  newestChangeMs: number;
  takenAt: number;
  /** A database was being written when the key was taken. */
  busy: boolean;
}

/** What every memo header holds. */
export interface MemoHeader {
  format: number;
  key: string;
  /** When the remembered answer was worked out. */
  at: number;
  /** The first instant the remembered answer may be wrong. */
  validUntil: number;
  /** The command's exit status with that answer. */
  exitCode: number;
}

/**
 * The key of `parts` for a memo of this format: taken before anything is read, so that a change
 * after it makes the next run's key differ. The settings file and this build are part of every
 * key: each build has its own id, so a rebuilt `cloudid` never prints what an old one kept; from
 * source, the identity of this file stands in for it. `journals`: files whose presence means a
 * database is being written.
 */
export function memoKey(
  format: number,
  env: NodeJS.ProcessEnv,
  homeDir: string,
  parts: readonly Inputs[],
  journals: readonly string[] = [],
): MemoKey {
  const takenAt = Date.now();
  const build = typeof __CLOUDID_BUILD_ID__ === 'string' ? __CLOUDID_BUILD_ID__ : null;
  const settings = settingsFile(env, homeDir, process.platform);
  const own: Inputs = {
    texts: [],
    files: build === null ? [settings, fileURLToPath(import.meta.url)] : [settings],
    folders: [],
  };
  const all = [own, ...parts];
  const inputs = fingerprintInputs({
    texts: all.flatMap((part, i) => [`[${i}]`, ...part.texts]),
    files: all.flatMap((part) => part.files),
    folders: all.flatMap((part) => part.folders),
  });
  return {
    key: [format, build ?? 'source', inputs.key].join('\n'),
    newestChangeMs: inputs.newestChangeMs,
    takenAt,
    busy: journals.some((file) => inputs.present.has(file)),
  };
}

/** Whether an answer read under this key may be kept: nothing was being written or just written. */
export const mayRemember = (key: MemoKey): boolean => !key.busy && key.newestChangeMs <= key.takenAt - RACY_WINDOW_MS;

function isHeader(value: unknown, format: number): value is MemoHeader {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v.format === format &&
    typeof v.key === 'string' &&
    typeof v.at === 'number' &&
    typeof v.validUntil === 'number' &&
    Number.isInteger(v.exitCode)
  );
}

/**
 * The header and body of the memo in `file` when it answers `key` at `now`; null otherwise. The
 * body is in pieces as read: the bytes read with the header, then the rest.
 */
export function readMemo(
  file: string,
  format: number,
  key: string,
  now: number,
): { header: MemoHeader; body: Buffer[] } | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const head = readFirstLine(fd);
    if (head === null) return null;
    let header: unknown;
    try {
      header = JSON.parse(head.line);
    } catch {
      return null;
    }
    if (!isHeader(header, format) || header.key !== key) return null;
    if (now < header.at) return null; // the clock went back
    if (!(now < header.validUntil)) return null;
    return { header, body: [head.after, readRest(fd)] };
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

/** Replaces the memo atomically, private to the user; failures are ignored (it is only a cache). */
export async function writeMemo(file: string, header: MemoHeader, body: string): Promise<void> {
  try {
    // Loaded here: a run that prints a remembered answer writes nothing.
    const { writeFileAtomic } = await import('../core/fs/safe-file-writer');
    await writeFileAtomic(file, `${JSON.stringify(header)}\n${body}`, { mode: 0o600, dirMode: 0o700 });
  } catch {
    // A read-only or full disk: the next run works it out again (the writer left no temp file).
  }
}

/**
 * A key a fast path took and found no answer for, handed to the command it then loads: a second
 * key would stat every file again (2,000 token files in a big home). The two are separate
 * bundles, so the key goes through a global under a registered symbol, one per command.
 */
export function handOverMemoKey(command: string, key: MemoKey): void {
  (globalThis as Record<symbol, unknown>)[Symbol.for(`cloud-identity-tray.${command}-memo-key`)] = key;
}

/** The key the fast path handed over for this command in this process, once; null when there is none. */
export function takeHandedOverMemoKey(command: string): MemoKey | null {
  const symbol = Symbol.for(`cloud-identity-tray.${command}-memo-key`);
  const key = (globalThis as Record<symbol, unknown>)[symbol] as MemoKey | undefined;
  delete (globalThis as Record<symbol, unknown>)[symbol];
  return key ?? null;
}
