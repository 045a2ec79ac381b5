// Why a user's file (or one of the app's own) could not be read or written, as words a person can
// act on, instead of a raw errno: disk full, read-only profile, not UTF-8, a FIFO where a file was
// expected. Failures of the file system are reported per file; anything else is a bug.
import { errnoCode } from './errno';
import { NotRegularFileError } from './regular-file';
import { NotUtf8TextError } from './safe-file-writer';

/** A failure of one file (an errno, text that is not UTF-8, a non-file), not a bug. */
export function isFileFailure(error: unknown): boolean {
  return error instanceof NotUtf8TextError || error instanceof NotRegularFileError || errnoCode(error) !== undefined;
}

/** The end of a sentence: "it is not UTF-8 text", "the disk is full", … */
export function fileFailureReason(error: unknown): string {
  if (error instanceof NotUtf8TextError) return 'it is not UTF-8 text';
  if (error instanceof NotRegularFileError) return `it is ${error.kind}, not a regular file`;
  const code = errnoCode(error);
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied (a read-only file, such as one a dotfile manager or Nix links in)';
    case 'EROFS':
      return 'it is on a read-only file system';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'a file stands where a folder is needed';
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}

/** The file a Node fs error names (its `path`), if it names one. */
export function failedPath(error: unknown): string | null {
  if (error instanceof NotRegularFileError) return error.path;
  if (typeof error === 'object' && error !== null && 'path' in error && typeof error.path === 'string')
    return error.path;
  return null;
}
