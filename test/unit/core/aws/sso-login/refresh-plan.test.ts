import { describe, expect, it } from 'vitest';
import {
  planRefresh,
  sessionLifetime,
  type RefreshInput,
} from '../../../../../electron/core/aws/sso-login/refresh-plan';

const now = new Date('2026-11-26T12:00:00Z');
const minutes = (m: number): Date => new Date(now.getTime() + m * 60_000);
const live = {
  expiresAt: minutes(120),
  refreshable: true,
  registrationExpiresAt: minutes(60 * 24 * 30),
} satisfies RefreshInput;

describe('planRefresh', () => {
  it('schedules the refresh 30 minutes before expiry, earlier than the CLI', () => {
    expect(planRefresh(live, now)).toEqual({ action: 'later', at: minutes(90) });
  });

  it('refreshes inside the window', () => {
    expect(planRefresh({ ...live, expiresAt: minutes(29) }, now)).toEqual({ action: 'refresh-now' });
  });

  it('refreshes a token that has already expired while the refresh token lives', () => {
    expect(planRefresh({ ...live, expiresAt: minutes(-5) }, now)).toEqual({ action: 'refresh-now' });
  });

  it('tries at most once a minute per session', () => {
    const plan = planRefresh({ ...live, expiresAt: minutes(20) }, now, {
      lastAttemptAt: new Date(now.getTime() - 20_000),
      lastRefused: false,
    });
    expect(plan).toEqual({ action: 'later', at: new Date(now.getTime() + 40_000) });
    expect(
      planRefresh({ ...live, expiresAt: minutes(20) }, now, { lastAttemptAt: minutes(-1), lastRefused: false }),
    ).toEqual({ action: 'refresh-now' });
  });

  it('refreshes before the registration expires, even when the token is fresh', () => {
    expect(planRefresh({ ...live, registrationExpiresAt: minutes(4) }, now)).toEqual({ action: 'refresh-now' });
    expect(planRefresh({ ...live, registrationExpiresAt: minutes(65) }, now)).toEqual({
      action: 'later',
      at: minutes(60),
    });
  });

  it('reports why it cannot refresh, while the token still lives', () => {
    expect(planRefresh({ ...live, refreshable: false }, now)).toEqual({
      action: 'cannot-refresh',
      cause: 'no-refresh-token',
      expiresAt: live.expiresAt,
    });
    expect(planRefresh({ ...live, registrationExpiresAt: null }, now)).toMatchObject({
      action: 'cannot-refresh',
      cause: 'no-refresh-token',
    });
    expect(planRefresh({ ...live, refreshable: false, registrationExpiresAt: minutes(-1) }, now)).toEqual({
      action: 'cannot-refresh',
      cause: 'registration-expired',
      expiresAt: live.expiresAt,
    });
    expect(planRefresh(live, now, { lastAttemptAt: minutes(-2), lastRefused: true })).toEqual({
      action: 'cannot-refresh',
      cause: 'refused',
      expiresAt: live.expiresAt,
    });
  });

  it('says nothing when there is no token, or a dead one that cannot be refreshed', () => {
    expect(planRefresh(null, now)).toEqual({ action: 'none', reason: 'no-token' });
    expect(planRefresh({ ...live, expiresAt: minutes(-1), refreshable: false }, now)).toEqual({
      action: 'none',
      reason: 'expired',
    });
    expect(
      planRefresh({ ...live, expiresAt: minutes(-1) }, now, { lastAttemptAt: minutes(-2), lastRefused: true }),
    ).toEqual({ action: 'none', reason: 'expired' });
  });
});

describe('sessionLifetime', () => {
  it('bounds a refreshable session by its registration, and another by its token', () => {
    expect(sessionLifetime(live)).toEqual({
      accessTokenExpiresAt: live.expiresAt,
      sessionEndsBy: live.registrationExpiresAt,
    });
    expect(sessionLifetime({ ...live, refreshable: false })).toEqual({
      accessTokenExpiresAt: live.expiresAt,
      sessionEndsBy: live.expiresAt,
    });
  });
});
