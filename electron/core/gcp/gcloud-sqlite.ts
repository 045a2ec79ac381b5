// Reads gcloud's sqlite files (credentials.db, access_tokens.db). The file is read in ONE read and
// the copy opened in memory (electron/core/fs/sqlite-image.ts: node:sqlite, or sql.js on an older
// Node), so no lock is ever taken and gcloud can write at any time. gcloud does not use WAL: a
// rollback journal beside the file is the only sign of a write in progress.
import { stat } from 'node:fs/promises';
import { errnoCode } from '../fs/errno';
import { NotRegularFileError, readRegularFile } from '../fs/regular-file';
import {
  openSqliteImage,
  type SqliteEngine,
  type SqliteImage,
  type SqliteRow,
  type SqlValue,
} from '../fs/sqlite-image';

export type SqliteRead =
  | { kind: 'ok'; rows: SqliteRow[] }
  | { kind: 'missing' }
  | { kind: 'failed'; reason: 'unreadable' | 'busy' | 'corrupt' | 'schema'; message: string };

/** A rollback journal beside the file means a writer is mid-transaction: the bytes may be torn. */
async function hotJournal(path: string): Promise<boolean> {
  return (await journalAgeMs(path)) !== null;
}

async function journalAgeMs(path: string): Promise<number | null> {
  try {
    const journal = await stat(`${path}-journal`);
    return journal.size > 0 ? Date.now() - journal.mtimeMs : null;
  } catch {
    return null;
  }
}

// gcloud's writes take milliseconds; a journal older than this was left by a crashed writer.
const STALE_JOURNAL_MS = 60_000;

async function readOnce(path: string, query: string, engine: SqliteEngine | undefined): Promise<SqliteRead> {
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(path);
  } catch (error) {
    if (error instanceof NotRegularFileError)
      return {
        kind: 'failed',
        reason: 'unreadable',
        message: `cannot read it (it is ${error.kind}, not a regular file)`,
      };
    const code = errnoCode(error);
    if (code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'failed', reason: 'unreadable', message: `cannot read it (${code ?? String(error)})` };
  }
  if (bytes.length === 0) return { kind: 'ok', rows: [] };
  let db: SqliteImage | null = null;
  try {
    db = await openSqliteImage(bytes, { engine });
    return { kind: 'ok', rows: db.select(query) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/no such table|no such column/i.test(message))
      return { kind: 'failed', reason: 'schema', message: `not the layout gcloud writes (${message})` };
    if (/locked|busy/i.test(message))
      return { kind: 'failed', reason: 'busy', message: `it is locked by another program (${message})` };
    return { kind: 'failed', reason: 'corrupt', message: `it is not a readable SQLite database (${message})` };
  } finally {
    db?.close();
  }
}

/**
 * Runs one SELECT over a snapshot of the file. When gcloud is writing at that instant (hot
 * journal, or a torn read that looks corrupt) it retries a few times, then reports `busy`.
 */
export async function readSqliteTable(
  path: string,
  query: string,
  options: { retryDelayMs?: number; engine?: SqliteEngine } = {},
): Promise<SqliteRead> {
  const retryDelayMs = options.retryDelayMs ?? 25;
  let result: SqliteRead = { kind: 'missing' };
  for (let attempt = 0; attempt < 3; attempt++) {
    const writing = await hotJournal(path);
    result = await readOnce(path, query, options.engine);
    if (!writing && result.kind !== 'failed') return result;
    if (!writing && result.kind === 'failed' && result.reason !== 'corrupt') return result;
    if (!writing && attempt > 0) return result;
    await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
  }
  const age = await journalAgeMs(path);
  if (age !== null && age > STALE_JOURNAL_MS) {
    return {
      kind: 'failed',
      reason: 'busy',
      message:
        'an interrupted write left a -journal file beside it; running any gcloud command (e.g. `gcloud auth list`) lets SQLite recover it',
    };
  }
  if (age !== null) {
    return {
      kind: 'failed',
      reason: 'busy',
      message: 'gcloud is writing it right now (a -journal file is present); try again in a moment',
    };
  }
  return result;
}

export function sqlText(value: SqlValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  return String(value);
}
