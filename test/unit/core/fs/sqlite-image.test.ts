// Database images opened in memory by either engine (electron/core/fs/sqlite-image.ts): the same
// rows, the same failures, and node:sqlite chosen only on a Node where it deserializes without a
// warning (electron/core/fs/node-sqlite.ts).
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { nodeSqliteUsable } from '../../../../electron/core/fs/node-sqlite';
import { openSqliteImage, type SqliteEngine } from '../../../../electron/core/fs/sqlite-image';

function databaseBytes(sql: string): Uint8Array {
  const db = new DatabaseSync(':memory:');
  db.exec(sql);
  const bytes = db.serialize();
  db.close();
  return bytes;
}

const sample = (): Uint8Array =>
  databaseBytes(`CREATE TABLE t (id INTEGER PRIMARY KEY, small INTEGER, big INTEGER, real REAL, label TEXT, data BLOB);
    INSERT INTO t VALUES (1, 42, 9007199254740993, 1.5, 'café', x'00ff10');
    INSERT INTO t VALUES (2, -7, -9007199254740993, NULL, NULL, NULL);`);

describe('which Node gets node:sqlite', () => {
  it.each([
    ['22.12.0', false], // behind --experimental-sqlite
    ['22.13.0', false], // loads with an ExperimentalWarning
    ['22.22.1', false],
    ['24.14.1', false], // still warns
    ['24.15.0', false], // no warning, no deserialize
    ['24.16.0', true],
    ['24.22.3', true],
    ['25.9.0', false],
    ['26.0.0', true],
    ['27.1.0', true],
    ['not a version', false],
  ])('Node %s: %s', (version, usable) => {
    expect(nodeSqliteUsable(version)).toBe(usable);
  });

  it('opens images with node:sqlite on this Node when it qualifies, so sql.js is never compiled', async () => {
    const image = await openSqliteImage(sample());
    try {
      expect(image.engine).toBe(nodeSqliteUsable() ? 'node:sqlite' : 'sql.js');
    } finally {
      image.close();
    }
  });
});

const engines: SqliteEngine[] = ['node:sqlite', 'sql.js'];

describe.each(engines)('%s', (engine) => {
  it('reads integers, reals, text, blobs and nulls as sql.js always did; an integer past 2^53 as its exact text', async () => {
    const image = await openSqliteImage(sample(), { engine });
    try {
      expect(image.engine).toBe(engine);
      const rows = image.select('SELECT small, big, real, label, data FROM t ORDER BY id');
      expect(rows).toEqual([
        {
          small: 42,
          big: engine === 'node:sqlite' ? '9007199254740993' : expect.any(Number),
          real: 1.5,
          label: 'café',
          data: new Uint8Array([0, 255, 16]),
        },
        {
          small: -7,
          big: engine === 'node:sqlite' ? '-9007199254740993' : expect.any(Number),
          real: null,
          label: null,
          data: null,
        },
      ]);
    } finally {
      image.close();
    }
  });

  it('opens an image whose header says WAL, without changing the bytes it was given', async () => {
    const bytes = sample();
    bytes[18] = 2;
    bytes[19] = 2;
    const given = new Uint8Array(bytes);
    const image = await openSqliteImage(bytes, { engine });
    try {
      expect(image.select('SELECT count(*) AS n FROM t')).toEqual([{ n: 2 }]);
    } finally {
      image.close();
    }
    expect(bytes).toEqual(given);
  });

  it("fails on open, with SQLite's message, for bytes that are not a database", async () => {
    await expect(
      openSqliteImage(new TextEncoder().encode('not a database, a text file written by mistake\n'.repeat(50)), {
        engine,
      }),
    ).rejects.toThrow(/file is not a database/);
    const garbage = new TextEncoder().encode(`SQLite format 3\u0000${' but then garbage '.repeat(300)}`);
    await expect(openSqliteImage(garbage, { engine })).rejects.toThrow();
  });

  it('reports a missing table as SQLite words it, for the callers to classify', async () => {
    const image = await openSqliteImage(sample(), { engine });
    try {
      expect(() => image.select('SELECT x FROM nowhere')).toThrow(/no such table/);
    } finally {
      image.close();
    }
  });

  it('never writes, not even to its own copy', async () => {
    const image = await openSqliteImage(sample(), { engine });
    try {
      expect(() => image.select('INSERT INTO t (id) VALUES (3) RETURNING id')).toThrow(/readonly/i);
      expect(image.select('SELECT count(*) AS n FROM t')).toEqual([{ n: 2 }]);
    } finally {
      image.close();
    }
  });
});
