// The keychain's in-memory twin for unit tests; `unavailable` makes every call fail the way a
// locked or missing keychain does.
import { SecretStoreUnavailableError, type SecretStore } from './secret-store';

export class MemorySecretStore implements SecretStore {
  readonly entries = new Map<string, string>();
  unavailable: string | null = null;

  private key(service: string, account: string): string {
    return `${service}\u0000${account}`;
  }

  private check(): void {
    if (this.unavailable !== null) throw new SecretStoreUnavailableError(this.unavailable);
  }

  async get(service: string, account: string): Promise<string | null> {
    this.check();
    return this.entries.get(this.key(service, account)) ?? null;
  }

  async set(service: string, account: string, secret: string): Promise<void> {
    this.check();
    this.entries.set(this.key(service, account), secret);
  }

  async delete(service: string, account: string): Promise<boolean> {
    this.check();
    return this.entries.delete(this.key(service, account));
  }
}
