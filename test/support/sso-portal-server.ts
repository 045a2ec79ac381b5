// A minimal local IAM Identity Center portal for the login interop tests: only
// GetRoleCredentials (`GET /federation/credentials?role_name=&account_id=`, bearer token in
// `x-amz-sso_bearer_token`), strict about the token and the parameters, answering REST-JSON as
// the service does (`{"roleCredentials": {...}}`, expiration in epoch milliseconds; errors with
// `x-amzn-ErrorType`). The sync engineer's sso-portal-rate-limited.ts covers listing.
// Shapes: aws-sdk-js-v3 clients/client-sso; botocore/data/sso/2019-06-10/service-2.json.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PortalRoleCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** Epoch milliseconds. */
  expiration: number;
}

export interface PortalRole {
  accountId: string;
  roleName: string;
  credentials: PortalRoleCredentials;
}

export interface SsoPortalServerOptions {
  /** Whether a bearer token is a live access token (ask the local OIDC server). */
  isValidAccessToken: (token: string) => boolean;
  roles: PortalRole[];
}

export interface PortalRequestRecord {
  path: string;
  accountId: string | null;
  roleName: string | null;
  /** The bearer token presented (a fake, test-only token). */
  bearerToken: string | null;
  status: number;
}

export interface SsoPortalServer {
  url: string;
  requests: PortalRequestRecord[];
  close(): Promise<void>;
}

function fail(res: ServerResponse, status: number, type: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json', 'x-amzn-errortype': type });
  res.end(JSON.stringify({ message }));
}

export async function startSsoPortalServer(options: SsoPortalServerOptions): Promise<SsoPortalServer> {
  const requests: PortalRequestRecord[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const header = req.headers['x-amz-sso_bearer_token'];
    const bearerToken = typeof header === 'string' ? header : null;
    const accountId = url.searchParams.get('account_id');
    const roleName = url.searchParams.get('role_name');
    const record: PortalRequestRecord = { path: url.pathname, accountId, roleName, bearerToken, status: 0 };
    requests.push(record);
    const answer = (status: number, send: () => void): void => {
      record.status = status;
      send();
    };
    if (req.method !== 'GET' || url.pathname !== '/federation/credentials') {
      answer(404, () => fail(res, 404, 'ResourceNotFoundException', 'Unknown operation'));
    } else if (!bearerToken || !options.isValidAccessToken(bearerToken)) {
      answer(401, () => fail(res, 401, 'UnauthorizedException', 'Session token not found or invalid'));
    } else if (!accountId || !roleName) {
      answer(400, () => fail(res, 400, 'InvalidRequestException', 'account_id and role_name are required'));
    } else {
      const role = options.roles.find((r) => r.accountId === accountId && r.roleName === roleName);
      if (!role) {
        answer(403, () => fail(res, 403, 'ForbiddenException', 'No access'));
      } else {
        answer(200, () => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ roleCredentials: role.credentials }));
        });
      }
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
