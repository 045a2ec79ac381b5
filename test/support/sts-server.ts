// A local AWS STS for tests: the real query protocol (form-encoded POST or GET, XML answers in
// the 2011-06-15 namespace), real SigV4 verification against each key's secret, and STS's own
// error codes. GetCallerIdentity, AssumeRole and GetFederationToken; credentials they issue are
// accepted after.
// Response shapes: https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
// and https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  expectedSignature,
  headerValues,
  parseSigV4Authorization,
  signaturesEqual,
  type SigV4Authorization,
} from './sigv4-verify';
import { amzDateOf, errorXml, escapeXml, resultXml, StsError, stsTimestamp } from './sts-protocol';

export { STS_NAMESPACE } from './sts-protocol';

const STS_VERSION = '2011-06-15';
const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

export interface StsIdentity {
  secretAccessKey: string;
  account: string;
  arn: string;
  userId: string;
  /** Set for session credentials: requests must carry this `X-Amz-Security-Token`. */
  sessionToken?: string;
  /** Session credentials past this instant answer `ExpiredToken`. */
  expiresAt?: Date;
}

export interface StsRole {
  /** Every AssumeRole of this role answers AccessDenied. */
  denied?: boolean;
  /** The role's unique id (AROA...); generated when absent. */
  roleId?: string;
}

export interface StsServerOptions {
  /** By access key id. */
  identities: Record<string, StsIdentity>;
  /** By role ARN; AssumeRole of an unlisted role answers AccessDenied, as for a role one may not assume. */
  roles?: Record<string, StsRole>;
  /** Wait this long before answering each request (lets tests observe concurrency). */
  responseDelayMs?: number;
  now?: () => Date;
}

/** What the server saw; never a secret or a session token. */
export interface RecordedRequest {
  method: string;
  path: string;
  action: string | null;
  accessKeyId: string | null;
  region: string | null;
  hadSessionToken: boolean;
  status: number;
  errorCode: string | null;
}

export interface StsServer {
  url: string;
  requests: RecordedRequest[];
  /** The most requests that were being answered at the same time. */
  readonly maxInFlight: number;
  /**
   * Who a key this server knows (given or issued) belongs to, and whether `secret` and
   * `sessionToken` are its own: lets a test's other servers check credentials STS issued.
   */
  identityOf(
    accessKeyId: string,
    secretAccessKey: string,
    sessionToken: string | null,
  ): { arn: string; federationPolicy: string | null } | null;
  close(): Promise<void>;
}

interface StsAnswer {
  status: number;
  body: string;
  errorCode: string | null;
}

function parseAmzDate(value: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return null;
  const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

const randomUpper = (length: number): string => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  return [...randomBytes(length)].map((b) => alphabet[b % alphabet.length]).join('');
};

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > 1024 * 1024) reject(new StsError(413, 'RequestEntityTooLarge', 'Request body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startStsServer(opts: StsServerOptions): Promise<StsServer> {
  const now = opts.now ?? (() => new Date());
  const identities = new Map<string, StsIdentity>(Object.entries(opts.identities));
  const roles = new Map<string, StsRole>(Object.entries(opts.roles ?? {}));
  const requests: RecordedRequest[] = [];
  /** The session policy each GetFederationToken was given, by the access key it issued. */
  const federationPolicies = new Map<string, string | null>();
  let inFlight = 0;
  let maxInFlight = 0;

  /** Checks the signature and returns the caller, or throws the StsError STS would answer. */
  function authenticate(req: http.IncomingMessage, body: Buffer, record: RecordedRequest): StsIdentity {
    const headers = headerValues(req.rawHeaders);
    const authorization = headers.get('authorization');
    if (authorization === undefined) {
      throw new StsError(403, 'MissingAuthenticationToken', 'Request is missing Authentication Token');
    }
    const auth: SigV4Authorization | null = parseSigV4Authorization(authorization);
    if (!auth) {
      throw new StsError(
        400,
        'IncompleteSignature',
        "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. " +
          "Authorization header requires 'SignedHeaders' parameter. Authorization header requires the AWS4-HMAC-SHA256 algorithm.",
      );
    }
    record.accessKeyId = auth.accessKeyId;
    record.region = auth.region;
    const amzDateHeader = headers.get('x-amz-date');
    if (amzDateHeader === undefined || !auth.signedHeaders.includes('x-amz-date')) {
      throw new StsError(
        400,
        'IncompleteSignature',
        "Authorization header requires existence of a signed 'X-Amz-Date' header.",
      );
    }
    if (!auth.signedHeaders.includes('host')) {
      throw new StsError(
        400,
        'IncompleteSignature',
        "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
      );
    }
    const sessionToken = headers.get('x-amz-security-token');
    if (sessionToken !== undefined && !auth.signedHeaders.includes('x-amz-security-token')) {
      throw new StsError(
        400,
        'IncompleteSignature',
        "'X-Amz-Security-Token' must be a 'SignedHeader' in the AWS Authorization.",
      );
    }
    if (auth.service !== 'sts') {
      throw new StsError(403, 'SignatureDoesNotMatch', "Credential should be scoped to correct service: 'sts'.");
    }
    const amzDate = parseAmzDate(amzDateHeader);
    if (!amzDate) {
      throw new StsError(
        400,
        'IncompleteSignature',
        `Date must be in ISO-8601 'basic format'. Got '${amzDateHeader}'.`,
      );
    }
    if (amzDateHeader.slice(0, 8) !== auth.date) {
      throw new StsError(
        403,
        'SignatureDoesNotMatch',
        `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${auth.date}' != '${amzDateHeader.slice(0, 8)}', from '${amzDateHeader}'.`,
      );
    }
    const current = now();
    if (Math.abs(current.getTime() - amzDate.getTime()) > MAX_CLOCK_SKEW_MS) {
      throw new StsError(
        403,
        'SignatureDoesNotMatch',
        `Signature expired: ${amzDateHeader} is now earlier than ${amzDateOf(new Date(current.getTime() - MAX_CLOCK_SKEW_MS))} (${amzDateOf(current)} - 15 min.)`,
      );
    }
    const identity = identities.get(auth.accessKeyId);
    record.hadSessionToken = sessionToken !== undefined;
    if (!identity || (identity.sessionToken ?? null) !== (sessionToken ?? null)) {
      throw new StsError(403, 'InvalidClientTokenId', 'The security token included in the request is invalid.');
    }
    if (identity.expiresAt && identity.expiresAt.getTime() <= current.getTime()) {
      throw new StsError(400, 'ExpiredToken', 'The security token included in the request is expired');
    }
    const request = { method: req.method ?? 'GET', rawUrl: req.url ?? '/', rawHeaders: req.rawHeaders, body };
    if (!signaturesEqual(auth.signature, expectedSignature(request, auth, amzDateHeader, identity.secretAccessKey))) {
      throw new StsError(
        403,
        'SignatureDoesNotMatch',
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
      );
    }
    return identity;
  }

  function getCallerIdentity(caller: StsIdentity, requestId: string): string {
    return resultXml(
      'GetCallerIdentity',
      `    <Arn>${escapeXml(caller.arn)}</Arn>\n    <UserId>${escapeXml(caller.userId)}</UserId>\n    <Account>${escapeXml(caller.account)}</Account>\n`,
      requestId,
    );
  }

  function assumeRole(caller: StsIdentity, params: URLSearchParams, requestId: string): string {
    const roleArn = params.get('RoleArn');
    const sessionName = params.get('RoleSessionName');
    const problems: string[] = [];
    if (roleArn === null)
      problems.push("Value null at 'roleArn' failed to satisfy constraint: Member must not be null");
    if (sessionName === null)
      problems.push("Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null");
    else if (!/^[\w+=,.@-]{2,64}$/.test(sessionName)) {
      problems.push(
        `Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`,
      );
    }
    const durationText = params.get('DurationSeconds');
    const duration = durationText === null ? 3600 : Number(durationText);
    if (!Number.isInteger(duration) || duration < 900 || duration > 43200) {
      problems.push(
        `Value '${durationText}' at 'durationSeconds' failed to satisfy constraint: Member must have value between 900 and 43200`,
      );
    }
    if (problems.length > 0 || roleArn === null || sessionName === null) {
      throw new StsError(
        400,
        'ValidationError',
        `${problems.length} validation error${problems.length === 1 ? '' : 's'} detected: ${problems.join('; ')}`,
      );
    }
    const arnMatch = /^arn:aws:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/.exec(roleArn);
    const role = roles.get(roleArn);
    if (!arnMatch || !role || role.denied) {
      throw new StsError(
        403,
        'AccessDenied',
        `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
      );
    }
    const account = arnMatch[1] ?? '';
    const roleName = arnMatch[2] ?? '';
    role.roleId ??= `AROA${randomUpper(17)}`;
    const accessKeyId = `ASIA${randomUpper(16)}`;
    const secretAccessKey = randomBytes(30).toString('base64');
    const sessionToken = randomBytes(96).toString('base64');
    const expiresAt = new Date(now().getTime() + duration * 1000);
    const assumedArn = `arn:aws:sts::${account}:assumed-role/${roleName}/${sessionName}`;
    const assumedRoleId = `${role.roleId}:${sessionName}`;
    identities.set(accessKeyId, {
      secretAccessKey,
      sessionToken,
      expiresAt,
      account,
      arn: assumedArn,
      userId: assumedRoleId,
    });
    return resultXml(
      'AssumeRole',
      `    <AssumedRoleUser>\n      <AssumedRoleId>${escapeXml(assumedRoleId)}</AssumedRoleId>\n      <Arn>${escapeXml(assumedArn)}</Arn>\n    </AssumedRoleUser>\n` +
        `    <Credentials>\n      <AccessKeyId>${accessKeyId}</AccessKeyId>\n      <SecretAccessKey>${secretAccessKey}</SecretAccessKey>\n` +
        `      <SessionToken>${sessionToken}</SessionToken>\n      <Expiration>${stsTimestamp(expiresAt)}</Expiration>\n    </Credentials>\n`,
      requestId,
    );
  }

  /** GetFederationToken takes long-term keys only, and names the federated user (docs/interop-aws.md, "Console sign-in"). */
  function getFederationToken(caller: StsIdentity, params: URLSearchParams, requestId: string): string {
    if (caller.sessionToken !== undefined) {
      throw new StsError(403, 'AccessDenied', 'Cannot call GetFederationToken with session credentials');
    }
    const name = params.get('Name');
    const durationText = params.get('DurationSeconds');
    const duration = durationText === null ? 43200 : Number(durationText);
    if (
      name === null ||
      !/^[\w+=,.@-]{2,32}$/.test(name) ||
      !Number.isInteger(duration) ||
      duration < 900 ||
      duration > 129600
    ) {
      throw new StsError(
        400,
        'ValidationError',
        `1 validation error detected: Name '${name ?? ''}' or DurationSeconds '${durationText ?? ''}' is not valid`,
      );
    }
    const accessKeyId = `ASIA${randomUpper(16)}`;
    const secretAccessKey = randomBytes(30).toString('base64');
    const sessionToken = randomBytes(96).toString('base64');
    const expiresAt = new Date(now().getTime() + duration * 1000);
    const arn = `arn:aws:sts::${caller.account}:federated-user/${name}`;
    const userId = `${caller.account}:${name}`;
    identities.set(accessKeyId, { secretAccessKey, sessionToken, expiresAt, account: caller.account, arn, userId });
    federationPolicies.set(accessKeyId, params.get('Policy'));
    return resultXml(
      'GetFederationToken',
      `    <Credentials>\n      <AccessKeyId>${accessKeyId}</AccessKeyId>\n      <SecretAccessKey>${secretAccessKey}</SecretAccessKey>\n` +
        `      <SessionToken>${sessionToken}</SessionToken>\n      <Expiration>${stsTimestamp(expiresAt)}</Expiration>\n    </Credentials>\n` +
        `    <FederatedUser>\n      <FederatedUserId>${escapeXml(userId)}</FederatedUserId>\n      <Arn>${escapeXml(arn)}</Arn>\n    </FederatedUser>\n` +
        `    <PackedPolicySize>6</PackedPolicySize>\n`,
      requestId,
    );
  }

  async function answer(req: http.IncomingMessage, record: RecordedRequest, requestId: string): Promise<StsAnswer> {
    try {
      const body = await readBody(req);
      const url = new URL(req.url ?? '/', 'http://sts.local');
      const params = new URLSearchParams(url.search);
      const contentType = req.headers['content-type'] ?? '';
      if (req.method === 'POST' && contentType.startsWith('application/x-www-form-urlencoded')) {
        for (const [name, value] of new URLSearchParams(body.toString('utf8'))) params.append(name, value);
      } else if (req.method !== 'GET' && req.method !== 'POST') {
        throw new StsError(405, 'InvalidAction', `Method ${req.method ?? ''} is not supported`);
      }
      record.action = params.get('Action');
      const caller = authenticate(req, body, record);
      const action = params.get('Action');
      if (action === null) throw new StsError(400, 'MissingAction', 'Missing Action');
      if (params.get('Version') !== STS_VERSION) {
        throw new StsError(
          400,
          'InvalidAction',
          `Could not find operation ${action} for version ${params.get('Version') ?? 'NO_VERSION_SPECIFIED'}`,
        );
      }
      if (action === 'GetCallerIdentity')
        return { status: 200, body: getCallerIdentity(caller, requestId), errorCode: null };
      if (action === 'AssumeRole') return { status: 200, body: assumeRole(caller, params, requestId), errorCode: null };
      if (action === 'GetFederationToken')
        return { status: 200, body: getFederationToken(caller, params, requestId), errorCode: null };
      throw new StsError(400, 'InvalidAction', `Could not find operation ${action} for version ${STS_VERSION}`);
    } catch (error) {
      const stsError =
        error instanceof StsError
          ? error
          : new StsError(500, 'InternalFailure', 'An internal error occurred', 'Receiver');
      return { status: stsError.status, body: errorXml(stsError, requestId), errorCode: stsError.code };
    }
  }

  const server = http.createServer((req, res) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let counted = true;
    const done = (): void => {
      if (counted) inFlight -= 1;
      counted = false;
    };
    res.on('close', done);
    const requestId = randomUUID();
    const record: RecordedRequest = {
      method: req.method ?? '',
      path: (req.url ?? '/').split('?')[0] ?? '/',
      action: null,
      accessKeyId: null,
      region: null,
      hadSessionToken: false,
      status: 0,
      errorCode: null,
    };
    requests.push(record);
    void answer(req, record, requestId).then(async (result) => {
      if (opts.responseDelayMs) await new Promise((resolve) => setTimeout(resolve, opts.responseDelayMs));
      record.status = result.status;
      record.errorCode = result.errorCode;
      res.writeHead(result.status, {
        'content-type': 'text/xml',
        'x-amzn-requestid': requestId,
        'content-length': Buffer.byteLength(result.body),
        date: now().toUTCString(),
      });
      res.end(result.body);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
    identityOf(accessKeyId, secretAccessKey, sessionToken) {
      const identity = identities.get(accessKeyId);
      if (!identity || identity.secretAccessKey !== secretAccessKey || (identity.sessionToken ?? null) !== sessionToken)
        return null;
      return { arn: identity.arn, federationPolicy: federationPolicies.get(accessKeyId) ?? null };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
