import { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import {
  hostOf,
  sdkRequestHandlerOptions,
  withDeadline,
  type NetworkEndpoint,
  type RequestDeadlineOptions,
} from '../../net/deadline';
import { configuredEndpoint, configuredEndpointSource } from './endpoints';

export interface OidcClientOptions extends RequestDeadlineOptions {
  region: string;
  env: NodeJS.ProcessEnv;
}

/**
 * An SSO-OIDC client for one region. These operations are unsigned, so no credentials are
 * resolved; an endpoint from the given env wins over whatever process.env holds. Each call
 * still needs withDeadline (electron/core/net/deadline.ts) to be bounded as a whole.
 */
export function createOidcClient({ region, env, ...deadline }: OidcClientOptions): SSOOIDCClient {
  const endpoint = configuredEndpoint(env, 'SSO_OIDC');
  return new SSOOIDCClient({
    region,
    ...(endpoint ? { endpoint } : {}),
    requestHandler: sdkRequestHandlerOptions(deadline),
  });
}

/**
 * The base URL of the OIDC service for the un-modelled `/authorize` page, as the CLI derives it
 * (scheme and host of the resolved endpoint).
 */
export function oidcBaseUrl({ region, env }: OidcClientOptions): string {
  const endpoint = configuredEndpoint(env, 'SSO_OIDC');
  if (endpoint) return new URL(endpoint).origin;
  const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `https://oidc.${region}.${suffix}`;
}

/** Who an OIDC call goes to, for a timeout's message. */
export function oidcEndpoint(options: OidcClientOptions): NetworkEndpoint {
  const source = configuredEndpointSource(options.env, 'SSO_OIDC');
  return { host: hostOf(oidcBaseUrl(options)), ...(source ? { setting: source.variable } : {}) };
}

/** Runs one OIDC request under the deadline; `signal` is the caller's (a cancelled login). */
export type OidcCall = <T>(send: (signal: AbortSignal) => Promise<T>) => Promise<T>;

export function oidcCaller(options: OidcClientOptions & { signal?: AbortSignal | undefined }): OidcCall {
  const endpoint = oidcEndpoint(options);
  return (send) => withDeadline(endpoint, options, send);
}
