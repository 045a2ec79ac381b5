// The reader never takes or waits for a SQLite lock: it reads the bytes once and opens the copy.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGcpState } from '../../../electron/core/gcp/gcp-state';
import { authorizedUserJson, tempDir, writeGcloudDatabases } from '../../support/gcloud-fixtures';

/** Python's sqlite3 (what gcloud uses) holding an EXCLUSIVE lock until stdin closes. */
function holdExclusiveLock(db: string): Promise<{ release: () => Promise<void> }> {
  const script = [
    'import sqlite3, sys',
    `c = sqlite3.connect(${JSON.stringify(db)}, isolation_level=None)`,
    "c.execute('BEGIN EXCLUSIVE')",
    "c.execute(\"UPDATE credentials SET value = value WHERE account_id = 'a@example.com'\")",
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
      const state = await readGcpState({ env: { CLOUDSDK_CONFIG: dir }, homeDir: dir, platform: 'linux', now: new Date() });
      // The lock is sqlite's business, not ours: the committed rows read at once. (A write that has
      // reached the disk leaves a journal, reported as busy: see gcp-state-files.test.ts.)
      expect(state.accounts.map((a) => a.account)).toEqual(['a@example.com']);
      expect(state.problems).toEqual([]);
    } finally {
      await lock.release();
    }
    const after = await readGcpState({ env: { CLOUDSDK_CONFIG: dir }, homeDir: dir, platform: 'linux', now: new Date() });
    expect(after.accounts.map((a) => a.account)).toEqual(['a@example.com']);
    expect(after.problems).toEqual([]);
  });
});
