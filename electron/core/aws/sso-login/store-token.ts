import type { CreateTokenCommandOutput } from '@aws-sdk/client-sso-oidc';
import { type LoginOutcome, SsoLoginError } from './login-outcome';
import type { SsoLoginOptions } from './login-options';
import type { ClientRegistration } from './registration-cache';
import { writeSsoToken } from './token-cache-writer';

/** Writes the token file from a CreateToken answer; shared by both flows. */
export async function storeToken(
  options: Pick<SsoLoginOptions, 'session' | 'cacheDir'>,
  registration: ClientRegistration,
  token: CreateTokenCommandOutput,
  now: Date,
  flow: 'device-code' | 'pkce',
): Promise<LoginOutcome> {
  if (!token.accessToken || token.expiresIn === undefined) {
    throw new SsoLoginError('service', 'CreateToken returned no access token');
  }
  const expiresAt = new Date(now.getTime() + token.expiresIn * 1000);
  const cacheFile = await writeSsoToken(options.cacheDir, options.session, {
    startUrl: options.session.startUrl,
    region: options.session.region,
    accessToken: token.accessToken,
    expiresAt,
    clientId: registration.clientId,
    clientSecret: registration.clientSecret,
    registrationExpiresAt: registration.expiresAt,
    ...(token.refreshToken ? { refreshToken: token.refreshToken } : {}),
  });
  return {
    status: 'logged-in',
    session: options.session.name,
    flow,
    expiresAt: new Date(Math.floor(expiresAt.getTime() / 1000) * 1000).toISOString(),
    refreshable: Boolean(token.refreshToken),
    cacheFile,
  };
}
