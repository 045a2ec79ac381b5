// Which credential provider answers for a profile when it has keys of several kinds.
//
// We follow botocore, because it is what the AWS CLI and SkyPilot use. Its default chain
// (botocore/credentials.py, create_credential_resolver and ProfileProviderBuilder.providers) is:
//   1. AssumeRoleProvider        role_arn, unless web_identity_token_file is also set
//   2. AssumeRoleWithWebIdentity web_identity_token_file (then role_arn is required)
//   3. SSOProvider               sso_account_id or sso_role_name (then the rest is required)
//   4. SharedCredentialProvider  aws_access_key_id in the credentials file
//   5. LoginProvider             login_session
//   6. ProcessProvider           credential_process
//   7. ConfigProvider            aws_access_key_id in the config file
// The first that applies wins, and when it finds its configuration incomplete it raises instead
// of falling through. (The AWS SDK for JavaScript's fromIni checks static keys before web
// identity, process and SSO, so the two disagree on mixed profiles; botocore's answer is shown.)
// A profile with sso_session or sso_start_url but neither account nor role gets no credentials
// from botocore's SSOProvider, yet `aws sso login --profile` uses it: it is still an SSO profile.
import type { AwsProfileKind } from '../../shared/model';
import type { LocatedValue } from './aws-config-sections';

/**
 * `asSource`: the kind when another profile names this one as its source_profile and it has
 * static keys or no role_arn; botocore then asks only the profile providers (2-7), so a
 * role_arn is ignored.
 */
export function profileKind(
  values: ReadonlyMap<string, LocatedValue>,
  credentialsValues: ReadonlyMap<string, LocatedValue> | null,
  asSource = false,
): AwsProfileKind {
  const ssoKind: AwsProfileKind = values.has('sso_session') ? 'sso' : 'sso-legacy';
  const webIdentity = values.has('web_identity_token_file');

  if (!asSource && !webIdentity && values.has('role_arn')) return 'assume-role';
  if (webIdentity) return 'web-identity';
  if (values.has('sso_account_id') || values.has('sso_role_name')) return ssoKind;
  if (credentialsValues?.has('aws_access_key_id') === true) return 'static';
  if (values.has('login_session')) return 'login';
  if (values.has('credential_process')) return 'process';
  if (values.has('aws_access_key_id')) return 'static';
  if (ssoKind === 'sso' || values.has('sso_start_url')) return ssoKind;
  return 'unknown';
}

/** True when assuming a role from this profile would go through AssumeRoleProvider again. */
export function hasAssumeRoleConfig(values: ReadonlyMap<string, LocatedValue>): boolean {
  return values.has('role_arn') && !values.has('web_identity_token_file');
}

/** botocore's `_has_static_credentials`: either half of a key pair counts. */
export function hasStaticCredentials(values: ReadonlyMap<string, LocatedValue>): boolean {
  return values.has('aws_access_key_id') || values.has('aws_secret_access_key');
}
