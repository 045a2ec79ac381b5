// The key store against the REAL OS keychain (gnome-keyring inside dbus-run-session, as
// scripts/test.sh sets up): store, find, remove.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ServiceAccountKeyStore } from '../../../../electron/core/gcp/key-store';
import { KeytarSecretStore } from '../../../../electron/core/secrets/keytar-secret-store';
import { serviceAccountKey, tempDir, writeJson } from '../../../support/gcloud-fixtures';

const run = promisify(execFile);

describe('KeytarSecretStore on the real keychain', () => {
  it('stores, finds and deletes an entry', async () => {
    const secrets = new KeytarSecretStore();
    const service = `cloudid-test-${randomBytes(4).toString('hex')}`;
    expect(await secrets.get(service, 'k1')).toBeNull();
    await secrets.set(service, 'k1', '/path/to/k1.json');
    expect(await secrets.get(service, 'k1')).toBe('/path/to/k1.json');
    expect(await secrets.delete(service, 'k1')).toBe(true);
    expect(await secrets.get(service, 'k1')).toBeNull();
    expect(await secrets.delete(service, 'k1')).toBe(false);
  });

  it('imports, finds and removes a key with the real keychain', async () => {
    const appDataDir = await tempDir('cloudid-app-');
    const store = new ServiceAccountKeyStore({ appDataDir, secrets: new KeytarSecretStore() });
    const key = serviceAccountKey({ project_id: 'keyring' });
    const result = await store.import(await writeJson(join(await tempDir(), 'k.json'), key));
    expect(result.status).toBe('imported');
    expect((await store.find(key.private_key_id))?.path).toBe(join(appDataDir, 'keys', `${key.private_key_id}.json`));
    expect((await store.import(await writeJson(join(await tempDir(), 'again.json'), key))).status).toBe('duplicate');
    expect(await store.remove(key.private_key_id)).toBe(true);
    expect(await store.find(key.private_key_id)).toBeNull();
    expect(await new KeytarSecretStore().get('Cloud Identity Tray', key.private_key_id)).toBeNull();
  });

  it('reports an unreachable keychain as SecretStoreUnavailableError (in a process with no session bus)', async () => {
    // libsecret keeps its first connection, so the missing bus must be a fresh process's.
    const script = [
      `const { KeytarSecretStore } = await import(${JSON.stringify(new URL('../../../../electron/core/secrets/keytar-secret-store.ts', import.meta.url).pathname)});`,
      "try { await new KeytarSecretStore().set('Cloud Identity Tray', 'x', '/nope'); console.log('stored'); }",
      'catch (e) { console.log(e.name); }',
    ].join('\n');
    const env = { ...process.env, DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(await tempDir(), 'no-bus')}` };
    const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { env });
    expect(stdout.trim()).toBe('SecretStoreUnavailableError');
  });
});
