// A local AWS SSO-OIDC service speaking the real REST-JSON wire protocol, so the JS SDK and
// botocore raise their real exception classes: errors carry `x-amzn-errortype` plus an OAuth
// body `{"error": ..., "error_description": ...}`. It runs a real device-code state machine
// (pending, slow_down when polled faster than the interval, approved, denied, expired), the
// authorization-code grant with PKCE (S256 checked against the verifier, redirect URI equal),
// and the refresh_token grant (rotate, keep, or refuse). Time comes from `now` so tests can
// drive expiry without waiting. Loopback only.
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OidcRequestRecord {
  operation: 'RegisterClient' | 'StartDeviceAuthorization' | 'CreateToken' | 'Authorize';
  body: Record<string, unknown>;
}

export type RefreshMode = 'rotate' | 'keep' | 'refuse';

export interface SsoOidcServerOptions {
  /** Milliseconds since the epoch; defaults to Date.now. */
  now?: () => number;
  accessTokenTtlSeconds?: number;
  deviceCodeTtlSeconds?: number;
  /** The polling interval the service advertises. */
  intervalSeconds?: number;
  /** The interval it enforces with slow_down (defaults to the advertised one). */
  enforcedIntervalSeconds?: number;
  registrationTtlSeconds?: number;
}

export interface IssuedAccessToken {
  startUrl: string;
  expiresAtMs: number;
  clientId: string;
}

export interface SsoOidcServer {
  url: string;
  requests: OidcRequestRecord[];
  /** The user approves the device code in the browser. */
  approve(userCode: string): void;
  deny(userCode: string): void;
  /** What the "browser" does at /authorize: approve (redirect with a code) or deny. */
  setAuthorizeAnswer(answer: 'approve' | 'deny'): void;
  /** How the refresh_token grant answers. */
  setRefreshMode(mode: RefreshMode): void;
  /** Hold every CreateToken answer this long (lets a test act while a request is in flight). */
  setCreateTokenDelay(ms: number): void;
  /** The access token is live (issued here, not expired). */
  isValidAccessToken(token: string): boolean;
  issuedAccessTokens(): Map<string, IssuedAccessToken>;
  close(): Promise<void>;
}

interface Client {
  clientId: string;
  clientSecret: string;
  scopes: string[];
  grantTypes: string[];
  redirectUris: string[];
  issuerUrl: string;
  expiresAtMs: number;
}

interface DeviceAuthorization {
  deviceCode: string;
  userCode: string;
  clientId: string;
  startUrl: string;
  expiresAtMs: number;
  intervalSeconds: number;
  lastPollMs: number | null;
  state: 'pending' | 'approved' | 'denied' | 'consumed';
}

interface AuthorizationCode {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  startUrl: string;
  used: boolean;
}

interface RefreshGrant {
  clientId: string;
  startUrl: string;
  scopes: string[];
  revoked: boolean;
}

const ERROR_SHAPES: Record<string, { status: number; error: string }> = {
  AuthorizationPendingException: { status: 400, error: 'authorization_pending' },
  SlowDownException: { status: 400, error: 'slow_down' },
  ExpiredTokenException: { status: 400, error: 'expired_token' },
  AccessDeniedException: { status: 400, error: 'access_denied' },
  InvalidGrantException: { status: 400, error: 'invalid_grant' },
  InvalidClientException: { status: 401, error: 'invalid_client' },
  InvalidRequestException: { status: 400, error: 'invalid_request' },
  UnsupportedGrantTypeException: { status: 400, error: 'unsupported_grant_type' },
  InvalidRedirectUriException: { status: 400, error: 'invalid_redirect_uri' },
};

class OidcError extends Error {
  constructor(
    readonly type: keyof typeof ERROR_SHAPES,
    readonly description: string,
  ) {
    super(description);
  }
}

function token(prefix: string): string {
  return `${prefix}${randomBytes(24).toString('base64url')}`;
}

function userCode(): string {
  const letters = 'BCDFGHJKLMNPQRSTVWXZ';
  const pick = (): string => Array.from(randomBytes(4), (b) => letters[b % letters.length]).join('');
  return `${pick()}-${pick()}`;
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function str(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  return typeof value === 'string' ? value : undefined;
}

/** RFC 8252 §7.3: a loopback redirect URI matches the registered one on any port. */
function loopbackMatches(registered: string, actual: string): boolean {
  try {
    const a = new URL(registered);
    const b = new URL(actual);
    return (
      a.protocol === b.protocol && a.hostname === b.hostname && a.pathname === b.pathname && b.hostname === '127.0.0.1'
    );
  } catch {
    return false;
  }
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return {};
  const parsed: unknown = JSON.parse(text);
  return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export async function startSsoOidcServer(options: SsoOidcServerOptions = {}): Promise<SsoOidcServer> {
  const now = options.now ?? Date.now;
  const accessTtl = options.accessTokenTtlSeconds ?? 3600;
  const deviceTtl = options.deviceCodeTtlSeconds ?? 600;
  const interval = options.intervalSeconds ?? 5;
  const enforcedInterval = options.enforcedIntervalSeconds ?? interval;
  const registrationTtl = options.registrationTtlSeconds ?? 90 * 24 * 3600;

  const requests: OidcRequestRecord[] = [];
  const clients = new Map<string, Client>();
  const devices = new Map<string, DeviceAuthorization>();
  const codes = new Map<string, AuthorizationCode>();
  const refreshGrants = new Map<string, RefreshGrant>();
  const accessTokens = new Map<string, IssuedAccessToken>();
  let authorizeAnswer: 'approve' | 'deny' = 'approve';
  let refreshMode: RefreshMode = 'rotate';
  let createTokenDelayMs = 0;

  function authenticate(body: Record<string, unknown>): Client {
    const client = clients.get(str(body, 'clientId') ?? '');
    if (!client || client.clientSecret !== str(body, 'clientSecret'))
      throw new OidcError('InvalidClientException', 'Invalid client');
    if (client.expiresAtMs <= now()) throw new OidcError('InvalidClientException', 'Client registration expired');
    return client;
  }

  function issue(client: Client, startUrl: string, scopes: string[]): Record<string, unknown> {
    const accessToken = token('aoa');
    accessTokens.set(accessToken, { startUrl, expiresAtMs: now() + accessTtl * 1000, clientId: client.clientId });
    const answer: Record<string, unknown> = { accessToken, tokenType: 'Bearer', expiresIn: accessTtl };
    // Like the service: a refresh token only for clients registered with scopes.
    if (scopes.length > 0) {
      const refreshToken = token('aor');
      refreshGrants.set(refreshToken, { clientId: client.clientId, startUrl, scopes, revoked: false });
      answer.refreshToken = refreshToken;
    }
    return answer;
  }

  function registerClient(body: Record<string, unknown>): Record<string, unknown> {
    if (!str(body, 'clientName') || str(body, 'clientType') !== 'public')
      throw new OidcError('InvalidRequestException', 'clientName and clientType=public are required');
    const grantTypes = stringArray(body.grantTypes);
    const redirectUris = stringArray(body.redirectUris);
    if (grantTypes.includes('authorization_code') && (redirectUris.length === 0 || !str(body, 'issuerUrl'))) {
      throw new OidcError('InvalidRequestException', 'authorization_code clients need redirectUris and issuerUrl');
    }
    const issuedAt = Math.floor(now() / 1000);
    const client: Client = {
      clientId: token('cid'),
      clientSecret: token('csecret'),
      scopes: stringArray(body.scopes),
      grantTypes,
      redirectUris,
      issuerUrl: str(body, 'issuerUrl') ?? '',
      expiresAtMs: (issuedAt + registrationTtl) * 1000,
    };
    clients.set(client.clientId, client);
    return {
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      clientIdIssuedAt: issuedAt,
      clientSecretExpiresAt: issuedAt + registrationTtl,
    };
  }

  function startDeviceAuthorization(body: Record<string, unknown>, baseUrl: string): Record<string, unknown> {
    const client = authenticate(body);
    const startUrl = str(body, 'startUrl');
    if (!startUrl) throw new OidcError('InvalidRequestException', 'startUrl is required');
    const device: DeviceAuthorization = {
      deviceCode: token('dc'),
      userCode: userCode(),
      clientId: client.clientId,
      startUrl,
      expiresAtMs: now() + deviceTtl * 1000,
      intervalSeconds: enforcedInterval,
      lastPollMs: null,
      state: 'pending',
    };
    devices.set(device.deviceCode, device);
    const verificationUri = `${baseUrl}/device`;
    return {
      deviceCode: device.deviceCode,
      userCode: device.userCode,
      verificationUri,
      verificationUriComplete: `${verificationUri}?user_code=${device.userCode}`,
      expiresIn: deviceTtl,
      interval,
    };
  }

  function deviceToken(client: Client, body: Record<string, unknown>): Record<string, unknown> {
    const device = devices.get(str(body, 'deviceCode') ?? '');
    if (!device || device.clientId !== client.clientId || device.state === 'consumed')
      throw new OidcError('InvalidGrantException', 'Invalid device code');
    const t = now();
    if (t >= device.expiresAtMs) throw new OidcError('ExpiredTokenException', 'Device code expired');
    if (device.state === 'denied') throw new OidcError('AccessDeniedException', 'The user denied the request');
    const tooSoon = device.lastPollMs !== null && t - device.lastPollMs < device.intervalSeconds * 1000;
    device.lastPollMs = t;
    if (tooSoon) {
      // RFC 8628 §3.5: the client must add 5 s to its interval from now on.
      throw new OidcError('SlowDownException', 'Client is polling too fast');
    }
    if (device.state === 'pending') throw new OidcError('AuthorizationPendingException', 'Authorization pending');
    device.state = 'consumed';
    return issue(client, device.startUrl, client.scopes);
  }

  function authorizationCodeToken(client: Client, body: Record<string, unknown>): Record<string, unknown> {
    const grant = codes.get(str(body, 'code') ?? '');
    if (!grant || grant.used || grant.clientId !== client.clientId)
      throw new OidcError('InvalidGrantException', 'Invalid authorization code');
    grant.used = true;
    if (str(body, 'redirectUri') !== grant.redirectUri)
      throw new OidcError('InvalidGrantException', 'redirect_uri does not match the authorization request');
    const verifier = str(body, 'codeVerifier') ?? '';
    const challenge = createHash('sha256').update(verifier, 'ascii').digest('base64url');
    if (challenge !== grant.codeChallenge)
      throw new OidcError('InvalidGrantException', 'code_verifier does not match code_challenge');
    return issue(client, grant.startUrl, client.scopes);
  }

  function refreshToken(client: Client, body: Record<string, unknown>): Record<string, unknown> {
    const presented = str(body, 'refreshToken') ?? '';
    const grant = refreshGrants.get(presented);
    if (!grant || grant.revoked || grant.clientId !== client.clientId || refreshMode === 'refuse') {
      throw new OidcError('InvalidGrantException', 'Invalid refresh token');
    }
    const answer = issue(client, grant.startUrl, grant.scopes);
    if (refreshMode === 'rotate') {
      grant.revoked = true;
    } else {
      // "keep": the service answers without a refresh token; the old one stays valid.
      refreshGrants.delete(answer.refreshToken as string);
      delete answer.refreshToken;
    }
    return answer;
  }

  function createToken(body: Record<string, unknown>): Record<string, unknown> {
    const client = authenticate(body);
    const grantType = str(body, 'grantType');
    switch (grantType) {
      case 'urn:ietf:params:oauth:grant-type:device_code':
        return deviceToken(client, body);
      case 'authorization_code':
        if (!client.grantTypes.includes('authorization_code'))
          throw new OidcError('InvalidGrantException', 'Client not registered for authorization_code');
        return authorizationCodeToken(client, body);
      case 'refresh_token':
        return refreshToken(client, body);
      default:
        throw new OidcError('UnsupportedGrantTypeException', `Unsupported grant type ${grantType ?? ''}`);
    }
  }

  function authorize(url: URL, res: ServerResponse): void {
    const query = Object.fromEntries(url.searchParams);
    requests.push({ operation: 'Authorize', body: query });
    const client = clients.get(query.client_id ?? '');
    const redirectUri = query.redirect_uri ?? '';
    if (
      !client ||
      !client.grantTypes.includes('authorization_code') ||
      !client.redirectUris.some((uri) => loopbackMatches(uri, redirectUri))
    ) {
      sendJson(res, 400, { error: 'invalid_request', error_description: 'Unknown client or redirect_uri' });
      return;
    }
    if (
      query.response_type !== 'code' ||
      query.code_challenge_method !== 'S256' ||
      !query.code_challenge ||
      !query.state
    ) {
      sendJson(res, 400, {
        error: 'invalid_request',
        error_description: 'response_type=code, state and an S256 code_challenge are required',
      });
      return;
    }
    const target = new URL(redirectUri);
    target.searchParams.set('state', query.state);
    if (authorizeAnswer === 'deny') {
      target.searchParams.set('error', 'access_denied');
    } else {
      const code = token('code');
      codes.set(code, {
        clientId: client.clientId,
        redirectUri,
        codeChallenge: query.code_challenge,
        startUrl: client.issuerUrl,
        used: false,
      });
      target.searchParams.set('code', code);
    }
    res.writeHead(302, { location: target.toString() });
    res.end();
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (req.method === 'GET' && url.pathname === '/authorize') {
      authorize(url, res);
      return;
    }
    const operations: Record<string, OidcRequestRecord['operation']> = {
      '/client/register': 'RegisterClient',
      '/device_authorization': 'StartDeviceAuthorization',
      '/token': 'CreateToken',
    };
    const operation = req.method === 'POST' ? operations[url.pathname] : undefined;
    if (!operation) {
      sendJson(res, 404, { message: 'Not found' });
      return;
    }
    readJson(req)
      .then(async (body) => {
        requests.push({ operation, body });
        if (operation === 'CreateToken' && createTokenDelayMs > 0)
          await new Promise((resolve) => setTimeout(resolve, createTokenDelayMs));
        const result =
          operation === 'RegisterClient'
            ? registerClient(body)
            : operation === 'StartDeviceAuthorization'
              ? startDeviceAuthorization(body, baseUrl)
              : createToken(body);
        sendJson(res, 200, result);
      })
      .catch((error: unknown) => {
        if (error instanceof OidcError) {
          const shape = ERROR_SHAPES[error.type] as { status: number; error: string };
          sendJson(
            res,
            shape.status,
            { error: shape.error, error_description: error.description },
            { 'x-amzn-errortype': error.type },
          );
        } else {
          sendJson(
            res,
            400,
            { error: 'invalid_request', error_description: 'Malformed request' },
            { 'x-amzn-errortype': 'InvalidRequestException' },
          );
        }
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  function byUserCode(code: string): DeviceAuthorization {
    for (const device of devices.values()) if (device.userCode === code) return device;
    throw new Error(`No device authorization with user code ${code}`);
  }

  return {
    url,
    requests,
    approve: (code) => {
      byUserCode(code).state = 'approved';
    },
    deny: (code) => {
      byUserCode(code).state = 'denied';
    },
    setAuthorizeAnswer: (answer) => {
      authorizeAnswer = answer;
    },
    setRefreshMode: (mode) => {
      refreshMode = mode;
    },
    setCreateTokenDelay: (ms) => {
      createTokenDelayMs = ms;
    },
    isValidAccessToken: (candidate) => {
      const issued = accessTokens.get(candidate);
      return issued !== undefined && issued.expiresAtMs > now();
    },
    issuedAccessTokens: () => accessTokens,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
