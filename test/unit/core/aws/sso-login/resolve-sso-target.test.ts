import { describe, expect, it } from 'vitest';
import { parseAwsConfig } from '../../../../../electron/core/aws/aws-config';
import { resolveSsoTarget } from '../../../../../electron/core/aws/sso-login/resolve-sso-target';

const CONFIG = `[profile dev-admin]
sso_session = dev
sso_account_id = 111122223333
sso_role_name = Admin

[profile old]
sso_start_url = https://legacy.awsapps.com/start
sso_region = us-east-1
sso_account_id = 111122223333
sso_role_name = Admin

[profile keys]
aws_access_key_id = AKIAEXAMPLE
aws_secret_access_key = x

[profile broken]
sso_session = nowhere
sso_account_id = 1
sso_role_name = r

[sso-session dev]
sso_start_url = https://d-1.awsapps.com/start
sso_region = eu-west-1
sso_registration_scopes = sso:account:access, codewhisperer:completions

[sso-session half]
sso_start_url = https://d-2.awsapps.com/start
`;

const parsed = parseAwsConfig({
  configFile: '/c',
  credentialsFile: '/k',
  configText: CONFIG,
  credentialsText: null,
  activeProfile: 'default',
});

describe('resolveSsoTarget', () => {
  it('maps a profile to its sso-session, and a session name to itself', () => {
    const expected = {
      name: 'dev',
      legacy: false,
      startUrl: 'https://d-1.awsapps.com/start',
      region: 'eu-west-1',
      registrationScopes: ['sso:account:access', 'codewhisperer:completions'],
    };
    expect(resolveSsoTarget(parsed, { kind: 'any', name: 'dev-admin' })).toMatchObject({
      ok: true,
      session: expected,
      profile: 'dev-admin',
    });
    expect(resolveSsoTarget(parsed, { kind: 'any', name: 'dev' })).toMatchObject({
      ok: true,
      session: expected,
      profile: null,
    });
    expect(resolveSsoTarget(parsed, { kind: 'sso-session', name: 'dev' })).toMatchObject({ ok: true });
  });

  it('maps a legacy profile to its start URL', () => {
    expect(resolveSsoTarget(parsed, { kind: 'profile', name: 'old' })).toMatchObject({
      ok: true,
      session: {
        name: 'https://legacy.awsapps.com/start',
        legacy: true,
        startUrl: 'https://legacy.awsapps.com/start',
        region: 'us-east-1',
        registrationScopes: [],
      },
    });
  });

  it('explains what is wrong otherwise', () => {
    expect(resolveSsoTarget(parsed, { kind: 'any', name: 'keys' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('does not use AWS IAM Identity Center'),
    });
    expect(resolveSsoTarget(parsed, { kind: 'any', name: 'nope' })).toMatchObject({
      ok: false,
      message: 'no SSO profile or [sso-session] named "nope"',
    });
    expect(resolveSsoTarget(parsed, { kind: 'profile', name: 'dev' })).toMatchObject({
      ok: false,
      message: 'no profile named "dev"',
    });
    expect(resolveSsoTarget(parsed, { kind: 'any', name: 'half' })).toMatchObject({
      ok: false,
      message: '[sso-session half] has no sso_region',
    });
    expect(resolveSsoTarget(parsed, { kind: 'any', name: 'broken' })).toMatchObject({ ok: false });
  });
});
