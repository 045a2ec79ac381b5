import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sectionIdOfHeader } from '../../../../../electron/core/aws/config-edit/config-layout';
import {
  renderProfileName,
  sanitizeProfileName,
  templateProblem,
} from '../../../../../electron/core/aws/sso-sync/profile-names';

const input = {
  accountName: 'Prod (EU)',
  accountId: '111122223333',
  roleName: 'AdministratorAccess',
  session: 'my-sso',
  emailAddress: 'a@b.c',
};

describe('profile names', () => {
  it('renders the default template with safe characters', () => {
    expect(renderProfileName('<account name>.<role>', input)).toBe('Prod-EU.AdministratorAccess');
    expect(renderProfileName('<Account_Name>/<ROLE>', { ...input, accountName: 'Team Ünïcode' })).toBe(
      'Team-Unicode-AdministratorAccess',
    );
    expect(renderProfileName('<session>-<account id>-<role>', input)).toBe('my-sso-111122223333-AdministratorAccess');
  });

  it('never produces `default` or an empty name', () => {
    expect(renderProfileName('<account name><role>', { ...input, accountName: 'def', roleName: 'ault' })).toBe(
      'default-111122223333',
    );
    expect(renderProfileName('<account name>.<role>', { ...input, accountName: '***', roleName: '!!!' })).toBe(
      'profile-111122223333',
    );
  });

  it('refuses templates with unknown fields or that cannot tell roles or accounts apart', () => {
    expect(templateProblem('<account name>.<role>')).toBeNull();
    expect(templateProblem('<account>.<role>')).toContain('unknown field <account>');
    expect(templateProblem('<account name>')).toContain('<role>');
    expect(templateProblem('<role>')).toContain('<account name>');
  });

  it('sanitises anything to a name the SDK reads back as the same profile (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (raw) => {
        const name = sanitizeProfileName(raw);
        expect(name).toMatch(/^([A-Za-z0-9_]([A-Za-z0-9._-]*[A-Za-z0-9_])?)?$/);
        if (name !== '') expect(sectionIdOfHeader(`profile ${name}`)).toBe(`profile.${name}`);
        expect(sanitizeProfileName(name)).toBe(name);
      }),
    );
  });
});
