// Opening a file a user named without hanging on it. open() of a FIFO for reading waits until a
// writer comes, forever if none does, and a device can hand out bytes without end; so a path that
// should be a file is opened with O_NONBLOCK (open returns at once, whatever is there), checked
// with fstat on that same handle, and refused unless it is a regular file. For a regular file
// O_NONBLOCK changes nothing.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import type { Problem } from '../../shared/model';
import { errnoCode, isErrno } from './errno';

export class NotRegularFileError extends Error {
  /** Lets callers that sort failures by errno treat it like one. */
  readonly code = 'ENOTREGULAR';
  constructor(
    readonly path: string,
    /** 'a folder', 'a named pipe (FIFO)', 'a socket' or 'a device'. */
    readonly kind: string,
  ) {
    super(`${path} is ${kind}, not a regular file`);
    this.name = 'NotRegularFileError';
  }
}

export function fileKind(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

// Windows has no O_NONBLOCK (and no FIFOs in the file system).
export const NON_BLOCKING_READ = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** A handle on the regular file at `path`; throws NotRegularFileError for anything else. */
export async function openRegularFile(path: string): Promise<FileHandle> {
  const handle = await open(path, NON_BLOCKING_READ);
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new NotRegularFileError(path, fileKind(stats));
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** The bytes of the regular file at `path`, as readFile gives them, but never from a non-file. */
export async function readRegularFile(path: string): Promise<Buffer> {
  const handle = await openRegularFile(path);
  try {
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** What `readSmallRegularFileSync` found; the caller words each case for its own file. */
export type SmallFileRead =
  | { kind: 'text'; text: string }
  | { kind: 'missing' }
  | { kind: 'not-regular' }
  | { kind: 'too-large'; size: number }
  | { kind: 'unreadable'; why: string };

/**
 * The problem a read that gave no text means, in the words of the file it was (`what`: "SSO token
 * cache", `kind`: "token cache"); null for a missing file, which is no problem (never logged in,
 * or logged out).
 */
export function smallFileReadProblem(
  read: Exclude<SmallFileRead, { kind: 'text' }>,
  file: string,
  what: string,
  kind: string,
): Problem | null {
  switch (read.kind) {
    case 'missing':
      return null;
    case 'not-regular':
      return { severity: 'error', message: `The ${what} path is not a regular file.`, file };
    case 'too-large':
      return { severity: 'error', message: `The ${what} file is ${read.size} bytes, too large to be a ${kind}.`, file };
    case 'unreadable':
      return { severity: 'error', message: `The ${what} file cannot be read: ${read.why}.`, file };
  }
}

/**
 * A small file a user's tools write (a token cache), synchronously and without blocking: open
 * with O_NONBLOCK, one read into `buffer` when given (nearly every such file fits: four system
 * calls in all), else or when it does not fit, fstat on the same handle for its kind and size.
 * Never throws.
 */
export function readSmallRegularFileSync(file: string, maxBytes: number, buffer?: Buffer): SmallFileRead {
  try {
    const fd = openSync(file, NON_BLOCKING_READ);
    try {
      if (buffer) {
        const read = readOrNull(fd, buffer);
        if (read !== null && read > 0 && read < buffer.length)
          return { kind: 'text', text: buffer.toString('utf8', 0, read) };
      }
      const stats = fstatSync(fd);
      if (!stats.isFile()) return { kind: 'not-regular' };
      if (stats.size > maxBytes) return { kind: 'too-large', size: stats.size };
      const bytes = Buffer.alloc(stats.size);
      const text = bytes.toString('utf8', 0, readSync(fd, bytes, 0, stats.size, 0));
      bytes.fill(0); // token caches hold secrets: do not leave them in a buffer nobody owns
      return { kind: 'text', text };
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    const code = isErrno(error, 'ENOENT', 'ENOTDIR') ? null : errnoCode(error);
    if (code === null) return { kind: 'missing' };
    const why =
      code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EISDIR'
          ? 'it is a directory'
          : (code ?? String(error));
    return { kind: 'unreadable', why };
  }
}

/** The first read of a file; null when reading fails (a directory): the caller then looks at fstat. */
function readOrNull(fd: number, buffer: Buffer): number | null {
  try {
    return readSync(fd, buffer, 0, buffer.length, 0);
  } catch {
    return null;
  }
}
