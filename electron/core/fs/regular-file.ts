// Opening a file a user named without hanging on it. open() of a FIFO for reading waits until a
// writer comes, forever if none does, and a device can hand out bytes without end; so a path that
// should be a file is opened with O_NONBLOCK (open returns at once, whatever is there), checked
// with fstat on that same handle, and refused unless it is a regular file. For a regular file
// O_NONBLOCK changes nothing.
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { Stats } from 'node:fs';

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
