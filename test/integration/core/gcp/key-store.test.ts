// The key store with the keychain's in-memory twin: files, modes, metadata, duplicates, removal,
// and no plaintext fallback when the keychain is unavailable.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ServiceAccountKeyStore } from '../../../../electron/core/gcp/key-store';
import { keyMetadataPath } from '../../../../electron/core/gcp/key-paths';
import { APP_KEYCHAIN_SERVICE } from '../../../../electron/core/secrets/secret-store';
import { MemorySecretStore } from '../../../../electron/core/secrets/memory-secret-store';
import { serviceAccountKey, tempDir, wrongFiles, writeJson } from '../../../support/gcloud-fixtures';

const NOW = new Date('2026-11-26T06:00:00.000Z');

async function setup() {
  const appDataDir = join(await tempDir('cloudid-app-'), 'Cloud Identity Tray');
  const secrets = new MemorySecretStore();
  const store = new ServiceAccountKeyStore({ appDataDir, secrets, now: () => NOW });
  const downloads = await tempDir('cloudid-downloads-');
  return { appDataDir, secrets, store, downloads };
}

describe('ServiceAccountKeyStore', () => {
  it('copies the key byte for byte (0600 in a 0700 folder), records its path in the keychain and metadata in settings', async () => {
    const { appDataDir, secrets, store, downloads } = await setup();
    const key = serviceAccountKey({ project_id: 'acme' });
    const source = await writeJson(join(downloads, 'acme-1234.json'), key);
    const result = await store.import(source);
    expect(result.status).toBe('imported');
    if (result.status !== 'imported') return;
    const target = join(appDataDir, 'keys', `${key.private_key_id}.json`);
    expect(result.key).toEqual({
      keyId: key.private_key_id,
      account: key.client_email,
      project: 'acme',
      importedAt: NOW.toISOString(),
      path: target,
    });
    expect(await readFile(target)).toEqual(await readFile(source));
    expect((await stat(target)).mode & 0o777).toBe(0o600);
    expect((await stat(join(appDataDir, 'keys'))).mode & 0o777).toBe(0o700);
    expect(await secrets.get(APP_KEYCHAIN_SERVICE, key.private_key_id)).toBe(target);
    const settings = await readFile(keyMetadataPath(appDataDir), 'utf8');
    expect(JSON.parse(settings)).toEqual({
      version: 1,
      keys: [{ keyId: key.private_key_id, account: key.client_email, project: 'acme', importedAt: NOW.toISOString() }],
    });
    expect(settings).not.toContain('PRIVATE KEY');
    expect(settings).not.toContain(target);
    expect(await store.find(key.private_key_id)).toEqual(result.key);
  });

  it('recognises the same key (same private_key_id) dropped again, even renamed', async () => {
    const { store, downloads } = await setup();
    const key = serviceAccountKey();
    const first = await store.import(await writeJson(join(downloads, 'a.json'), key));
    const again = await store.import(await writeJson(join(downloads, 'copy of a.json'), key));
    expect(again.status).toBe('duplicate');
    expect(first.status === 'imported' && again.status === 'duplicate' && again.key).toEqual(
      first.status === 'imported' && first.key,
    );
    expect(await store.list()).toHaveLength(1);
  });

  it('refuses a different key with the same private_key_id, naming both accounts, and changes nothing', async () => {
    const { appDataDir, store, downloads, secrets } = await setup();
    const old = serviceAccountKey({ project_id: 'old-proj' });
    const other = serviceAccountKey({ project_id: 'new-proj', private_key_id: old.private_key_id, keyIndex: 1 });
    await store.import(await writeJson(join(downloads, 'old.json'), old));
    const target = join(appDataDir, 'keys', `${old.private_key_id}.json`);
    const [storedBefore, listBefore] = [await readFile(target), await readFile(keyMetadataPath(appDataDir))];
    const result = await store.import(await writeJson(join(downloads, 'new.json'), other));
    expect(result.status).toBe('conflict');
    if (result.status !== 'conflict') return;
    expect(result.message).toContain(old.client_email);
    expect(result.message).toContain(other.client_email);
    expect(await readFile(target)).toEqual(storedBefore);
    expect(await readFile(keyMetadataPath(appDataDir))).toEqual(listBefore);
    expect(await secrets.get(APP_KEYCHAIN_SERVICE, old.private_key_id)).toBe(target);
  });

  it('replaces it only when asked, and the list then names the new account and project', async () => {
    const { appDataDir, store, downloads } = await setup();
    const old = serviceAccountKey({ project_id: 'old-proj' });
    const other = serviceAccountKey({ project_id: 'new-proj', private_key_id: old.private_key_id, keyIndex: 1 });
    await store.import(await writeJson(join(downloads, 'old.json'), old));
    const source = await writeJson(join(downloads, 'new.json'), other);
    const result = await store.import(source, { replace: true });
    expect(result.status).toBe('replaced');
    expect(await readFile(join(appDataDir, 'keys', `${old.private_key_id}.json`))).toEqual(await readFile(source));
    expect(await store.list()).toEqual([
      { keyId: old.private_key_id, account: other.client_email, project: 'new-proj', importedAt: NOW.toISOString() },
    ]);
  });

  it('rejects wrong files without writing anything', async () => {
    const { appDataDir, store, downloads, secrets } = await setup();
    for (const [name, bytes] of Object.entries(wrongFiles())) {
      const path = join(downloads, name);
      await writeFile(path, bytes);
      const result = await store.import(path);
      expect(result.status, name).toBe('rejected');
    }
    await expect(readdir(appDataDir)).rejects.toThrow(/ENOENT/);
    expect(secrets.entries.size).toBe(0);
  });

  it('refuses to import when the keychain is unavailable, and writes no file at all', async () => {
    const { appDataDir, store, downloads, secrets } = await setup();
    secrets.unavailable = 'org.freedesktop.secrets was not provided by any .service files';
    const result = await store.import(await writeJson(join(downloads, 'k.json'), serviceAccountKey()));
    expect(result.status).toBe('keychain-unavailable');
    expect(result.status === 'keychain-unavailable' && result.message).toMatch(
      /keychain is not available.*never keeps secrets in plain files/,
    );
    await expect(readdir(appDataDir)).rejects.toThrow(/ENOENT/);
  });

  it('removes the keychain entry, the copy and the metadata', async () => {
    const { appDataDir, store, downloads, secrets } = await setup();
    const keep = serviceAccountKey({ project_id: 'keep' });
    const drop = serviceAccountKey({ project_id: 'drop' });
    await store.import(await writeJson(join(downloads, 'keep.json'), keep));
    await store.import(await writeJson(join(downloads, 'drop.json'), drop));
    expect(await store.remove(drop.private_key_id)).toBe(true);
    expect(await secrets.get(APP_KEYCHAIN_SERVICE, drop.private_key_id)).toBeNull();
    expect(await readdir(join(appDataDir, 'keys'))).toEqual([`${keep.private_key_id}.json`]);
    expect((await store.list()).map((k) => k.keyId)).toEqual([keep.private_key_id]);
    expect(await store.remove(drop.private_key_id)).toBe(false);
  });

  it('moves an unreadable key list aside instead of overwriting it', async () => {
    const { appDataDir, store, downloads } = await setup();
    const { mkdir } = await import('node:fs/promises');
    await mkdir(appDataDir, { recursive: true });
    await writeFile(keyMetadataPath(appDataDir), '{"version":1,"keys":[{"keyId":"x"');
    expect((await store.import(await writeJson(join(downloads, 'k.json'), serviceAccountKey()))).status).toBe(
      'imported',
    );
    expect(await readFile(`${keyMetadataPath(appDataDir)}.corrupt`, 'utf8')).toBe('{"version":1,"keys":[{"keyId":"x"');
    expect(await store.list()).toHaveLength(1);
  });

  it('keeps both keys when two imports run at once', async () => {
    const { store, downloads } = await setup();
    const a = serviceAccountKey({ project_id: 'a' });
    const b = serviceAccountKey({ project_id: 'b' });
    await Promise.all([
      store.import(await writeJson(join(downloads, 'a.json'), a)),
      store.import(await writeJson(join(downloads, 'b.json'), b)),
    ]);
    expect((await store.list()).map((k) => k.project).sort()).toEqual(['a', 'b']);
  });
});
