// `cloudid status --json` remembered between runs (electron/cli/status-memo.ts): printed again only
// while every input is the same and no status can have changed, and otherwise worked out afresh.
// Each test proves the memo was used by changing what it holds ("tampering"): a run that prints
// the tampered text used it; a run that must not use it has to print what a run with no caches
// at all prints.
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run as statusCommand } from '../../../../electron/cli/commands/status';
import { statusMemoFile } from '../../../../electron/cli/status-memo';
import { cacheStamp, makeAwsHome, type AwsHome } from '../../../support/aws-home';
import {
  authorizedUserJson,
  gcloudExpiry,
  writeConfiguration,
  writeGcloudDatabases,
} from '../../../support/gcloud-fixtures';

const MIN = 60_000;
let home: AwsHome;
let cacheDir: string;
let scratch: string[] = [];
/** The fake clock: ahead of the files' real times, so they are not "just changed". */
let now: number;

beforeEach(async () => {
  home = await makeAwsHome();
  cacheDir = await mkdtemp(join(tmpdir(), 'cloudid-memo-cache-'));
  now = Date.now() + 10_000;
  vi.useFakeTimers({ toFake: ['Date'], now });
});
afterEach(async () => {
  vi.useRealTimers();
  await home.cleanup();
  await Promise.all([cacheDir, ...scratch].map((d) => rm(d, { recursive: true, force: true })));
  scratch = [];
});

const setClock = (ms: number): void => {
  now = ms;
  vi.setSystemTime(ms);
};

class Collect extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

async function status(
  env: NodeJS.ProcessEnv = {},
  args = ['--json'],
  dir = cacheDir,
): Promise<{ code: number; text: string }> {
  const stdout = new Collect();
  const stderr = new Collect();
  const code = await statusCommand(args, {
    env: { HOME: home.home, PATH: '', ...env },
    homeDir: home.home,
    stdout,
    stderr,
    cacheDir: dir,
  });
  expect(stderr.text).toBe('');
  return { code, text: stdout.text };
}

/** What a first run, with no cache of any kind, prints. */
async function fresh(env: NodeJS.ProcessEnv = {}): Promise<{ code: number; text: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'cloudid-memo-fresh-'));
  scratch.push(dir);
  return status(env, ['--json'], dir);
}

const sansTime = (text: string): string => text.replace(/"generatedAt":"[^"]*"/, '"generatedAt":""');

async function tamper(): Promise<void> {
  const file = statusMemoFile(cacheDir);
  const text = await readFile(file, 'utf8');
  expect(text).toContain('"activeProfileNotes":[]');
  await writeFile(file, text.replace('"activeProfileNotes":[]', '"activeProfileNotes":["TAMPERED"]'));
}

/** Stores a memo, tampers with it, and checks that an unchanged run prints it. */
async function remembered(env: NodeJS.ProcessEnv = {}): Promise<void> {
  const first = await status(env);
  await tamper();
  const again = await status(env);
  expect(again.text).toContain('TAMPERED');
  expect(sansTime(again.text.replace('"TAMPERED"', ''))).toBe(sansTime(first.text));
}

async function expectFresh(env: NodeJS.ProcessEnv = {}): Promise<void> {
  const got = await status(env);
  expect(got.text).not.toContain('TAMPERED');
  const want = await fresh(env);
  expect(sansTime(got.text)).toBe(sansTime(want.text));
  expect(got.code).toBe(want.code);
}

const CONFIG = `[default]
region = us-east-1

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = eu-west-1

[sso-session lab]
sso_start_url = https://lab.awsapps.com/start
sso_region = eu-west-1

[profile prod]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = Admin

[profile lab]
sso_session = lab
sso_account_id = 444455556666
sso_role_name = Dev

[profile deploy]
role_arn = arn:aws:iam::111122223333:role/Deploy
source_profile = default
`;

const token = (expiresAt: number, extra: Record<string, unknown> = {}) => ({
  startUrl: 'https://corp.awsapps.com/start',
  region: 'eu-west-1',
  accessToken: 'secret-access-token',
  expiresAt: cacheStamp(expiresAt),
  ...extra,
});

async function setUp(): Promise<void> {
  await home.writeConfig(CONFIG);
  await home.writeCredentials(
    '[default]\naws_access_key_id = AKIAMEMO000000000001\naws_secret_access_key = memo-secret\n',
  );
  await home.writeToken('corp', token(now + 3 * 3_600_000));
}

describe('cloudid status --json, remembered', () => {
  it('prints exactly what a run without caches prints, from the memo while nothing changed', async () => {
    await setUp();
    const first = await status({ AWS_PROFILE: 'prod' });
    expect(first.code).toBe(0);
    expect(sansTime(first.text)).toBe(sansTime((await fresh({ AWS_PROFILE: 'prod' })).text));
    await tamper();
    setClock(now + MIN);
    const again = await status({ AWS_PROFILE: 'prod' });
    expect(again.text).toContain('TAMPERED');
    expect(JSON.parse(again.text).generatedAt).toBe(new Date(now).toISOString());
    expect(again.code).toBe(0);
    expect(first.text).not.toContain('secret-access-token');
    expect(first.text).not.toContain('memo-secret');
  });

  it('keeps the exit status: 1 while the active profile is signed out', async () => {
    await setUp();
    expect((await status({ AWS_PROFILE: 'lab' })).code).toBe(1);
    await tamper();
    const again = await status({ AWS_PROFILE: 'lab' });
    expect(again.text).toContain('TAMPERED');
    expect(again.code).toBe(1);
  });

  describe('is not used after', () => {
    it('an edit of the config that keeps its size', async () => {
      await setUp();
      await remembered();
      await home.writeConfig(CONFIG.replace('444455556666', '444455556667'));
      await expectFresh();
    });

    it('a credentials file appears', async () => {
      await home.writeConfig(CONFIG);
      await remembered();
      await home.writeCredentials('[deploy]\naws_access_key_id = AKIAMEMO000000000002\naws_secret_access_key = x\n');
      await expectFresh();
    });

    it('a token rewritten in place with the same size', async () => {
      await setUp();
      await remembered();
      await home.writeToken('corp', token(now + 4 * 3_600_000)); // another hour, same length
      await expectFresh();
    });

    it('a login writes a token for a signed-out session, and a logout deletes one', async () => {
      await setUp();
      await remembered();
      await home.writeToken('lab', token(now + 3_600_000, { startUrl: 'https://lab.awsapps.com/start' }));
      await expectFresh();
      await remembered();
      await unlink(home.tokenPath('corp'));
      await expectFresh();
    });

    it('the AWS CLI caches role credentials', async () => {
      await setUp();
      await remembered();
      const cli = join(home.home, '.aws', 'cli', 'cache');
      await mkdir(cli, { recursive: true });
      await writeFile(join(cli, 'anything.json'), '{}');
      await expectFresh();
    });

    it('another active profile or another config file in the environment', async () => {
      await setUp();
      await remembered({ AWS_PROFILE: 'prod' });
      await expectFresh({ AWS_PROFILE: 'lab' });
      const other = join(home.home, 'other-config');
      await writeFile(other, '[profile solo]\nregion = eu-north-1\n');
      await expectFresh({ AWS_PROFILE: 'lab', AWS_CONFIG_FILE: other });
      // Set but empty names the same files as unset, and is worth a warning.
      await remembered({ AWS_PROFILE: 'lab' });
      await expectFresh({ AWS_PROFILE: 'lab', AWS_CONFIG_FILE: '' });
      expect(JSON.parse((await status({ AWS_PROFILE: 'lab', AWS_CONFIG_FILE: '' })).text).aws.problems[0]).toMatch(
        /set but empty/,
      );
    });

    it('a change of the lead time in the settings', async () => {
      await setUp();
      await remembered();
      await mkdir(join(home.home, '.config', 'Cloud Identity Tray'), { recursive: true });
      await writeFile(
        join(home.home, '.config', 'Cloud Identity Tray', 'settings.json'),
        JSON.stringify({ leadTimeMinutes: 240 }),
      );
      await expectFresh();
      expect(JSON.parse((await status()).text).leadTimeMinutes).toBe(240);
    });

    it('another `aws` on PATH', async () => {
      await setUp();
      const bin = join(home.home, 'bin');
      await mkdir(bin);
      const aws = join(bin, 'aws');
      await writeFile(aws, '#!/bin/sh\necho "aws-cli/2.9.19 Python/3.11.2 Linux/6 source/x86_64.debian.12"\n');
      await chmod(aws, 0o755);
      await remembered();
      await expectFresh({ PATH: bin });
    });

    it('a token reaches its lead time, or expires', async () => {
      await home.writeConfig(CONFIG);
      await home.writeToken('corp', token(now + 20 * MIN));
      await remembered({ AWS_PROFILE: 'prod' });
      setClock(now + 4 * MIN);
      expect((await status({ AWS_PROFILE: 'prod' })).text).toContain('TAMPERED'); // still "valid"
      setClock(now + 2 * MIN); // 14 minutes left: "expiring"
      await expectFresh({ AWS_PROFILE: 'prod' });
      expect(JSON.parse((await status({ AWS_PROFILE: 'prod' })).text).aws.ssoSessions[0].status).toBe('expiring');
      await remembered({ AWS_PROFILE: 'prod' });
      setClock(now + 15 * MIN);
      await expectFresh({ AWS_PROFILE: 'prod' });
      expect((await status({ AWS_PROFILE: 'prod' })).code).toBe(1);
    });

    it("the token's client registration ends (it can no longer be refreshed)", async () => {
      await home.writeConfig(CONFIG);
      await home.writeToken(
        'corp',
        token(now + 8 * 3_600_000, {
          refreshToken: 'r',
          clientId: 'c',
          clientSecret: 's',
          registrationExpiresAt: cacheStamp(now + 30 * MIN),
        }),
      );
      await remembered();
      expect(JSON.parse((await fresh()).text).aws.ssoSessions[0].refreshable).toBe(true);
      setClock(now + 31 * MIN);
      await expectFresh();
      expect(JSON.parse((await status()).text).aws.ssoSessions[0].refreshable).toBe(false);
    });

    it('a day, after which the `aws` versions are asked again', async () => {
      await home.writeConfig(CONFIG);
      await home.writeToken('corp', token(now + 30 * 3_600_000)); // no deadline within the day
      await remembered();
      setClock(now + 24 * 3_600_000 - MIN);
      expect((await status()).text).toContain('TAMPERED');
      setClock(now + 2 * MIN);
      await expectFresh();
    });

    it('the clock is set back', async () => {
      await setUp();
      await remembered();
      setClock(now - 5 * MIN);
      await expectFresh();
    });
  });

  it('answers with a key longer than one read of its file (a big SSO cache)', async () => {
    await setUp();
    const cache = dirname(home.tokenPath('corp'));
    await Promise.all(
      Array.from({ length: 1500 }, (_, i) => writeFile(join(cache, `${String(i).padStart(40, '0')}.json`), '{}')),
    );
    await remembered();
    expect((await readFile(statusMemoFile(cacheDir), 'utf8')).indexOf('\n')).toBeGreaterThan(3 * 64 * 1024);
  });

  it('does not remember a read of a file changed in the last two seconds', async () => {
    await setUp();
    vi.useRealTimers(); // the real clock: the files were written a moment ago
    await status();
    await expect(stat(statusMemoFile(cacheDir))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  describe('is not used after a change of gcloud or kubectl state', () => {
    const gcloud = (): string => join(home.home, '.config', 'gcloud');
    const user = (tokenExpiry: number) => ({
      account: 'dev@example.com',
      credential: { ...authorizedUserJson(), type: 'authorized_user' },
      tokenExpiry: gcloudExpiry(new Date(tokenExpiry)),
    });

    it('another configuration, and another active one', async () => {
      await setUp();
      await remembered();
      await writeConfiguration(gcloud(), 'work', '[core]\naccount = dev@example.com\nproject = memo-project\n');
      await writeFile(join(gcloud(), 'active_config'), 'work');
      await expectFresh();
      expect(JSON.parse((await status()).text).gcp.configurations).toEqual([
        expect.objectContaining({ name: 'work', active: true, project: 'memo-project' }),
      ]);
      await remembered();
      await writeConfiguration(gcloud(), 'work', '[core]\naccount = dev@example.com\nproject = memo-projekt\n');
      await expectFresh();
    });

    it('a login to gcloud, and a CLOUDSDK_* property set in the environment', async () => {
      await setUp();
      await mkdir(gcloud(), { recursive: true });
      await remembered();
      await writeGcloudDatabases(gcloud(), [user(now + 3 * 3_600_000)]);
      await expectFresh();
      await remembered();
      await expectFresh({ CLOUDSDK_CORE_PROJECT: 'from-env' });
      await remembered({ CLOUDSDK_CORE_PROJECT: 'from-env' });
      await expectFresh({ CLOUDSDK_CONFIG: join(home.home, 'other-gcloud') });
    });

    it("gcloud's access token expires", async () => {
      await setUp();
      await mkdir(gcloud(), { recursive: true });
      await writeGcloudDatabases(gcloud(), [user(now + 60 * MIN)]);
      await remembered();
      setClock(now + 40 * MIN);
      expect((await status()).text).toContain('TAMPERED');
      setClock(now + 6 * MIN); // the token's lead time (15 minutes) begins: the document's next deadline
      await expectFresh();
    });

    it('the file GOOGLE_APPLICATION_CREDENTIALS names changes, and a kubeconfig appears', async () => {
      await setUp();
      const key = join(home.home, 'key.json');
      await writeFile(key, '{}');
      await remembered({ GOOGLE_APPLICATION_CREDENTIALS: key });
      await writeFile(key, '[]');
      await expectFresh({ GOOGLE_APPLICATION_CREDENTIALS: key });
      await remembered();
      await mkdir(join(home.home, '.kube'));
      await writeFile(join(home.home, '.kube', 'config'), 'apiVersion: v1\nkind: Config\ncurrent-context: x\n');
      await expectFresh();
    });

    it('is not remembered while gcloud writes its databases (a rollback journal is present)', async () => {
      await setUp();
      await mkdir(gcloud(), { recursive: true });
      await writeGcloudDatabases(gcloud(), [user(now + 3 * 3_600_000)]);
      await writeFile(join(gcloud(), 'credentials.db-journal'), 'partial');
      await status();
      await expect(stat(statusMemoFile(cacheDir))).rejects.toMatchObject({ code: 'ENOENT' });
    });
  });

  it('is not used or written by --verify, nor by the table', async () => {
    await setUp();
    await status({}, []);
    await expect(stat(statusMemoFile(cacheDir))).rejects.toMatchObject({ code: 'ENOENT' });
    await status();
    await tamper();
    expect((await status({}, [])).text).not.toContain('TAMPERED');
    expect((await status({ AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:9' }, ['--json', '--verify'])).text).not.toContain(
      'TAMPERED',
    );
  });

  it('ignores a damaged memo and replaces it', async () => {
    await setUp();
    await status();
    await writeFile(statusMemoFile(cacheDir), 'not a memo');
    await expectFresh();
    await remembered();
  });
  it('ignores a memo whose header has the key but not the shape', async () => {
    await setUp();
    await status();
    const text = await readFile(statusMemoFile(cacheDir), 'utf8');
    const newline = text.indexOf('\n');
    const header = JSON.parse(text.slice(0, newline)) as Record<string, unknown>;
    for (const damage of [
      { format: 1 },
      { key: 42 },
      { at: '2026-01-01' },
      { exitCode: 'yes' },
      { validUntil: undefined },
    ]) {
      await writeFile(
        statusMemoFile(cacheDir),
        `${JSON.stringify({ ...header, ...damage })}${text.slice(newline)}`.replace(
          '"activeProfileNotes":[]',
          '"activeProfileNotes":["TAMPERED"]',
        ),
      );
      await expectFresh();
    }
  });

  it('keeps the memo private (0600, folder 0700) and leaves no temp file', async () => {
    await setUp();
    const dir = join(await mkdtemp(join(tmpdir(), 'cloudid-memo-new-')), 'cache');
    scratch.push(dirname(dir));
    await status({}, ['--json'], dir);
    expect((await stat(statusMemoFile(dir))).mode & 0o777).toBe(0o600);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect(await readdir(dir)).toContain('status.memo');
    expect((await readdir(dir)).filter((name) => name.includes('tmp'))).toEqual([]);
  });
});
