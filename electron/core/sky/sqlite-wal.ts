// Folds a SQLite write-ahead log into a copy of its database, the way SQLite's own recovery reads
// it, so that a reader holding only bytes (sql.js, in memory) sees every committed transaction.
// SkyPilot opens ~/.sky/state.db with `PRAGMA journal_mode=WAL` (except on WSL), so a fresh
// `sky launch` usually lives in state.db-wal until a checkpoint copies it back.
// Format: https://www.sqlite.org/fileformat2.html#the_write_ahead_log
// Checksum: https://www.sqlite.org/fileformat2.html#checksum_algorithm

const WAL_HEADER_BYTES = 32;
const FRAME_HEADER_BYTES = 24;
const WAL_MAGIC_LITTLE = 0x377f0682;
const WAL_MAGIC_BIG = 0x377f0683;

export interface WalFold {
  /** The database image with every committed frame applied, marked as a rollback-journal file. */
  image: Uint8Array;
  /** Committed frames applied (0 when the log was empty, stale or unusable). */
  framesApplied: number;
  /** Why the log was ignored, when it was; null when it was used or absent. */
  ignored: string | null;
}

function readU32(bytes: Uint8Array, offset: number, bigEndian: boolean): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, 4);
  return view.getUint32(0, !bigEndian);
}

/** SQLite's running checksum over 8-byte words; `bigEndian` comes from the log's magic. */
function checksum(
  bytes: Uint8Array,
  start: number,
  end: number,
  bigEndian: boolean,
  seed: [number, number],
): [number, number] {
  let [s0, s1] = seed;
  for (let i = start; i < end; i += 8) {
    s0 = (s0 + readU32(bytes, i, bigEndian) + s1) >>> 0;
    s1 = (s1 + readU32(bytes, i + 4, bigEndian) + s0) >>> 0;
  }
  return [s0, s1];
}

/** The page size a database header declares (offset 16; the value 1 means 65536). */
export function databasePageSize(db: Uint8Array): number | null {
  if (db.length < 100) return null;
  const raw = (db[16]! << 8) | db[17]!;
  const size = raw === 1 ? 65536 : raw;
  return size >= 512 && size <= 65536 && (size & (size - 1)) === 0 ? size : null;
}

/** Marks the image as a rollback-journal database (header bytes 18 and 19: 1 = legacy, 2 = WAL). */
function markRollbackMode(image: Uint8Array): void {
  if (image.length >= 100) {
    image[18] = 1;
    image[19] = 1;
  }
}

/**
 * Applies the frames of every transaction committed in `wal` to a copy of `db`. Frames after the
 * last commit frame, frames with another salt (left over from before the log restarted) and frames
 * whose checksum breaks the chain are ignored, exactly as SQLite's recovery ignores them.
 */
export function foldWal(db: Uint8Array, wal: Uint8Array | null): WalFold {
  const base = (): Uint8Array => {
    const image = new Uint8Array(db);
    markRollbackMode(image);
    return image;
  };
  if (!wal || wal.length < WAL_HEADER_BYTES) return { image: base(), framesApplied: 0, ignored: null };
  const magic = readU32(wal, 0, true);
  if (magic !== WAL_MAGIC_LITTLE && magic !== WAL_MAGIC_BIG)
    return { image: base(), framesApplied: 0, ignored: 'the -wal file has no WAL header' };
  const bigEndian = magic === WAL_MAGIC_BIG;
  const pageSize = readU32(wal, 8, true) === 1 ? 65536 : readU32(wal, 8, true);
  const salt1 = readU32(wal, 16, true);
  const salt2 = readU32(wal, 20, true);
  let running = checksum(wal, 0, 24, bigEndian, [0, 0]);
  if (running[0] !== readU32(wal, 24, true) || running[1] !== readU32(wal, 28, true)) {
    return { image: base(), framesApplied: 0, ignored: 'the -wal header checksum does not match' };
  }
  const dbPageSize = databasePageSize(db);
  if (dbPageSize !== null && dbPageSize !== pageSize) {
    return {
      image: base(),
      framesApplied: 0,
      ignored: `the -wal page size (${pageSize}) differs from the database's (${dbPageSize})`,
    };
  }

  // Collect the newest version of each page, committing only at commit frames.
  const committed = new Map<number, number>();
  const pending = new Map<number, number>();
  let committedPages = 0;
  let committedFrames = 0;
  let frames = 0;
  const frameBytes = FRAME_HEADER_BYTES + pageSize;
  for (let offset = WAL_HEADER_BYTES; offset + frameBytes <= wal.length; offset += frameBytes) {
    const page = readU32(wal, offset, true);
    const commitSize = readU32(wal, offset + 4, true);
    if (page === 0 || readU32(wal, offset + 8, true) !== salt1 || readU32(wal, offset + 12, true) !== salt2) break;
    running = checksum(wal, offset, offset + 8, bigEndian, running);
    running = checksum(wal, offset + FRAME_HEADER_BYTES, offset + frameBytes, bigEndian, running);
    if (running[0] !== readU32(wal, offset + 16, true) || running[1] !== readU32(wal, offset + 20, true)) break;
    frames += 1;
    pending.set(page, offset + FRAME_HEADER_BYTES);
    if (commitSize !== 0) {
      for (const [p, at] of pending) committed.set(p, at);
      pending.clear();
      committedPages = commitSize;
      committedFrames = frames;
    }
  }
  if (committedFrames === 0) return { image: base(), framesApplied: 0, ignored: null };

  const image = new Uint8Array(committedPages * pageSize);
  image.set(db.subarray(0, Math.min(db.length, image.length)));
  for (const [page, at] of committed) {
    if (page <= committedPages) image.set(wal.subarray(at, at + pageSize), (page - 1) * pageSize);
  }
  markRollbackMode(image);
  return { image, framesApplied: committedFrames, ignored: null };
}

const JOURNAL_MAGIC = [0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7];

/**
 * Whether a rollback journal says the writer may already have changed the database file. SQLite
 * writes the journal header's magic only when it syncs the journal, right before it first writes
 * into the database; a zeroed header (a transaction that has only begun, or PERSIST mode's
 * finished one) means the database file still holds the last committed state.
 * https://www.sqlite.org/fileformat2.html#the_rollback_journal
 */
export function journalIsLive(journal: Uint8Array | null): boolean {
  if (!journal || journal.length < JOURNAL_MAGIC.length) return false;
  return JOURNAL_MAGIC.every((byte, i) => journal[i] === byte);
}
