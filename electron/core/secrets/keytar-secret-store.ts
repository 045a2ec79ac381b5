// The real keychain through keytar (libsecret on Linux, Keychain on macOS, Credential Manager on
// Windows). keytar is a native module: it is loaded on first use, so merely importing the core
// never fails on a machine without it, and any failure becomes SecretStoreUnavailableError.
import { SecretStoreUnavailableError, type SecretStore } from './secret-store';

interface Keytar {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

let keytarModule: Promise<Keytar> | null = null;

function loadKeytar(): Promise<Keytar> {
  keytarModule ??= import('keytar').then((m: { default?: Keytar } & Partial<Keytar>) => m.default ?? (m as Keytar));
  return keytarModule;
}

function unavailable(error: unknown): SecretStoreUnavailableError {
  const detail = error instanceof Error ? error.message : String(error);
  return new SecretStoreUnavailableError(detail.split('\n')[0] ?? detail);
}

export class KeytarSecretStore implements SecretStore {
  private async call<T>(op: (keytar: Keytar) => Promise<T>): Promise<T> {
    let keytar: Keytar;
    try {
      keytar = await loadKeytar();
    } catch (error) {
      keytarModule = null;
      throw unavailable(error);
    }
    try {
      return await op(keytar);
    } catch (error) {
      throw unavailable(error);
    }
  }

  get(service: string, account: string): Promise<string | null> {
    return this.call((k) => k.getPassword(service, account));
  }

  set(service: string, account: string, secret: string): Promise<void> {
    return this.call((k) => k.setPassword(service, account, secret));
  }

  delete(service: string, account: string): Promise<boolean> {
    return this.call((k) => k.deletePassword(service, account));
  }
}
