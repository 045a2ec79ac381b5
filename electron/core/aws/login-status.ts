// Pure: the status of an `aws login` session at `now`, from its cache summary.
//
// botocore and the JS SDK renew the 15-minute access credentials by themselves, on use, while the
// refresh token works (node_modules/@aws-sdk/credential-provider-login/dist-es/LoginCredentialsFetcher.js,
// `loadCredentials` refreshes within 5 minutes of expiry). So, as for a refreshable SSO session
// (electron/core/identity/notification-plan.ts), the access expiry alone is not news: a refreshable
// session counts down to the end of its 12-hour sign-in, and only a session that cannot refresh
// counts down to the access credentials' expiry.
import type { IdentityStatus } from '../../shared/model';
import { statusFromExpiry } from '../identity/expiry';
import type { LoginTokenRead } from './login-token-cache';

export interface LoginStatus {
  status: IdentityStatus;
  /** ISO 8601: the end of the sign-in when refreshable (null if unknown), else the access expiry. */
  expiresAt: string | null;
  refreshable: boolean;
}

export function loginStatus(read: LoginTokenRead | undefined, now: number, leadMs: number): LoginStatus {
  if (!read || read.missing) return { status: 'signed-out', expiresAt: null, refreshable: false };
  const token = read.token;
  if (!token) return { status: 'error', expiresAt: null, refreshable: false };
  const ends = token.sessionEndsAt;
  // A usable file always holds the refresh token (the SDKs refuse one without it); what ends
  // the refreshes is the end of the sign-in.
  const refreshable = ends === null || ends.getTime() > now;
  if (refreshable) {
    // Without a known end, the tools can still renew: valid, with no time to count down to.
    if (ends === null) return { status: 'valid', expiresAt: null, refreshable };
    const until = ends.getTime() > token.expiresAt.getTime() ? ends : token.expiresAt;
    return { status: statusFromExpiry(until, now, leadMs), expiresAt: until.toISOString(), refreshable };
  }
  return {
    status: statusFromExpiry(token.expiresAt, now, leadMs),
    expiresAt: token.expiresAt.toISOString(),
    refreshable,
  };
}
