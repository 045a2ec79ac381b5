// Every request the core makes (SSO-OIDC, the SSO portal, STS, Google's token endpoint) has a
// deadline. Networks behind some VPNs, proxies and firewalls accept a connection and never
// answer; without a deadline a login, refresh or sync waits forever (the AWS SDK's own
// `requestTimeout` only logs a warning unless `throwOnRequestTimeout` is set).

/** How long one request may take, retries by the SDK included, unless the caller says otherwise. */
export const DEFAULT_REQUEST_DEADLINE_MS = 15_000;

/** Who was asked, for the message: its host, and the setting that may point elsewhere. */
export interface NetworkEndpoint {
  host: string;
  /** An environment variable or file entry that chose this endpoint, e.g. AWS_ENDPOINT_URL_SSO_OIDC. */
  setting?: string;
}

/** The option every network-facing entry point takes; tests pass a short deadline. */
export interface RequestDeadlineOptions {
  /** Per request, in ms; default DEFAULT_REQUEST_DEADLINE_MS. */
  requestTimeoutMs?: number;
}

export class NetworkTimeoutError extends Error {
  override readonly name = 'NetworkTimeoutError';
  constructor(
    readonly endpoint: NetworkEndpoint,
    readonly timeoutMs: number,
  ) {
    super(`${endpoint.host} did not answer within ${formatSeconds(timeoutMs)}: ${whatToCheck(endpoint)}.`);
  }
}

/** "check your VPN, proxy and AWS_ENDPOINT_URL_SSO": the advice of every timeout message. */
export function whatToCheck(endpoint: NetworkEndpoint): string {
  return endpoint.setting ? `check your VPN, proxy and ${endpoint.setting}` : 'check your VPN or proxy';
}

export function formatSeconds(ms: number): string {
  const seconds = Math.round(ms / 100) / 10;
  return `${seconds} s`;
}

export function isNetworkTimeout(error: unknown): error is NetworkTimeoutError {
  return error instanceof NetworkTimeoutError;
}

/** The host of a URL, or the text itself when it is not one. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * Runs `request` with a signal that aborts when the deadline passes or when `signal` does. A
 * deadline that passes rejects with NetworkTimeoutError even if `request` ignores its signal; a
 * caller's abort keeps the request's own error (an AbortError).
 */
export async function withDeadline<T>(
  endpoint: NetworkEndpoint,
  options: RequestDeadlineOptions & { signal?: AbortSignal | undefined },
  request: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_DEADLINE_MS;
  const deadline = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, deadline.signal]) : deadline.signal;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      deadline.abort(new NetworkTimeoutError(endpoint, timeoutMs));
      reject(new NetworkTimeoutError(endpoint, timeoutMs));
    }, timeoutMs);
  });
  // A request that throws at once still reaches the finally below, which clears the timer.
  const attempt = (async () => request(signal))();
  // When the deadline wins, the request's late rejection (its AbortError) is moot.
  attempt.catch(() => undefined);
  try {
    return await Promise.race([attempt, expired]);
  } catch (error) {
    if (deadline.signal.aborted && !options.signal?.aborted) throw new NetworkTimeoutError(endpoint, timeoutMs);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The request handler options of every AWS SDK client the core creates: an attempt that outlives
 * the deadline fails instead of the SDK's warning. It is a backstop a second after withDeadline,
 * which names the host and is what callers see.
 */
export function sdkRequestHandlerOptions(options: RequestDeadlineOptions): {
  connectionTimeout: number;
  requestTimeout: number;
  throwOnRequestTimeout: true;
} {
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_DEADLINE_MS;
  return { connectionTimeout: timeoutMs, requestTimeout: timeoutMs + 1_000, throwOnRequestTimeout: true };
}
