import { describe, expect, it } from 'vitest';
import { hasChanges, progressText, syncRows, syncSummary } from '../../../../renderer/src/lib/sso-sync-view';
import type { SsoSyncPreview } from '../../../../renderer/src/lib/sso-types';

const counts = (c: Partial<SsoSyncPreview['counts']>): SsoSyncPreview['counts'] => ({
  add: 0,
  update: 0,
  remove: 0,
  unchanged: 0,
  conflict: 0,
  duplicate: 0,
  ...c,
});

const entry = (
  action: SsoSyncPreview['entries'][number]['action'],
  profileName: string,
  changes: SsoSyncPreview['entries'][number]['changes'] = [],
) => ({
  action,
  profileName,
  accountId: '111111111111',
  accountName: 'prod',
  roleName: 'Admin',
  changes,
});

const preview = (p: Partial<SsoSyncPreview>): SsoSyncPreview => ({
  id: 'p1',
  session: 'corp',
  configFile: '/home/u/.aws/config',
  listedAt: '2026-11-26T12:00:00.000Z',
  listing: { accounts: 1, roles: 1, complete: true, requests: 2, throttled: 0, failedCalls: 0, elapsedMs: 10 },
  counts: counts({}),
  entries: [],
  conflicts: [],
  duplicates: [],
  problems: [],
  ...p,
});

describe('syncRows', () => {
  it('puts changes first, then conflicts, then what stays, each by name', () => {
    const rows = syncRows(
      preview({
        entries: [
          entry('unchanged', 'a'),
          entry('remove', 'z'),
          entry('add', 'm'),
          entry('update', 'b', [{ key: 'region', from: 'us-east-1', to: null }]),
          entry('add', 'c'),
        ],
        conflicts: [
          { profileName: 'prod.Admin', accountId: '2', accountName: '2', roleName: 'Admin', heldBy: 'config', line: 7 },
        ],
      }),
    );
    expect(rows.map((r) => `${r.action}:${r.profileName}`)).toEqual([
      'add:c',
      'add:m',
      'update:b',
      'remove:z',
      'conflict:prod.Admin',
      'unchanged:a',
    ]);
    expect(rows.find((r) => r.action === 'update')?.detail).toBe('region: us-east-1 → —');
    expect(rows.find((r) => r.action === 'conflict')).toMatchObject({
      account: '2',
      detail: 'name used by your own profile (line 7); left out',
    });
    expect(rows[0]?.account).toBe('prod (111111111111)');
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });
});

describe('roles already present under the user’s own name', () => {
  it('get a row of their own after the conflicts, naming the profile that has the role', () => {
    const rows = syncRows(
      preview({
        entries: [entry('add', 'prod.ReadOnly')],
        duplicates: [
          {
            profileName: 'prod.Admin',
            existingProfile: 'acme-dev-admin',
            accountId: '111111111111',
            accountName: 'prod',
            roleName: 'Admin',
          },
        ],
      }),
    );
    expect(rows.map((r) => [r.action, r.profileName, r.detail])).toEqual([
      ['add', 'prod.ReadOnly', ''],
      ['duplicate', 'prod.Admin', 'already present as acme-dev-admin; not added'],
    ]);
  });
});

describe('syncSummary and hasChanges', () => {
  it('counts only what is there', () => {
    expect(syncSummary(counts({ add: 3, update: 1, unchanged: 12, conflict: 1 }))).toBe(
      '3 to add, 1 to update, 12 unchanged, 1 conflict',
    );
    expect(syncSummary(counts({ remove: 2, conflict: 2 }))).toBe('2 to remove, 2 conflicts');
    expect(syncSummary(counts({ add: 1, duplicate: 2 }))).toBe('1 to add, 2 already present');
    expect(hasChanges(counts({ duplicate: 2 }))).toBe(false);
    expect(syncSummary(counts({}))).toBe('No accounts or roles to sync');
    expect(hasChanges(counts({ unchanged: 5, conflict: 1 }))).toBe(false);
    expect(hasChanges(counts({ remove: 1 }))).toBe(true);
  });
});

describe('progressText', () => {
  const base = {
    session: 'corp',
    accountsFound: 120,
    allAccountsFound: true,
    accountsDone: 40,
    rolesFound: 97,
    requests: 50,
    throttled: 0,
    rate: 20,
  };
  it('says how far the listing is, and when the portal slowed it down', () => {
    expect(progressText(base)).toBe('Listing accounts: 40 of 120 accounts, 97 roles');
    expect(progressText({ ...base, allAccountsFound: false, throttled: 1, rolesFound: 1 })).toBe(
      'Listing accounts: 40 of 120+ accounts, 1 role (slowed down by the portal 1 time)',
    );
  });
});
