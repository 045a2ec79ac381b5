// Which flow "Log in" uses, and what a login needs from the snapshot's view of a session.
import { describe, expect, it } from 'vitest';
import { chooseLoginFlow, sessionRefOf } from '../../../../electron/core/app/sso-login-service';
import { makeSession } from '../../../support/snapshot-factory';

describe('chooseLoginFlow', () => {
  it('PKCE for an sso-session, device code for a legacy profile, unless the setting or the caller picks', () => {
    expect(chooseLoginFlow({ legacy: false }, undefined, undefined)).toBe('pkce');
    expect(chooseLoginFlow({ legacy: true }, undefined, 'auto')).toBe('device-code');
    expect(chooseLoginFlow({ legacy: false }, undefined, 'device-code')).toBe('device-code');
    expect(chooseLoginFlow({ legacy: true }, undefined, 'pkce')).toBe('pkce');
    expect(chooseLoginFlow({ legacy: false }, 'device-code', 'pkce')).toBe('device-code');
  });
});

describe('sessionRefOf', () => {
  it('takes name, kind, start URL, region and scopes; null without a start URL or region', () => {
    expect(sessionRefOf(makeSession({ name: 'corp', registrationScopes: ['sso:account:access'] }))).toEqual({
      name: 'corp',
      legacy: false,
      startUrl: 'https://d-1234567890.awsapps.com/start',
      region: 'eu-west-1',
      registrationScopes: ['sso:account:access'],
    });
    expect(sessionRefOf(makeSession({ name: 'corp', region: null }))).toBeNull();
    expect(sessionRefOf(makeSession({ name: 'corp', startUrl: null }))).toBeNull();
  });
});
