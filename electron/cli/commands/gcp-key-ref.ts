// Which imported key a `cloudid gcp` argument names: its id, a start of the id that only one key
// has, or the account's email when only one key is of that account. One place, so `verify`,
// `env` and `remove` accept the same words that `gcp list` shows.
import { appDataDir } from '../../core/app/app-paths';
import { ServiceAccountKeyStore, type StoredKey } from '../../core/gcp/key-store';
import { KeytarSecretStore } from '../../core/secrets/keytar-secret-store';
import { SecretStoreUnavailableError } from '../../core/secrets/secret-store';
import type { CommandContext } from '../command';

interface KeyIdentity {
  keyId: string;
  account: string;
}

export type KeyRefMatch = { ok: true; keyId: string } | { ok: false; message: string };

const listIds = (keys: readonly KeyIdentity[]): string => keys.map((k) => k.keyId).join(', ');

/** Pure: the one key `ref` names among `keys`, or why there is none. */
export function matchKeyRef(keys: readonly KeyIdentity[], ref: string): KeyRefMatch {
  const exact = keys.find((k) => k.keyId === ref);
  if (exact) return { ok: true, keyId: exact.keyId };
  if (ref.includes('@')) {
    const ofAccount = keys.filter((k) => k.account.toLowerCase() === ref.toLowerCase());
    if (ofAccount.length === 1 && ofAccount[0]) return { ok: true, keyId: ofAccount[0].keyId };
    if (ofAccount.length > 1)
      return {
        ok: false,
        message: `${ref} has ${ofAccount.length} imported keys: give one id (${listIds(ofAccount)})`,
      };
    return { ok: false, message: `no imported key is of the account ${ref}` };
  }
  const prefixed = ref === '' ? [] : keys.filter((k) => k.keyId.startsWith(ref));
  if (prefixed.length === 1 && prefixed[0]) return { ok: true, keyId: prefixed[0].keyId };
  if (prefixed.length > 1)
    return { ok: false, message: `${ref} starts ${prefixed.length} key ids (${listIds(prefixed)}): give more of it` };
  return { ok: false, message: `no imported key has an id starting ${ref} (\`cloudid gcp list\` shows them)` };
}

export function keyStoreFor(ctx: Pick<CommandContext, 'env' | 'homeDir'>): ServiceAccountKeyStore {
  return new ServiceAccountKeyStore({
    appDataDir: appDataDir(ctx.env, ctx.homeDir, process.platform),
    secrets: new KeytarSecretStore(),
  });
}

export type ImportedKeyLookup = { ok: true; key: StoredKey } | { ok: false; message: string };

/** The imported key `ref` names, with its path from the keychain. */
export async function findImportedKey(store: ServiceAccountKeyStore, ref: string): Promise<ImportedKeyLookup> {
  const match = matchKeyRef(await store.list(), ref);
  if (!match.ok) return match;
  try {
    const key = await store.find(match.keyId);
    return key ? { ok: true, key } : { ok: false, message: `the keychain holds no path for key ${match.keyId}` };
  } catch (error) {
    if (error instanceof SecretStoreUnavailableError) return { ok: false, message: error.message };
    throw error;
  }
}
