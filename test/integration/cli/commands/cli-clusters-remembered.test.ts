// `cloudid clusters` decides AWS ownership without the network from what `--verify` told it
// before (docs/identity-memory.md), and says how old that answer is.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as clusters } from '../../../../electron/cli/commands/clusters';
import { run as status } from '../../../../electron/cli/commands/status';
import { appDataDir } from '../../../../electron/core/app/app-paths';
import { IDENTITY_MEMORY_FILE } from '../../../../electron/core/aws/identity-memory';
import { owners, writeSkyState } from '../../../support/sky-state-fixtures';
import { startStsServer, type StsServer } from '../../../support/sts-server';

const ACCOUNT = '111122223333';
const OTHER = '444455556666';
const BOB = {
  id: 'AKIABOB0000000000002',
  secret: 'bob-secret-00000000000000000000000000000',
  userId: 'AIDABOB0000000000002',
  arn: `arn:aws:iam::${ACCOUNT}:user/bob`,
};
// Nothing listens here: only a remembered answer can decide.
const OFFLINE = 'http://127.0.0.1:9';

let tmp: string;
let sts: StsServer;
const savedAwsEnv: Record<string, string | undefined> = {};
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'cloudid-clusters-remembered-'));
  // The SDK also peeks at process.env: keep the developer's AWS settings out of the test.
  for (const name of Object.keys(process.env)) {
    if (name.startsWith('AWS_')) {
      savedAwsEnv[name] = process.env[name];
      delete process.env[name];
    }
  }
  sts = await startStsServer({
    identities: { [BOB.id]: { secretAccessKey: BOB.secret, account: ACCOUNT, arn: BOB.arn, userId: BOB.userId } },
  });
});
afterAll(async () => {
  await sts.close();
  Object.assign(process.env, savedAwsEnv);
  await rm(tmp, { recursive: true, force: true });
});

async function cloudid(
  home: string,
  args: string[],
  stsUrl: string,
  command: typeof clusters = clusters,
): Promise<{ code: number; out: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const ctx: Parameters<typeof clusters>[1] = {
    env: { HOME: home, PATH: process.env.PATH, AWS_ENDPOINT_URL_STS: stsUrl, AWS_PROFILE: 'bob', COLUMNS: '200' },
    homeDir: home,
    stdout,
    stderr,
  };
  const code = await command(args, ctx);
  return { code, out };
}

interface ClusterJson {
  name: string;
  operableByActive: boolean | null;
  note: string | null;
  activeRememberedAt?: string | null;
}

describe('cloudid clusters with remembered identities', () => {
  it('--verify fills the store; a later run without the network decides from it and says so', async () => {
    const home = path.join(tmp, 'home');
    await mkdir(path.join(home, '.aws'), { recursive: true });
    await writeFile(
      path.join(home, '.aws', 'credentials'),
      `[bob]\naws_access_key_id = ${BOB.id}\naws_secret_access_key = ${BOB.secret}\n`,
    );
    await writeFile(path.join(home, '.aws', 'config'), '[profile bob]\nregion = us-east-1\n');
    await writeSkyState(home, {
      schema: 'v0.10-alembic',
      rows: [
        { name: 'mine', status: 'UP', launched_at: 1_764_000_000, owner: owners.aws(BOB.userId, ACCOUNT) },
        { name: 'prod', status: 'UP', launched_at: 1_764_000_000, owner: owners.aws('AIDACAROL00000000003', OTHER) },
      ],
    });

    const verified = await cloudid(home, ['--json', '--verify'], sts.url);
    expect(verified.code).toBe(1);
    const store = await readFile(path.join(appDataDir({}, home, process.platform), IDENTITY_MEMORY_FILE), 'utf8');
    expect(store).toContain(BOB.userId);
    expect(store).not.toContain(BOB.secret);

    const before = sts.requests.length;
    const offline = await cloudid(home, ['--json'], OFFLINE);
    expect(sts.requests.length).toBe(before);
    expect(offline.code).toBe(1);
    const byName = Object.fromEntries(
      (JSON.parse(offline.out) as { clusters: ClusterJson[] }).clusters.map((c) => [c.name, c]),
    );
    expect(byName.mine?.operableByActive).toBe(true);
    expect(byName.mine?.note).toMatch(/^The active profile bob is who STS said it was, verified just now;/);
    expect(byName.prod?.operableByActive).toBe(false);
    expect(byName.prod?.note).toMatch(/is owned by IAM user AIDACAROL00000000003 in account 444455556666/);
    expect(byName.prod?.note).toMatch(/verified just now/);
    expect(byName.prod?.activeRememberedAt).toEqual(expect.any(String));
  });
  it('says in the text output whose answer it used and how old it is, in the table and in status', async () => {
    const home = path.join(tmp, 'home-text');
    await mkdir(path.join(home, '.aws'), { recursive: true });
    await writeFile(
      path.join(home, '.aws', 'credentials'),
      `[bob]\naws_access_key_id = ${BOB.id}\naws_secret_access_key = ${BOB.secret}\n`,
    );
    // An SSO profile in the same account whose session has no token: it could operate the
    // cluster, once signed in.
    await writeFile(
      path.join(home, '.aws', 'config'),
      [
        '[profile bob]',
        'region = us-east-1',
        '[profile admin]',
        'sso_session = corp',
        `sso_account_id = ${ACCOUNT}`,
        'sso_role_name = Admin',
        '[sso-session corp]',
        'sso_start_url = https://corp.awsapps.com/start',
        'sso_region = us-east-1',
        '',
      ].join('\n'),
    );
    await writeSkyState(home, {
      schema: 'v0.10-alembic',
      rows: [{ name: 'mine', status: 'UP', launched_at: 1_764_000_000, owner: owners.aws(BOB.userId, ACCOUNT) }],
    });
    await cloudid(home, ['--verify'], sts.url);

    const table = await cloudid(home, [], OFFLINE);
    expect(table.out).toContain(
      `Active identities: AWS IAM user ${BOB.userId} in account ${ACCOUNT} (verified just now)`,
    );
    expect(table.out).toMatch(new RegExp(`mine .* IAM user ${BOB.userId} in account ${ACCOUNT}`));
    expect(table.out).toMatch(/admin \(same account\) \(sign in first\)/);
    expect(table.out).not.toContain("['");

    // `status` shows the remembered caller beside the profile, never as a fresh check.
    const statusText = await cloudid(home, [], OFFLINE, status);
    const bobRow = statusText.out.split('\n').find((line) => /\bbob\b/.test(line) && line.includes('static'));
    expect(bobRow).toContain(`${BOB.arn} (verified just now)`);
    const statusJson = await cloudid(home, ['--json'], OFFLINE, status);
    expect(statusJson.out).not.toContain('verified just now');
  });
});
