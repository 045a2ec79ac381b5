// Whether the profile card offers "Open AWS console", as the tray does (electron/core/tray/tray-model.ts):
// a profile that is signed out or expired has no credentials to sign in with.
import type { IdentityStatus } from '../shared-types';

/** Null when the console can be tried; else the sentence the card shows instead. */
export function consoleUnavailableReason(status: IdentityStatus): string | null {
  if (status === 'signed-out') return 'Log in first: the profile has no credentials to sign in to the console with.';
  if (status === 'expired') return 'Log in again first: the profile’s credentials have expired.';
  return null;
}
