import { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { configuredEndpoint } from './endpoints';

export interface OidcClientOptions {
  region: string;
  env: NodeJS.ProcessEnv;
}

/**
 * An SSO-OIDC client for one region. These operations are unsigned, so no credentials are
 * resolved; an endpoint from the given env wins over whatever process.env holds.
 */
export function createOidcClient({ region, env }: OidcClientOptions): SSOOIDCClient {
  const endpoint = configuredEndpoint(env, 'SSO_OIDC');
  return new SSOOIDCClient({
    region,
    ...(endpoint ? { endpoint } : {}),
    requestHandler: { connectionTimeout: 10_000, requestTimeout: 30_000 },
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
