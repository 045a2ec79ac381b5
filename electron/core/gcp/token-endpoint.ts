// Where a credential's secret may be sent. A service-account key's signed JWT and a user
// credential's refresh token go to the `token_uri` in the file, and a file can name any URL: a
// plain-http or foreign endpoint would receive a grant that works at Google. So a `token_uri` is
// trusted only when it is https on one of Google's token hosts, or when it equals gcloud's own
// token-host override CLOUDSDK_AUTH_TOKEN_HOST (gcloud's `auth/token_host` property, upstream
// googlecloudsdk/core/properties.py), which private deployments and the tests set
// (docs/interop-gcloud.md, "Tests against local servers").
import { withoutUrlCredentials } from '../security/url-credentials';

/** Google's OAuth token endpoints: today's, and the two that older keys and credentials name. */
export const GOOGLE_TOKEN_HOSTS: readonly string[] = [
  'oauth2.googleapis.com',
  'accounts.google.com',
  'www.googleapis.com',
];

export type TokenEndpointDecision = { trusted: true; url: string } | { trusted: false; message: string };

/** Whether the secret of a credential may be sent to `tokenUri`. */
export function decideTokenEndpoint(tokenUri: string, env: NodeJS.ProcessEnv): TokenEndpointDecision {
  const override = env.CLOUDSDK_AUTH_TOKEN_HOST;
  if (override && tokenUri === override) return { trusted: true, url: tokenUri };
  const refuse = (why: string): TokenEndpointDecision => ({
    trusted: false,
    message:
      `The credential's token_uri ${JSON.stringify(withoutUrlCredentials(tokenUri).slice(0, 200))} ${why}, so its secret is not sent there. ` +
      'Only https on Google’s token hosts is used, or the endpoint CLOUDSDK_AUTH_TOKEN_HOST names.',
  });
  let url: URL;
  try {
    url = new URL(tokenUri);
  } catch {
    return refuse('is not a URL');
  }
  if (url.protocol !== 'https:') return refuse('is not https');
  if (url.username || url.password) return refuse('carries credentials');
  if (url.port !== '' || !GOOGLE_TOKEN_HOSTS.includes(url.hostname))
    return refuse('is not one of Google’s token endpoints');
  return { trusted: true, url: url.href };
}
