// RegisterClient, reusing the CLI-compatible cached registration when it still fits.
import { RegisterClientCommand, type SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import type { OidcCall } from './oidc-client';
import {
  type ClientRegistration,
  isRegistrationReusable,
  readCachedRegistration,
  writeCachedRegistration,
} from './registration-cache';
import { DEFAULT_REGISTRATION_SCOPE, type SsoLoginFlow, type SsoSessionRef } from './sso-session-ref';

/** What the CLI registers as the PKCE redirect URI: the port is added per login. */
export const PKCE_REGISTERED_REDIRECT_URI = 'http://127.0.0.1/oauth/callback';
export const PKCE_GRANT_TYPES = ['authorization_code', 'refresh_token'];

export interface RegistrationRequest {
  client: SSOOIDCClient;
  session: SsoSessionRef;
  cacheDir: string;
  flow: SsoLoginFlow;
  now: Date;
  /** Bounds the request and carries the caller's signal (oidcCaller). */
  call: OidcCall;
}

/**
 * The scopes we register. The CLI registers no scope for a device-code login without
 * `sso_registration_scopes`, which yields no refresh token; we ask for `sso:account:access`
 * (what `aws configure sso` writes) so the app can keep the session alive.
 */
export function registrationScopes(session: SsoSessionRef): string[] {
  return session.registrationScopes.length > 0 ? session.registrationScopes : [DEFAULT_REGISTRATION_SCOPE];
}

function clientName(session: SsoSessionRef, now: Date): string {
  // The CLI's name; legacy sessions have no name, so it uses the epoch seconds.
  return `botocore-client-${session.legacy ? Math.floor(now.getTime() / 1000) : session.name}`;
}

export async function ensureRegistration(request: RegistrationRequest): Promise<ClientRegistration> {
  const { client, session, cacheDir, flow, now, call } = request;
  const cached = await readCachedRegistration(cacheDir, session);
  if (cached && isRegistrationReusable(cached, flow, now)) return cached;

  const scopes = registrationScopes(session);
  const pkce = flow === 'pkce';
  const response = await call((abortSignal) =>
    client.send(
      new RegisterClientCommand({
        clientName: clientName(session, now),
        clientType: 'public',
        scopes,
        ...(pkce
          ? { grantTypes: PKCE_GRANT_TYPES, redirectUris: [PKCE_REGISTERED_REDIRECT_URI], issuerUrl: session.startUrl }
          : {}),
      }),
      { abortSignal },
    ),
  );
  if (!response.clientId || !response.clientSecret || response.clientSecretExpiresAt === undefined) {
    throw new Error('RegisterClient returned no client id, secret or expiry');
  }
  const registration: ClientRegistration = {
    clientId: response.clientId,
    clientSecret: response.clientSecret,
    expiresAt: new Date(response.clientSecretExpiresAt * 1000),
    scopes,
    ...(pkce ? { grantTypes: PKCE_GRANT_TYPES } : {}),
  };
  await writeCachedRegistration(cacheDir, session, registration);
  return registration;
}
