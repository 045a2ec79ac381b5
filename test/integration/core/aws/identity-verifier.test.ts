// The verifier against the local STS, with real config files in a temp HOME and the real SDK
// credential chain: static keys, assume-role, credential_process, SSO without a login, errors.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdentityVerifier } from '../../../../electron/core/aws/identity-verifier';
import type { IdentityCheck } from '../../../../electron/shared/model';
import { startSilentServer } from '../../../support/silent-server';
import { startStsServer, type StsServer } from '../../../support/sts-server';

const DEV = { accessKeyId: 'AKIADEV0000000000001', secretAccessKey: 'dev-secret-0000000000000000000000000000' };
const DEV_IDENTITY = {
  account: '111122223333',
  arn: 'arn:aws:iam::111122223333:user/dev',
  userId: 'AIDADEV000000000001',
};
const PROC = { accessKeyId: 'AKIAPROC000000000001', secretAccessKey: 'proc-secret-000000000000000000000000000' };
const OLD = { accessKeyId: 'ASIAOLD0000000000001', secretAccessKey: 'old-secret', sessionToken: 'old-session-token' };
const ADMIN_ROLE = 'arn:aws:iam::444455556666:role/Admin';
const DENIED_ROLE = 'arn:aws:iam::444455556666:role/Denied';
const FLEET = Array.from({ length: 20 }, (_, i) => `fleet-${String(i + 1).padStart(2, '0')}`);

let tmp: string;
let home: string;
let sts: StsServer;
const savedEnv = { ...process.env };

/** The environment the verifier is given; process.env points elsewhere to prove it is honoured. */
const envFor = (endpoint: string): NodeJS.ProcessEnv => ({
  HOME: home,
  PATH: process.env.PATH,
  AWS_ENDPOINT_URL_STS: endpoint,
});

const errorOf = (check: IdentityCheck): IdentityCheck['error'] => {
  expect(check.identity).toBeNull();
  return check.error;
};

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'identity-verifier-'));
  home = path.join(tmp, 'home');
  const elsewhere = path.join(tmp, 'elsewhere');
  await mkdir(path.join(home, '.aws'), { recursive: true });
  await mkdir(elsewhere);
  for (const name of Object.keys(process.env)) if (name.startsWith('AWS_')) delete process.env[name];
  process.env.HOME = elsewhere;

  const credsScript = path.join(tmp, 'creds.mjs');
  await writeFile(
    credsScript,
    `console.log(JSON.stringify({ Version: 1, AccessKeyId: '${PROC.accessKeyId}', SecretAccessKey: '${PROC.secretAccessKey}' }));\n`,
  );
  const failingScript = path.join(tmp, 'fail.mjs');
  await writeFile(failingScript, `console.error('token=abc123 vault is sealed'); process.exit(3);\n`);

  await writeFile(
    path.join(home, '.aws', 'config'),
    [
      '[profile static]',
      'region = eu-west-1',
      '',
      '[profile admin]',
      `role_arn = ${ADMIN_ROLE}`,
      'source_profile = static',
      'role_session_name = cloudid-test',
      '',
      '[profile denied-role]',
      `role_arn = ${DENIED_ROLE}`,
      'source_profile = static',
      '',
      '[profile proc]',
      `credential_process = "${process.execPath}" "${credsScript}"`,
      '',
      '[profile proc-fails]',
      `credential_process = "${process.execPath}" "${failingScript}"`,
      '',
      '[profile sso]',
      'sso_session = corp',
      'sso_account_id = 111122223333',
      'sso_role_name = Admin',
      '',
      '[sso-session corp]',
      'sso_start_url = https://corp.awsapps.com/start',
      'sso_region = us-east-1',
      '',
      '[profile region-only]',
      'region = us-east-1',
      '',
      '[profile orphan-role]',
      `role_arn = ${ADMIN_ROLE}`,
      'source_profile = missing-source',
      '',
    ].join('\n'),
  );
  await writeFile(
    path.join(home, '.aws', 'credentials'),
    [
      '[static]',
      `aws_access_key_id = ${DEV.accessKeyId}`,
      `aws_secret_access_key = ${DEV.secretAccessKey}`,
      '',
      '[wrong-secret]',
      `aws_access_key_id = ${DEV.accessKeyId}`,
      'aws_secret_access_key = definitely-not-the-secret',
      '',
      '[old-session]',
      `aws_access_key_id = ${OLD.accessKeyId}`,
      `aws_secret_access_key = ${OLD.secretAccessKey}`,
      `aws_session_token = ${OLD.sessionToken}`,
      '',
      ...FLEET.flatMap((name) => [
        `[${name}]`,
        `aws_access_key_id = ${DEV.accessKeyId}`,
        `aws_secret_access_key = ${DEV.secretAccessKey}`,
        '',
      ]),
    ].join('\n'),
  );

  sts = await startStsServer({
    identities: {
      [DEV.accessKeyId]: { secretAccessKey: DEV.secretAccessKey, ...DEV_IDENTITY },
      [PROC.accessKeyId]: {
        secretAccessKey: PROC.secretAccessKey,
        account: '777788889999',
        arn: 'arn:aws:iam::777788889999:user/proc',
        userId: 'AIDAPROC',
      },
      [OLD.accessKeyId]: {
        secretAccessKey: OLD.secretAccessKey,
        sessionToken: OLD.sessionToken,
        expiresAt: new Date(Date.now() - 3_600_000),
        account: '111122223333',
        arn: 'arn:aws:sts::111122223333:assumed-role/Old/s',
        userId: 'AROAOLD:s',
      },
    },
    roles: { [ADMIN_ROLE]: { roleId: 'AROAADMIN00000000001' }, [DENIED_ROLE]: { denied: true } },
  });
});

afterAll(async () => {
  await sts.close();
  for (const name of Object.keys(process.env)) if (!(name in savedEnv)) delete process.env[name];
  Object.assign(process.env, savedEnv);
  await rm(tmp, { recursive: true, force: true });
});

describe('verify against the local STS', () => {
  it('verifies a static-keys profile and records when it asked', async () => {
    const verifier = createIdentityVerifier({ env: envFor(sts.url), now: () => new Date('2026-01-02T03:04:05.000Z') });
    const check = await verifier.verify('static', 'eu-west-1');
    expect(check).toEqual({
      profile: 'static',
      checkedAt: '2026-01-02T03:04:05.000Z',
      identity: DEV_IDENTITY,
      error: null,
    });
    expect(sts.requests.at(-1)).toMatchObject({
      action: 'GetCallerIdentity',
      accessKeyId: DEV.accessKeyId,
      region: 'eu-west-1',
      status: 200,
    });
  });

  it('asks STS in us-east-1 when no region is given', async () => {
    await createIdentityVerifier({ env: envFor(sts.url) }).verify('static');
    expect(sts.requests.at(-1)).toMatchObject({ region: 'us-east-1', status: 200 });
  });

  it('follows source_profile through AssumeRole to the assumed role', async () => {
    const before = sts.requests.length;
    const check = await createIdentityVerifier({ env: envFor(sts.url) }).verify('admin');
    expect(check.error).toBeNull();
    expect(check.identity).toEqual({
      account: '444455556666',
      arn: 'arn:aws:sts::444455556666:assumed-role/Admin/cloudid-test',
      userId: 'AROAADMIN00000000001:cloudid-test',
    });
    expect(
      sts.requests.slice(before).map((r) => [r.action, r.accessKeyId?.slice(0, 4), r.hadSessionToken, r.status]),
    ).toEqual([
      ['AssumeRole', 'AKIA', false, 200],
      ['GetCallerIdentity', 'ASIA', true, 200],
    ]);
  });

  it('runs credential_process and verifies what it printed', async () => {
    const check = await createIdentityVerifier({ env: envFor(sts.url) }).verify('proc');
    expect(check.identity).toEqual({
      account: '777788889999',
      arn: 'arn:aws:iam::777788889999:user/proc',
      userId: 'AIDAPROC',
    });
  });

  it('reports a failing credential_process without echoing what looks like a secret', async () => {
    const error = errorOf(await createIdentityVerifier({ env: envFor(sts.url) }).verify('proc-fails'));
    expect(error?.kind).toBe('no-credentials');
    expect(error?.message).toContain('credential_process of profile proc-fails failed');
    expect(error?.message).toContain('vault is sealed');
    expect(error?.message).not.toContain('abc123');
  });

  it("reports a wrong secret as access-denied with STS's message and no key material", async () => {
    const error = errorOf(await createIdentityVerifier({ env: envFor(sts.url) }).verify('wrong-secret'));
    expect(error?.kind).toBe('access-denied');
    expect(error?.message).toContain('SignatureDoesNotMatch');
    expect(error?.message).toContain('does not match the signature you provided');
    expect(error?.message).not.toContain(DEV.accessKeyId);
    expect(error?.message).not.toContain('definitely-not-the-secret');
  });

  it('reports a role STS refuses as access-denied, naming the role', async () => {
    const error = errorOf(await createIdentityVerifier({ env: envFor(sts.url) }).verify('denied-role'));
    expect(error?.kind).toBe('access-denied');
    expect(error?.message).toContain(`sts:AssumeRole on resource: ${DENIED_ROLE}`);
  });

  it('reports expired session keys as expired', async () => {
    const error = errorOf(await createIdentityVerifier({ env: envFor(sts.url) }).verify('old-session'));
    expect(error?.kind).toBe('expired');
    expect(error?.message).toContain('ExpiredToken');
    expect(error?.message).not.toContain(OLD.sessionToken);
  });

  it('reports an unknown profile as a config problem', async () => {
    const error = errorOf(await createIdentityVerifier({ env: envFor(sts.url) }).verify('no-such-profile'));
    expect(error).toEqual({
      kind: 'config',
      message: 'Profile no-such-profile is not defined in the AWS config or credentials file.',
    });
  });

  it('tells a profile without credentials from one that does not exist', async () => {
    const error = errorOf(await createIdentityVerifier({ env: envFor(sts.url) }).verify('region-only'));
    expect(error?.kind).toBe('no-credentials');
    const orphan = errorOf(await createIdentityVerifier({ env: envFor(sts.url) }).verify('orphan-role'));
    expect(orphan).toEqual({
      kind: 'config',
      message: 'Profile orphan-role uses source_profile missing-source, which does not exist or has no credentials.',
    });
  });

  it('honours AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE from its env', async () => {
    const alt = path.join(tmp, 'alt');
    await mkdir(alt, { recursive: true });
    await writeFile(path.join(alt, 'conf'), '[profile only-here]\nregion = us-west-2\n');
    await writeFile(
      path.join(alt, 'creds'),
      `[only-here]\naws_access_key_id = ${DEV.accessKeyId}\naws_secret_access_key = ${DEV.secretAccessKey}\n`,
    );
    const env = {
      ...envFor(sts.url),
      AWS_CONFIG_FILE: path.join(alt, 'conf'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(alt, 'creds'),
    };
    const check = await createIdentityVerifier({ env }).verify('only-here', 'us-west-2');
    expect(check.identity).toEqual(DEV_IDENTITY);
    // The default files under HOME are no longer read.
    expect(errorOf(await createIdentityVerifier({ env }).verify('static'))?.kind).toBe('config');
  });

  it('honours the generic AWS_ENDPOINT_URL too', async () => {
    const check = await createIdentityVerifier({ env: { HOME: home, AWS_ENDPOINT_URL: sts.url } }).verify('static');
    expect(check.identity).toEqual(DEV_IDENTITY);
  });
});

describe('SSO profiles when the process HOME is not the verifier HOME', () => {
  it('explains the SDK limitation rather than reporting the profile as missing', async () => {
    const error = errorOf(await createIdentityVerifier({ env: envFor(sts.url) }).verify('sso'));
    expect(error?.kind).toBe('config');
    expect(error?.message).toContain(
      `The AWS SDK reads SSO settings from ${path.join(tmp, 'elsewhere', '.aws', 'config')}`,
    );
    expect(error?.message).toContain(`not from ${path.join(home, '.aws', 'config')}`);
  });
});

describe('SSO profiles', () => {
  // The SDK reads SSO settings and the token cache from the process's own HOME (fromIni does not
  // pass its file paths on to fromSSO), so here the process and the verifier share one HOME.
  let previousHome: string | undefined;
  beforeAll(() => {
    previousHome = process.env.HOME;
    process.env.HOME = home;
  });
  afterAll(() => {
    process.env.HOME = previousHome;
  });

  it('asks for an SSO login when there is no token cache', async () => {
    const before = sts.requests.length;
    const error = errorOf(await createIdentityVerifier({ env: envFor(sts.url) }).verify('sso'));
    expect(error).toEqual({
      kind: 'sso-login-required',
      message: 'AWS SSO login required for profile sso. Log in: cloudid login sso (or: aws sso login --profile sso)',
    });
    expect(sts.requests.length).toBe(before);
  });

  it('asks for an SSO login when the cached token has expired', async () => {
    const cache = path.join(home, '.aws', 'sso', 'cache');
    await mkdir(cache, { recursive: true });
    // sha1("corp"): the CLI names a session's cache file by the hash of the session name.
    const { createHash } = await import('node:crypto');
    await writeFile(
      path.join(cache, `${createHash('sha1').update('corp').digest('hex')}.json`),
      JSON.stringify({
        startUrl: 'https://corp.awsapps.com/start',
        region: 'us-east-1',
        accessToken: 'expired-access-token',
        expiresAt: '2020-01-01T00:00:00Z',
      }),
    );
    const error = errorOf(await createIdentityVerifier({ env: envFor(sts.url) }).verify('sso'));
    expect(error?.kind).toBe('sso-login-required');
    expect(error?.message).not.toContain('expired-access-token');
  });
});

describe('when STS cannot be reached', () => {
  it('reports a server that is down as a network error', async () => {
    const gone = await startStsServer({ identities: {} });
    const url = gone.url;
    await gone.close();
    const error = errorOf(await createIdentityVerifier({ env: envFor(url) }).verify('static'));
    expect(error?.kind).toBe('network');
    expect(error?.message).toContain('ECONNREFUSED');
  });

  it('gives up on a server that never answers, as a timeout naming the host and what to check', async () => {
    const silent = await startSilentServer();
    try {
      const check = await createIdentityVerifier({ env: envFor(silent.url), timeoutMs: 1_000 }).verify('static');
      expect(errorOf(check)).toEqual({
        kind: 'timeout',
        message: `No answer within 1 s from ${silent.host} while verifying profile static: check your VPN, proxy and AWS_ENDPOINT_URL_STS.`,
      });
      expect(silent.connections()).toBeGreaterThan(0);
    } finally {
      await silent.close();
    }
  });
});

describe('verifyAll', () => {
  it('checks 20 profiles with at most 3 requests in flight and reports progress', async () => {
    const slow = await startStsServer({
      identities: { [DEV.accessKeyId]: { secretAccessKey: DEV.secretAccessKey, ...DEV_IDENTITY } },
      responseDelayMs: 100,
    });
    try {
      const progress: Array<[number, number]> = [];
      const verifier = createIdentityVerifier({ env: envFor(slow.url), concurrency: 3 });
      const results = await verifier.verifyAll(FLEET, (done, total) => progress.push([done, total]));
      expect(results.map((r) => r.profile)).toEqual(FLEET);
      expect(results.every((r) => r.error === null && r.identity?.arn === DEV_IDENTITY.arn)).toBe(true);
      expect(slow.requests).toHaveLength(20);
      expect(slow.maxInFlight).toBeLessThanOrEqual(3);
      expect(slow.maxInFlight).toBeGreaterThan(1);
      expect(progress).toEqual(Array.from({ length: 21 }, (_, i) => [i, 20]));
    } finally {
      await slow.close();
    }
  });

  it('returns one result per distinct profile, failures included, and survives a throwing listener', async () => {
    const verifier = createIdentityVerifier({ env: envFor(sts.url), concurrency: 2 });
    const results = await verifier.verifyAll(
      ['static', 'no-such-profile', { profile: 'static', region: 'eu-west-1' }, 'admin'],
      () => {
        throw new Error('listener bug');
      },
    );
    expect(results.map((r) => [r.profile, r.error?.kind ?? 'ok'])).toEqual([
      ['static', 'ok'],
      ['no-such-profile', 'config'],
      ['admin', 'ok'],
    ]);
  });

  it('reports progress 0 of 0 for an empty list', async () => {
    const progress: Array<[number, number]> = [];
    expect(
      await createIdentityVerifier({ env: envFor(sts.url) }).verifyAll([], (d, t) => progress.push([d, t])),
    ).toEqual([]);
    expect(progress).toEqual([[0, 0]]);
  });
});
