// A consistent, lock-free snapshot of a SQLite database that another program (SkyPilot) writes at
// any time: the file and its -wal are read as bytes, the log's committed frames are folded in, and
// the image is opened in memory (electron/core/fs/sqlite-image.ts: node:sqlite, or sql.js on an
// older Node). No SQLite connection ever touches the real files, so no lock is taken and none can
// block us, and no -shm or -wal file is created or changed.
//
// electron/core/gcp/gcloud-sqlite.ts reads gcloud's databases the same way but only the main file
// (gcloud does not use WAL).
import { stat } from 'node:fs/promises';
import { errnoCode } from '../fs/errno';
import { NotRegularFileError, readRegularFile } from '../fs/regular-file';
import { openSqliteImage, type SqliteEngine, type SqliteImage } from '../fs/sqlite-image';
import { foldWal, journalIsLive } from './sqlite-wal';

export type { SqliteRow } from '../fs/sqlite-image';

export type SnapshotFailure = 'unreadable' | 'busy' | 'corrupt';

export type SqliteSnapshot =
  | { kind: 'ok'; db: SqliteImage; walFrames: number; notes: string[] }
  | { kind: 'missing' }
  | { kind: 'failed'; reason: SnapshotFailure; message: string };

type FileRead = { bytes: Buffer } | { missing: true } | { error: string };

async function readBytes(path: string): Promise<FileRead> {
  try {
    return { bytes: await readRegularFile(path) };
  } catch (error) {
    if (error instanceof NotRegularFileError) return { error: `it is ${error.kind}, not a regular file` };
    const code = errnoCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return { missing: true };
    return { error: code ?? String(error) };
  }
}

const sameBytes = (a: FileRead, b: FileRead): boolean =>
  'bytes' in a && 'bytes' in b ? a.bytes.equals(b.bytes) : 'missing' in a && 'missing' in b;

interface Attempt {
  main: FileRead;
  wal: FileRead;
  stable: boolean;
  journalLive: boolean;
}

async function fileVersion(path: string): Promise<string> {
  try {
    const s = await stat(path, { bigint: true });
    return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  } catch {
    return 'absent';
  }
}

async function liveJournal(path: string): Promise<boolean> {
  const journal = await readBytes(`${path}-journal`);
  return 'bytes' in journal && journalIsLive(journal.bytes);
}

/**
 * Reads the log, then the database, then the log again. In WAL mode the database changes only by
 * checkpoints, which copy frames we already hold (applying them again is harmless), so a stable
 * log is enough; a log that changed could pair old frames with newer pages: read again. Without a
 * log (rollback journal, as on WSL) the database itself must not change while it is read, and no
 * live journal may be seen before or after.
 */
async function readOnce(path: string): Promise<Attempt> {
  const walBefore = await readBytes(`${path}-wal`);
  const journalBefore = await liveJournal(path);
  const versionBefore = await fileVersion(path);
  const main = await readBytes(path);
  const versionAfter = await fileVersion(path);
  const journalAfter = await liveJournal(path);
  const walAfter = await readBytes(`${path}-wal`);
  const walStable = sameBytes(walBefore, walAfter);
  const hasWal = 'bytes' in walAfter && walAfter.bytes.length > 0;
  return {
    main,
    wal: walAfter,
    stable: walStable && (hasWal || versionBefore === versionAfter),
    journalLive: journalBefore || journalAfter,
  };
}

export interface SnapshotOptions {
  /** sql.js only: where sql-wasm.wasm is (packaged builds unpack it elsewhere); default: node_modules. */
  wasmPath?: string;
  /** Tests: force one engine (electron/core/fs/sqlite-image.ts). */
  engine?: SqliteEngine;
  attempts?: number;
  retryDelayMs?: number;
}

/** Opens an in-memory copy of the database as of its last commit. The caller closes `db`. */
export async function openSqliteSnapshot(path: string, options: SnapshotOptions = {}): Promise<SqliteSnapshot> {
  const attempts = Math.max(1, options.attempts ?? 4);
  const delay = options.retryDelayMs ?? 30;
  let attempt: Attempt | null = null;
  for (let i = 0; i < attempts; i++) {
    attempt = await readOnce(path);
    if ('missing' in attempt.main || 'error' in attempt.main) break;
    if (attempt.stable && !attempt.journalLive) break;
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
  if (!attempt || 'missing' in attempt.main) return { kind: 'missing' };
  if ('error' in attempt.main)
    return { kind: 'failed', reason: 'unreadable', message: `cannot read it (${attempt.main.error})` };
  if (attempt.journalLive) {
    return {
      kind: 'failed',
      reason: 'busy',
      message: 'SkyPilot is writing it right now (a live -journal file is beside it); try again in a moment',
    };
  }
  if (!attempt.stable) {
    return { kind: 'failed', reason: 'busy', message: 'it kept changing while it was read; try again in a moment' };
  }
  const notes: string[] = [];
  if (attempt.main.bytes.length === 0) {
    return { kind: 'failed', reason: 'corrupt', message: 'it is empty (0 bytes), not a SQLite database' };
  }
  const wal = 'bytes' in attempt.wal ? attempt.wal.bytes : null;
  if ('error' in attempt.wal)
    notes.push(`its -wal file cannot be read (${attempt.wal.error}); recent changes may be missing`);
  const folded = foldWal(attempt.main.bytes, wal);
  if (folded.ignored) notes.push(`${folded.ignored}; it was ignored`);

  try {
    // Reads the schema, so a damaged file fails here, not in the caller's query.
    const db = await openSqliteImage(folded.image, { wasmPath: options.wasmPath, engine: options.engine });
    return { kind: 'ok', db, walFrames: folded.framesApplied, notes };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { kind: 'failed', reason: 'corrupt', message: `it is not a readable SQLite database (${message})` };
  }
}
