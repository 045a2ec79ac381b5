// `cloudid console` end to end: real config files in a temp HOME, the SDK's own credential chain,
// the local STS (SigV4-checked AssumeRole and GetFederationToken) and a local federation endpoint
// that accepts only the credentials the test expects. The sign-in URL is a credential: the tests
// compare its parts as booleans, so a failure never prints it.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../../electron/cli/commands/console';
import type { CommandContext } from '../../../../electron/cli/command';
import { makeAwsHome, type AwsHome } from '../../../support/aws-home';
import {
  startFederationServer,
  type FederationServer,
  type FederationSession,
} from '../../../support/federation-server';
import { startSilentServer } from '../../../support/silent-server';
import { startStsServer, type StsServer } from '../../../support/sts-server';

const DEV = { accessKeyId: 'AKIADEV0000000000001', secretAccessKey: 'dev-secret-0000000000000000000000000000' };
const TEMP = {
  accessKeyId: 'ASIATEMP000000000001',
  secretAccessKey: 'temp-secret-00000000000000000000000000',
  sessionToken: 'temp-session-token',
};
const ADMIN_ROLE = 'arn:aws:iam::444455556666:role/Admin';
const ALLOW_ALL = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

class Capture {
  text = '';
  write(chunk: string | Uint8Array): boolean {
    this.text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  }
}

let aws: AwsHome;
let elsewhere: string;
let sts: StsServer;
let federation: FederationServer | null = null;
const savedHome = process.env.HOME;

beforeAll(async () => {
  aws = await makeAwsHome();
  elsewhere = await mkdtemp(path.join(os.tmpdir(), 'console-elsewhere-'));
  // The command is given its env; the process's own HOME points elsewhere to prove it.
  process.env.HOME = elsewhere;
  sts = await startStsServer({
    identities: {
      [DEV.accessKeyId]: {
        secretAccessKey: DEV.secretAccessKey,
        account: '111122223333',
        arn: 'arn:aws:iam::111122223333:user/dev',
        userId: 'AIDADEV000000000001',
      },
    },
    roles: { [ADMIN_ROLE]: {} },
  });
  await aws.writeConfig(
    [
      '[profile static]',
      'region = eu-west-1',
      '',
      '[profile admin]',
      `role_arn = ${ADMIN_ROLE}`,
      'source_profile = static',
      'region = us-gov-west-1',
      '',
      '[profile temp]',
      'region = cn-north-1',
      '',
    ].join('\n'),
  );
  await aws.writeCredentials(
    [
      '[static]',
      `aws_access_key_id = ${DEV.accessKeyId}`,
      `aws_secret_access_key = ${DEV.secretAccessKey}`,
      '',
      '[temp]',
      `aws_access_key_id = ${TEMP.accessKeyId}`,
      `aws_secret_access_key = ${TEMP.secretAccessKey}`,
      `aws_session_token = ${TEMP.sessionToken}`,
      '',
    ].join('\n'),
  );
});

afterAll(async () => {
  process.env.HOME = savedHome;
  await sts.close();
  await aws.cleanup();
  await rm(elsewhere, { recursive: true, force: true });
});

afterEach(async () => {
  await federation?.close();
  federation = null;
});

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
  opened: string[];
}

async function cloudidConsole(
  argv: string[],
  options: { signin?: string; sts?: string; browser?: boolean; timeoutMs?: number } = {},
): Promise<Outcome> {
  const stdout = new Capture();
  const stderr = new Capture();
  const opened: string[] = [];
  const ctx: CommandContext = {
    env: {
      HOME: aws.home,
      PATH: process.env.PATH,
      AWS_ENDPOINT_URL_STS: options.sts ?? sts.url,
      ...(options.signin ? { AWS_ENDPOINT_URL_SIGNIN: options.signin } : {}),
    },
    homeDir: aws.home,
    stdout,
    stderr,
    requestTimeoutMs: options.timeoutMs ?? 5_000,
    ...(options.browser === false
      ? {}
      : {
          openUrl: async (url: string) => {
            opened.push(url);
          },
        }),
  };
  const code = await run(argv, ctx);
  return { code, stdout: stdout.text, stderr: stderr.text, opened };
}

/** The parts of a printed sign-in URL, checked without printing it. */
function loginParts(
  printed: string,
  base: string,
): { atFederation: boolean; action: string | null; issued: boolean; destination: string | null } {
  const url = new URL(printed.trim());
  return {
    atFederation: `${url.origin}${url.pathname}` === `${base}/federation`,
    action: url.searchParams.get('Action'),
    issued: federation?.issued(url.searchParams.get('SigninToken') ?? '') ?? false,
    destination: url.searchParams.get('Destination'),
  };
}

const issuedBy = (arnPattern: RegExp) => (session: FederationSession) =>
  arnPattern.test(sts.identityOf(session.sessionId, session.sessionKey, session.sessionToken)?.arn ?? '');

describe('cloudid console', () => {
  it('signs in an assume-role profile with the role credentials STS issued', async () => {
    federation = await startFederationServer({ accepts: issuedBy(/^arn:aws:sts::444455556666:assumed-role\/Admin\//) });
    const out = await cloudidConsole(['admin', '--print'], { signin: federation.url });
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(loginParts(out.stdout, federation.url)).toEqual({
      atFederation: true,
      action: 'login',
      issued: true,
      // The profile's region is in GovCloud: the console of that partition.
      destination: 'https://us-gov-west-1.console.amazonaws-us-gov.com/console/home?region=us-gov-west-1',
    });
    expect(federation.requests.map((r) => [r.action, r.wellFormed, r.accepted])).toEqual([
      ['getSigninToken', true, true],
    ]);
    expect(out.opened).toEqual([]);
  });

  it('turns an IAM user long-term keys into a federation token first (allow-all session policy)', async () => {
    let policy: string | null = null;
    federation = await startFederationServer({
      accepts: (session) => {
        const identity = sts.identityOf(session.sessionId, session.sessionKey, session.sessionToken);
        policy = identity?.federationPolicy ?? null;
        return identity?.arn === 'arn:aws:sts::111122223333:federated-user/dev';
      },
    });
    const before = sts.requests.length;
    const out = await cloudidConsole(
      ['static', '--print', '--destination', 'https://s3.console.aws.amazon.com/s3/home'],
      { signin: federation.url },
    );
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(loginParts(out.stdout, federation.url)).toMatchObject({
      atFederation: true,
      issued: true,
      destination: 'https://s3.console.aws.amazon.com/s3/home',
    });
    expect(JSON.parse(policy ?? 'null')).toEqual(ALLOW_ALL);
    expect(sts.requests.slice(before).map((r) => [r.action, r.status])).toEqual([
      ['GetCallerIdentity', 200],
      ['GetFederationToken', 200],
    ]);
    // The long-term key never reached the federation endpoint.
    expect(federation.requests.some((r) => r.sessionId === DEV.accessKeyId)).toBe(false);
  });

  it('passes temporary credentials from the files as they are, without calling STS', async () => {
    federation = await startFederationServer({
      accepts: (s) =>
        s.sessionId === TEMP.accessKeyId &&
        s.sessionKey === TEMP.secretAccessKey &&
        s.sessionToken === TEMP.sessionToken,
    });
    const before = sts.requests.length;
    const out = await cloudidConsole(['temp'], { signin: federation.url });
    expect(out.stderr).toBe('Opened the AWS console as profile temp in your browser.\n');
    expect(out.code).toBe(0);
    expect(out.stdout).toBe('');
    expect(out.opened).toHaveLength(1);
    expect(loginParts(out.opened[0] ?? '', federation.url)).toMatchObject({
      issued: true,
      destination: 'https://cn-north-1.console.amazonaws.cn/console/home?region=cn-north-1',
    });
    expect(sts.requests.length).toBe(before);
  });

  it('fails in one sentence, printing nothing, when the endpoint refuses the credentials', async () => {
    federation = await startFederationServer({ accepts: () => false });
    const out = await cloudidConsole(['temp', '--print'], { signin: federation.url });
    expect(out.code).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toBe(
      `cloudid console: ${new URL(federation.url).host} refused the credentials for a console sign-in token (HTTP 400).\n`,
    );
  });

  it('gives up at the deadline when the endpoint never answers', async () => {
    federation = await startFederationServer({ accepts: () => true, silent: true });
    const out = await cloudidConsole(['temp', '--print'], { signin: federation.url, timeoutMs: 300 });
    expect(out.code).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toBe(
      `cloudid console: ${new URL(federation.url).host} did not answer within 0.3 s: check your VPN, proxy and AWS_ENDPOINT_URL_SIGNIN.\n`,
    );
  });

  it('gives up at the deadline when STS never answers, and leaves no connection open', async () => {
    const silent = await startSilentServer();
    try {
      federation = await startFederationServer({ accepts: () => true });
      const out = await cloudidConsole(['static', '--print'], {
        signin: federation.url,
        sts: silent.url,
        timeoutMs: 300,
      });
      expect(out.code).toBe(1);
      expect(out.stdout).toBe('');
      expect(out.stderr).toBe(
        `cloudid console: ${new URL(silent.url).host} did not answer within 0.3 s: check your VPN, proxy and AWS_ENDPOINT_URL_STS.\n`,
      );
      expect(federation.requests).toEqual([]);
      await expect.poll(() => silent.openConnections(), { timeout: 2_000 }).toBe(0);
    } finally {
      await silent.close();
    }
  });

  it('says when no browser could be opened, and does not print the URL', async () => {
    federation = await startFederationServer({ accepts: () => true });
    const out = await cloudidConsole(['temp'], { signin: federation.url, browser: false });
    expect(out.code).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toBe('cloudid console: could not open a browser; run it again with --print to get the URL.\n');
  });

  it('exits 1 for a profile that does not exist', async () => {
    const out = await cloudidConsole(['nope', '--print']);
    expect(out.code).toBe(1);
    expect(out.stderr).toBe(
      `cloudid console: there is no profile named "nope" in ${aws.configFile} or ${aws.credentialsFile}.\n`,
    );
  });

  it.each([
    [[], 'which profile?'],
    [['a', 'b'], 'give one profile'],
    [['temp', '--open'], "Unknown option '--open'"],
    [['temp', '--destination', 'http://cn-north-1.console.amazonaws.cn/'], 'the destination must be an https URL'],
    [
      ['temp', '--destination', 'https://console.aws.amazon.com/'],
      'the destination must be a page of the aws-cn console (console.amazonaws.cn)',
    ],
    [
      ['temp', '--destination', 'https://evil.example/console.amazonaws.cn'],
      'the destination must be a page of the aws-cn console (console.amazonaws.cn)',
    ],
  ])('exits 2 on a usage error: %j', async (argv, message) => {
    const out = await cloudidConsole(argv);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr.startsWith(`cloudid console: ${message}`)).toBe(true);
    expect(out.stderr).toContain('Usage: cloudid console <profile>');
  });

  it('prints its help', async () => {
    const out = await cloudidConsole(['--help']);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('--destination URL');
  });
});
