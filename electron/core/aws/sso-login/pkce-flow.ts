// The authorization-code grant with PKCE, what CLI >= 2.22 runs for sso-session profiles:
// register with grant types and a loopback redirect URI, open /authorize in the browser,
// wait for the redirect on 127.0.0.1, then CreateToken with the code and the verifier.
// https://github.com/aws/aws-cli/blob/v2/awscli/botocore/utils.py (SSOTokenFetcherAuth)
import { randomUUID } from 'node:crypto';
import { CreateTokenCommand } from '@aws-sdk/client-sso-oidc';
import { ensureRegistration, registrationScopes } from './client-registration';
import { systemClock } from './login-clock';
import { type LoginOutcome, toLoginFailure } from './login-outcome';
import type { SsoLoginOptions } from './login-options';
import { listenForRedirect, DEFAULT_REDIRECT_TIMEOUT_MS } from './loopback-redirect';
import { createOidcClient, oidcBaseUrl, oidcCaller } from './oidc-client';
import { buildAuthorizeUrl, createPkcePair } from './pkce';
import { storeToken } from './store-token';

export interface PkceLoginOptions extends SsoLoginOptions {
  /** How long to wait for the browser's redirect. */
  redirectTimeoutMs?: number;
}

export async function loginWithPkce(options: PkceLoginOptions): Promise<LoginOutcome> {
  const { session, cacheDir, env, signal, onPrompt, openUrl } = options;
  const clock = options.clock ?? systemClock;
  const timeoutMs = options.redirectTimeoutMs ?? DEFAULT_REDIRECT_TIMEOUT_MS;
  const clientOptions = {
    region: session.region,
    env,
    ...(options.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: options.requestTimeoutMs }),
  };
  const client = createOidcClient(clientOptions);
  const call = oidcCaller({ ...clientOptions, signal });
  const expectedState = randomUUID();
  let redirect: Awaited<ReturnType<typeof listenForRedirect>> | undefined;
  try {
    const registration = await ensureRegistration({ client, session, cacheDir, flow: 'pkce', now: clock.now(), call });
    redirect = await listenForRedirect({ expectedState, timeoutMs, ...(signal ? { signal } : {}) });
    const { codeVerifier, codeChallenge } = createPkcePair();
    const url = buildAuthorizeUrl({
      oidcBaseUrl: oidcBaseUrl({ region: session.region, env }),
      clientId: registration.clientId,
      redirectUri: redirect.redirectUri,
      state: expectedState,
      codeChallenge,
      scopes: registrationScopes(session),
    });
    onPrompt?.({
      session: session.name,
      flow: 'pkce',
      userCode: null,
      verificationUri: url,
      verificationUriComplete: url,
      expiresAt: new Date(clock.now().getTime() + timeoutMs).toISOString(),
    });
    await openUrl?.(url).catch(() => undefined);
    const code = await redirect.code;
    const { redirectUri } = redirect;
    const token = await call((abortSignal) =>
      client.send(
        new CreateTokenCommand({
          grantType: 'authorization_code',
          clientId: registration.clientId,
          clientSecret: registration.clientSecret,
          redirectUri,
          codeVerifier,
          code,
        }),
        { abortSignal },
      ),
    );
    return await storeToken(options, registration, token, clock.now(), 'pkce');
  } catch (error) {
    return toLoginFailure(session.name, error);
  } finally {
    await redirect?.close();
    client.destroy();
  }
}
