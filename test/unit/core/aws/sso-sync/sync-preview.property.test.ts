import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyConfigEdits } from '../../../../../electron/core/aws/config-edit/config-edits';
import { parseConfigLayout } from '../../../../../electron/core/aws/config-edit/config-layout';
import type { FileForEdit } from '../../../../../electron/core/fs/safe-file-writer';
import type { SsoAccountRoles } from '../../../../../electron/core/aws/sso-sync/list-accounts-and-roles';
import { previewSync, type SyncOptions } from '../../../../../electron/core/aws/sso-sync/sync-preview';

const file = (text: string): FileForEdit => ({
  path: '/virtual/config',
  exists: true,
  text,
  mode: 0o600,
  mtimeMs: 0,
  sha256: 'x',
  eol: '\n',
});

// Few names and roles, so that collisions (same account name, names that sanitise alike, a
// user's profile with a synced name) happen often.
const accountName = fc.constantFrom('Prod', 'prod', 'Prod!', 'Dev', 'Dev Team', 'Dev-Team', 'Ünï', 'Uni', '***');
const roleName = fc.constantFrom('Admin', 'ReadOnly', 'Dev', 'admin');
const accounts = fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { maxLength: 8 }).chain((ids) =>
  fc.tuple(
    ...ids.map((id) =>
      fc.tuple(accountName, fc.uniqueArray(roleName, { maxLength: 3 })).map(([name, roles]): SsoAccountRoles => ({
        accountId: String(100000000000 + id),
        accountName: name,
        emailAddress: null,
        roles: [...roles].sort(),
        rolesComplete: true,
      })),
    ),
  ),
);
const userProfiles = fc.uniqueArray(fc.constantFrom('Prod.Admin', 'Dev-Team.Dev', 'mine', 'Uni.ReadOnly'), {
  maxLength: 3,
});
const options = fc.record({
  template: fc.constantFrom('<account name>.<role>', '<account id>.<role>', '<role>@<account name>'),
  region: fc.option(fc.constantFrom('eu-west-1', 'us-east-1'), { nil: undefined }),
});

function userConfig(names: readonly string[]): string {
  return (
    [
      '# mine',
      '[sso-session s]',
      'sso_region = eu-west-1',
      ...names.flatMap((n) => ['', `[profile ${n}]`, 'region = ap-south-1']),
    ].join('\n') + '\n'
  );
}

function sync(
  text: string,
  list: SsoAccountRoles[],
  opts: Omit<SyncOptions, 'session'>,
): { text: string; preview: ReturnType<typeof previewSync> } {
  const preview = previewSync(file(text), list, { session: 's', ...opts });
  const result = applyConfigEdits(text, preview.edits);
  expect(result.problems).toEqual([]);
  return { text: result.text, preview };
}

describe('previewSync (property)', () => {
  it("gives every role one unique profile or one conflict, never touches the user's lines, and is idempotent", () => {
    fc.assert(
      fc.property(accounts, userProfiles, options, (list, mine, opts) => {
        const original = userConfig(mine);
        const first = sync(original, list, opts);
        const roles = list.reduce((n, a) => n + a.roles.length, 0);
        expect(first.preview.counts.add + first.preview.counts.conflict).toBe(roles);
        const names = first.preview.entries.map((e) => e.profileName);
        expect(new Set(names).size).toBe(names.length);
        for (const conflict of first.preview.conflicts) expect(mine).toContain(conflict.profileName);
        expect(first.text.startsWith(original)).toBe(true);

        const second = sync(first.text, list, opts);
        expect(second.preview.edits).toEqual([]);
        expect(second.text).toBe(first.text);
      }),
      { numRuns: 300 },
    );
  });

  it("converges from any earlier sync to what a fresh sync would give, with the user's lines intact", () => {
    fc.assert(
      fc.property(accounts, accounts, userProfiles, options, options, (before, after, mine, optsBefore, optsAfter) => {
        const original = userConfig(mine);
        const earlier = sync(original, before, optsBefore);
        const resynced = sync(earlier.text, after, optsAfter);
        expect(resynced.text.startsWith(original)).toBe(true);
        expect(sync(resynced.text, after, optsAfter).preview.edits).toEqual([]);

        // The same roles as a sync into the untouched file (names may differ only where a name
        // collision was resolved in favour of the profile that already held it). A region is set
        // when asked for, and otherwise left as an earlier sync (or the user) wrote it.
        const fresh = sync(original, after, optsAfter);
        const rolesOf = (text: string): string[] =>
          parseConfigLayout(text)
            .blocks.filter((b) => b.marker === 'sso-sync s')
            .map((b) => {
              const values = new Map(b.entries.map((e) => [e.key, e.value]));
              if (optsAfter.region !== undefined) expect(values.get('region')).toBe(optsAfter.region);
              return ['sso_session', 'sso_account_id', 'sso_role_name'].map((k) => values.get(k)).join(',');
            })
            .sort();
        expect(rolesOf(resynced.text)).toEqual(rolesOf(fresh.text));
      }),
      { numRuns: 300 },
    );
  });
});
