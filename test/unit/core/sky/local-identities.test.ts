// Which identity each profile has for the owner check: this run's STS answer, else a remembered one.
import { describe, expect, it } from 'vitest';
import { awsIdentitiesFrom } from '../../../../electron/core/sky/local-identities';

const ALICE = { account: '111122223333', arn: 'arn:aws:iam::111122223333:user/alice', userId: 'AIDAALICE00000000001' };
const BOB = { account: '111122223333', arn: 'arn:aws:iam::111122223333:user/bob', userId: 'AIDABOB0000000000002' };
const AT = '2026-12-07T12:00:00.000Z';

describe('awsIdentitiesFrom', () => {
  it('takes a remembered answer only when this run has none, and says when it was given', () => {
    const aws = awsIdentitiesFrom(
      [
        { name: 'default', identity: null, remembered: { identity: ALICE, checkedAt: AT } },
        { name: 'asked', identity: BOB, remembered: { identity: ALICE, checkedAt: AT } },
        { name: 'never', identity: null },
      ],
      {},
    );
    expect(aws.profiles).toEqual([
      { profile: 'default', identity: ALICE, active: true, accountHint: ALICE.account, rememberedAt: AT },
      { profile: 'asked', identity: BOB, active: false, accountHint: BOB.account },
      { profile: 'never', identity: null, active: false, accountHint: null },
    ]);
  });

  it('marks expired, signed-out and broken profiles as not usable', () => {
    const aws = awsIdentitiesFrom(
      (['valid', 'expiring', 'long-lived', 'unknown', 'expired', 'signed-out', 'error'] as const).map((status) => ({
        name: status,
        identity: null,
        status,
      })),
      {},
    );
    expect(Object.fromEntries(aws.profiles.map((p) => [p.profile, p.usable]))).toEqual({
      valid: true,
      expiring: true,
      'long-lived': true,
      unknown: true,
      expired: false,
      'signed-out': false,
      error: false,
    });
  });
});
