// Every account and role an SSO access token can use: ListAccounts pages (100 a page), and for
// each account its ListAccountRoles pages, fetched by a bounded pool of workers as soon as the
// account is seen. All calls share one adaptive pacer (./adaptive-rate.ts), so the listing runs
// close to the portal's rate limit with no call failing on a 429.
// Secrets: the access token goes into the SDK call and nowhere else.
import { paginateListAccountRoles, paginateListAccounts, type SSOClient } from '@aws-sdk/client-sso';
import type { Problem } from '../../../shared/model';
import { isNetworkTimeout, type RequestDeadlineOptions } from '../../net/deadline';
import { AdaptiveRateLimiter, type AdaptiveRateOptions } from './adaptive-rate';
import { createPortalClient, type PortalCallStats } from './portal-client';

export interface SsoAccountRoles {
  accountId: string;
  accountName: string;
  emailAddress: string | null;
  /** Role names, sorted. */
  roles: string[];
  /** False when listing this account's roles failed: its roles are not known to be complete. */
  rolesComplete: boolean;
}

export interface SsoListingProgress {
  accountsFound: number;
  /** True once every ListAccounts page is in: `accountsFound` is then the total. */
  allAccountsFound: boolean;
  accountsDone: number;
  rolesFound: number;
  requests: number;
  throttled: number;
  /** The pacer's current rate, requests per second. */
  rate: number;
}

export interface SsoListing {
  /** Sorted by account name, then id. */
  accounts: SsoAccountRoles[];
  /** True when every account and every account's roles were listed. */
  complete: boolean;
  /** The portal refused the access token (expired or revoked): log in again. */
  tokenRefused: boolean;
  /** A request got no answer before its deadline; the listing stopped (the problem says where). */
  unreachable: boolean;
  problems: Problem[];
  stats: PortalCallStats & { elapsedMs: number; finalRate: number };
}

export interface ListAccountsAndRolesOptions extends RequestDeadlineOptions {
  accessToken: string;
  /** The sso-session's `sso_region`. */
  region: string;
  endpoint?: string;
  /** Where AWS_ENDPOINT_URL_SSO / AWS_ENDPOINT_URL are read from (not process.env unless passed). */
  env?: NodeJS.ProcessEnv;
  /** Role listings in flight at once (default 8). */
  concurrency?: number;
  onProgress?: (progress: SsoListingProgress) => void;
  signal?: AbortSignal;
  rateControl?: AdaptiveRateOptions;
}

const PAGE_SIZE = 100;

export async function listAccountsAndRoles(options: ListAccountsAndRolesOptions): Promise<SsoListing> {
  const started = performance.now();
  const stats: PortalCallStats = { requests: 0, throttled: 0, retriedErrors: 0, failedCalls: 0 };
  const pacer = new AdaptiveRateLimiter(options.rateControl);
  // Stops every worker at once: on the caller's abort, or when the token is refused.
  const stop = new AbortController();
  const onAbort = (): void => stop.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const client = createPortalClient({
    region: options.region,
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    ...(options.env === undefined ? {} : { env: options.env }),
    ...(options.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: options.requestTimeoutMs }),
    pacer,
    stats,
    signal: stop.signal,
  });

  const accounts: SsoAccountRoles[] = [];
  const problems: Problem[] = [];
  const queue: SsoAccountRoles[] = [];
  let allAccountsFound = false;
  let accountsComplete = true;
  let accountsDone = 0;
  let rolesFound = 0;
  let tokenRefused = false;
  let unreachable = false;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    wake?.();
    wake = null;
  };
  const report = (): void =>
    options.onProgress?.({
      accountsFound: accounts.length,
      allAccountsFound,
      accountsDone,
      rolesFound,
      requests: stats.requests,
      throttled: stats.throttled,
      rate: pacer.rate,
    });
  const fail = (error: unknown, what: string): void => {
    if (isUnauthorized(error)) {
      tokenRefused = true;
      if (!stop.signal.aborted)
        problems.push({
          severity: 'error',
          message: 'The SSO portal refused the access token: log in to the session again.',
        });
      stop.abort(error);
      return;
    }
    if (isNetworkTimeout(error)) {
      if (!stop.signal.aborted) problems.push({ severity: 'error', message: error.message });
      unreachable = true;
      stop.abort(error);
      return;
    }
    if (stop.signal.aborted) return;
    problems.push({ severity: 'error', message: `${what}: ${describe(error)}` });
  };

  const producer = (async () => {
    try {
      const pages = paginateListAccounts(
        { client, pageSize: PAGE_SIZE },
        { accessToken: options.accessToken },
        { abortSignal: stop.signal },
      );
      for await (const page of pages) {
        for (const info of page.accountList ?? []) {
          if (info.accountId === undefined) continue;
          const account: SsoAccountRoles = {
            accountId: info.accountId,
            accountName: info.accountName ?? info.accountId,
            emailAddress: info.emailAddress ?? null,
            roles: [],
            rolesComplete: false,
          };
          accounts.push(account);
          queue.push(account);
        }
        report();
        notify();
      }
    } catch (error) {
      accountsComplete = false;
      fail(error, 'Listing accounts failed');
    } finally {
      allAccountsFound = true;
      notify();
    }
  })();

  const worker = async (): Promise<void> => {
    for (;;) {
      if (stop.signal.aborted) return;
      const account = queue.shift();
      if (account === undefined) {
        if (allAccountsFound) return;
        await new Promise<void>((resolve) => {
          const previous = wake;
          wake = () => {
            previous?.();
            resolve();
          };
        });
        continue;
      }
      try {
        account.roles = await listRoles(client, options.accessToken, account.accountId, stop.signal);
        account.rolesComplete = true;
        rolesFound += account.roles.length;
      } catch (error) {
        fail(error, `Listing roles of account ${account.accountId} (${account.accountName}) failed`);
      }
      accountsDone++;
      report();
    }
  };

  try {
    await Promise.all([producer, ...Array.from({ length: Math.max(1, options.concurrency ?? 8) }, worker)]);
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    client.destroy();
  }
  if (options.signal?.aborted) throw options.signal.reason;

  accounts.sort((a, b) => a.accountName.localeCompare(b.accountName) || a.accountId.localeCompare(b.accountId));
  return {
    accounts,
    complete: accountsComplete && !stop.signal.aborted && accounts.every((a) => a.rolesComplete),
    tokenRefused,
    unreachable,
    problems,
    stats: { ...stats, elapsedMs: performance.now() - started, finalRate: pacer.rate },
  };
}

async function listRoles(
  client: SSOClient,
  accessToken: string,
  accountId: string,
  signal: AbortSignal,
): Promise<string[]> {
  const roles: string[] = [];
  const pages = paginateListAccountRoles(
    { client, pageSize: PAGE_SIZE },
    { accessToken, accountId },
    { abortSignal: signal },
  );
  for await (const page of pages) {
    for (const role of page.roleList ?? []) if (role.roleName !== undefined) roles.push(role.roleName);
  }
  return roles.sort();
}

function isUnauthorized(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } } | null;
  return e?.name === 'UnauthorizedException' || e?.$metadata?.httpStatusCode === 401;
}

/** The error's kind and message; never the request (it carries the token). */
function describe(error: unknown): string {
  const e = error as { name?: string; message?: string } | null;
  return `${e?.name ?? 'Error'}: ${e?.message ?? String(error)}`;
}
