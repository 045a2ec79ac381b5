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
//   for the backup) beside the target, so the rename stays
//   on one filesystem. `removeStaleTempFiles` deletes ones left by a crashed process.

import { createHash, randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path';

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
    bytes = await fs.readFile(target);
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

  const target = await resolveTarget(original.path, fs);
  return serialised(target, () => writeEditedNow(original, target, newText, opts, fs));
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
  await replaceAtomically(target, Buffer.from(newText, 'utf8'), mode, fs, async () => {
    // Re-check just before the rename: narrows the window in which another writer's edit
    // could be lost to the time of one rename call.
    assertUnchanged(original, await readBytesOrNull(target, fs));
  });
  return { backupPath, changed: true };
}

/**
 * Replace (or create) a whole file atomically, e.g. a token cache. Follows symlinks, creates
 * missing parent directories (0700). Mode: `opts.mode`, else the existing file's, else the
 * default for its place (0600 under `.aws`).
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  opts: { mode?: number } = {},
  fs: WriterFs = nodeFs,
): Promise<void> {
  const target = await resolveTarget(path, fs);
  await fs.mkdir(dirname(target), { recursive: true, mode: 0o700 });
  let mode = opts.mode;
  if (mode === undefined) {
    try {
      mode = (await fs.stat(target)).mode & 0o7777;
    } catch (error) {
      if (!isNotFound(error)) throw error;
      mode = defaultModeFor(target);
    }
  }
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const fileMode = mode;
  await serialised(target, () => replaceAtomically(target, bytes, fileMode, fs, async () => {}));
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
  return createHash('sha256').update(bytes).digest('hex');
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

async function replaceAtomically(
  target: string,
  bytes: Buffer,
  mode: number,
  fs: WriterFs,
  beforeRename: () => Promise<void>,
): Promise<void> {
  const dir = dirname(target);
  const temp = join(dir, `.${basename(target)}${TEMP_MARK}${process.pid}-${randomBytes(6).toString('hex')}`);
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
    await beforeRename();
    await renameOver(temp, target, fs);
  } catch (error) {
    await fs.unlink(temp).catch(() => {});
    throw error;
  } finally {
    tempFilesInFlight.delete(temp);
  }
  await fsyncDirectory(dir, fs);
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
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (process.platform !== 'win32' || attempt >= 10 || !['EPERM', 'EACCES', 'EBUSY'].includes(code)) throw error;
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
  const temp = join(dirname(backupPath), `.${basename(backupPath)}${TEMP_MARK}${process.pid}-${randomBytes(6).toString('hex')}`);
  tempFilesInFlight.add(temp);
  try {
    const handle = await fs.open(temp, 'wx', mode);
    try {
      await handle.chmod(mode);
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await fs.link(temp, backupPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  } finally {
    await fs.unlink(temp).catch(() => {});
    tempFilesInFlight.delete(temp);
  }
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
  // Makes the rename itself durable. Windows cannot open a directory for fsync.
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
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
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isNotFound(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
