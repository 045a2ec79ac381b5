// Reads a text file the user owns (~/.aws/config, a gcloud INI, a dropped key file) and turns
// every way it can go wrong into a Problem the user can act on, instead of an exception.
// Async fs only; the size check happens before any byte is read, so a huge file costs nothing.
import { lstat, open, readlink, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Problem } from '../../shared/model';
import { errnoCode, isErrno } from './errno';
import { NON_BLOCKING_READ } from './regular-file';

export type UserFileRead =
  | { ok: true; path: string; text: string; size: number; mtimeMs: number }
  | { ok: false; path: string; missing: boolean; problem: Problem };

export interface ReadUserFileOptions {
  /** Refuse files larger than this (bytes). Default 16 MiB: no sane INI or key file is that big. */
  maxBytes?: number;
}

export const DEFAULT_MAX_USER_FILE_BYTES = 16 * 1024 * 1024;

const MIB = 1024 * 1024;
// fatal: refuse bytes that are not UTF-8; ignoreBOM: false makes the decoder drop one leading BOM.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export async function readUserFile(path: string, opts: ReadUserFileOptions = {}): Promise<UserFileRead> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_USER_FILE_BYTES;
  const fail = (message: string, severity: Problem['severity'] = 'error', missing = false): UserFileRead => ({
    ok: false,
    path,
    missing,
    problem: { severity, message, file: path },
  });

  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = errnoCode(error);
    if (code === 'ENOENT') {
      const target = await danglingSymlinkTarget(path);
      if (target !== null) return fail(`${path} is a symbolic link to ${target}, which does not exist`);
      return fail(`${path} does not exist`, 'warning', true);
    }
    if (code === 'ENOTDIR')
      return fail(`${path} does not exist (a part of the path is a file, not a folder)`, 'warning', true);
    if (code === 'ELOOP') return fail(`${path} is a symbolic link that loops back on itself`);
    return fail(describeAccessError(path, error));
  }

  if (info.isDirectory()) return fail(`${path} is a folder, not a file`);
  if (!info.isFile()) return fail(`${path} is not a regular file (a device, socket or pipe)`);
  if (info.size > maxBytes) {
    return fail(
      `${path} is ${formatMb(info.size)} MB, larger than the ${formatMb(maxBytes)} MB limit for this file: it was not read`,
    );
  }

  let bytes: Buffer;
  try {
    // Opened without blocking and checked again on the handle: a FIFO put in place since the stat
    // above must not wedge the read (regular-file.ts).
    const handle = await open(path, NON_BLOCKING_READ);
    try {
      if (!(await handle.stat()).isFile()) return fail(`${path} is not a regular file (a device, socket or pipe)`);
      // Read at most maxBytes + 1 even if the file grew since stat: never hold more than the limit.
      bytes = await readAtMost(handle, maxBytes + 1);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return fail(`${path} does not exist`, 'warning', true);
    return fail(describeAccessError(path, error));
  }
  if (bytes.length > maxBytes) {
    return fail(`${path} is more than ${formatMb(maxBytes)} MB, the limit for this file: it was not read`);
  }

  if (bytes.includes(0)) return fail(`${path} looks like a binary file, not text`);
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return fail(`${path} looks like a binary file, not text (it is not valid UTF-8)`);
  }

  return { ok: true, path, text, size: bytes.length, mtimeMs: info.mtimeMs };
}

async function readAtMost(handle: import('node:fs/promises').FileHandle, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunkSize = 64 * 1024;
  while (total < limit) {
    const buffer = Buffer.allocUnsafe(Math.min(chunkSize, limit - total));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
    if (bytesRead === 0) break;
    chunks.push(bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead));
    total += bytesRead;
  }
  return Buffer.concat(chunks, total);
}

/** The link's target when `path` is a symbolic link whose target is missing, else null. */
async function danglingSymlinkTarget(path: string): Promise<string | null> {
  try {
    const link = await lstat(path);
    if (!link.isSymbolicLink()) return null;
    const target = await readlink(path);
    return resolve(dirname(path), target);
  } catch {
    return null;
  }
}

function describeAccessError(path: string, error: unknown): string {
  const code = errnoCode(error);
  if (code === 'EACCES' || code === 'EPERM') return `${path} cannot be read: permission denied`;
  if (code === 'EISDIR') return `${path} is a folder, not a file`;
  const detail = error instanceof Error ? error.message : String(error);
  return `${path} cannot be read: ${detail}`;
}

function formatMb(bytes: number): string {
  const mb = bytes / MIB;
  return mb >= 10 ? mb.toFixed(0) : mb.toFixed(1);
}
