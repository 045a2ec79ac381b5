import { describe, expect, it } from 'vitest';
import { decideExternalUrl, isIdentityProviderHost } from '../../../../electron/core/security/external-url-policy';

describe('decideExternalUrl', () => {
  it.each([
    'https://d-1234567890.awsapps.com/start',
    'https://my-company.awsapps.com/start/#/?tab=accounts',
    'https://start.us-gov-home.awsapps.com/directory/d-1',
    'https://d-1234567890.awsapps.cn/start',
    'https://ssoins-1111111111111111.portal.us-east-1.app.aws/',
    'https://device.sso.us-east-1.amazonaws.com/?user_code=ABCD-EFGH',
    'https://device.sso.eu-central-2.amazonaws.com/',
    'https://device.sso.cn-north-1.amazonaws.com.cn/',
    'https://oidc.us-west-2.amazonaws.com/authorize?response_type=code',
    'https://portal.sso.us-gov-west-1.amazonaws.com/',
    'https://accounts.google.com/o/oauth2/auth?client_id=x',
    'https://console.cloud.google.com/iam-admin/serviceaccounts',
    'HTTPS://ACCOUNTS.GOOGLE.COM/',
    'https://signin.aws.amazon.com/federation?Action=login&Destination=x&SigninToken=t',
    'https://signin.amazonaws-us-gov.com/federation',
    'https://signin.amazonaws.cn/federation',
  ])('allows %s', (url) => {
    expect(decideExternalUrl(url).allowed).toBe(true);
  });

  it.each([
    ['http://d-1234567890.awsapps.com/start', /https/],
    ['file:///etc/passwd', /https/],
    ['smb://evil/share', /https/],
    ['javascript:alert(1)', /https/],
    ['ms-settings:', /https/],
    ['not a url', /not a URL/],
    ['https://awsapps.com/start', /identity provider/],
    ['https://d-1.awsapps.com.evil.net/start', /identity provider/],
    ['https://evilawsapps.com/', /identity provider/],
    ['https://d-1.awsapps.com./start', /identity provider/],
    ['https://accounts.google.com.evil.net/', /identity provider/],
    ['https://evil.accounts.google.com/', /identity provider/],
    ['https://google.com/', /identity provider/],
    ['https://s3.us-east-1.amazonaws.com/bucket/x', /identity provider/],
    ['https://bucket.s3.amazonaws.com/', /identity provider/],
    ['https://device.sso.amazonaws.com/', /identity provider/],
    ['https://evil.device.sso.us-east-1.amazonaws.com/', /identity provider/],
    ['https://evil.signin.aws.amazon.com/federation', /identity provider/],
    ['https://signin.aws.amazon.com.evil.net/federation', /identity provider/],
    ['https://us-east-1.signin.aws.amazon.com/', /identity provider/],
    ['https://signin.amazonaws.com/federation', /identity provider/],
    ['https://console.aws.amazon.com/', /identity provider/],
    ['http://signin.aws.amazon.com/federation', /https/],
    ['https://signin.aws.amazon.com:8443/federation', /port/],
    ['https://user:pass@accounts.google.com/', /user name or password/],
    ['https://accounts.google.com:8443/', /port/],
    ['https://аccounts.google.com/', /identity provider/], // Cyrillic а: punycode, not a match
  ])('refuses %s', (url, reason) => {
    const decision = decideExternalUrl(url);
    expect(decision.allowed).toBe(false);
    if (!decision.allowed) expect(decision.reason).toMatch(reason);
  });

  it('returns the normalised URL that was checked, not the raw string', () => {
    expect(decideExternalUrl('https://Accounts.Google.com/x')).toEqual({
      allowed: true,
      url: 'https://accounts.google.com/x',
    });
  });

  it('matches whole hosts only', () => {
    expect(isIdentityProviderHost('console.cloud.google.com')).toBe(true);
    expect(isIdentityProviderHost('xconsole.cloud.google.com')).toBe(false);
    expect(isIdentityProviderHost('console.cloud.google.com.')).toBe(false);
  });
});
