import type { LoginClock } from '../../electron/core/aws/sso-login/login-clock';
import { abortError } from '../../electron/core/aws/sso-login/login-clock';

/** A clock that only moves when the flow sleeps; shared with the local OIDC server. */
export class FakeClock implements LoginClock {
  readonly sleeps: number[] = [];

  constructor(public ms: number = Date.now()) {}

  now(): Date {
    return new Date(this.ms);
  }

  readonly nowMs = (): number => this.ms;

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw abortError();
    this.sleeps.push(ms);
    this.ms += ms;
  }

  advance(ms: number): void {
    this.ms += ms;
  }
}
