import { describe, expect, it } from 'vitest';
import type { FileForEdit } from '../../../../../electron/core/fs/safe-file-writer';
import { applyConfigEdits } from '../../../../../electron/core/aws/config-edit/config-edits';
import type { SsoAccountRoles } from '../../../../../electron/core/aws/sso-sync/list-accounts-and-roles';
import { previewSync, type SyncOptions } from '../../../../../electron/core/aws/sso-sync/sync-preview';

const SESSION = 'my-sso';
const MARK = `# managed by cloudid: sso-sync ${SESSION}`;

function file(text: string): FileForEdit {
  return {
    path: '/virtual/config',
    exists: text !== '',
    text,
    mode: 0o600,
    mtimeMs: 0,
    sha256: 'x',
    eol: text.includes('\r\n') ? '\r\n' : '\n',
  };
}

function account(accountId: string, accountName: string, roles: string[], rolesComplete = true): SsoAccountRoles {
  return { accountId, accountName, emailAddress: null, roles, rolesComplete };
}

const base: SyncOptions = { session: SESSION };
const userConfig = `# my own config\n[default]\nregion = eu-west-1\n\n[sso-session ${SESSION}]\nsso_start_url = https://x.awsapps.com/start\nsso_region = eu-west-1\n`;

/** Preview then apply the edits in memory; returns the new text. */
function sync(
  text: string,
  accounts: SsoAccountRoles[],
  options: SyncOptions = base,
): { text: string; preview: ReturnType<typeof previewSync> } {
  const preview = previewSync(file(text), accounts, options);
  const result = applyConfigEdits(text, preview.edits);
  expect(result.problems).toEqual([]);
  return { text: result.text, preview };
}

describe('previewSync', () => {
  const accounts = [account('111111111111', 'Prod', ['Admin', 'ReadOnly']), account('222222222222', 'Dev', ['Admin'])];

  it("adds one marked profile per role, in name order, after the user's lines", () => {
    const { text, preview } = sync(userConfig, accounts, { ...base, region: 'eu-west-1' });
    expect(preview.entries.map((e) => [e.action, e.profileName])).toEqual([
      ['add', 'Dev.Admin'],
      ['add', 'Prod.Admin'],
      ['add', 'Prod.ReadOnly'],
    ]);
    expect(preview.counts).toEqual({ add: 3, update: 0, remove: 0, unchanged: 0, conflict: 0, duplicate: 0 });
    expect(text.startsWith(userConfig)).toBe(true);
    expect(text.slice(userConfig.length)).toBe(
      [
        '',
        MARK,
        '[profile Dev.Admin]',
        `sso_session = ${SESSION}`,
        'sso_account_id = 222222222222',
        'sso_role_name = Admin',
        'region = eu-west-1',
        '',
        MARK,
        '[profile Prod.Admin]',
        `sso_session = ${SESSION}`,
        'sso_account_id = 111111111111',
        'sso_role_name = Admin',
        'region = eu-west-1',
        '',
        MARK,
        '[profile Prod.ReadOnly]',
        `sso_session = ${SESSION}`,
        'sso_account_id = 111111111111',
        'sso_role_name = ReadOnly',
        'region = eu-west-1',
        '',
      ].join('\n'),
    );
  });

  it('is idempotent: a second sync with the same data changes nothing', () => {
    const first = sync(userConfig, accounts);
    const second = sync(first.text, accounts);
    expect(second.preview.edits).toEqual([]);
    expect(second.preview.counts).toMatchObject({ add: 0, update: 0, remove: 0, unchanged: 3 });
    expect(second.text).toBe(first.text);
  });

  it('updates changed keys in place and removes profiles of roles that are gone', () => {
    const first = sync(userConfig, accounts, { ...base, region: 'eu-west-1' });
    const next = [account('111111111111', 'Prod', ['Admin'])];
    const second = sync(first.text, next, { ...base, region: 'us-east-1' });
    expect(second.preview.entries.map((e) => [e.action, e.profileName])).toEqual([
      ['remove', 'Dev.Admin'],
      ['update', 'Prod.Admin'],
      ['remove', 'Prod.ReadOnly'],
    ]);
    expect(second.preview.entries[1]?.changes).toEqual([{ key: 'region', from: 'eu-west-1', to: 'us-east-1' }]);
    expect(second.text).toBe(
      `${userConfig}\n${MARK}\n[profile Prod.Admin]\nsso_session = ${SESSION}\nsso_account_id = 111111111111\nsso_role_name = Admin\nregion = us-east-1\n`,
    );
  });

  it('leaves user profiles with the same name alone and reports them as conflicts', () => {
    const text = `${userConfig}[profile Prod.Admin]\nrole_arn = arn:aws:iam::111111111111:role/Admin\nsource_profile = default\n`;
    const { text: after, preview } = sync(text, accounts);
    expect(preview.conflicts).toEqual([
      {
        profileName: 'Prod.Admin',
        accountId: '111111111111',
        accountName: 'Prod',
        roleName: 'Admin',
        heldBy: 'config',
        line: 8,
      },
    ]);
    expect(preview.entries.map((e) => e.profileName)).toEqual(['Dev.Admin', 'Prod.ReadOnly']);
    expect(after.startsWith(text)).toBe(true);
  });

  it("treats credentials-file profiles and other sessions' synced profiles as taken", () => {
    const text = `${userConfig}\n# managed by cloudid: sso-sync other\n[profile Dev.Admin]\nsso_session = other\n`;
    const preview = previewSync(file(text), accounts, { ...base, credentialsProfileNames: ['Prod.ReadOnly'] });
    expect(preview.conflicts.map((c) => [c.profileName, c.heldBy])).toEqual([
      ['Dev.Admin', 'config'],
      ['Prod.ReadOnly', 'credentials'],
    ]);
    expect(preview.edits.every((e) => e.op === 'add-section')).toBe(true);
  });

  it('never removes a section the user also wrote by the same name', () => {
    const text = `${MARK}\n[profile Old.Role]\nsso_session = ${SESSION}\n[profile Old.Role]\nregion = mine\n`;
    const preview = previewSync(file(text), accounts, base);
    expect(preview.entries.some((e) => e.profileName === 'Old.Role')).toBe(false);
  });

  it('resolves name collisions deterministically, keeping a name with the profile that held it', () => {
    const twins = [account('333333333333', 'Shared', ['Admin']), account('444444444444', 'Shared', ['Admin'])];
    const first = sync(userConfig, twins);
    expect(first.preview.entries.map((e) => e.profileName)).toEqual([
      'Shared.Admin-333333333333',
      'Shared.Admin-444444444444',
    ]);
    const reversed = previewSync(file(userConfig), [...twins].reverse(), base);
    expect(reversed.edits).toEqual(first.preview.edits);

    // A profile already named Shared.Admin keeps it when a same-named account appears.
    const single = sync(userConfig, [twins[1] as SsoAccountRoles]);
    const later = sync(single.text, twins);
    expect(later.preview.entries.map((e) => [e.action, e.profileName, e.accountId])).toEqual([
      ['unchanged', 'Shared.Admin', '444444444444'],
      ['add', 'Shared.Admin-333333333333', '333333333333'],
    ]);
  });

  it('follows a template change: new names added, old ones removed, then stable', () => {
    const first = sync(userConfig, [account('111111111111', 'Prod', ['Admin'])]);
    const second = sync(first.text, [account('111111111111', 'Prod', ['Admin'])], {
      ...base,
      template: '<account id>.<role>',
    });
    expect(second.preview.entries.map((e) => [e.action, e.profileName])).toEqual([
      ['add', '111111111111.Admin'],
      ['remove', 'Prod.Admin'],
    ]);
    const third = sync(second.text, [account('111111111111', 'Prod', ['Admin'])], {
      ...base,
      template: '<account id>.<role>',
    });
    expect(third.preview.edits).toEqual([]);
  });

  it('keeps profiles of accounts whose roles could not be listed, and of unlisted accounts after a partial listing', () => {
    const first = sync(userConfig, accounts);
    const partial = previewSync(file(first.text), [account('111111111111', 'Prod', [], false)], {
      ...base,
      listingComplete: false,
    });
    expect(partial.counts).toMatchObject({ remove: 0, unchanged: 3 });
    expect(partial.edits).toEqual([]);
  });

  it('refuses a bad template without proposing anything', () => {
    const preview = previewSync(file(userConfig), accounts, { ...base, template: '<account name>' });
    expect(preview.edits).toEqual([]);
    expect(preview.problems[0]?.message).toContain('<role>');
  });

  it('keeps CRLF files CRLF', () => {
    const crlf = userConfig.replace(/\n/g, '\r\n');
    const { text } = sync(crlf, accounts);
    expect(text.startsWith(crlf)).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  describe('roles the user already has a profile for', () => {
    const mine =
      userConfig +
      `\n[profile prod-admin]\nsso_session = ${SESSION}\nsso_account_id = 111111111111\nsso_role_name = Admin\n` +
      // Legacy form of the same session: same start URL.
      `\n[profile dev-admin-legacy]\nsso_start_url = https://x.awsapps.com/start\nsso_region = eu-west-1\nsso_account_id = 222222222222\nsso_role_name = Admin\n` +
      // Same account and role on another session: not the same thing.
      `\n[profile other-session]\nsso_session = elsewhere\nsso_account_id = 111111111111\nsso_role_name = ReadOnly\n`;
    const withUrl: SyncOptions = { ...base, startUrl: 'https://x.awsapps.com/start' };

    it('are not added again: each is named with the profile that already has it', () => {
      const { text, preview } = sync(mine, accounts, withUrl);
      expect(preview.entries.map((e) => [e.action, e.profileName])).toEqual([['add', 'Prod.ReadOnly']]);
      expect(preview.duplicates).toEqual([
        {
          profileName: 'Dev.Admin',
          existingProfile: 'dev-admin-legacy',
          accountId: '222222222222',
          accountName: 'Dev',
          roleName: 'Admin',
        },
        {
          profileName: 'Prod.Admin',
          existingProfile: 'prod-admin',
          accountId: '111111111111',
          accountName: 'Prod',
          roleName: 'Admin',
        },
      ]);
      expect(preview.counts).toMatchObject({ add: 1, duplicate: 2 });
      expect(text.slice(mine.length)).not.toContain('sso_role_name = Admin');
    });

    it('a legacy profile counts only when the start URL is known', () => {
      const { preview } = sync(mine, accounts);
      expect(preview.duplicates.map((d) => d.existingProfile)).toEqual(['prod-admin']);
    });

    it('are added anyway with includeDuplicates', () => {
      const { preview } = sync(mine, accounts, { ...withUrl, includeDuplicates: true });
      expect(preview.duplicates).toEqual([]);
      expect(preview.entries.map((e) => [e.action, e.profileName])).toEqual([
        ['add', 'Dev.Admin'],
        ['add', 'Prod.Admin'],
        ['add', 'Prod.ReadOnly'],
      ]);
    });

    it('a role the sync already manages keeps its own profile, even when the user added one since', () => {
      const first = sync(userConfig, accounts, withUrl);
      const later = `${first.text}\n[profile my-prod-admin]\nsso_session = ${SESSION}\nsso_account_id = 111111111111\nsso_role_name = Admin\n`;
      const { preview } = sync(later, accounts, withUrl);
      expect(preview.duplicates).toEqual([]);
      expect(preview.counts).toMatchObject({ unchanged: 3, remove: 0, add: 0 });
    });
  });
});
