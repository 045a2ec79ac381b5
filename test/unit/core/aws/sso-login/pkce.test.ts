import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildAuthorizeUrl, createPkcePair, s256Challenge } from '../../../../../electron/core/aws/sso-login/pkce';

describe('PKCE', () => {
  it('uses the RFC 7636 appendix B test vector for S256', () => {
    expect(s256Challenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('creates 64-character unreserved verifiers, fresh each time, with their challenge', () => {
    const a = createPkcePair();
    const b = createPkcePair();
    expect(a.codeVerifier).toMatch(/^[A-Za-z0-9\-._~]{64}$/);
    expect(a.codeVerifier).not.toBe(b.codeVerifier);
    expect(a.codeChallenge).toBe(createHash('sha256').update(a.codeVerifier).digest('base64url'));
    expect(a.codeChallenge).not.toContain('=');
  });

  it('builds the authorize URL with the parameters the CLI sends', () => {
    const url = new URL(
      buildAuthorizeUrl({
        oidcBaseUrl: 'https://oidc.eu-west-1.amazonaws.com/',
        clientId: 'cid',
        redirectUri: 'http://127.0.0.1:4321/oauth/callback',
        state: 'st-1',
        codeChallenge: 'abc_-',
        scopes: ['sso:account:access', 'codewhisperer:completions'],
      }),
    );
    expect(url.origin + url.pathname).toBe('https://oidc.eu-west-1.amazonaws.com/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'cid',
      redirect_uri: 'http://127.0.0.1:4321/oauth/callback',
      state: 'st-1',
      code_challenge_method: 'S256',
      scopes: 'sso:account:access codewhisperer:completions',
      code_challenge: 'abc_-',
    });
    expect(url.search).toContain('scopes=sso%3Aaccount%3Aaccess%20codewhisperer');
  });
});
