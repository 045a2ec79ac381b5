import { STSServiceException } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import {
  classifyIdentityError,
  IdentityCheckTimeout,
  redactSecrets,
  ssoLoginGuidance,
} from '../../../../electron/core/aws/identity-errors';

const ctx = { profile: 'dev', profileExists: true, timeoutMs: 10_000 } as const;

/** What @smithy's CredentialsProviderError looks like to a caller. */
const providerError = (message: string): Error =>
  Object.assign(new Error(message), { name: 'CredentialsProviderError', tryNextLink: false });

const stsError = (name: string, status: number, message: string): STSServiceException =>
  new STSServiceException({ name, $fault: 'client', $metadata: { httpStatusCode: status }, message });

const kindOf = (error: unknown, profileExists: boolean | null = true): string =>
  classifyIdentityError(error, { ...ctx, profileExists }).kind;

describe('classifyIdentityError: where the request never got an answer', () => {
  it('reports the deadline, the SDK timeout and ETIMEDOUT as timeouts', () => {
    expect(classifyIdentityError(new IdentityCheckTimeout('late'), ctx)).toEqual({
      kind: 'timeout',
      message: 'No answer within 10 s while verifying profile dev.',
    });
    expect(kindOf(Object.assign(new Error('Request timed out'), { name: 'TimeoutError' }))).toBe('timeout');
    expect(kindOf(Object.assign(new Error('connect ETIMEDOUT 10.0.0.1:443'), { code: 'ETIMEDOUT' }))).toBe('timeout');
  });

  it('reports refused connections and unknown hosts as network errors', () => {
    const refused = classifyIdentityError(
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }),
      ctx,
    );
    expect(refused).toEqual({
      kind: 'network',
      message: 'Could not reach AWS while verifying profile dev (ECONNREFUSED): connect ECONNREFUSED 127.0.0.1:9',
    });
    expect(kindOf(Object.assign(new Error('getaddrinfo ENOTFOUND sts.amazonaws.com'), { code: 'ENOTFOUND' }))).toBe(
      'network',
    );
    // Node reports every failed address of a host together.
    expect(kindOf(new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })], ''))).toBe('network');
  });

  it('sees network errors the SSO provider flattened into its message', () => {
    expect(kindOf(providerError('Error: connect ECONNREFUSED 127.0.0.1:4444'))).toBe('network');
  });
});

describe('classifyIdentityError: SSO', () => {
  it.each([
    "The SSO session token associated with profile=dev was not found or is invalid. To refresh this SSO session run 'aws sso login' with the corresponding profile.",
    'The SSO session associated with this profile is invalid. To refresh this SSO session run aws sso login with the corresponding profile.',
    'The SSO session associated with this profile has expired. To refresh this SSO session run aws sso login with the corresponding profile.',
    "Value not present for 'clientId' in SSO Token. Cannot refresh. To refresh this SSO session run 'aws sso login' with the corresponding profile.",
    'UnauthorizedException: Session token not found or invalid',
  ])('asks for a login for: %s', (message) => {
    expect(classifyIdentityError(providerError(message), ctx)).toEqual({
      kind: 'sso-login-required',
      message: ssoLoginGuidance('dev'),
    });
  });

  it('names the app command and the CLI command in the guidance', () => {
    expect(ssoLoginGuidance('corp-admin')).toBe(
      'AWS SSO login required for profile corp-admin. Log in: cloudid login corp-admin (or: aws sso login --profile corp-admin)',
    );
  });

  it('treats an incomplete or conflicting SSO profile as config, not as a login', () => {
    expect(
      kindOf(
        providerError(
          'Profile is configured with invalid SSO credentials. Required parameters "sso_account_id", "sso_region". Got sso_session',
        ),
      ),
    ).toBe('config');
    expect(kindOf(providerError('Conflicting SSO region configurations in profile dev and sso-session corp'))).toBe(
      'config',
    );
    expect(kindOf(providerError('Profile dev is not configured with SSO credentials.'))).toBe('config');
  });
});

describe('classifyIdentityError: profiles and their sources', () => {
  const unresolved = (name: string): Error =>
    providerError(`Could not resolve credentials using profile: [${name}] in configuration/credentials file(s).`);

  it('tells an unknown profile (config) from a profile with no credentials', () => {
    expect(classifyIdentityError(unresolved('dev'), { ...ctx, profileExists: false })).toEqual({
      kind: 'config',
      message: 'Profile dev is not defined in the AWS config or credentials file.',
    });
    expect(kindOf(unresolved('dev'), true)).toBe('no-credentials');
    expect(kindOf(unresolved('dev'), null)).toBe('no-credentials');
  });

  it('names a missing source_profile', () => {
    expect(classifyIdentityError(unresolved('base'), ctx)).toEqual({
      kind: 'config',
      message: 'Profile dev uses source_profile base, which does not exist or has no credentials.',
    });
  });

  it('reports bad credential_source, cycles and MFA', () => {
    expect(
      kindOf(
        providerError(
          'Unsupported credential source in profile dev. Got Bogus, expected EcsContainer or Ec2InstanceMetadata or Environment.',
        ),
      ),
    ).toBe('config');
    expect(
      kindOf(
        providerError('Detected a cycle attempting to resolve credentials for profile dev. Profiles visited: a, b'),
      ),
    ).toBe('config');
    const mfa = classifyIdentityError(
      providerError('Profile dev requires multi-factor authentication, but no MFA code callback was provided.'),
      ctx,
    );
    expect(mfa.kind).toBe('other');
    expect(mfa.message).toContain('MFA');
  });

  it('keeps the stderr of a failed credential_process but not its command line', () => {
    const error = classifyIdentityError(
      providerError('Command failed: vault-creds --token s.SeCrEt123\nvault: permission denied\n'),
      ctx,
    );
    expect(error).toEqual({
      kind: 'no-credentials',
      message: 'The credential_process of profile dev failed: vault: permission denied',
    });
    expect(kindOf(providerError('Profile dev credential_process returned invalid JSON.'))).toBe('no-credentials');
    expect(kindOf(providerError('Profile dev credential_process returned expired credentials.'))).toBe('expired');
  });
});

describe('classifyIdentityError: what STS answered', () => {
  it('maps expired tokens to expired', () => {
    expect(kindOf(stsError('ExpiredToken', 400, 'The security token included in the request is expired'))).toBe(
      'expired',
    );
    expect(kindOf(stsError('ExpiredTokenException', 400, 'expired'))).toBe('expired');
  });

  it("maps refusals to access-denied with STS's code and message", () => {
    expect(
      classifyIdentityError(
        stsError('InvalidClientTokenId', 403, 'The security token included in the request is invalid.'),
        ctx,
      ),
    ).toEqual({
      kind: 'access-denied',
      message:
        'AWS refused the credentials of profile dev (InvalidClientTokenId: The security token included in the request is invalid.)',
    });
    expect(kindOf(stsError('SignatureDoesNotMatch', 403, 'The request signature we calculated does not match'))).toBe(
      'access-denied',
    );
    expect(
      kindOf(stsError('AccessDenied', 403, 'User: arn:aws:iam::1:user/a is not authorized to perform: sts:AssumeRole')),
    ).toBe('access-denied');
  });

  it('reports other service errors with their HTTP status', () => {
    expect(classifyIdentityError(stsError('InternalFailure', 500, 'An internal error occurred'), ctx)).toEqual({
      kind: 'other',
      message: 'AWS answered 500 for profile dev (InternalFailure: An internal error occurred)',
    });
  });

  it('copes with things that are not errors', () => {
    expect(classifyIdentityError('boom', ctx)).toEqual({
      kind: 'other',
      message: 'Verifying profile dev failed: boom',
    });
    expect(kindOf(null)).toBe('other');
    expect(kindOf(undefined)).toBe('other');
  });

  it('caps long messages', () => {
    const error = classifyIdentityError(new Error('word '.repeat(500)), ctx);
    expect(error.message.length).toBeLessThanOrEqual(400 + 'Verifying profile dev failed: '.length);
  });
});

describe('redactSecrets', () => {
  it('masks access key ids, secrets after a name, and long token-like runs', () => {
    expect(redactSecrets('key AKIAIOSFODNN7EXAMPLE and ASIAY34FZKBOKMUTVV7A')).toBe('key AKIA**** and ASIA****');
    expect(redactSecrets('aws_secret_access_key = wJalrXUtnFEMI/K7MDENG')).toBe('aws_secret_access_key = [redacted]');
    expect(redactSecrets('token="abc def" rest')).toBe('token=[redacted] rest');
    expect(redactSecrets('got IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ here')).toBe(
      'got [redacted] here',
    );
  });

  it('leaves ARNs, ids and prose alone', () => {
    const text =
      'User: arn:aws:iam::111122223333:role/service-role/very-long-role-name-for-testing-2024 is not authorized (AROAADMIN00000000001)';
    expect(redactSecrets(text)).toBe(text);
  });
});
