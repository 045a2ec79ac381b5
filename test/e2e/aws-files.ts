// The AWS files the e2e tests start from: one profile of each kind people really have, and keys
// the local STS knows. Fake keys only.
import type { StsIdentity } from '../support/sts-server';

export const CONFIG = `[default]
region = us-east-1

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = eu-west-1
sso_registration_scopes = sso:account:access

[profile prod]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = AdministratorAccess
region = eu-west-1

[profile old-sso]
sso_start_url = https://legacy.awsapps.com/start
sso_region = us-east-1
sso_account_id = 444455556666
sso_role_name = ReadOnly

[profile deploy]
role_arn = arn:aws:iam::777788889999:role/Deployer
source_profile = default

[profile broken]
role_arn = arn:aws:iam::777788889999:role/Broken
source_profile = does-not-exist

[profile ci]
role_arn = arn:aws:iam::777788889999:role/CI
web_identity_token_file = /var/run/secrets/token

[profile tool]
credential_process = /usr/local/bin/get-creds --profile tool

[profile dev]
region = eu-central-1
`;

export const CREDENTIALS = `[default]
aws_access_key_id = AKIAE2EDEFAULT000001
aws_secret_access_key = e2e-default-secret-not-real

[dev]
aws_access_key_id = AKIAE2EDEV0000000002
aws_secret_access_key = e2e-dev-secret-not-real
`;

export const PROFILE_NAMES = ['broken', 'ci', 'default', 'deploy', 'dev', 'old-sso', 'prod', 'tool'];

export const IDENTITIES: Record<string, StsIdentity> = {
  AKIAE2EDEFAULT000001: {
    secretAccessKey: 'e2e-default-secret-not-real',
    account: '999988887777',
    arn: 'arn:aws:iam::999988887777:user/e2e-default',
    userId: 'AIDAE2EDEFAULT',
  },
  AKIAE2EDEV0000000002: {
    secretAccessKey: 'e2e-dev-secret-not-real',
    account: '123456789012',
    arn: 'arn:aws:iam::123456789012:user/alice',
    userId: 'AIDAE2EALICE',
  },
};

/** A token cache entry for the `corp` session, as the AWS CLI writes it. */
export function corpToken(expiresAtMs: number): Record<string, unknown> {
  return {
    startUrl: 'https://corp.awsapps.com/start',
    region: 'eu-west-1',
    accessToken: 'e2e-access-token-not-real',
    expiresAt: `${new Date(expiresAtMs).toISOString().slice(0, 19)}Z`,
    clientId: 'e2e-client',
    clientSecret: 'e2e-client-secret-not-real',
    registrationExpiresAt: `${new Date(expiresAtMs + 30 * 86_400_000).toISOString().slice(0, 19)}Z`,
    refreshToken: 'e2e-refresh-token-not-real',
  };
}

/** The 1-based line of `text` that starts with `prefix`. */
export function lineOf(text: string, prefix: string): number {
  const index = text.split('\n').findIndex((line) => line.startsWith(prefix));
  if (index < 0) throw new Error(`no line starts with ${prefix}`);
  return index + 1;
}
