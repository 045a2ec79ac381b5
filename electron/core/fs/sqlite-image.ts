// A database image: the bytes of a SQLite file that the caller read itself (gcloud's
// credentials.db, SkyPilot's state.db with its committed WAL frames folded in), opened in memory.
// No SQLite connection ever opens the user's files, so no lock is taken, none can block gcloud or
// SkyPilot, and no -wal/-shm/-journal file is created; the callers decide when the bytes are a
// consistent state (electron/core/gcp/gcloud-sqlite.ts, electron/core/sky/sqlite-snapshot.ts).
//
// Opening the real file read-only (`?mode=ro`) would still take shared locks and create -shm in
// WAL mode; `immutable=1` would ignore a WAL SkyPilot writes. Loading bytes avoids both questions.
//
// Engine: node:sqlite's `deserialize` where this Node has it without a warning
// (electron/core/fs/node-sqlite.ts), a few milliseconds; otherwise sql.js, SQLite compiled to
// WebAssembly (electron/core/fs/sql-js.ts), whose compile costs tens to hundreds of milliseconds.
import { loadNodeSqlite, type DatabaseSyncClass } from './node-sqlite';
import { loadSqlJs } from './sql-js';

export type SqlValue = number | string | Uint8Array | null;
export type SqliteRow = Record<string, SqlValue>;
export type SqliteEngine = 'node:sqlite' | 'sql.js';

export interface SqliteImage {
  readonly engine: SqliteEngine;
  /** Every row of one statement, as plain objects. Throws SQLite's error. */
  select(sql: string): SqliteRow[];
  close(): void;
}

export interface OpenImageOptions {
  /** Tests: force one engine (node:sqlite throws when unusable here). Default: the fastest usable. */
  engine?: SqliteEngine;
  /** sql.js only: where sql-wasm.wasm is (packaged builds unpack it elsewhere). */
  wasmPath?: string;
}

/**
 * Header bytes 18 and 19 say 2 in WAL mode. An in-memory database cannot be in WAL mode (node:sqlite
 * then fails with "unable to open database file"), and the log is the caller's business: mark the
 * image as a rollback-journal database, on a copy so the caller's bytes stay as read.
 */
function rollbackModeImage(bytes: Uint8Array): Uint8Array {
  if (bytes.length < 100 || (bytes[18] !== 2 && bytes[19] !== 2)) return bytes;
  const image = new Uint8Array(bytes);
  image[18] = 1;
  image[19] = 1;
  return image;
}

// With readBigInts an INTEGER past 2^53 reads exactly instead of throwing; such a value becomes
// its decimal text, and every other integer a number (what sql.js gives).
function plainValue(value: unknown): SqlValue {
  if (typeof value === 'bigint')
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  if (typeof value === 'number' || typeof value === 'string' || value instanceof Uint8Array) return value;
  return null;
}

// The copy is ours alone, but nothing here has any business writing even to it.
const READ_ONLY = 'PRAGMA query_only = ON';

function openWithNodeSqlite(DatabaseSync: DatabaseSyncClass, image: Uint8Array): SqliteImage {
  const db = new DatabaseSync(':memory:');
  try {
    db.deserialize(image);
    db.exec(READ_ONLY);
  } catch (error) {
    db.close();
    throw error;
  }
  return {
    engine: 'node:sqlite',
    select(sql) {
      const statement = db.prepare(sql);
      statement.setReadBigInts(true);
      return statement.all().map((row) => {
        const plain: SqliteRow = {};
        for (const [column, value] of Object.entries(row)) plain[column] = plainValue(value);
        return plain;
      });
    },
    close: () => db.close(),
  };
}

async function openWithSqlJs(image: Uint8Array, wasmPath: string | undefined): Promise<SqliteImage> {
  const SQL = await loadSqlJs(wasmPath);
  const db = new SQL.Database(image);
  db.exec(READ_ONLY);
  return {
    engine: 'sql.js',
    select(sql) {
      const statement = db.prepare(sql);
      try {
        const rows: SqliteRow[] = [];
        while (statement.step()) rows.push(statement.getAsObject());
        return rows;
      } finally {
        statement.free();
      }
    },
    close: () => db.close(),
  };
}

/**
 * Opens `bytes` (a whole database file, not empty) in memory and reads its schema, so that bytes
 * that are not a database fail here with SQLite's message ("file is not a database"). The caller
 * closes the image.
 */
export async function openSqliteImage(bytes: Uint8Array, options: OpenImageOptions = {}): Promise<SqliteImage> {
  const image = rollbackModeImage(bytes);
  const nodeSqlite = options.engine === 'sql.js' ? null : loadNodeSqlite();
  if (options.engine === 'node:sqlite' && !nodeSqlite)
    throw new Error(`node:sqlite cannot deserialize on Node ${process.versions.node}`);
  const db = nodeSqlite ? openWithNodeSqlite(nodeSqlite, image) : await openWithSqlJs(image, options.wasmPath);
  try {
    db.select('SELECT count(*) FROM sqlite_master');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
