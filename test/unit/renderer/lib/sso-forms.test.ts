import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkNewSession,
  checkProfileName,
  parseScopes,
  suggestProfileName,
} from '../../../../renderer/src/lib/sso-forms';

const GOOD = {
  name: 'my-org',
  startUrl: 'https://my-org.awsapps.com/start',
  region: 'eu-west-1',
  scopes: 'sso:account:access',
};

describe('checkNewSession', () => {
  it('accepts what aws configure sso-session accepts', () => {
    expect(checkNewSession(GOOD, [])).toEqual({});
    expect(checkNewSession({ ...GOOD, scopes: '' }, [])).toEqual({});
    expect(checkNewSession({ ...GOOD, region: 'us-gov-west-1' }, [])).toEqual({});
  });

  it('names each wrong field', () => {
    const errors = checkNewSession(
      {
        name: 'my org',
        startUrl: 'http://my-org.awsapps.com/start',
        region: 'Europe',
        scopes: 'sso:account:access, bad scope!',
      },
      [],
    );
    expect(Object.keys(errors).sort()).toEqual(['name', 'region', 'scopes', 'startUrl']);
    expect(checkNewSession({ ...GOOD, startUrl: 'not a url' }, []).startUrl).toMatch(/https:\/\//);
    expect(checkNewSession({ ...GOOD, name: '' }, []).name).toBe('Give the session a name.');
  });

  it('refuses a name already used', () => {
    expect(checkNewSession(GOOD, ['my-org']).name).toBe('A session named my-org already exists.');
  });
});

describe('parseScopes', () => {
  it('splits on commas and spaces, as the CLI writes and reads them', () => {
    expect(parseScopes('sso:account:access, codewhisperer:completions  x')).toEqual([
      'sso:account:access',
      'codewhisperer:completions',
      'x',
    ]);
    expect(parseScopes(' , ')).toEqual([]);
  });
});

describe('suggestProfileName', () => {
  it('is the sync template in safe characters', () => {
    expect(suggestProfileName('dev/sandbox', 'ReadOnly')).toBe('dev-sandbox.ReadOnly');
    expect(suggestProfileName('Prod (EU)', 'Admin')).toBe('Prod-EU.Admin');
    expect(suggestProfileName('Team Ünïcode', 'Dev')).toBe('Team-Unicode.Dev');
  });

  it('always yields a name the form accepts, or an empty one', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), (account, role) => {
        const name = suggestProfileName(account, role);
        expect(name === '' || checkProfileName(name, []) === null).toBe(true);
      }),
    );
  });
});

describe('checkProfileName', () => {
  it('refuses empty, unsafe and taken names', () => {
    expect(checkProfileName('', [])).toBe('Give the profile a name.');
    expect(checkProfileName('a b', [])).toMatch(/letters/);
    expect(checkProfileName('prod', ['prod'])).toBe('A profile named prod already exists.');
    expect(checkProfileName('prod.Admin', ['prod'])).toBeNull();
  });
});
