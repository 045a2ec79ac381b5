import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EMPTY_QUERY, filterChoices, filterProfiles, matchesQuery } from '../../../../renderer/src/lib/profile-query';
import { makeProfile as profile } from '../../../support/snapshot-factory';

const profiles = [
  profile({
    name: 'prod-admin',
    kind: 'sso',
    status: 'valid',
    accountId: '111122223333',
    roleName: 'AdministratorAccess',
    ssoSession: 'corp',
    expiresAt: '2026-11-26T14:00:00Z',
  }),
  profile({
    name: 'dev',
    kind: 'static',
    status: 'long-lived',
    identity: { account: '444455556666', arn: 'arn:aws:iam::444455556666:user/alice', userId: 'AIDAEXAMPLE' },
  }),
  profile({
    name: 'deploy',
    kind: 'assume-role',
    status: 'unknown',
    roleArn: 'arn:aws:iam::777788889999:role/Deployer',
    sourceProfile: 'dev',
  }),
  profile({
    name: 'profile10',
    kind: 'sso',
    status: 'expired',
    accountId: '111122223333',
    ssoSession: 'corp',
    expiresAt: '2026-11-26T10:00:00Z',
  }),
  profile({ name: 'profile9', kind: 'process', status: 'error' }),
];

const names = (list: { name: string }[]) => list.map((p) => p.name);

describe('filterProfiles', () => {
  it('shows everything, ordered by name with numbers in numeric order, for an empty query', () => {
    expect(names(filterProfiles(profiles, EMPTY_QUERY))).toEqual([
      'deploy',
      'dev',
      'prod-admin',
      'profile9',
      'profile10',
    ]);
  });

  it('searches name, account, ARNs, role and session, case-insensitively', () => {
    const search = (text: string) => names(filterProfiles(profiles, { ...EMPTY_QUERY, text }));
    expect(search('PROD')).toEqual(['prod-admin']);
    expect(search('1111')).toEqual(['prod-admin', 'profile10']);
    expect(search('user/alice')).toEqual(['dev']);
    expect(search('role/deployer')).toEqual(['deploy']);
    expect(search('corp')).toEqual(['prod-admin', 'profile10']);
    expect(search('administrator')).toEqual(['prod-admin']);
  });

  it('requires every term to match', () => {
    expect(names(filterProfiles(profiles, { ...EMPTY_QUERY, text: '  corp   10 ' }))).toEqual(['profile10']);
    expect(names(filterProfiles(profiles, { ...EMPTY_QUERY, text: 'corp nothing' }))).toEqual([]);
  });

  it('filters by kind, status and account, combined with search', () => {
    expect(names(filterProfiles(profiles, { ...EMPTY_QUERY, kind: 'sso' }))).toEqual(['prod-admin', 'profile10']);
    expect(names(filterProfiles(profiles, { ...EMPTY_QUERY, status: 'error' }))).toEqual(['profile9']);
    expect(names(filterProfiles(profiles, { ...EMPTY_QUERY, account: '444455556666' }))).toEqual(['dev']);
    expect(names(filterProfiles(profiles, { ...EMPTY_QUERY, kind: 'sso', text: 'admin' }))).toEqual(['prod-admin']);
  });

  it('orders by expiry, unknown expiries last', () => {
    expect(names(filterProfiles(profiles, EMPTY_QUERY, 'expiry'))).toEqual([
      'profile10',
      'prod-admin',
      'deploy',
      'dev',
      'profile9',
    ]);
  });

  it('never invents or loses profiles: the result is exactly the matching subset', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 4 }), (text) => {
        const query = { ...EMPTY_QUERY, text };
        const shown = filterProfiles(profiles, query);
        expect(new Set(names(shown))).toEqual(new Set(names(profiles.filter((p) => matchesQuery(p, query)))));
      }),
    );
  });

  it('does not reorder its input', () => {
    const input = [...profiles];
    filterProfiles(input, EMPTY_QUERY);
    expect(input).toEqual(profiles);
  });
});

describe('filterChoices', () => {
  it('counts the values present', () => {
    const choices = filterChoices(profiles);
    expect(choices.kinds).toEqual([
      ['assume-role', 1],
      ['process', 1],
      ['sso', 2],
      ['static', 1],
    ]);
    expect(choices.accounts).toEqual([
      ['111122223333', 2],
      ['444455556666', 1],
    ]);
    expect(choices.statuses.find(([s]) => s === 'error')).toEqual(['error', 1]);
  });
});
