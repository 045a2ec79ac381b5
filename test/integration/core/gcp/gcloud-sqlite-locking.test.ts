// The reader never takes or waits for a SQLite lock: it reads the bytes once and opens the copy,
// with node:sqlite or, on an older Node, sql.js (electron/core/fs/sqlite-image.ts).
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSqliteTable } from '../../../../electron/core/gcp/gcloud-sqlite';
import { readGcpState } from '../../../../electron/core/gcp/gcp-state';
import { authorizedUserJson, tempDir, writeGcloudDatabases } from '../../../support/gcloud-fixtures';

/** Python's sqlite3 (what gcloud uses) holding an EXCLUSIVE lock until stdin closes. */
function holdExclusiveLock(db: string): Promise<{ release: () => Promise<void> }> {
  const script = [
    'import sqlite3, sys',
    `c = sqlite3.connect(${JSON.stringify(db)}, isolation_level=None)`,
    "c.execute('BEGIN EXCLUSIVE')",
    'c.execute("UPDATE credentials SET value = value WHERE account_id = \'a@example.com\'")',
    "print('locked', flush=True)",
    'sys.stdin.read()',
    "c.execute('ROLLBACK')",
  ].join('\n');
  const child = spawn('python3', ['-c', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout.once('data', () =>
      resolve({
        release: () =>
          new Promise((done) => {
            child.once('exit', () => done());
            child.stdin.end();
          }),
      }),
    );
    child.once('error', reject);
  });
}

describe('reading gcloud databases under a lock', () => {
  it('reads the committed rows without waiting while another process holds an EXCLUSIVE lock mid-transaction', async () => {
    const dir = await tempDir();
    await writeGcloudDatabases(dir, [{ account: 'a@example.com', credential: authorizedUserJson() }]);
    const lock = await holdExclusiveLock(join(dir, 'credentials.db'));
    try {
      const state = await readGcpState({
        env: { CLOUDSDK_CONFIG: dir },
        homeDir: dir,
        platform: 'linux',
        now: new Date(),
      });
      // The lock is sqlite's business, not ours: the committed rows read at once. (A write that has
      // reached the disk leaves a journal, reported as busy: see gcp-state-files.test.ts.)
      expect(state.accounts.map((a) => a.account)).toEqual(['a@example.com']);
      expect(state.problems).toEqual([]);
    } finally {
      await lock.release();
    }
    const after = await readGcpState({
      env: { CLOUDSDK_CONFIG: dir },
      homeDir: dir,
      platform: 'linux',
      now: new Date(),
    });
    expect(after.accounts.map((a) => a.account)).toEqual(['a@example.com']);
    expect(after.problems).toEqual([]);
  });
});

describe('reading gcloud databases leaves the folder as it was', () => {
  it('creates no -journal, -wal or -shm file beside them', async () => {
    const dir = await tempDir();
    await writeGcloudDatabases(dir, [
      { account: 'a@example.com', credential: authorizedUserJson(), tokenExpiry: '2026-11-26 05:09:15.537051' },
    ]);
    const listing = (await readdir(dir)).sort();
    const state = await readGcpState({
      env: { CLOUDSDK_CONFIG: dir },
      homeDir: dir,
      platform: 'linux',
      now: new Date(),
    });
    expect(state.accounts.map((a) => a.account)).toEqual(['a@example.com']);
    expect((await readdir(dir)).sort()).toEqual(listing);
  });

  it('reads the same rows with the sql.js fallback as with node:sqlite', async () => {
    const dir = await tempDir();
    await writeGcloudDatabases(dir, [
      {
        account: 'a@example.com',
        credential: authorizedUserJson(),
        tokenExpiry: '2026-11-26 05:09:15.537051',
        raptToken: 'rapt-1',
      },
      { account: 'b@example.com', credential: 'not json', tokenExpiry: null },
    ]);
    const query =
      'SELECT account_id, access_token IS NOT NULL AS has_token, token_expiry, rapt_token FROM access_tokens ORDER BY account_id';
    const fast = await readSqliteTable(join(dir, 'access_tokens.db'), query, { engine: 'node:sqlite' });
    const fallback = await readSqliteTable(join(dir, 'access_tokens.db'), query, { engine: 'sql.js' });
    expect(fast).toEqual({
      kind: 'ok',
      rows: [
        { account_id: 'a@example.com', has_token: 1, token_expiry: '2026-11-26 05:09:15.537051', rapt_token: 'rapt-1' },
        { account_id: 'b@example.com', has_token: 1, token_expiry: null, rapt_token: null },
      ],
    });
    expect(fallback).toEqual(fast);
    const credentials = await readSqliteTable(
      join(dir, 'credentials.db'),
      'SELECT account_id, value FROM credentials ORDER BY account_id',
      { engine: 'sql.js' },
    );
    expect(credentials).toMatchObject({
      kind: 'ok',
      rows: [{ account_id: 'a@example.com' }, { account_id: 'b@example.com', value: 'not json' }],
    });
  });
});
