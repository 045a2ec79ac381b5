// The one writer for users' files (~/.aws/*, the gcloud directory, shell profiles): see
// docs/architecture.md, "Writing users' files".
//
// Contract:
// - `readForEdit` reads the file (following symlinks: the link's target is edited, the link
//   itself stays) and remembers a SHA-256 of its exact bytes.
// - `writeEdited` refuses with `ConcurrentEditError` when the bytes on disk are no longer the
//   ones read (mtime alone misses same-second edits and editors that restore mtimes), backs the
//   original up once, then replaces the file atomically: temp file beside it with the original's
//   mode, fsync, rename over the target, fsync the directory. A crash at any point leaves either
//   the old bytes or the new bytes, never a mix.
// - Backup naming: `<file name>.cloudid-backup` in the same directory as the edited file (the
//   symlink's target, not the link). It is created only if absent, so it always holds the file
//   as it was before the app's FIRST edit; later edits never overwrite it.
// - Temp naming: `.<file name>.cloudid-tmp-<pid>-<random>` (and `.<file name>.cloudid-backup.cloudid-tmp-…`
//   for the backup) beside the target, so the rename stays on one filesystem and two writers,
//   in one process or in several, never share a temp file. `removeStaleTempFiles` deletes ones
//   left by a crashed process.
// - Whole files the app owns (caches, the settings, the SSO token cache) are replaced with
//   `writeFileAtomic` / `writeJsonFileAtomic`: the same temp file, fsync and rename, without the
//   read-compare-backup of an edit. `commitViaTempFile` below is the one implementation of those
//   steps; edits, backups and whole-file writes all go through it.

import * as nodeFs from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { isErrno } from './errno';
import { fileKind, NON_BLOCKING_READ, NotRegularFileError } from './regular-file';
import { nodeCrypto } from '../node-crypto';

export interface FileForEdit {
  /** The path as the caller gave it (may be a symlink). */
  path: string;
  exists: boolean;
  /** The file's text (UTF-8), exactly as on disk: line endings and a BOM are kept. */
  text: string;
  /** Permission bits (e.g. 0o600), null when the file does not exist. */
  mode: number | null;
  mtimeMs: number | null;
  /** SHA-256 (hex) of the bytes read, null when the file does not exist. */
  sha256: string | null;
  /** The file's line ending, taken from its first line break ('\n' for new or one-line files). */
  eol: '\n' | '\r\n';
}

export class ConcurrentEditError extends Error {
  constructor(readonly path: string) {
    super(`${path} changed since it was read; nothing was written. Reload it and try again.`);
    this.name = 'ConcurrentEditError';
  }
}

export class NotUtf8TextError extends Error {
  constructor(readonly path: string) {
    super(`${path} is not UTF-8 text; refusing to edit it.`);
    this.name = 'NotUtf8TextError';
  }
}

/** The file-system calls the writer makes; tests inject failures (e.g. a rename that throws). */
export type WriterFs = Pick<
  typeof nodeFs,
  'open' | 'readFile' | 'rename' | 'unlink' | 'link' | 'lstat' | 'stat' | 'realpath' | 'readlink' | 'mkdir' | 'readdir'
>;

export const BACKUP_SUFFIX = '.cloudid-backup';
const TEMP_MARK = '.cloudid-tmp-';

/**
 * Writes to one file from this process run one after another, so that of two edits made from
 * the same read the second is refused instead of silently overwriting the first. (Between
 * processes the sha256 re-check just before the rename leaves a window of one rename call.)
 */
const writeQueues = new Map<string, Promise<void>>();

async function serialised<T>(target: string, task: () => Promise<T>): Promise<T> {
  const previous = writeQueues.get(target) ?? Promise.resolve();
  const result = previous.then(task);
  const tail = result.then(
    () => undefined,
    () => undefined,
  );
  writeQueues.set(target, tail);
  try {
    return await result;
  } finally {
    if (writeQueues.get(target) === tail) writeQueues.delete(target);
  }
}

/** Temp files this process is writing right now; `removeStaleTempFiles` leaves them alone. */
const tempFilesInFlight = new Set<string>();

export async function readForEdit(path: string, fs: WriterFs = nodeFs): Promise<FileForEdit> {
  const target = await resolveTarget(path, fs);
  let bytes: Buffer;
  try {
    // Never read from a FIFO or a device (electron/core/fs/regular-file.ts): it would hang.
    const handle = await fs.open(target, NON_BLOCKING_READ);
    try {
      const info = await handle.stat();
      if (!info.isFile()) throw new NotRegularFileError(path, fileKind(info));
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (isNotFound(error)) {
      return { path, exists: false, text: '', mode: null, mtimeMs: null, sha256: null, eol: '\n' };
    }
    throw error;
  }
  const stats = await fs.stat(target);
  const text = decodeUtf8(bytes, path);
  return {
    path,
    exists: true,
    text,
    mode: stats.mode & 0o7777,
    mtimeMs: stats.mtimeMs,
    sha256: sha256Hex(bytes),
    eol: detectEol(text),
  };
}

export async function writeEdited(
  original: FileForEdit,
  newText: string,
  opts: {
    /** Mode for a NEW file (default: 0600 under a `.aws` directory, else 0644). An existing file keeps its own. */
    mode?: number;
    /** Back the original up once (default true). */
    backup?: boolean;
  } = {},
  fs: WriterFs = nodeFs,
): Promise<{ backupPath: string | null; changed: boolean }> {
  if (original.exists && newText === original.text) return { backupPath: null, changed: false };

  return serialised(resolve(original.path), async () => {
    const target = await resolveTarget(original.path, fs);
    return writeEditedNow(original, target, newText, opts, fs);
  });
}

async function writeEditedNow(
  original: FileForEdit,
  target: string,
  newText: string,
  opts: { mode?: number; backup?: boolean },
  fs: WriterFs,
): Promise<{ backupPath: string | null; changed: boolean }> {
  const current = await readBytesOrNull(target, fs);
  assertUnchanged(original, current);

  let backupPath: string | null = null;
  if (current !== null && opts.backup !== false) {
    backupPath = `${target}${BACKUP_SUFFIX}`;
    await createBackupOnce(backupPath, current, original.mode ?? 0o600, fs);
  }

  const mode = original.mode ?? opts.mode ?? defaultModeFor(target);
  if (current === null) await fs.mkdir(dirname(target), { recursive: true, mode: 0o700 });
  await commitViaTempFile(target, Buffer.from(newText, 'utf8'), mode, fs, {
    kind: 'replace',
    beforeRename: async () => {
      // Re-check just before the rename: narrows the window in which another writer's edit
      // could be lost to the time of one rename call.
      assertUnchanged(original, await readBytesOrNull(target, fs));
    },
  });
  return { backupPath, changed: true };
}

export interface AtomicWriteOptions {
  /**
   * The file's permission bits, set exactly (not filtered by the umask). Default: the existing
   * file's, else the default for its place (`defaultModeFor`: 0600 under `.aws`, else 0644).
   */
  mode?: number;
  /**
   * Mode for parent directories that must be created (default 0700). Filtered by the umask, as
   * mkdir's is; existing directories are left as they are.
   */
  dirMode?: number;
}

export interface JsonWriteOptions extends AtomicWriteOptions {
  /**
   * 'pretty': two-space indent and a final newline, for files a person may open (settings, the
   * imported keys' list); 'compact': one line and no final newline, for caches.
   */
  format: 'pretty' | 'compact';
}

/**
 * Replace (or create) a whole file atomically: a reader sees the old bytes or the new ones, never
 * a mix, and a failed write leaves no temp file. Follows symlinks (the link's target is
 * replaced, the link stays) and creates missing parent directories (`opts.dirMode`). Writes to
 * one file from this process run one after another; other processes use other temp files.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  opts: AtomicWriteOptions = {},
  fs: WriterFs = nodeFs,
): Promise<void> {
  const bytes = toBuffer(data);
  // Queued by the path as given, before anything is awaited: writes this process starts in one
  // order land in that order, however long each one's look-ups take.
  await serialised(resolve(path), async () => {
    const target = await resolveTarget(path, fs);
    await fs.mkdir(dirname(target), { recursive: true, mode: opts.dirMode ?? 0o700 });
    let mode = opts.mode;
    if (mode === undefined) {
      try {
        mode = (await fs.stat(target)).mode & 0o7777;
      } catch (error) {
        if (!isNotFound(error)) throw error;
        mode = defaultModeFor(target);
      }
    }
    await commitViaTempFile(target, bytes, mode, fs, { kind: 'replace' });
  });
}

/** `writeFileAtomic` of `value` as JSON, in the file's `format`. */
export async function writeJsonFileAtomic(
  path: string,
  value: unknown,
  opts: JsonWriteOptions,
  fs: WriterFs = nodeFs,
): Promise<void> {
  const { format, ...rest } = opts;
  await writeFileAtomic(path, jsonText(value, format), rest, fs);
}

/**
 * Delete temp files left beside `path` by a writer that crashed between write and rename.
 * Skips temp files of live processes other than this one, and this process's in-flight ones.
 * Returns the paths removed.
 */
export async function removeStaleTempFiles(path: string, fs: WriterFs = nodeFs): Promise<string[]> {
  const target = await resolveTarget(path, fs);
  const dir = dirname(target);
  // Temp files of the file itself and of its backup.
  const prefixes = [`.${basename(target)}${TEMP_MARK}`, `.${basename(target)}${BACKUP_SUFFIX}${TEMP_MARK}`];
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
  const removed: string[] = [];
  for (const name of names) {
    const prefix = prefixes.find((p) => name.startsWith(p));
    if (prefix === undefined) continue;
    const full = join(dir, name);
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (tempFilesInFlight.has(full)) continue;
    if (pid !== process.pid && isProcessAlive(pid)) continue;
    try {
      await fs.unlink(full);
      removed.push(full);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
  return removed;
}

export function sha256Hex(bytes: Uint8Array): string {
  return nodeCrypto().hash('sha256', bytes, 'hex');
}

export function detectEol(text: string): '\n' | '\r\n' {
  const lf = text.indexOf('\n');
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}

/** 0600 for anything inside a `.aws` directory (credentials, tokens), else 0644. */
export function defaultModeFor(path: string): number {
  const full = resolve(path);
  return full.split(sep).includes('.aws') || full.startsWith(join(homedir(), '.aws') + sep) ? 0o600 : 0o644;
}

/**
 * The one temp-file sequence: write the bytes to a new temp file beside `target` with `mode`,
 * fsync it, then commit it, and fsync the directory. On any failure before the commit the temp
 * file is removed and the target is untouched.
 * - 'replace': rename over the target (`beforeRename` may still refuse).
 * - 'create-only': link() to the target, which fails if it exists; an existing target is then
 *   kept, silently (the backup: the first one must never be overwritten).
 */
async function commitViaTempFile(
  target: string,
  bytes: Buffer,
  mode: number,
  fs: WriterFs,
  commit: { kind: 'replace'; beforeRename?: () => Promise<void> } | { kind: 'create-only' },
): Promise<void> {
  const dir = dirname(target);
  const temp = tempPathFor(target);
  tempFilesInFlight.add(temp);
  try {
    const handle = await fs.open(temp, 'wx', mode);
    try {
      // The mode given to open() is filtered by the umask; set it exactly.
      await handle.chmod(mode);
      await preserveOwner(handle, target, fs);
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (commit.kind === 'replace') {
      await commit.beforeRename?.();
      await renameOver(temp, target, fs);
    } else {
      try {
        await fs.link(temp, target);
      } catch (error) {
        if (!isErrno(error, 'EEXIST')) throw error;
      }
      // Now a second name of the target: failing to drop it loses nothing, and
      // removeStaleTempFiles finds it later.
      await fs.unlink(temp).catch(() => {});
    }
  } catch (error) {
    await fs.unlink(temp).catch(() => {});
    throw error;
  } finally {
    tempFilesInFlight.delete(temp);
  }
  await fsyncDirectory(dir, fs);
}

function tempPathFor(target: string): string {
  return join(
    dirname(target),
    `.${basename(target)}${TEMP_MARK}${process.pid}-${nodeCrypto().randomBytes(6).toString('hex')}`,
  );
}

function toBuffer(data: string | Uint8Array): Buffer {
  return typeof data === 'string'
    ? Buffer.from(data, 'utf8')
    : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

function jsonText(value: unknown, format: JsonWriteOptions['format']): string {
  const text = format === 'pretty' ? JSON.stringify(value, null, 2) : JSON.stringify(value);
  // JSON.stringify gives undefined for undefined, a function or a symbol: refuse, write nothing.
  if (typeof text !== 'string') throw new TypeError('writeJsonFileAtomic: the value has no JSON form');
  return format === 'pretty' ? `${text}\n` : text;
}

/**
 * On Windows a rename over a file another process has open (an editor, an indexer, antivirus)
 * fails with EPERM/EACCES/EBUSY for a moment; retry briefly there, as graceful-fs does.
 */
async function renameOver(from: string, to: string, fs: WriterFs): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      if (process.platform !== 'win32' || attempt >= 10 || !isErrno(error, 'EPERM', 'EACCES', 'EBUSY')) throw error;
      await new Promise((resolve) => setTimeout(resolve, attempt * 20));
    }
  }
}

/** Writes the backup via a temp file and link(): link fails if the backup exists, so the first one is kept. */
async function createBackupOnce(backupPath: string, bytes: Buffer, mode: number, fs: WriterFs): Promise<void> {
  try {
    await fs.lstat(backupPath);
    return;
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  await commitViaTempFile(backupPath, bytes, mode, fs, { kind: 'create-only' });
}

/** When editing someone else's file as root, keep its owner; otherwise a no-op. */
async function preserveOwner(handle: nodeFs.FileHandle, target: string, fs: WriterFs): Promise<void> {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return;
  try {
    const stats = await fs.stat(target);
    await handle.chown(stats.uid, stats.gid);
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}

async function fsyncDirectory(dir: string, fs: WriterFs): Promise<void> {
  // Makes the rename itself durable. Windows cannot open a directory for fsync, and some file
  // systems refuse to sync one (EINVAL): best effort, since the new bytes are already in place
  // and an error here would tell the caller that a write which happened did not.
  if (process.platform === 'win32') return;
  let handle: nodeFs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // durability of the rename is a bonus; the rename itself is done
  } finally {
    await handle?.close().catch(() => {});
  }
}

/** Resolves symlinks (also a dangling one: the write creates its target). */
async function resolveTarget(path: string, fs: WriterFs): Promise<string> {
  let current = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    try {
      return await fs.realpath(current);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    // Missing: either a dangling symlink (follow it by hand) or a new file.
    try {
      const stats = await fs.lstat(current);
      if (!stats.isSymbolicLink()) return current;
      const link = await fs.readlink(current);
      current = isAbsolute(link) ? link : resolve(dirname(current), link);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      return current;
    }
  }
  throw new Error(`${path}: too many levels of symbolic links`);
}

function assertUnchanged(original: FileForEdit, current: Buffer | null): void {
  const same = original.exists ? current !== null && sha256Hex(current) === original.sha256 : current === null;
  if (!same) throw new ConcurrentEditError(original.path);
}

async function readBytesOrNull(path: string, fs: WriterFs): Promise<Buffer | null> {
  try {
    return await fs.readFile(path);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

function decodeUtf8(bytes: Buffer, path: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new NotUtf8TextError(path);
  }
}

function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return isErrno(error, 'EPERM');
  }
}

function isNotFound(error: unknown): boolean {
  return isErrno(error, 'ENOENT', 'ENOTDIR');
}
