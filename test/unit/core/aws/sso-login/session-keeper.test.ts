import { describe, expect, it } from 'vitest';
import type { RefreshOutcome } from '../../../../../electron/core/aws/sso-login/refresh';
import { SsoSessionKeeper, type KeptSession } from '../../../../../electron/core/aws/sso-login/session-keeper';
import type { SsoSessionRef } from '../../../../../electron/core/aws/sso-login/sso-session-ref';

const ref = (name: string): SsoSessionRef => ({
  name,
  legacy: false,
  startUrl: 'https://d.awsapps.com/start',
  region: 'eu-west-1',
  registrationScopes: [],
});
let clock = new Date('2026-11-26T12:00:00Z');
const at = (minutes: number): Date => new Date(clock.getTime() + minutes * 60_000);
const kept = (name: string, expiresInMinutes: number, refreshable = true): KeptSession => ({
  session: ref(name),
  summary: {
    expiresAt: at(expiresInMinutes),
    refreshable,
    registrationExpiresAt: refreshable ? at(60 * 24 * 30) : null,
  },
});

function keeper(answers: Record<string, RefreshOutcome['status'] | 'refused'>) {
  const calls: string[] = [];
  const k = new SsoSessionKeeper({
    now: () => clock,
    refresh: async (session) => {
      calls.push(session.name);
      const answer = answers[session.name] ?? 'refreshed';
      if (answer === 'refused')
        return { status: 'cannot-refresh', session: session.name, reason: 'refused', message: 'no' };
      if (answer === 'failed')
        return { status: 'failed', session: session.name, reason: 'network', message: 'offline' };
      return { status: 'refreshed', session: session.name, expiresAt: 'x', refreshTokenRotated: true };
    },
  });
  return { k, calls };
}

describe('SsoSessionKeeper', () => {
  it('refreshes due sessions only and says when to look again', async () => {
    clock = new Date('2026-11-26T12:00:00Z');
    const { k, calls } = keeper({});
    const review = await k.review([kept('due', 20), kept('fresh', 120)]);
    expect(calls).toEqual(['due']);
    expect(review.refreshed).toHaveLength(1);
    expect(review.nextReviewAt).toEqual(at(90));
    expect(review.notices).toEqual([]);
  });

  it('retries a failed refresh after a minute, not before', async () => {
    clock = new Date('2026-11-26T12:00:00Z');
    const { k, calls } = keeper({ due: 'failed' });
    const first = await k.review([kept('due', 20)]);
    expect(first.nextReviewAt).toEqual(at(1));
    clock = at(0.5);
    await k.review([{ ...kept('due', 19.5) }]);
    expect(calls).toHaveLength(1);
  });

  it('notifies once when a session cannot be refreshed, and again for a new token', async () => {
    clock = new Date('2026-11-26T12:00:00Z');
    const { k, calls } = keeper({ dev: 'refused' });
    const session = kept('dev', 20);
    const first = await k.review([session]);
    expect(first.notices).toEqual([{ session: 'dev', cause: 'refused', expiresAt: session.summary?.expiresAt }]);
    clock = at(5);
    const second = await k.review([session]);
    expect(second.notices).toEqual([]);
    expect(calls).toEqual(['dev']);

    // A new login gives a new token: a refusal of that one is news again.
    clock = at(2);
    const relogged = kept('dev', 25);
    expect((await k.review([relogged])).notices).toEqual([
      { session: 'dev', cause: 'refused', expiresAt: relogged.summary?.expiresAt },
    ]);
    expect(calls).toEqual(['dev', 'dev']);

    const noRefresh = await k.review([kept('legacy', 60, false)]);
    expect(noRefresh.notices).toMatchObject([{ session: 'legacy', cause: 'no-refresh-token' }]);
    expect((await k.review([kept('legacy', 60, false)])).notices).toEqual([]);
  });
});

describe('SsoSessionKeeper when the identity provider does not answer', () => {
  it('says so once, backs off 1, 2, 4... minutes up to 16, and starts afresh after a success', async () => {
    clock = new Date('2026-11-26T12:00:00Z');
    const answers: Record<string, RefreshOutcome['status'] | 'refused'> = { due: 'failed' };
    const { k, calls } = keeper(answers);
    const session = kept('due', 25);
    const first = await k.review([session]);
    expect(first.unreachable).toEqual([{ session: 'due', message: 'offline' }]);
    expect(first.nextReviewAt).toEqual(at(1));

    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      const next = (await k.review([session])).nextReviewAt;
      // Woken early (a file changed): nothing is tried before the backoff ends.
      if (!next) throw new Error('no next review');
      clock = next;
      const review = await k.review([session]);
      expect(review.unreachable).toEqual([]);
      waits.push(((review.nextReviewAt?.getTime() ?? 0) - clock.getTime()) / 60_000);
    }
    expect(waits).toEqual([2, 4, 8, 16, 16, 16]);
    expect(calls).toHaveLength(7);

    answers.due = 'refreshed';
    clock = (await k.review([session])).nextReviewAt ?? clock;
    expect((await k.review([session])).refreshed).toHaveLength(1);
    answers.due = 'failed';
    clock = at(1);
    expect((await k.review([session])).unreachable).toEqual([{ session: 'due', message: 'offline' }]);
  });
});
