import { describe, expect, it } from 'vitest';
import { promptExpiry, sessionActions, sessionTimes } from '../../../../renderer/src/lib/sso-session-view';
import { FACTORY_NOW as NOW, makeSession, minutesFrom } from '../../../support/snapshot-factory';

const signedIn = {
  status: 'valid' as const,
  expiresAt: minutesFrom(42),
  refreshable: true,
  registrationExpiresAt: minutesFrom(3 * 24 * 60 + 60),
};

describe('sessionTimes', () => {
  it('a refreshable session: time left for the token and for the session without a browser', () => {
    expect(sessionTimes(makeSession({ name: 'corp', ...signedIn }), NOW)).toEqual({
      token: 'Access token expires in 42m',
      session: 'Session lasts up to 3d 1h more without a browser sign-in',
      renewal: 'Token refreshes without a browser',
    });
  });

  it('no session line when the registration ends before the token, or is unknown', () => {
    expect(
      sessionTimes(makeSession({ name: 'corp', ...signedIn, registrationExpiresAt: minutesFrom(10) }), NOW).session,
    ).toBeNull();
    expect(
      sessionTimes(makeSession({ name: 'corp', ...signedIn, registrationExpiresAt: null }), NOW).session,
    ).toBeNull();
  });

  it('signed out, legacy and not refreshable say what renews them', () => {
    expect(sessionTimes(makeSession({ name: 'corp', status: 'signed-out', expiresAt: null }), NOW)).toEqual({
      token: 'Not signed in',
      session: null,
      renewal: 'Log in to use its profiles',
    });
    expect(
      sessionTimes(makeSession({ name: 'https://x.awsapps.com/start', legacy: true, ...signedIn }), NOW).renewal,
    ).toBe('Legacy profile: renews only with a browser sign-in');
    const plain = sessionTimes(makeSession({ name: 'corp', ...signedIn, refreshable: false }), NOW);
    expect(plain.renewal).toBe('Renews only with a browser sign-in');
    expect(plain.session).toBeNull();
  });

  it('an expired token counts up, an unknown expiry says so', () => {
    expect(sessionTimes(makeSession({ name: 'corp', status: 'expired', expiresAt: minutesFrom(-5) }), NOW).token).toBe(
      'Access token expired 5m ago',
    );
    expect(sessionTimes(makeSession({ name: 'corp', status: 'unknown', expiresAt: null }), NOW).token).toBe(
      'Access token expiry unknown',
    );
  });
});

describe('sessionActions', () => {
  it('offers log out and refresh only when they can do something', () => {
    expect(sessionActions(makeSession({ name: 'corp', ...signedIn }))).toMatchObject({
      canLogIn: true,
      canLogOut: true,
      canRefresh: true,
      canConfigure: true,
      loginBlocked: null,
    });
    expect(sessionActions(makeSession({ name: 'corp', status: 'signed-out', expiresAt: null }))).toMatchObject({
      canLogIn: true,
      canLogOut: false,
      canRefresh: false,
    });
    expect(sessionActions(makeSession({ name: 'corp', ...signedIn, refreshable: false }))).toMatchObject({
      canRefresh: false,
      canLogOut: true,
    });
  });

  it('legacy sessions log in but are not configured here; a session missing its URL cannot log in', () => {
    expect(sessionActions(makeSession({ name: 'https://x', legacy: true, ...signedIn }))).toMatchObject({
      canLogIn: true,
      canRefresh: false,
      canConfigure: false,
    });
    expect(sessionActions(makeSession({ name: 'corp', startUrl: null, region: null }))).toMatchObject({
      canLogIn: false,
      canConfigure: false,
      loginBlocked: 'The session has no sso_start_url and sso_region.',
    });
  });
});

describe('promptExpiry', () => {
  it('counts down and says expired after', () => {
    expect(promptExpiry(minutesFrom(10), NOW)).toBe('expires in 10m');
    expect(promptExpiry(minutesFrom(-1), NOW)).toBe('expired');
    expect(promptExpiry('nonsense', NOW)).toBe('');
  });
});
