import { describe, expect, it } from 'vitest';
import type { IdentityCheck, IdentityCheckErrorKind, IdentityStatus } from '../../../electron/shared/model';
import { IDENTITY_STATUSES } from '../../../electron/shared/model';
import { failedCheck, statusBesideCheck } from '../../../electron/shared/verification';

const failed = (kind: IdentityCheckErrorKind): IdentityCheck => ({
  profile: 'p',
  checkedAt: '2026-11-26T12:00:00.000Z',
  identity: null,
  error: { kind, message: 'm' },
});
const GOOD: IdentityStatus[] = ['valid', 'expiring', 'long-lived'];

describe('statusBesideCheck', () => {
  it('keeps every status when there is no check or the check passed', () => {
    const passed: IdentityCheck = {
      profile: 'p',
      checkedAt: '2026-11-26T12:00:00.000Z',
      identity: { account: '1', arn: 'a', userId: 'u' },
      error: null,
    };
    for (const status of IDENTITY_STATUSES) {
      expect(statusBesideCheck(status, null)).toBe(status);
      expect(statusBesideCheck(status, passed)).toBe(status);
    }
    expect(failedCheck(passed)).toBeNull();
  });

  it('never leaves a good status beside a failed check', () => {
    const kinds: IdentityCheckErrorKind[] = [
      'no-credentials',
      'sso-login-required',
      'expired',
      'access-denied',
      'network',
      'timeout',
      'config',
      'other',
    ];
    for (const kind of kinds)
      for (const status of IDENTITY_STATUSES) expect(GOOD).not.toContain(statusBesideCheck(status, failed(kind)));
    expect(statusBesideCheck('valid', failed('timeout'))).toBe('unknown');
    expect(statusBesideCheck('valid', failed('network'))).toBe('unknown');
    expect(statusBesideCheck('valid', failed('access-denied'))).toBe('error');
    expect(statusBesideCheck('expired', failed('expired'))).toBe('expired');
    expect(failedCheck(failed('timeout'))?.kind).toBe('timeout');
  });
});
