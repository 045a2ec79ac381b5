// Silent refresh of an SSO session with its refresh token (CreateToken grant refresh_token),
// as botocore does it, but earlier (see refresh-plan.ts) so no other tool ever has to.
// https://github.com/boto/botocore/blob/develop/botocore/tokens.py (SSOTokenProvider._refresh_access_token)
import { CreateTokenCommand } from '@aws-sdk/client-sso-oidc';
import { readRegularFile } from '../../fs/regular-file';
import { parseCacheTimestamp, ssoTokenCachePath } from '../sso-token-cache';
import { systemClock, type LoginClock } from './login-clock';
import { toLoginFailure } from './login-outcome';
import type { RequestDeadlineOptions } from '../../net/deadline';
import { createOidcClient, oidcCaller } from './oidc-client';
import type { SsoSessionRef } from './sso-session-ref';
import { writeSsoToken } from './token-cache-writer';

export type CannotRefreshReason = 'no-token' | 'no-refresh-token' | 'registration-expired' | 'refused';

export type RefreshOutcome =
  | { status: 'refreshed'; session: string; expiresAt: string; refreshTokenRotated: boolean }
  | { status: 'cannot-refresh'; session: string; reason: CannotRefreshReason; message: string }
  /** Someone else (a login, the CLI) replaced the token while we refreshed; theirs is kept. */
  | { status: 'superseded'; session: string }
  | { status: 'failed'; session: string; reason: 'network' | 'service' | 'cancelled'; message: string };

export interface RefreshOptions extends RequestDeadlineOptions {
  session: SsoSessionRef;
  cacheDir: string;
  env: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  clock?: LoginClock;
}

interface CachedTokenForRefresh {
  startUrl: string | undefined;
  region: string | undefined;
  accessToken: string;
  clientId: string | undefined;
  clientSecret: string | undefined;
  refreshToken: string | undefined;
  registrationExpiresAt: Date | null;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

async function readTokenForRefresh(file: string): Promise<CachedTokenForRefresh | null> {
  let parsed: unknown;
  try {
    // A regular file only: a FIFO here would wait forever (electron/core/fs/regular-file.ts).
    parsed = JSON.parse((await readRegularFile(file)).toString('utf8'));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const record = parsed as Record<string, unknown>;
  const accessToken = text(record.accessToken);
  if (!accessToken) return null;
  const registration = text(record.registrationExpiresAt);
  return {
    startUrl: text(record.startUrl),
    region: text(record.region),
    accessToken,
    clientId: text(record.clientId),
    clientSecret: text(record.clientSecret),
    refreshToken: text(record.refreshToken),
    registrationExpiresAt: registration ? parseCacheTimestamp(registration) : null,
  };
}

/** One refresh attempt, not coordinated with others: use refreshSsoSession. */
export async function refreshSsoSessionOnce(options: RefreshOptions): Promise<RefreshOutcome> {
  const { session, cacheDir, env, signal } = options;
  const clock = options.clock ?? systemClock;
  const name = session.name;
  const file = ssoTokenCachePath(cacheDir, session);
  const cached = await readTokenForRefresh(file);
  if (!cached)
    return {
      status: 'cannot-refresh',
      session: name,
      reason: 'no-token',
      message: `No cached token for ${name}: log in first.`,
    };
  const { refreshToken, clientId, clientSecret, registrationExpiresAt } = cached;
  if (!refreshToken || !clientId || !clientSecret || !registrationExpiresAt) {
    return {
      status: 'cannot-refresh',
      session: name,
      reason: 'no-refresh-token',
      message: `The token for ${name} cannot be refreshed (no refresh token): log in again.`,
    };
  }
  if (registrationExpiresAt.getTime() <= clock.now().getTime()) {
    return {
      status: 'cannot-refresh',
      session: name,
      reason: 'registration-expired',
      message: `The client registration for ${name} has expired: log in again.`,
    };
  }

  const clientOptions = {
    region: cached.region ?? session.region,
    env,
    ...(options.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: options.requestTimeoutMs }),
  };
  const client = createOidcClient(clientOptions);
  const call = oidcCaller({ ...clientOptions, signal });
  try {
    const response = await call((abortSignal) =>
      client.send(new CreateTokenCommand({ grantType: 'refresh_token', clientId, clientSecret, refreshToken }), {
        abortSignal,
      }),
    );
    if (!response.accessToken || response.expiresIn === undefined) {
      return { status: 'failed', session: name, reason: 'service', message: 'CreateToken returned no access token.' };
    }
    const now = clock.now();
    // Compare-and-swap: a login or another tool may have written a new token meanwhile.
    const current = await readTokenForRefresh(file);
    if (current?.accessToken !== cached.accessToken) return { status: 'superseded', session: name };
    const expiresAt = new Date(now.getTime() + response.expiresIn * 1000);
    await writeSsoToken(cacheDir, session, {
      startUrl: cached.startUrl ?? session.startUrl,
      region: cached.region ?? session.region,
      accessToken: response.accessToken,
      expiresAt,
      clientId,
      clientSecret,
      registrationExpiresAt,
      // The service may rotate the refresh token or return none: then the old one stays valid.
      refreshToken: response.refreshToken ?? refreshToken,
    });
    return {
      status: 'refreshed',
      session: name,
      expiresAt: new Date(Math.floor(expiresAt.getTime() / 1000) * 1000).toISOString(),
      refreshTokenRotated: response.refreshToken !== undefined && response.refreshToken !== refreshToken,
    };
  } catch (error) {
    const errorName = (error as { name?: string }).name;
    if (
      errorName === 'InvalidGrantException' ||
      errorName === 'InvalidClientException' ||
      errorName === 'UnauthorizedClientException' ||
      errorName === 'AccessDeniedException' ||
      errorName === 'ExpiredTokenException'
    ) {
      return {
        status: 'cannot-refresh',
        session: name,
        reason: 'refused',
        message: `The identity provider refused to refresh ${name} (${errorName}): log in again.`,
      };
    }
    const failure = toLoginFailure(name, error);
    const reason = failure.reason === 'network' || failure.reason === 'cancelled' ? failure.reason : 'service';
    return { status: 'failed', session: name, reason, message: failure.message };
  } finally {
    client.destroy();
  }
}

/** One refresh at a time per token file; a second caller gets the first caller's outcome. */
export class SsoRefresher {
  private readonly inFlight = new Map<string, Promise<RefreshOutcome>>();

  refresh(options: RefreshOptions): Promise<RefreshOutcome> {
    const key = ssoTokenCachePath(options.cacheDir, options.session);
    const existing = this.inFlight.get(key);
    if (existing) return existing;
    const outcome = refreshSsoSessionOnce(options).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, outcome);
    return outcome;
  }
}

const processRefresher = new SsoRefresher();

/** Refreshes the session's token now; concurrent calls for one session share one request. */
export function refreshSsoSession(options: RefreshOptions): Promise<RefreshOutcome> {
  return processRefresher.refresh(options);
}
