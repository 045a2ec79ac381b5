// A local AWS IAM Identity Center portal (the `sso` service the SDK's SSOClient calls), speaking
// REST-JSON exactly as the SDK does, with an optional token-bucket rate limit that answers 429
// TooManyRequestsException beyond it: the failure every other SSO tool hits at a few hundred
// accounts. Shapes: aws-sdk-js-v3 clients/client-sso (schemas_0.js) and the service model
// (smithy-aws-sso): GET /assignment/accounts, GET /assignment/roles, GET /federation/credentials,
// bearer token in `x-amz-sso_bearer_token`, error code in `x-amzn-ErrorType`.
// Loopback only, port 0.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PortalAccount {
  accountId: string;
  accountName: string;
  emailAddress: string;
  roles: string[];
}

export interface PortalOptions {
  accounts: PortalAccount[];
  /** Bearer tokens the portal accepts. */
  validTokens: string[];
  /** Sustained requests per second across all operations; null: no limit. */
  ratePerSecond?: number | null;
  /** Bucket size (requests allowed in a burst); default: one second's worth. */
  burst?: number;
  /** Seconds to send in a Retry-After header with each 429; null (default): no header, like the real service. */
  retryAfterSeconds?: number | null;
  /** Delay before each answer, to look like a network round trip. */
  latencyMs?: number;
  /** Answer this many requests with 500 before serving normally (to test retries of server errors). */
  failFirst?: number;
}

export interface PortalCounters {
  /** Every request that reached the portal, including refused ones. */
  requests: number;
  /** 429 answers. */
  throttled: number;
  unauthorized: number;
  serverErrors: number;
  byOperation: Record<'ListAccounts' | 'ListAccountRoles' | 'GetRoleCredentials' | 'other', number>;
}

export interface SsoPortalServer {
  /** e.g. http://127.0.0.1:PORT — give it as AWS_ENDPOINT_URL_SSO or the client's endpoint. */
  url: string;
  counters: PortalCounters;
  resetCounters(): void;
  close(): Promise<void>;
}

const MAX_PAGE = 100;

/** N accounts x the given roles, with names that need sanitising now and then. */
export function makePortalAccounts(
  count: number,
  roles: readonly string[] = ['AdministratorAccess', 'ReadOnlyAccess', 'Developer'],
): PortalAccount[] {
  const odd = ['Prod (EU)', 'dev/sandbox', 'Team Ünïcode', 'billing'];
  return Array.from({ length: count }, (_, i) => ({
    accountId: String(100000000000 + i * 7919).padStart(12, '0'),
    accountName: i < odd.length ? (odd[i] as string) : `account-${String(i).padStart(4, '0')}`,
    emailAddress: `aws+${i}@example.com`,
    roles: [...roles],
  }));
}

export async function startSsoPortal(options: PortalOptions): Promise<SsoPortalServer> {
  const rate = options.ratePerSecond ?? null;
  const capacity = options.burst ?? rate ?? 0;
  let tokens = capacity;
  let lastRefill = performance.now();
  let failuresLeft = options.failFirst ?? 0;
  const byId = new Map(options.accounts.map((a) => [a.accountId, a]));
  const counters = freshCounters();

  function takeToken(): boolean {
    if (rate === null) return true;
    const now = performance.now();
    tokens = Math.min(capacity, tokens + ((now - lastRefill) / 1000) * rate);
    lastRefill = now;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  }

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      sendError(res, 500, 'InternalServerException', String(error));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    counters.requests++;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const operation = operationOf(req.method, url.pathname);
    counters.byOperation[operation]++;
    if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
    if (!takeToken()) {
      counters.throttled++;
      const headers: Record<string, string> =
        options.retryAfterSeconds == null ? {} : { 'Retry-After': String(options.retryAfterSeconds) };
      sendError(res, 429, 'TooManyRequestsException', 'Too many requests', headers);
      return;
    }
    if (failuresLeft > 0) {
      failuresLeft--;
      counters.serverErrors++;
      sendError(res, 500, 'InternalServerException', 'try again');
      return;
    }
    const token = req.headers['x-amz-sso_bearer_token'];
    if (typeof token !== 'string' || !options.validTokens.includes(token)) {
      counters.unauthorized++;
      sendError(res, 401, 'UnauthorizedException', 'Session token not found or invalid');
      return;
    }
    const page = pageRequest(url);
    if (page === null) {
      sendError(res, 400, 'InvalidRequestException', `max_result must be between 1 and ${MAX_PAGE}`);
      return;
    }

    if (operation === 'ListAccounts') {
      const slice = options.accounts.slice(page.offset, page.offset + page.size);
      sendJson(res, {
        accountList: slice.map(({ accountId, accountName, emailAddress }) => ({
          accountId,
          accountName,
          emailAddress,
        })),
        nextToken: nextToken(page, options.accounts.length),
      });
      return;
    }
    if (operation === 'ListAccountRoles') {
      const account = byId.get(url.searchParams.get('account_id') ?? '');
      if (account === undefined) {
        sendError(res, 404, 'ResourceNotFoundException', 'account not found');
        return;
      }
      const slice = account.roles.slice(page.offset, page.offset + page.size);
      sendJson(res, {
        roleList: slice.map((roleName) => ({ roleName, accountId: account.accountId })),
        nextToken: nextToken(page, account.roles.length),
      });
      return;
    }
    if (operation === 'GetRoleCredentials') {
      const account = byId.get(url.searchParams.get('account_id') ?? '');
      if (account === undefined || !account.roles.includes(url.searchParams.get('role_name') ?? '')) {
        sendError(res, 403, 'ForbiddenException', 'No access');
        return;
      }
      sendJson(res, {
        roleCredentials: {
          accessKeyId: `ASIA${randomBytes(8).toString('hex').toUpperCase()}`,
          secretAccessKey: randomBytes(20).toString('base64'),
          sessionToken: randomBytes(32).toString('base64'),
          expiration: Date.now() + 3600_000,
        },
      });
      return;
    }
    sendError(res, 404, 'UnknownOperationException', `${req.method} ${url.pathname}`);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counters,
    resetCounters() {
      Object.assign(counters, freshCounters());
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function freshCounters(): PortalCounters {
  return {
    requests: 0,
    throttled: 0,
    unauthorized: 0,
    serverErrors: 0,
    byOperation: { ListAccounts: 0, ListAccountRoles: 0, GetRoleCredentials: 0, other: 0 },
  };
}

function operationOf(method: string | undefined, path: string): keyof PortalCounters['byOperation'] {
  if (method !== 'GET') return 'other';
  if (path === '/assignment/accounts') return 'ListAccounts';
  if (path === '/assignment/roles') return 'ListAccountRoles';
  if (path === '/federation/credentials') return 'GetRoleCredentials';
  return 'other';
}

interface PageRequest {
  offset: number;
  size: number;
}

function pageRequest(url: URL): PageRequest | null {
  const max = url.searchParams.get('max_result');
  const size = max === null ? 20 : Number(max);
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE) return null;
  const token = url.searchParams.get('next_token');
  const offset =
    token === null
      ? 0
      : Number(
          Buffer.from(token, 'base64url')
            .toString('utf8')
            .replace(/^offset:/, ''),
        );
  return Number.isInteger(offset) && offset >= 0 ? { offset, size } : null;
}

/** Opaque to the client, like the real one; absent on the last page. */
function nextToken(page: PageRequest, total: number): string | undefined {
  const next = page.offset + page.size;
  return next < total ? Buffer.from(`offset:${next}`).toString('base64url') : undefined;
}

function sendJson(res: ServerResponse, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** The restJson1 error shape the SDK decodes: code in `x-amzn-ErrorType`, `message` in the body. */
function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) return;
  const text = JSON.stringify({ message });
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'x-amzn-ErrorType': code,
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}
