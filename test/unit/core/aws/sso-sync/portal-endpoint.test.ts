import { ListAccountsCommand } from '@aws-sdk/client-sso';
import { afterEach, describe, expect, it } from 'vitest';
import { AdaptiveRateLimiter } from '../../../../../electron/core/aws/sso-sync/adaptive-rate';
import { createPortalClient, resolvePortalEndpoint } from '../../../../../electron/core/aws/sso-sync/portal-client';

const stats = () => ({ requests: 0, throttled: 0, retriedErrors: 0, failedCalls: 0 });
const saved = process.env.AWS_ENDPOINT_URL_SSO;
afterEach(() => {
  if (saved === undefined) delete process.env.AWS_ENDPOINT_URL_SSO;
  else process.env.AWS_ENDPOINT_URL_SSO = saved;
});

describe('portal endpoint', () => {
  it('takes AWS_ENDPOINT_URL_SSO, then AWS_ENDPOINT_URL, from the env it is given; an explicit endpoint wins', () => {
    expect(
      resolvePortalEndpoint({
        env: { AWS_ENDPOINT_URL_SSO: 'http://127.0.0.1:1', AWS_ENDPOINT_URL: 'http://127.0.0.1:2' },
      }),
    ).toBe('http://127.0.0.1:1');
    expect(resolvePortalEndpoint({ env: { AWS_ENDPOINT_URL: 'http://127.0.0.1:2' } })).toBe('http://127.0.0.1:2');
    expect(
      resolvePortalEndpoint({
        env: { AWS_ENDPOINT_URL: 'http://127.0.0.1:2', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' },
      }),
    ).toBeUndefined();
    expect(
      resolvePortalEndpoint({ endpoint: 'http://127.0.0.1:3', env: { AWS_ENDPOINT_URL_SSO: 'http://127.0.0.1:1' } }),
    ).toBe('http://127.0.0.1:3');
  });

  it('ignores the process environment when given an env without an endpoint', async () => {
    process.env.AWS_ENDPOINT_URL_SSO = 'http://127.0.0.1:9';
    expect(await hostCalled({})).toBe('portal.sso.eu-west-1.amazonaws.com');
    // Control: without an env of its own the SDK reads process.env, which is what the option prevents.
    expect(await hostCalled(undefined)).toBe('127.0.0.1');
  });
});

/** Where a ListAccounts call would go; stopped before anything is sent. */
async function hostCalled(env: NodeJS.ProcessEnv | undefined): Promise<string> {
  const client = createPortalClient({
    region: 'eu-west-1',
    ...(env === undefined ? {} : { env }),
    pacer: new AdaptiveRateLimiter(),
    stats: stats(),
    maxErrorRetries: 0,
  });
  let host = '';
  client.middlewareStack.add(
    () => async (args) => {
      host = (args.request as { hostname: string }).hostname;
      throw new Error('stop before sending');
    },
    { step: 'finalizeRequest', priority: 'low', name: 'captureHost' },
  );
  await expect(client.send(new ListAccountsCommand({ accessToken: 'x' }))).rejects.toThrow('stop before sending');
  client.destroy();
  return host;
}
