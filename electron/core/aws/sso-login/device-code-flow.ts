// The OAuth device authorization grant as the AWS CLI runs it: register (or reuse the cached
// registration), StartDeviceAuthorization, one CreateToken attempt before prompting, then poll
// at `interval` seconds, +5 s on SlowDown, until a token, ExpiredToken or any other error.
// https://github.com/aws/aws-cli/blob/v2/awscli/botocore/utils.py (SSOTokenFetcher)
import {
  CreateTokenCommand,
  type CreateTokenCommandOutput,
  type SSOOIDCClient,
  StartDeviceAuthorizationCommand,
} from '@aws-sdk/client-sso-oidc';
import { ensureRegistration } from './client-registration';
import { systemClock } from './login-clock';
import { type LoginOutcome, SsoLoginError, toLoginFailure } from './login-outcome';
import type { SsoLoginOptions } from './login-options';
import { createOidcClient, oidcCaller, type OidcCall } from './oidc-client';
import type { ClientRegistration } from './registration-cache';
import { storeToken } from './store-token';

export const DEVICE_CODE_GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:device_code';
const DEFAULT_INTERVAL_SECONDS = 5;
const SLOW_DOWN_SECONDS = 5;

type Attempt = { token: CreateTokenCommandOutput } | { pending: true; slowDown: boolean };

async function attemptToken(
  client: SSOOIDCClient,
  registration: ClientRegistration,
  deviceCode: string,
  call: OidcCall,
): Promise<Attempt> {
  try {
    const token = await call((abortSignal) =>
      client.send(
        new CreateTokenCommand({
          grantType: DEVICE_CODE_GRANT_TYPE,
          clientId: registration.clientId,
          clientSecret: registration.clientSecret,
          deviceCode,
        }),
        { abortSignal },
      ),
    );
    return { token };
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'AuthorizationPendingException') return { pending: true, slowDown: false };
    if (name === 'SlowDownException') return { pending: true, slowDown: true };
    throw error;
  }
}

export async function loginWithDeviceCode(options: SsoLoginOptions): Promise<LoginOutcome> {
  const { session, cacheDir, env, signal, onPrompt, openUrl } = options;
  const clock = options.clock ?? systemClock;
  const clientOptions = {
    region: session.region,
    env,
    ...(options.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: options.requestTimeoutMs }),
  };
  const client = createOidcClient(clientOptions);
  const call = oidcCaller({ ...clientOptions, signal });
  try {
    const registration = await ensureRegistration({
      client,
      session,
      cacheDir,
      flow: 'device-code',
      now: clock.now(),
      call,
    });
    const authorization = await call((abortSignal) =>
      client.send(
        new StartDeviceAuthorizationCommand({
          clientId: registration.clientId,
          clientSecret: registration.clientSecret,
          startUrl: session.startUrl,
        }),
        { abortSignal },
      ),
    );
    const { deviceCode, userCode, verificationUri, verificationUriComplete } = authorization;
    if (!deviceCode || !userCode || !verificationUri) {
      throw new SsoLoginError('service', 'StartDeviceAuthorization returned no device code');
    }
    const codeExpiresAt = new Date(clock.now().getTime() + (authorization.expiresIn ?? 600) * 1000);
    let intervalSeconds =
      authorization.interval && authorization.interval > 0 ? authorization.interval : DEFAULT_INTERVAL_SECONDS;

    // Like the CLI: one attempt first, the client may already be authorized.
    let attempt = await attemptToken(client, registration, deviceCode, call);
    if ('pending' in attempt) {
      const url = verificationUriComplete ?? verificationUri;
      onPrompt?.({
        session: session.name,
        flow: 'device-code',
        userCode,
        verificationUri,
        verificationUriComplete: url,
        expiresAt: codeExpiresAt.toISOString(),
      });
      // A browser that fails to open is not fatal: the prompt already shows the URL.
      await openUrl?.(url).catch(() => undefined);
    }
    while ('pending' in attempt) {
      if (attempt.slowDown) intervalSeconds += SLOW_DOWN_SECONDS;
      // The service answers ExpiredToken once the code is dead; this guard only stops a
      // service that keeps answering "pending" forever from keeping us here.
      if (clock.now().getTime() > codeExpiresAt.getTime() + intervalSeconds * 1000) {
        throw new SsoLoginError(
          'code-expired',
          'The login code expired before it was approved. Start the login again.',
        );
      }
      await clock.sleep(intervalSeconds * 1000, signal);
      attempt = await attemptToken(client, registration, deviceCode, call);
    }
    return await storeToken(options, registration, attempt.token, clock.now(), 'device-code');
  } catch (error) {
    return toLoginFailure(session.name, error);
  } finally {
    client.destroy();
  }
}
