import { describe, expect, it } from 'vitest';
import { configuredEndpoint } from '../../../../../electron/core/aws/sso-login/endpoints';
import { oidcBaseUrl } from '../../../../../electron/core/aws/sso-login/oidc-client';

describe('configuredEndpoint', () => {
  it('prefers the service variable, then AWS_ENDPOINT_URL', () => {
    const env = { AWS_ENDPOINT_URL: 'http://global', AWS_ENDPOINT_URL_SSO_OIDC: 'http://oidc' };
    expect(configuredEndpoint(env, 'SSO_OIDC')).toBe('http://oidc');
    expect(configuredEndpoint(env, 'SSO')).toBe('http://global');
    expect(configuredEndpoint({}, 'SSO')).toBeUndefined();
  });

  it('ignores everything when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is true', () => {
    expect(
      configuredEndpoint({ AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'TRUE', AWS_ENDPOINT_URL_SSO: 'http://x' }, 'SSO'),
    ).toBeUndefined();
  });

  it('derives the authorize base from the endpoint or the region', () => {
    expect(oidcBaseUrl({ region: 'eu-west-1', env: {} })).toBe('https://oidc.eu-west-1.amazonaws.com');
    expect(oidcBaseUrl({ region: 'cn-north-1', env: {} })).toBe('https://oidc.cn-north-1.amazonaws.com.cn');
    expect(oidcBaseUrl({ region: 'eu-west-1', env: { AWS_ENDPOINT_URL_SSO_OIDC: 'http://127.0.0.1:9/x' } })).toBe(
      'http://127.0.0.1:9',
    );
  });
});
