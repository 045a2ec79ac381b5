import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  readKeyMetadata,
  readKeyMetadataForUpdate,
  writeKeyMetadata,
} from '../../../../electron/core/gcp/key-metadata-file';
import { keyMetadataPath } from '../../../../electron/core/gcp/key-paths';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const good = { keyId: 'k1', account: 'a@p.iam.gserviceaccount.com', project: 'p', importedAt: '2026-01-01T00:00:00Z' };

describe('the list of imported keys', () => {
  it('round-trips as pretty JSON, 0600', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cloudid-keys-'));
    await writeKeyMetadata(dir, [good, { ...good, keyId: 'k2', project: null }]);
    const text = await readFile(keyMetadataPath(dir), 'utf8');
    expect(text).toBe(
      `${JSON.stringify({ version: 1, keys: [good, { ...good, keyId: 'k2', project: null }] }, null, 2)}\n`,
    );
    expect((await stat(keyMetadataPath(dir))).mode & 0o777).toBe(0o600);
    expect(await readKeyMetadata(dir)).toEqual({ keys: [good, { ...good, keyId: 'k2', project: null }], problems: [] });
  });

  it('skips entries that do not match and reads an odd project as none', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cloudid-keys-'));
    const keys = [
      good,
      null,
      { ...good, keyId: '' },
      { ...good, account: 7 },
      { keyId: 'k3', account: 'b', importedAt: 't', project: 42, extra: 'x' },
    ];
    await writeFile(keyMetadataPath(dir), JSON.stringify({ version: 1, keys }));
    expect(await readKeyMetadata(dir)).toEqual({
      keys: [good, { keyId: 'k3', account: 'b', project: null, importedAt: 't' }],
      problems: [],
    });
  });

  it('reads a list of another shape as empty, and text that is not JSON or a folder as a problem', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cloudid-keys-'));
    await writeFile(keyMetadataPath(dir), '{"version": 1, "keys": "none"}');
    expect(await readKeyMetadata(dir)).toEqual({ keys: [], problems: [] });
    await writeFile(keyMetadataPath(dir), '{"version": 1, "keys": [');
    expect((await readKeyMetadata(dir)).problems).toEqual([
      { severity: 'error', message: 'The list of imported keys is not valid JSON', file: keyMetadataPath(dir) },
    ]);
    expect(await readKeyMetadataForUpdate(dir)).toEqual([]);
    expect(await readFile(`${keyMetadataPath(dir)}.corrupt`, 'utf8')).toBe('{"version": 1, "keys": [');

    await mkdir(keyMetadataPath(dir));
    expect((await readKeyMetadata(dir)).problems).toEqual([
      { severity: 'error', message: 'Cannot read the list of imported keys (EISDIR)', file: keyMetadataPath(dir) },
    ]);
  });
});
