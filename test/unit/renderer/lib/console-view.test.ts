import { describe, expect, it } from 'vitest';
import { IDENTITY_STATUSES } from '../../../../electron/shared/model';
import { consoleUnavailableReason } from '../../../../renderer/src/lib/console-view';

describe('consoleUnavailableReason', () => {
  it('offers the console unless the profile is signed out or expired, as the tray does', () => {
    const offered = IDENTITY_STATUSES.filter((status) => consoleUnavailableReason(status) === null);
    expect([...offered].sort()).toEqual(IDENTITY_STATUSES.filter((s) => s !== 'signed-out' && s !== 'expired').sort());
    expect(consoleUnavailableReason('signed-out')).toBe(
      'Log in first: the profile has no credentials to sign in to the console with.',
    );
    expect(consoleUnavailableReason('expired')).toBe('Log in again first: the profile’s credentials have expired.');
  });
});
