// The local STS against real clients: the JS SDK (in process, and in a child process configured
// only through AWS_ENDPOINT_URL_STS) and python botocore, which signs independently.
import { execFile } from 'node:child_process';
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { SignatureV4 } from '@smithy/signature-v4';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient, STSServiceException } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStsServer, STS_NAMESPACE, type StsServer } from '../../support/sts-server';

const run = promisify(execFile);

const ALICE = {
  accessKeyId: 'AKIAALICE00000000001',
  secretAccessKey: 'alice/secret+key0000000000000000000000000',
  account: '111122223333',
  arn: 'arn:aws:iam::111122223333:user/alice',
  userId: 'AIDAALICE0000000000001',
};
const ADMIN_ROLE = 'arn:aws:iam::444455556666:role/team/Admin';
const DENIED_ROLE = 'arn:aws:iam::444455556666:role/Forbidden';
const EXPIRED = {
  accessKeyId: 'ASIAEXPIRED000000001',
  secretAccessKey: 'expired-secret',
  sessionToken: 'expired-token',
};

let sts: StsServer;
let tmp: string;

const client = (credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }): STSClient =>
  new STSClient({ region: 'eu-west-1', endpoint: sts.url, credentials, maxAttempts: 1 });

async function stsErrorOf(
  promise: Promise<unknown>,
): Promise<{ name: string; status: number | undefined; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof STSServiceException)
      return { name: error.name, status: error.$metadata.httpStatusCode, message: error.message };
    throw error;
  }
  throw new Error('expected an STS error');
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'sts-server-'));
  sts = await startStsServer({
    identities: {
      [ALICE.accessKeyId]: ALICE,
      [EXPIRED.accessKeyId]: {
        secretAccessKey: EXPIRED.secretAccessKey,
        sessionToken: EXPIRED.sessionToken,
        expiresAt: new Date(Date.now() - 60_000),
        account: ALICE.account,
        arn: 'arn:aws:sts::111122223333:assumed-role/Old/s',
        userId: 'AROAOLD:s',
      },
    },
    roles: { [ADMIN_ROLE]: { roleId: 'AROAADMIN000000000001' }, [DENIED_ROLE]: { denied: true } },
  });
});

afterAll(async () => {
  await sts.close();
  await rm(tmp, { recursive: true, force: true });
});

describe('local STS with the JS SDK', () => {
  it('answers GetCallerIdentity for a correctly signed request', async () => {
    const before = sts.requests.length;
    const answer = await client(ALICE).send(new GetCallerIdentityCommand({}));
    expect(answer).toMatchObject({ Account: ALICE.account, Arn: ALICE.arn, UserId: ALICE.userId });
    expect(sts.requests.slice(before)).toEqual([
      {
        method: 'POST',
        path: '/',
        action: 'GetCallerIdentity',
        accessKeyId: ALICE.accessKeyId,
        region: 'eu-west-1',
        hadSessionToken: false,
        status: 200,
        errorCode: null,
      },
    ]);
  });

  it('refuses a wrong secret with SignatureDoesNotMatch', async () => {
    const error = await stsErrorOf(
      client({ ...ALICE, secretAccessKey: 'not-the-secret' }).send(new GetCallerIdentityCommand({})),
    );
    expect(error).toMatchObject({ name: 'SignatureDoesNotMatch', status: 403 });
    expect(error.message).toContain('does not match the signature you provided');
  });

  it('refuses an unknown access key with InvalidClientTokenId', async () => {
    const error = await stsErrorOf(
      client({ accessKeyId: 'AKIAUNKNOWN000000000', secretAccessKey: 'x' }).send(new GetCallerIdentityCommand({})),
    );
    expect(error).toEqual({
      name: 'InvalidClientTokenId',
      status: 403,
      message: 'The security token included in the request is invalid.',
    });
  });

  it('assumes a role and then accepts the temporary credentials as the assumed role', async () => {
    const assumed = await client(ALICE).send(
      new AssumeRoleCommand({ RoleArn: ADMIN_ROLE, RoleSessionName: 'ci-run', DurationSeconds: 900 }),
    );
    expect(assumed.AssumedRoleUser).toEqual({
      Arn: 'arn:aws:sts::444455556666:assumed-role/Admin/ci-run',
      AssumedRoleId: 'AROAADMIN000000000001:ci-run',
    });
    const creds = assumed.Credentials;
    expect(creds?.AccessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(creds?.Expiration?.getTime()).toBeGreaterThan(Date.now());
    const temporary = {
      accessKeyId: creds?.AccessKeyId ?? '',
      secretAccessKey: creds?.SecretAccessKey ?? '',
      sessionToken: creds?.SessionToken ?? '',
    };

    const who = await client(temporary).send(new GetCallerIdentityCommand({}));
    expect(who).toMatchObject({
      Account: '444455556666',
      Arn: 'arn:aws:sts::444455556666:assumed-role/Admin/ci-run',
      UserId: 'AROAADMIN000000000001:ci-run',
    });
    expect(sts.requests.at(-1)).toMatchObject({
      accessKeyId: temporary.accessKeyId,
      hadSessionToken: true,
      status: 200,
    });

    // The same keys without their session token are not valid credentials.
    const { sessionToken: _dropped, ...withoutToken } = temporary;
    expect((await stsErrorOf(client(withoutToken).send(new GetCallerIdentityCommand({})))).name).toBe(
      'InvalidClientTokenId',
    );
  });

  it('denies a role it was told to deny, and a role it does not know', async () => {
    for (const roleArn of [DENIED_ROLE, 'arn:aws:iam::444455556666:role/Nope']) {
      const error = await stsErrorOf(
        client(ALICE).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 's1' })),
      );
      expect(error).toEqual({
        name: 'AccessDenied',
        status: 403,
        message: `User: ${ALICE.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
      });
    }
  });

  it('validates AssumeRole parameters as STS does', async () => {
    const error = await stsErrorOf(
      client(ALICE).send(new AssumeRoleCommand({ RoleArn: ADMIN_ROLE, RoleSessionName: 'bad name!' })),
    );
    expect(error.name).toBe('ValidationError');
    expect(error.status).toBe(400);
    expect(error.message).toContain("at 'roleSessionName'");
  });

  it('answers ExpiredToken for configured-expired session credentials', async () => {
    const error = await stsErrorOf(client(EXPIRED).send(new GetCallerIdentityCommand({})));
    expect(error).toEqual({
      name: 'ExpiredToken',
      status: 400,
      message: 'The security token included in the request is expired',
    });
  });

  it('is reached through AWS_ENDPOINT_URL_STS alone by the SDK in another process', async () => {
    const script =
      "import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';" +
      "const out = await new STSClient({ region: 'us-east-1' }).send(new GetCallerIdentityCommand({}));" +
      'console.log(JSON.stringify({ Account: out.Account, Arn: out.Arn }));';
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
      cwd: path.resolve(import.meta.dirname, '../../..'),
      env: {
        PATH: process.env.PATH,
        HOME: tmp,
        AWS_CONFIG_FILE: path.join(tmp, 'no-config'),
        AWS_SHARED_CREDENTIALS_FILE: path.join(tmp, 'no-credentials'),
        AWS_ACCESS_KEY_ID: ALICE.accessKeyId,
        AWS_SECRET_ACCESS_KEY: ALICE.secretAccessKey,
        AWS_ENDPOINT_URL_STS: sts.url,
      },
    });
    expect(JSON.parse(stdout)).toEqual({ Account: ALICE.account, Arn: ALICE.arn });
  });
});

describe('local STS protocol checks', () => {
  const post = (headers: Record<string, string>): Promise<Response> =>
    fetch(sts.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers },
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
    });

  it('answers MissingAuthenticationToken in STS XML when there is no Authorization', async () => {
    const response = await post({});
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toBe('text/xml');
    const body = await response.text();
    expect(body).toContain(`<ErrorResponse xmlns="${STS_NAMESPACE}">`);
    expect(body).toContain('<Code>MissingAuthenticationToken</Code>');
    expect(body).toMatch(/<RequestId>[0-9a-f-]{36}<\/RequestId>/);
  });

  it('answers IncompleteSignature for a malformed Authorization header', async () => {
    const response = await post({
      authorization: 'AWS4-HMAC-SHA256 Credential=AKIAALICE00000000001/20250101/us-east-1/sts/aws4_request',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('<Code>IncompleteSignature</Code>');
  });

  it('refuses a well-formed header whose signature is wrong', async () => {
    const amzDate = new Date()
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '');
    const response = await post({
      'x-amz-date': amzDate,
      authorization:
        `AWS4-HMAC-SHA256 Credential=${ALICE.accessKeyId}/${amzDate.slice(0, 8)}/us-east-1/sts/aws4_request, ` +
        `SignedHeaders=content-type;host;x-amz-date, Signature=${'0'.repeat(64)}`,
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
  });

  it('refuses a signature scoped to another service', async () => {
    const amzDate = new Date()
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '');
    const response = await post({
      'x-amz-date': amzDate,
      authorization: `AWS4-HMAC-SHA256 Credential=${ALICE.accessKeyId}/${amzDate.slice(0, 8)}/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'a'.repeat(64)}`,
    });
    expect(await response.text()).toContain("Credential should be scoped to correct service: 'sts'.");
  });
});

describe('local STS with requests signed by the SDK signer directly', () => {
  // @smithy/signature-v4 is the signer inside the JS SDK; here it signs requests the SDK's STS
  // client never sends (GET with a query string, a stale clock, a body changed after signing).
  const bytes = (data: string | ArrayBuffer | ArrayBufferView): string | Uint8Array =>
    typeof data === 'string'
      ? data
      : data instanceof ArrayBuffer
        ? new Uint8Array(data)
        : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  class Sha256 {
    private readonly hash: Hash | Hmac;
    constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
      this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
    }
    update(data: string | ArrayBuffer | ArrayBufferView): void {
      this.hash.update(bytes(data));
    }
    digest(): Promise<Uint8Array> {
      return Promise.resolve(new Uint8Array(this.hash.digest()));
    }
    reset(): void {}
  }
  const signer = new SignatureV4({ service: 'sts', region: 'us-east-1', credentials: ALICE, sha256: Sha256 });

  async function send(
    request: { method: string; query?: Record<string, string>; body?: string },
    clock?: Date,
    tamper?: string,
  ): Promise<{ status: number; body: string }> {
    const url = new URL(sts.url);
    const signed = await signer.sign(
      {
        method: request.method,
        protocol: 'http:',
        hostname: url.hostname,
        port: Number(url.port),
        path: '/',
        query: request.query ?? {},
        headers: { host: url.host, ...(request.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
        body: request.body,
      },
      { signingDate: clock ?? new Date() },
    );
    const search = new URLSearchParams(signed.query as Record<string, string>).toString().replace(/\+/g, '%20');
    const response = await fetch(`${sts.url}/${search ? `?${search}` : ''}`, {
      method: request.method,
      headers: signed.headers,
      body: tamper ?? request.body,
    });
    return { status: response.status, body: await response.text() };
  }

  it('accepts a GET whose parameters are in a signed query string', async () => {
    const answer = await send({
      method: 'GET',
      query: { Action: 'GetCallerIdentity', Version: '2011-06-15', Note: 'a b*c~' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toContain(`<GetCallerIdentityResponse xmlns="${STS_NAMESPACE}">`);
    expect(answer.body).toContain(`<Arn>${ALICE.arn}</Arn>`);
  });

  it('refuses a body changed after signing', async () => {
    const answer = await send(
      { method: 'POST', body: 'Action=GetCallerIdentity&Version=2011-06-15' },
      undefined,
      'Action=AssumeRole&Version=2011-06-15&RoleArn=x&RoleSessionName=yy',
    );
    expect(answer.status).toBe(403);
    expect(answer.body).toContain('<Code>SignatureDoesNotMatch</Code>');
  });

  it('refuses a request signed with a clock 20 minutes off', async () => {
    const answer = await send(
      { method: 'POST', body: 'Action=GetCallerIdentity&Version=2011-06-15' },
      new Date(Date.now() - 20 * 60_000),
    );
    expect(answer.status).toBe(403);
    expect(answer.body).toMatch(/<Message>Signature expired: \d{8}T\d{6}Z is now earlier than/);
  });
});

describe('local STS with python botocore', () => {
  const python = `
import json, sys, botocore.session
from botocore.exceptions import ClientError
s = botocore.session.get_session()
def sts(key, secret, token=None):
    return s.create_client('sts', region_name='us-west-2', aws_access_key_id=key, aws_secret_access_key=secret, aws_session_token=token)
key, secret, role = sys.argv[1], sys.argv[2], sys.argv[3]
out = {}
me = sts(key, secret).get_caller_identity()
out['me'] = {k: me[k] for k in ('Account', 'Arn', 'UserId')}
c = sts(key, secret).assume_role(RoleArn=role, RoleSessionName='boto')['Credentials']
who = sts(c['AccessKeyId'], c['SecretAccessKey'], c['SessionToken']).get_caller_identity()
out['assumed'] = who['Arn']
try:
    sts(key, 'wrong-secret').get_caller_identity()
    out['wrong'] = 'accepted'
except ClientError as e:
    out['wrong'] = [e.response['Error']['Code'], e.response['ResponseMetadata']['HTTPStatusCode']]
print(json.dumps(out))
`;

  it('accepts botocore signatures, its assumed-role session, and refuses its wrong secret', async () => {
    const script = path.join(tmp, 'sts_check.py');
    await writeFile(script, python);
    const { stdout } = await run('python3', [script, ALICE.accessKeyId, ALICE.secretAccessKey, ADMIN_ROLE], {
      env: {
        ...process.env,
        HOME: tmp,
        AWS_CONFIG_FILE: path.join(tmp, 'no-config'),
        AWS_SHARED_CREDENTIALS_FILE: path.join(tmp, 'no-credentials'),
        AWS_ENDPOINT_URL_STS: sts.url,
        AWS_MAX_ATTEMPTS: '1',
      },
    });
    expect(JSON.parse(stdout)).toEqual({
      me: { Account: ALICE.account, Arn: ALICE.arn, UserId: ALICE.userId },
      assumed: 'arn:aws:sts::444455556666:assumed-role/Admin/boto',
      wrong: ['SignatureDoesNotMatch', 403],
    });
  });
});
