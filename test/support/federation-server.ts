// A local AWS sign-in federation endpoint for tests: GET /federation?Action=getSigninToken with a
// `Session` JSON of exactly sessionId, sessionKey and sessionToken, answered {"SigninToken": ...}
// when the test's `accepts` says the credentials are the expected ones, 400 otherwise.
// The protocol: docs/interop-aws.md, "Console sign-in".
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FederationSession {
  sessionId: string;
  sessionKey: string;
  sessionToken: string;
}

export interface FederationServerOptions {
  /** Whether these are the credentials the test expects. */
  accepts(session: FederationSession): boolean;
  /** Never answer (for deadline tests). */
  silent?: boolean;
}

/** What the server saw; never a secret. */
interface FederationRequest {
  method: string;
  path: string;
  action: string | null;
  /** The Session parameter was JSON with exactly the three string fields. */
  wellFormed: boolean;
  accepted: boolean;
  sessionId: string | null;
}

export interface FederationServer {
  url: string;
  requests: FederationRequest[];
  /** Whether this server issued `token` (tests compare without printing it). */
  issued(token: string): boolean;
  close(): Promise<void>;
}

function parseSession(text: string | null): FederationSession | null {
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort().join(',');
  if (keys !== 'sessionId,sessionKey,sessionToken') return null;
  const { sessionId, sessionKey, sessionToken } = record;
  if (typeof sessionId !== 'string' || typeof sessionKey !== 'string' || typeof sessionToken !== 'string') return null;
  return { sessionId, sessionKey, sessionToken };
}

export async function startFederationServer(opts: FederationServerOptions): Promise<FederationServer> {
  const requests: FederationRequest[] = [];
  const tokens = new Set<string>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://signin.local');
    const session = parseSession(url.searchParams.get('Session'));
    const record: FederationRequest = {
      method: req.method ?? '',
      path: url.pathname,
      action: url.searchParams.get('Action'),
      wellFormed: session !== null,
      accepted: false,
      sessionId: session?.sessionId ?? null,
    };
    requests.push(record);
    if (opts.silent) return;
    if (
      req.method !== 'GET' ||
      url.pathname !== '/federation' ||
      record.action !== 'getSigninToken' ||
      !session ||
      !opts.accepts(session)
    ) {
      res.writeHead(400, { 'content-type': 'text/html' });
      res.end('<html><body>Bad Request</body></html>');
      return;
    }
    record.accepted = true;
    const token = randomBytes(48).toString('base64url');
    tokens.add(token);
    const body = JSON.stringify({ SigninToken: token });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    issued: (token) => tokens.has(token),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
