// ~/.sky/state.db files as real SkyPilot versions left them, written by python3's sqlite3 module
// (real SQLite), from the schemas in SkyPilot's sources:
// - sky/global_user_state.py `create_table` (CREATE TABLE + db_utils.add_column_to_table migrations)
// - sky/schemas/db/global_user_state/*.py (alembic, 0.10+; 013 adds cloud/region/zone)
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

/** The clusters table of several SkyPilot releases, oldest first. */
export const SKY_SCHEMAS = {
  // 2022: before owner identities (#1410 added `owner` as plain text of the UserId).
  'v0.1-no-owner': `CREATE TABLE clusters (name TEXT PRIMARY KEY, launched_at INTEGER, handle BLOB, last_use TEXT, status TEXT, autostop INTEGER DEFAULT -1, metadata TEXT DEFAULT "{}", to_down INTEGER DEFAULT 0)`,
  // 2022-2023: `owner` added by ALTER TABLE; rows from then hold a plain string.
  'v0.2-legacy-owner': `CREATE TABLE clusters (name TEXT PRIMARY KEY, launched_at INTEGER, handle BLOB, last_use TEXT, status TEXT, autostop INTEGER DEFAULT -1, metadata TEXT DEFAULT "{}", to_down INTEGER DEFAULT 0, owner TEXT)`,
  // 0.4-0.9: the sqlite3-module schema with every ALTER TABLE applied (owner is a JSON list).
  'v0.9-sqlite3': `CREATE TABLE clusters (name TEXT PRIMARY KEY, launched_at INTEGER, handle BLOB, last_use TEXT, status TEXT, autostop INTEGER DEFAULT -1, metadata TEXT DEFAULT "{}", to_down INTEGER DEFAULT 0, owner TEXT DEFAULT null, cluster_hash TEXT DEFAULT null, storage_mounts_metadata BLOB DEFAULT null, cluster_ever_up INTEGER DEFAULT 0, status_updated_at INTEGER DEFAULT null, config_hash TEXT DEFAULT null, user_hash TEXT DEFAULT null)`,
  // 0.10+: SQLAlchemy + alembic; workspace and more, an alembic version table beside it.
  'v0.10-alembic': `CREATE TABLE clusters (name TEXT NOT NULL, launched_at INTEGER, handle BLOB, last_use TEXT, status TEXT, autostop INTEGER DEFAULT '-1', to_down INTEGER DEFAULT '0', metadata TEXT DEFAULT '{}', owner TEXT, cluster_hash TEXT, storage_mounts_metadata BLOB, cluster_ever_up INTEGER DEFAULT '0', status_updated_at INTEGER, config_hash TEXT, user_hash TEXT, workspace TEXT DEFAULT 'default', last_creation_yaml TEXT, last_creation_command TEXT, is_managed INTEGER DEFAULT '0', provision_log_path TEXT, PRIMARY KEY (name));
CREATE TABLE alembic_version_state_db (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_state_db_pkc PRIMARY KEY (version_num));
INSERT INTO alembic_version_state_db VALUES ('010');`,
  // Revision 013 (2026): cloud, region and zone columns.
  'v0.12-infra-columns': `CREATE TABLE clusters (name TEXT NOT NULL, launched_at INTEGER, handle BLOB, last_use TEXT, status TEXT, autostop INTEGER DEFAULT '-1', to_down INTEGER DEFAULT '0', metadata TEXT DEFAULT '{}', owner TEXT, cluster_hash TEXT, storage_mounts_metadata BLOB, cluster_ever_up INTEGER DEFAULT '0', status_updated_at INTEGER, config_hash TEXT, user_hash TEXT, workspace TEXT DEFAULT 'default', last_creation_yaml TEXT, last_creation_command TEXT, is_managed INTEGER DEFAULT '0', provision_log_path TEXT, cloud TEXT, region TEXT, zone TEXT, PRIMARY KEY (name));
CREATE TABLE alembic_version_state_db (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_state_db_pkc PRIMARY KEY (version_num));
INSERT INTO alembic_version_state_db VALUES ('013');`,
} as const;

export type SkySchema = keyof typeof SKY_SCHEMAS;

/** A row; `owner` is the column's raw text (JSON list, legacy string, or null). Other keys go in as named. */
export interface SkyClusterRow {
  name: string;
  status?: string;
  launched_at?: number | null;
  owner?: string | null;
  [column: string]: string | number | null | undefined;
}

export interface SkyStateFixture {
  schema: SkySchema;
  rows: SkyClusterRow[];
  /** `WAL` as SkyPilot sets it (not on WSL), else `DELETE`. */
  journalMode?: 'WAL' | 'DELETE';
  /**
   * Rows committed to the write-ahead log and never checkpointed: the writer exits without closing,
   * as when SkyPilot is still running, so they exist only in state.db-wal. Needs journalMode WAL.
   */
  walRows?: SkyClusterRow[];
  /**
   * Finer control of the log, run in order after `rows` (and instead of `walRows`): insert rows
   * one commit each, run SQL, or checkpoint. The writer then exits without closing, like walRows.
   */
  walSteps?: WalStep[];
}

export type WalStep = { insert: SkyClusterRow[] } | { sql: string } | { checkpoint: 'PASSIVE' | 'TRUNCATE' };

// Every row also gets a pickled-looking handle: the reader must never need it.
const WRITER = String.raw`
import json, os, sqlite3, sys
spec = json.load(sys.stdin)
conn = sqlite3.connect(spec['file'])
conn.execute('PRAGMA journal_mode=' + spec['journalMode'])
conn.execute('PRAGMA wal_autocheckpoint=0')
conn.executescript(spec['schema'])
def insert(rows):
    for row in rows:
        row = dict(row)
        row.setdefault('handle', b'\x80\x04\x95 not a real pickle')
        cols = ', '.join('"%s"' % c for c in row)
        marks = ', '.join('?' for _ in row)
        conn.execute('INSERT INTO clusters (%s) VALUES (%s)' % (cols, marks), list(row.values()))
    conn.commit()
insert(spec['rows'])
if spec['walSteps']:
    for step in spec['walSteps']:
        if 'insert' in step:
            for row in step['insert']:
                insert([row])
        elif 'sql' in step:
            conn.executescript(step['sql'])
            conn.commit()
        else:
            conn.execute('PRAGMA wal_checkpoint(%s)' % step['checkpoint']).fetchall()
    sys.stdout.flush()
    os._exit(0)
conn.close()
`;

function python(script: string, input: string): void {
  const result = spawnSync('python3', ['-c', script], { input, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`python3 failed (${result.status}): ${result.stderr}`);
}

/** Writes `<homeDir>/.sky/state.db` and returns its path. */
export async function writeSkyState(homeDir: string, fixture: SkyStateFixture): Promise<string> {
  const file = path.join(homeDir, '.sky', 'state.db');
  await mkdir(path.dirname(file), { recursive: true });
  const walSteps: WalStep[] =
    fixture.walSteps ?? (fixture.walRows ? [{ checkpoint: 'TRUNCATE' }, { insert: fixture.walRows }] : []);
  const journalMode = fixture.journalMode ?? (walSteps.length > 0 ? 'WAL' : 'DELETE');
  python(
    WRITER,
    JSON.stringify({ file, journalMode, schema: SKY_SCHEMAS[fixture.schema], rows: fixture.rows, walSteps }),
  );
  return file;
}

/**
 * Commits rows to an existing WAL-mode state.db the way a running SkyPilot does: the writer exits
 * without closing, so the commit stays in state.db-wal.
 */
export function commitInWal(file: string, rows: SkyClusterRow[]): void {
  const script = String.raw`
import json, os, sqlite3, sys
spec = json.load(sys.stdin)
conn = sqlite3.connect(spec['file'])
conn.execute('PRAGMA wal_autocheckpoint=0')
for row in spec['rows']:
    cols = ', '.join('"%s"' % c for c in row)
    conn.execute('INSERT INTO clusters (%s) VALUES (%s)' % (cols, ', '.join('?' for _ in row)), list(row.values()))
    conn.commit()
os._exit(0)
`;
  python(script, JSON.stringify({ file, rows }));
}

/** Runs SQL against the file with python3's sqlite3 (for corrupting, altering, checking). */
export function runSql(file: string, sql: string): void {
  const script = `import sqlite3, sys\nc = sqlite3.connect(${JSON.stringify(file)})\nc.executescript(sys.stdin.read())\nc.commit()\nc.close()\n`;
  python(script, sql);
}

export interface HeldLock {
  /** Ends the writer's transaction (rolled back) and the process. */
  release(): Promise<void>;
}

/**
 * A python3 process that opens the database, runs `BEGIN EXCLUSIVE`, inserts `pendingRow` and
 * waits, holding the lock, until released. With `spill`, it first shrinks its page cache and
 * writes enough to force SQLite to sync the journal and write into the database mid-transaction.
 */
export async function holdExclusiveLock(
  file: string,
  pendingRow: SkyClusterRow,
  options: { spill?: boolean } = {},
): Promise<HeldLock> {
  const script = String.raw`
import json, sqlite3, sys
spec = json.loads(sys.argv[1])
conn = sqlite3.connect(spec['file'], isolation_level=None)
if spec['spill']:
    conn.execute('PRAGMA cache_size=2')
conn.execute('BEGIN EXCLUSIVE')
row = spec['row']
cols = ', '.join('"%s"' % c for c in row)
conn.execute('INSERT INTO clusters (%s) VALUES (%s)' % (cols, ', '.join('?' for _ in row)), list(row.values()))
if spec['spill']:
    conn.execute('CREATE TABLE filler (x BLOB)')
    for i in range(400):
        conn.execute('INSERT INTO filler VALUES (?)', (bytes(4000),))
print('locked', flush=True)
sys.stdin.read()
conn.execute('ROLLBACK')
conn.close()
`;
  const child: ChildProcessWithoutNullStreams = spawn('python3', [
    '-c',
    script,
    JSON.stringify({ file, row: pendingRow, spill: options.spill ?? false }),
  ]);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('locked')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the lock holder exited early (${code}): ${stderr}`)));
  });
  return {
    release: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin.end();
      }),
  };
}

/**
 * A python3 process committing `count` clusters one transaction at a time (named w0000, w0001,
 * ...), each with a large owner so commits span several pages; resolves when it has finished.
 */
export function startBusyWriter(file: string, count: number): { done: Promise<void> } {
  const script = String.raw`
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
for i in range(int(sys.argv[2])):
    conn.execute("INSERT INTO clusters (name, status, owner) VALUES (?, 'UP', ?)", ('w%04d' % i, '["' + 'x' * 6000 + '"]'))
    conn.commit()
conn.close()
`;
  const child = spawn('python3', ['-c', script, file, String(count)]);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return {
    done: new Promise<void>((resolve, reject) =>
      child.once('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`the busy writer failed (${code}): ${stderr}`)),
      ),
    ),
  };
}

/** Owner texts in the shapes SkyPilot writes (json.dumps of the identity list) and older ones. */
export const owners = {
  aws: (userId: string, account: string): string => `[${JSON.stringify(userId)}, ${JSON.stringify(account)}]`,
  gcp: (account: string, project: string): string => JSON.stringify([`${account} [project_id=${project}]`]),
  /** Before owners were lists: the bare AWS UserId (not JSON). */
  legacyAwsUserId: (userId: string): string => userId,
};
