import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loginStatus } from '../../../../electron/core/aws/login-status';
import {
  LOGIN_SESSION_MS,
  loginCacheDir,
  loginCacheKey,
  loginCachePath,
  parseLoginTokenCache,
  readLoginTokenSummarySync,
} from '../../../../electron/core/aws/login-token-cache';
import { LOGIN_SECRETS, loginToken, writeLoginToken } from '../../../support/login-cache';

const NOW = Date.parse('2026-12-07T12:00:00Z');
const LEAD = 15 * 60_000;
const ARN = 'arn:aws:iam::012345678901:user/alice';
const at = (minutes: number): string => new Date(NOW + minutes * 60_000).toISOString();

let dir: string | null = null;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = null;
});

describe('login cache path', () => {
  it('is the sha256 of the login_session value in ~/.aws/login/cache, or AWS_LOGIN_CACHE_DIRECTORY', () => {
    // sha256("arn:aws:iam::012345678901:user/alice"), as botocore's generate_login_cache_key gives it.
    expect(loginCacheKey(ARN)).toMatch(/^[0-9a-f]{64}$/);
    expect(loginCacheKey(ARN)).not.toBe(loginCacheKey(`${ARN} `));
    expect(loginCacheDir({}, '/home/u')).toBe('/home/u/.aws/login/cache');
    expect(loginCacheDir({ AWS_LOGIN_CACHE_DIRECTORY: '/tmp/logins' }, '/home/u')).toBe('/tmp/logins');
    expect(loginCacheDir({ AWS_LOGIN_CACHE_DIRECTORY: '~/elsewhere' }, '/home/u')).toBe('/home/u/elsewhere');
    expect(loginCacheDir({ AWS_LOGIN_CACHE_DIRECTORY: '' }, '/home/u')).toBe('/home/u/.aws/login/cache');
    expect(loginCachePath('/c', ARN)).toBe(`/c/${loginCacheKey(ARN)}.json`);
  });
});

describe('parseLoginTokenCache', () => {
  it('reads the expiry, account and refresh fields of a file as the JS SDK writes it', () => {
    const text = JSON.stringify(loginToken({ expiresAt: at(14), signedInAt: NOW - 3_600_000 }), null, 2);
    const read = parseLoginTokenCache(text, '/c/x.json');
    expect(read.problem).toBeNull();
    expect(read.token).toEqual({
      expiresAt: new Date(at(14)),
      accountId: '012345678901',
      sessionEndsAt: new Date(Math.floor((NOW - 3_600_000) / 1000) * 1000 + LOGIN_SESSION_MS),
    });
  });

  it('reads the timestamp botocore writes after a refresh (no milliseconds)', () => {
    const read = parseLoginTokenCache(JSON.stringify(loginToken({ expiresAt: '2026-12-07T12:14:00Z' })), 'f');
    expect(read.token?.expiresAt.toISOString()).toBe('2026-12-07T12:14:00.000Z');
  });

  it('names missing fields without quoting any secret', () => {
    const token = loginToken({ expiresAt: at(10) });
    delete (token.accessToken as Record<string, unknown>).accountId;
    const read = parseLoginTokenCache(JSON.stringify(token), '/c/x.json');
    expect(read.token).toBeNull();
    expect(read.problem).toMatchObject({ severity: 'error', file: '/c/x.json' });
    expect(read.problem?.message).toContain('accessToken.accountId');
    for (const secret of Object.values(LOGIN_SECRETS)) expect(read.problem?.message).not.toContain(secret);
  });

  it('refuses a file without refresh token and DPoP key, as botocore and the JS SDK do', () => {
    const read = parseLoginTokenCache(JSON.stringify(loginToken({ expiresAt: at(10), refresh: false })), 'f');
    expect(read.token).toBeNull();
    expect(read.problem).toMatchObject({ severity: 'error' });
    expect(read.problem?.message).toMatch(/lacks refreshToken, dpopKey;/);
  });

  it('refuses broken JSON without quoting it', () => {
    const text = `{"accessToken": {"secretAccessKey": "${LOGIN_SECRETS.secretAccessKey}"`;
    const read = parseLoginTokenCache(text, 'f');
    expect(read.token).toBeNull();
    expect(read.problem?.message).not.toContain(LOGIN_SECRETS.secretAccessKey);
    expect(parseLoginTokenCache('', 'f').problem?.message).toMatch(/empty/);
    expect(
      parseLoginTokenCache(JSON.stringify(loginToken({ expiresAt: '2026-12-07 12:00' })), 'f').problem?.message,
    ).toMatch(/time zone/);
  });
});

describe('readLoginTokenSummarySync', () => {
  it('says missing for no file, and reads a written one', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cloudid-login-'));
    expect(readLoginTokenSummarySync(loginCachePath(dir, ARN))).toEqual({ token: null, missing: true, problem: null });
    const file = await writeLoginToken(dir, ARN, loginToken({ expiresAt: at(10) }));
    expect(file).toBe(loginCachePath(dir, ARN));
    expect(readLoginTokenSummarySync(file)).toMatchObject({
      missing: false,
      problem: null,
      token: { accountId: '012345678901' },
    });
    await writeFile(file, '{');
    expect(readLoginTokenSummarySync(file)).toMatchObject({
      missing: false,
      token: null,
      problem: { severity: 'error' },
    });
  });
});

describe('loginStatus', () => {
  const read = (spec: Parameters<typeof loginToken>[0]) => ({
    ...parseLoginTokenCache(JSON.stringify(loginToken(spec)), 'f'),
    missing: false,
  });

  it('is signed-out without a cache file and error for an unusable one', () => {
    expect(loginStatus(undefined, NOW, LEAD)).toEqual({ status: 'signed-out', expiresAt: null, refreshable: false });
    expect(loginStatus({ token: null, missing: true, problem: null }, NOW, LEAD).status).toBe('signed-out');
    expect(
      loginStatus({ token: null, missing: false, problem: { severity: 'error', message: 'x' } }, NOW, LEAD).status,
    ).toBe('error');
  });

  it('counts a refreshable session down to the end of its 12-hour sign-in, not the 15-minute credentials', () => {
    const signedInAt = NOW - 2 * 3_600_000;
    const s = loginStatus(read({ expiresAt: at(-5), signedInAt }), NOW, LEAD);
    expect(s).toEqual({
      status: 'valid',
      expiresAt: new Date(signedInAt + LOGIN_SESSION_MS).toISOString(),
      refreshable: true,
    });
    const late = loginStatus(read({ expiresAt: at(-5), signedInAt: NOW - LOGIN_SESSION_MS + 10 * 60_000 }), NOW, LEAD);
    expect(late.status).toBe('expiring');
  });

  it('is expired when the credentials expired and the session can no longer refresh', () => {
    expect(
      loginStatus(read({ expiresAt: at(-1), signedInAt: NOW - LOGIN_SESSION_MS - 60_000 }), NOW, LEAD),
    ).toMatchObject({ status: 'expired', refreshable: false, expiresAt: at(-1) });
  });

  it('goes by accessToken.expiresAt when the session cannot refresh', () => {
    const ended = NOW - LOGIN_SESSION_MS - 60_000;
    expect(loginStatus(read({ expiresAt: at(60), signedInAt: ended }), NOW, LEAD)).toEqual({
      status: 'valid',
      expiresAt: at(60),
      refreshable: false,
    });
    expect(loginStatus(read({ expiresAt: at(10), signedInAt: ended }), NOW, LEAD).status).toBe('expiring');
  });

  it('stays valid while refreshable when the id token does not say when the sign-in was', () => {
    const token = loginToken({ expiresAt: at(-3) });
    delete token.idToken;
    const r = { ...parseLoginTokenCache(JSON.stringify(token), 'f'), missing: false };
    expect(loginStatus(r, NOW, LEAD)).toEqual({ status: 'valid', expiresAt: null, refreshable: true });
  });
});
