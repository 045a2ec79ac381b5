import { describe, expect, it } from 'vitest';
import { NetworkTimeoutError, withDeadline } from '../../../../electron/core/net/deadline';

const endpoint = { host: 'oidc.eu-west-1.amazonaws.com', setting: 'AWS_ENDPOINT_URL_SSO_OIDC' };

describe('withDeadline', () => {
  it('rejects with NetworkTimeoutError when the request ignores its signal and never settles', async () => {
    const started = Date.now();
    const error = await withDeadline(
      endpoint,
      { requestTimeoutMs: 50 },
      () => new Promise<never>(() => undefined),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkTimeoutError);
    expect((error as Error).message).toBe(
      'oidc.eu-west-1.amazonaws.com did not answer within 0.1 s: check your VPN, proxy and AWS_ENDPOINT_URL_SSO_OIDC.',
    );
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('aborts the signal it gives the request at the deadline', async () => {
    let seen: AbortSignal | undefined;
    await withDeadline(endpoint, { requestTimeoutMs: 20 }, (signal) => {
      seen = signal;
      return new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));
    }).catch(() => undefined);
    expect(seen?.aborted).toBe(true);
  });

  it("keeps the request's own error when the caller aborts", async () => {
    const caller = new AbortController();
    const pending = withDeadline(
      endpoint,
      { requestTimeoutMs: 5_000, signal: caller.signal },
      (signal) =>
        new Promise<never>((_, reject) =>
          signal.addEventListener('abort', () => reject(Object.assign(new Error('cancelled'), { name: 'AbortError' }))),
        ),
    );
    caller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('passes on a request that throws before it starts, and leaves no timer behind', async () => {
    const error = await withDeadline(endpoint, { requestTimeoutMs: 20 }, () => {
      throw new Error('bad input');
    }).catch((e: unknown) => e);
    expect((error as Error).message).toBe('bad input');
    // An unhandled rejection from a leftover deadline timer would fail the run here.
    await new Promise((resolve) => setTimeout(resolve, 60));
  });

  it('passes an answer through and names no setting when none chose the endpoint', async () => {
    await expect(withDeadline({ host: 'sts.amazonaws.com' }, {}, async () => 42)).resolves.toBe(42);
    expect(new NetworkTimeoutError({ host: 'sts.amazonaws.com' }, 15_000).message).toBe(
      'sts.amazonaws.com did not answer within 15 s: check your VPN or proxy.',
    );
  });
});
