// PKCE (RFC 7636) and the authorize URL, as the AWS CLI builds them.
// https://github.com/aws/aws-cli/blob/v2/awscli/botocore/utils.py (SSOTokenFetcherAuth)
import { createHash, randomInt } from 'node:crypto';

const VERIFIER_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~';

export interface PkcePair {
  codeVerifier: string;
  /** base64url(sha256(verifier)) without padding. */
  codeChallenge: string;
}

export function s256Challenge(codeVerifier: string): string {
  return createHash('sha256').update(codeVerifier, 'ascii').digest('base64url');
}

/** 64 unreserved characters from a CSPRNG, like the CLI (RFC 7636 allows 43-128). */
export function createPkcePair(): PkcePair {
  let codeVerifier = '';
  for (let i = 0; i < 64; i++) codeVerifier += VERIFIER_ALPHABET[randomInt(VERIFIER_ALPHABET.length)];
  return { codeVerifier, codeChallenge: s256Challenge(codeVerifier) };
}

export interface AuthorizeUrlInput {
  oidcBaseUrl: string;
  clientId: string;
  redirectUri: string;
  state: string;
  codeChallenge: string;
  scopes: readonly string[];
}

/** `<oidc>/authorize?...`; the CLI sends scopes space-separated in a `scopes` parameter. */
export function buildAuthorizeUrl(input: AuthorizeUrlInput): string {
  const params: [string, string][] = [
    ['response_type', 'code'],
    ['client_id', input.clientId],
    ['redirect_uri', input.redirectUri],
    ['state', input.state],
    ['code_challenge_method', 'S256'],
    ['scopes', input.scopes.join(' ')],
    ['code_challenge', input.codeChallenge],
  ];
  const query = params.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&');
  return `${input.oidcBaseUrl.replace(/\/+$/, '')}/authorize?${query}`;
}
