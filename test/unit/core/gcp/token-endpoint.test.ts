import { describe, expect, it } from 'vitest';
import { decideTokenEndpoint } from '../../../../electron/core/gcp/token-endpoint';

describe('decideTokenEndpoint', () => {
  it("trusts https on Google's token hosts", () => {
    for (const uri of [
      'https://oauth2.googleapis.com/token',
      'https://accounts.google.com/o/oauth2/token',
      'https://www.googleapis.com/oauth2/v4/token',
    ]) {
      expect(decideTokenEndpoint(uri, {})).toEqual({ trusted: true, url: uri });
    }
  });

  it('refuses plain http, other hosts, look-alikes, ports and credentials', () => {
    for (const uri of [
      'http://oauth2.googleapis.com/token',
      'https://evil.example.com/token',
      'https://oauth2.googleapis.com.evil.example/token',
      'https://oauth2.googleapis.com:8443/token',
      'https://user:pw@oauth2.googleapis.com/token',
      'http://127.0.0.1:9/token',
      'not a url',
    ]) {
      const decision = decideTokenEndpoint(uri, {});
      expect(decision.trusted, uri).toBe(false);
      expect(decision.trusted ? '' : decision.message).not.toContain('pw@');
    }
  });

  it("trusts exactly the endpoint gcloud's CLOUDSDK_AUTH_TOKEN_HOST names", () => {
    const env = { CLOUDSDK_AUTH_TOKEN_HOST: 'http://127.0.0.1:5000/token' };
    expect(decideTokenEndpoint('http://127.0.0.1:5000/token', env).trusted).toBe(true);
    expect(decideTokenEndpoint('http://127.0.0.1:5001/token', env).trusted).toBe(false);
    expect(decideTokenEndpoint('http://127.0.0.1:5000/token', { CLOUDSDK_AUTH_TOKEN_HOST: '' }).trusted).toBe(false);
  });
});
