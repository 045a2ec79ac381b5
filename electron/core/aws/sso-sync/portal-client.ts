// An SSOClient (the IAM Identity Center portal: ListAccounts, ListAccountRoles) whose every
// request goes through the adaptive pacer and is retried by us, not by the SDK: the SDK's own
// retries (maxAttempts 3, its backoff) would hide the 429s the pacer must see, and give up after
// three. One middleware, outermost in the finalizeRequest step, owns both.
import { SSOClient } from '@aws-sdk/client-sso';
import {
  hostOf,
  sdkRequestHandlerOptions,
  withDeadline,
  type NetworkEndpoint,
  type RequestDeadlineOptions,
} from '../../net/deadline';
import { configuredEndpoint, configuredEndpointSource } from '../sso-login/endpoints';
import { abortableSleep, parseRetryAfter, type AdaptiveRateLimiter } from './adaptive-rate';

export interface PortalCallStats {
  /** Attempts sent, retries included. */
  requests: number;
  throttled: number;
  /** Attempts retried after a server or network error. */
  retriedErrors: number;
  /** Calls that failed for good (the goal is zero). */
  failedCalls: number;
}

export interface PortalClientOptions extends RequestDeadlineOptions {
  region: string;
  /** Explicit endpoint; else AWS_ENDPOINT_URL_SSO / AWS_ENDPOINT_URL from `env`; else the SDK's default. */
  endpoint?: string;
  env?: NodeJS.ProcessEnv;
  pacer: AdaptiveRateLimiter;
  stats: PortalCallStats;
  /** Give up on a call after this many 429s in a row (default 30). */
  maxThrottleRetries?: number;
  /** Give up after this many server/network errors (default 3). */
  maxErrorRetries?: number;
  signal?: AbortSignal;
}

interface SdkError {
  name?: string;
  $fault?: 'client' | 'server';
  $metadata?: { httpStatusCode?: number };
  $response?: { headers?: Record<string, string | undefined> };
  code?: string;
}

const NETWORK_ERRORS = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'TimeoutError', 'RequestTimeout']);

export function resolvePortalEndpoint(options: Pick<PortalClientOptions, 'endpoint' | 'env'>): string | undefined {
  return options.endpoint ?? (options.env === undefined ? undefined : configuredEndpoint(options.env, 'SSO'));
}

/** Who a portal call goes to, for a timeout's message. */
export function portalEndpoint(options: Pick<PortalClientOptions, 'endpoint' | 'env' | 'region'>): NetworkEndpoint {
  if (options.endpoint !== undefined) return { host: hostOf(options.endpoint) };
  const source = options.env === undefined ? undefined : configuredEndpointSource(options.env, 'SSO');
  if (source) return { host: hostOf(source.url), setting: source.variable };
  const suffix = options.region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return { host: `portal.sso.${options.region}.${suffix}` };
}

export function createPortalClient(options: PortalClientOptions): SSOClient {
  const endpoint = resolvePortalEndpoint(options);
  const deadlineEndpoint = portalEndpoint(options);
  const client = new SSOClient({
    region: options.region,
    maxAttempts: 1,
    requestHandler: sdkRequestHandlerOptions(options),
    ...(endpoint === undefined ? {} : { endpoint }),
    // With an env given, it alone says where to go: the SDK must not read process.env (or the
    // config files) for AWS_ENDPOINT_URL* on its own.
    ...(options.env === undefined ? {} : { ignoreConfiguredEndpointUrls: true }),
  });
  const maxThrottleRetries = options.maxThrottleRetries ?? 30;
  const maxErrorRetries = options.maxErrorRetries ?? 3;
  const { pacer, stats, signal } = options;

  client.middlewareStack.add(
    (next) => async (args) => {
      let throttles = 0;
      let errors = 0;
      for (;;) {
        await pacer.acquire(signal);
        stats.requests++;
        try {
          // Each attempt has its own deadline. A NetworkTimeoutError is not retried: a network
          // that swallowed one request will swallow the next (the caller stops the listing).
          const result = await withDeadline(deadlineEndpoint, options, () =>
            next({ ...args, request: cloneRequest(args.request) }),
          );
          pacer.onSuccess();
          return result;
        } catch (caught) {
          const error = caught as SdkError;
          if (signal?.aborted) throw caught;
          if (isThrottle(error)) {
            stats.throttled++;
            pacer.onThrottle(parseRetryAfter(header(error, 'retry-after')));
            if (++throttles <= maxThrottleRetries) continue;
          } else if (isTransient(error) && ++errors <= maxErrorRetries) {
            stats.retriedErrors++;
            await abortableSleep(Math.min(8000, 250 * 2 ** errors * (0.5 + Math.random())), signal);
            continue;
          }
          stats.failedCalls++;
          throw caught;
        }
      }
    },
    { step: 'finalizeRequest', name: 'cloudidAdaptiveRateControl', priority: 'high' },
  );
  return client;
}

function isThrottle(error: SdkError): boolean {
  return error.name === 'TooManyRequestsException' || error.$metadata?.httpStatusCode === 429;
}

function isTransient(error: SdkError): boolean {
  const status = error.$metadata?.httpStatusCode;
  if (status !== undefined && status >= 500) return true;
  return NETWORK_ERRORS.has(error.code ?? '') || NETWORK_ERRORS.has(error.name ?? '');
}

function header(error: SdkError, name: string): string | undefined {
  const headers = error.$response?.headers ?? {};
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}

/** Each attempt gets its own copy: inner middlewares add headers to the request they are given. */
function cloneRequest<T>(request: T): T {
  if (request === null || typeof request !== 'object') return request;
  type Shape = { headers?: Record<string, string>; query?: Record<string, unknown> };
  const source = request as T & object & Shape;
  const copy = Object.assign(Object.create(Object.getPrototypeOf(source) as object) as object, source) as T & Shape;
  if (source.headers) copy.headers = { ...source.headers };
  if (source.query) copy.query = { ...source.query };
  return copy;
}
