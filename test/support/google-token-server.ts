// A local stand-in for Google's OAuth 2.0 token endpoint (and the one Cloud Resource Manager call
// `gcloud config set project` makes), for tests only. Loopback, random port.
//
// - JWT bearer grants (service accounts): verifies the assertion's RS256 signature against the
//   registered key's public half, and checks iss, aud, iat/exp the way Google documents
//   (https://developers.google.com/identity/protocols/oauth2/service-account#httprest).
// - refresh_token grants (user credentials): answers per registered token, including the
//   reauth answers `invalid_grant` + `error_subtype: invalid_rapt | rapt_required`, and a revoked
//   grant (`invalid_grant` without a subtype).
import { createPublicKey, randomBytes, verify, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';

export type RefreshOutcome = 'ok' | 'invalid_rapt' | 'rapt_required' | 'revoked';

export interface RegisteredUser {
  /** When set, the refresh must carry this client id and secret (gcloud sends its own). */
  clientId?: string;
  clientSecret?: string;
  outcome: RefreshOutcome;
  /** When set, a refresh without exactly this `rapt` is answered `invalid_rapt`. */
  requiredRapt?: string;
}

/** What the server saw, without the secrets themselves. */
export interface TokenRequestRecord {
  path: string;
  grantType: string | null;
  issuer: string | null;
  audience: string | null;
  rapt: string | null;
  status: number;
}

interface RegisteredKey {
  publicKey: KeyObject;
  keyId: string | null;
  disabled: boolean;
}

export class GoogleTokenServer {
  readonly requests: TokenRequestRecord[] = [];
  private readonly keys = new Map<string, RegisteredKey>();
  private readonly users = new Map<string, RegisteredUser>();
  private readonly projects = new Set<string>();
  private extraAudiences: string[] = [GOOGLE_TOKEN_URL];

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<GoogleTokenServer> {
    const holder: { instance?: GoogleTokenServer } = {};
    const server = createServer((req, res) => {
      void holder.instance?.handle(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    holder.instance = new GoogleTokenServer(server, `http://127.0.0.1:${port}`);
    return holder.instance;
  }

  /** The token endpoint: use as a key's `token_uri` and as CLOUDSDK_AUTH_TOKEN_HOST. */
  get tokenUrl(): string {
    return `${this.url}/token`;
  }

  /** Accepts JWTs for this service account, signed by the private half of `keyPem`. */
  registerServiceAccount(clientEmail: string, keyPem: string, keyId: string | null = null): void {
    this.keys.set(clientEmail, { publicKey: createPublicKey(keyPem), keyId, disabled: false });
  }

  /** What Google does after the key is deleted or disabled in the console. */
  disableServiceAccountKey(clientEmail: string): void {
    const key = this.keys.get(clientEmail);
    if (key) key.disabled = true;
  }

  registerRefreshToken(refreshToken: string, user: RegisteredUser): void {
    this.users.set(refreshToken, user);
  }

  /** Audiences accepted in a JWT besides this server's own token URL. */
  acceptAudiences(audiences: string[]): void {
    this.extraAudiences = audiences;
  }

  /** Projects `GET /v1/projects/<id>` reports as ACTIVE (others: 403, which gcloud only warns about). */
  addProject(projectId: string): void {
    this.projects.add(projectId);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const body = await readBody(req);
    const reply = (status: number, json: unknown, record: Partial<TokenRequestRecord> = {}): void => {
      this.requests.push({ path, grantType: null, issuer: null, audience: null, rapt: null, ...record, status });
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(json));
    };
    const project = /^\/v1\/projects\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && project?.[1]) {
      const id = decodeURIComponent(project[1]);
      if (this.projects.has(id))
        return reply(200, { projectId: id, projectNumber: '123456789012', lifecycleState: 'ACTIVE', name: id });
      return reply(403, {
        error: { code: 403, message: `The caller does not have permission`, status: 'PERMISSION_DENIED' },
      });
    }
    if (req.method !== 'POST' || !/^\/token\/?$/.test(path)) return reply(404, { error: 'not_found' });
    const form = new URLSearchParams(body);
    const grantType = form.get('grant_type');
    if (grantType === 'urn:ietf:params:oauth:grant-type:jwt-bearer')
      return this.jwtGrant(form.get('assertion') ?? '', reply);
    if (grantType === 'refresh_token') return this.refreshGrant(form, reply);
    return reply(
      400,
      { error: 'unsupported_grant_type', error_description: `Invalid grant_type: ${grantType ?? ''}` },
      { grantType },
    );
  }

  private jwtGrant(
    assertion: string,
    reply: (status: number, json: unknown, record?: Partial<TokenRequestRecord>) => void,
  ): void {
    const grantType = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
    const parts = assertion.split('.');
    const header = parseSegment(parts[0]);
    const claims = parseSegment(parts[1]);
    if (parts.length !== 3 || !header || !claims) {
      return reply(400, { error: 'invalid_grant', error_description: 'Invalid JWT: malformed.' }, { grantType });
    }
    const issuer = typeof claims.iss === 'string' ? claims.iss : null;
    const audience = typeof claims.aud === 'string' ? claims.aud : null;
    const record = { grantType, issuer, audience };
    const key = issuer ? this.keys.get(issuer) : undefined;
    if (header.alg !== 'RS256')
      return reply(400, { error: 'invalid_grant', error_description: 'Invalid JWT: unsupported alg.' }, record);
    if (!key)
      return reply(400, { error: 'invalid_grant', error_description: 'Invalid grant: account not found' }, record);
    const signed = verify(
      'RSA-SHA256',
      Buffer.from(`${parts[0]}.${parts[1]}`),
      key.publicKey,
      Buffer.from(parts[2] ?? '', 'base64url'),
    );
    const kidMismatch = key.keyId !== null && typeof header.kid === 'string' && header.kid !== key.keyId;
    if (!signed || key.disabled || kidMismatch) {
      return reply(400, { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' }, record);
    }
    if (!audience || ![this.tokenUrl, ...this.extraAudiences].includes(audience)) {
      return reply(400, { error: 'invalid_grant', error_description: 'Invalid JWT: Failed audience check.' }, record);
    }
    if (typeof claims.scope !== 'string' || claims.scope.trim() === '') {
      return reply(400, { error: 'invalid_scope', error_description: 'Empty or missing scope not allowed.' }, record);
    }
    const now = Math.floor(Date.now() / 1000);
    const iat = Number(claims.iat);
    const exp = Number(claims.exp);
    if (!Number.isFinite(iat) || !Number.isFinite(exp) || exp <= now || exp - iat > 3600 || iat > now + 300) {
      return reply(
        400,
        {
          error: 'invalid_grant',
          error_description:
            'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.',
        },
        record,
      );
    }
    return reply(200, { access_token: fakeToken('ya29.sa'), expires_in: 3599, token_type: 'Bearer' }, record);
  }

  private refreshGrant(
    form: URLSearchParams,
    reply: (status: number, json: unknown, record?: Partial<TokenRequestRecord>) => void,
  ): void {
    const rapt = form.get('rapt');
    const record = { grantType: 'refresh_token', rapt };
    const user = this.users.get(form.get('refresh_token') ?? '');
    if (!user) return reply(400, { error: 'invalid_grant', error_description: 'Bad Request' }, record);
    if (
      (user.clientId !== undefined && form.get('client_id') !== user.clientId) ||
      (user.clientSecret !== undefined && form.get('client_secret') !== user.clientSecret)
    ) {
      return reply(401, { error: 'invalid_client', error_description: 'Unauthorized' }, record);
    }
    if (user.outcome === 'revoked') {
      return reply(400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' }, record);
    }
    if (
      user.outcome === 'invalid_rapt' ||
      user.outcome === 'rapt_required' ||
      (user.requiredRapt !== undefined && rapt !== user.requiredRapt)
    ) {
      const subtype = user.outcome === 'rapt_required' ? 'rapt_required' : 'invalid_rapt';
      return reply(
        400,
        {
          error: 'invalid_grant',
          error_description: 'reauth related error (invalid_rapt)',
          error_uri: 'https://support.google.com/a/answer/9368756',
          error_subtype: subtype,
        },
        record,
      );
    }
    return reply(
      200,
      {
        access_token: fakeToken('ya29.user'),
        expires_in: 3599,
        token_type: 'Bearer',
        scope: 'openid https://www.googleapis.com/auth/cloud-platform',
      },
      record,
    );
  }
}

function fakeToken(prefix: string): string {
  return `${prefix}.${randomBytes(24).toString('base64url')}`;
}

function parseSegment(segment: string | undefined): Record<string, unknown> | null {
  if (!segment) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
