import { describe, expect, it } from 'vitest';
import { SsoLoginCoordinator } from '../../../../../electron/core/aws/sso-login/login-coordinator';
import type { LoginOutcome, LoginPrompt } from '../../../../../electron/core/aws/sso-login/login-outcome';

const prompt: LoginPrompt = {
  session: 'dev',
  flow: 'device-code',
  userCode: 'ABCD-EFGH',
  verificationUri: 'https://device',
  verificationUriComplete: 'https://device?user_code=ABCD-EFGH',
  expiresAt: '2026-11-26T12:10:00.000Z',
};

function deferred(): { promise: Promise<LoginOutcome>; resolve: (o: LoginOutcome) => void } {
  let resolve!: (o: LoginOutcome) => void;
  const promise = new Promise<LoginOutcome>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const success: LoginOutcome = {
  status: 'logged-in',
  session: 'dev',
  flow: 'device-code',
  expiresAt: 'x',
  refreshable: true,
  cacheFile: '/c',
};

describe('SsoLoginCoordinator', () => {
  it('joins a second request to the login in progress instead of starting another', async () => {
    const coordinator = new SsoLoginCoordinator();
    const gate = deferred();
    let runs = 0;
    const first = coordinator.login('dev', async ({ onPrompt }) => {
      runs++;
      onPrompt(prompt);
      return gate.promise;
    });
    await Promise.resolve();
    await Promise.resolve();
    const second = coordinator.login('dev', async () => {
      runs++;
      return success;
    });
    expect(first.started).toBe(true);
    expect(second.started).toBe(false);
    expect(second.prompt()).toEqual(prompt);
    const seen: LoginPrompt[] = [];
    second.onPrompt((p) => seen.push(p));
    expect(seen).toEqual([prompt]);
    gate.resolve(success);
    expect(await second.outcome).toBe(success);
    expect(runs).toBe(1);
    expect(coordinator.inProgress('dev')).toBeNull();
  });

  it('runs logins for different sessions side by side, and again after one ends', async () => {
    const coordinator = new SsoLoginCoordinator();
    const a = coordinator.login('a', async () => success);
    const b = coordinator.login('b', async () => success);
    expect(a.started && b.started).toBe(true);
    await a.outcome;
    expect(coordinator.login('a', async () => success).started).toBe(true);
  });

  it('cancels through the signal given to the flow', async () => {
    const coordinator = new SsoLoginCoordinator();
    const handle = coordinator.login(
      'dev',
      ({ signal }) =>
        new Promise<LoginOutcome>((resolve) => {
          signal.addEventListener('abort', () =>
            resolve({ status: 'failed', session: 'dev', reason: 'cancelled', message: 'Login cancelled.' }),
          );
        }),
    );
    expect(coordinator.cancel('dev')).toBe(true);
    expect(await handle.outcome).toMatchObject({ status: 'failed', reason: 'cancelled' });
    expect(coordinator.cancel('dev')).toBe(false);
  });
});
