// `aws login` caches as botocore writes them (its LoginTokenLoader over JSONFileCache, which the
// AWS CLI and a refresh use), read by a real core: statuses, account, the watched folder, and
// AWS_LOGIN_CACHE_DIRECTORY.
import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/app/core';
import { loginCachePath } from '../../../../electron/core/aws/login-token-cache';
import type { Snapshot } from '../../../../electron/shared/model';
import { makeAwsHome, type AwsHome } from '../../../support/aws-home';
import { LOGIN_SECRETS, loginToken, writeLoginToken } from '../../../support/login-cache';
import { snapshotWhere } from '../../../support/snapshot-wait';

const ARN = 'arn:aws:iam::012345678901:user/alice';
const OTHER = 'arn:aws:sts::210987654321:assumed-role/Dev/bob';
const CONFIG = `[profile console]
login_session = ${ARN}
region = eu-west-1

[profile console-2]
login_session = ${ARN}

[profile bob]
login_session = ${OTHER}
`;

let home: AwsHome | null = null;
let core: Core | null = null;
afterEach(async () => {
  await core?.stop();
  core = null;
  await home?.cleanup();
  home = null;
});

// botocore saves the token exactly as `aws login` and a refresh do; the key is its own function.
const BOTOCORE_SAVE = String.raw`
import json, sys
from botocore.utils import JSONFileCache, LoginTokenLoader, get_login_token_cache_directory
session, token = json.load(sys.stdin)
LoginTokenLoader(JSONFileCache(get_login_token_cache_directory())).save_token(session, token)
`;

function botocoreSave(env: NodeJS.ProcessEnv, session: string, token: Record<string, unknown>): void {
  const run = spawnSync('python3', ['-c', BOTOCORE_SAVE], {
    input: JSON.stringify([session, token]),
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
  });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
}

async function start(env: NodeJS.ProcessEnv = {}, watch = false): Promise<Core> {
  if (!home) throw new Error('no home');
  core = createCore({
    env: { HOME: home.home, PATH: '', ...env },
    homeDir: home.home,
    settingsFile: home.settingsFile,
    detectCli: false,
    watch,
  });
  await core.start();
  return core;
}

const profile = (s: Snapshot, name: string) => s.aws.profiles.find((p) => p.name === name);
const session = (s: Snapshot, name: string) => s.aws.loginSessions.find((l) => l.name === name);

describe('aws login caches', () => {
  it('gives login profiles a status, expiry and account from the file botocore writes', async () => {
    home = await makeAwsHome();
    await home.writeConfig(CONFIG);
    const stamp = `${new Date(Date.now() + 14 * 60_000).toISOString().slice(0, 19)}Z`;
    botocoreSave({ HOME: home.home }, ARN, loginToken({ expiresAt: stamp, signedInAt: Date.now() - 3_600_000 }));
    const snap = (await start()).snapshot();

    const file = loginCachePath(join(home.home, '.aws', 'login', 'cache'), ARN);
    expect(snap.aws.loginSessions).toHaveLength(2);
    expect(session(snap, ARN)).toEqual(
      expect.objectContaining({
        name: ARN,
        status: 'valid',
        refreshable: true,
        accountId: '012345678901',
        cacheFile: file,
        profiles: ['console', 'console-2'],
        problems: [],
        credentialsExpireAt: new Date(stamp).toISOString(),
      }),
    );
    expect(session(snap, OTHER)).toMatchObject({
      status: 'signed-out',
      expiresAt: null,
      refreshable: false,
      accountId: null,
      profiles: ['bob'],
    });
    expect(profile(snap, 'console')).toMatchObject({
      kind: 'login',
      status: 'valid',
      accountId: '012345678901',
      expiresAt: session(snap, ARN)?.expiresAt,
    });
    expect(profile(snap, 'bob')).toMatchObject({ kind: 'login', status: 'signed-out', accountId: null });
    expect(snap.nextDeadline).not.toBeNull();
    const text = JSON.stringify(snap);
    for (const secret of Object.values(LOGIN_SECRETS)) expect(text).not.toContain(secret.trim());
  });

  it('follows AWS_LOGIN_CACHE_DIRECTORY, and an expired session that cannot refresh is expired', async () => {
    home = await makeAwsHome();
    await home.writeConfig(CONFIG);
    const dir = join(home.home, 'logins');
    botocoreSave(
      { HOME: home.home, AWS_LOGIN_CACHE_DIRECTORY: dir },
      ARN,
      loginToken({ expiresAt: '2026-01-01T00:00:00Z', signedInAt: Date.parse('2025-12-31T23:00:00Z') }),
    );
    const snap = (await start({ AWS_LOGIN_CACHE_DIRECTORY: dir })).snapshot();
    expect(session(snap, ARN)).toMatchObject({
      status: 'expired',
      refreshable: false,
      cacheFile: loginCachePath(dir, ARN),
      expiresAt: '2026-01-01T00:00:00.000Z',
    });
    expect(profile(snap, 'console')?.status).toBe('expired');
  });

  it('reports an unusable cache file at the session and its profiles, and sees a login and a logout', async () => {
    home = await makeAwsHome();
    await home.writeConfig(CONFIG);
    const dir = join(home.home, '.aws', 'login', 'cache');
    const token = loginToken({ expiresAt: new Date(Date.now() + 600_000).toISOString() });
    delete token.clientId;
    const file = await writeLoginToken(dir, ARN, token);
    const c = await start({}, true);
    expect(session(c.snapshot(), ARN)).toMatchObject({
      status: 'error',
      problems: [expect.objectContaining({ file, message: expect.stringContaining('clientId') })],
    });
    expect(profile(c.snapshot(), 'console')?.problems).toEqual([expect.objectContaining({ file })]);

    await writeLoginToken(
      dir,
      OTHER,
      loginToken({ expiresAt: new Date(Date.now() + 600_000).toISOString(), accountId: '210987654321' }),
    );
    const signedIn = await snapshotWhere(c, (s) => profile(s, 'bob')?.status === 'valid');
    expect(profile(signedIn, 'bob')?.accountId).toBe('210987654321');

    await rm(loginCachePath(dir, OTHER));
    await snapshotWhere(c, (s) => profile(s, 'bob')?.status === 'signed-out');
  });
});
