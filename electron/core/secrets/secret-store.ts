// The OS keychain behind an interface (as GitHub Desktop's TokenStore), so the core can be unit
// tested with an in-memory twin while integration tests use the real keychain. There is no
// plaintext fallback anywhere: when the keychain is unavailable, callers get
// SecretStoreUnavailableError and must say so to the user.

export const APP_KEYCHAIN_SERVICE = 'Cloud Identity Tray';

export interface SecretStore {
  get(service: string, account: string): Promise<string | null>;
  set(service: string, account: string, secret: string): Promise<void>;
  /** True when something was deleted. */
  delete(service: string, account: string): Promise<boolean>;
}

export class SecretStoreUnavailableError extends Error {
  constructor(readonly detail: string) {
    super(
      `The OS keychain is not available (${detail}). Nothing was stored: this app never keeps secrets in plain files. ` +
        'Unlock or start your keychain (GNOME Keyring / KWallet on Linux, Keychain on macOS, Credential Manager on Windows) and try again.',
    );
    this.name = 'SecretStoreUnavailableError';
  }
}
