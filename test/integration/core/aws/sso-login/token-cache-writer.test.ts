import { mkdir, readdir, readFile, stat, writeFile, chmod, lstat, symlink } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeSsoToken, writeSsoToken } from '../../../../../electron/core/aws/sso-login/token-cache-writer';
import { ssoTokenCachePath } from '../../../../../electron/core/aws/sso-token-cache';
import { sessionRef, tempHome, type TempHome } from '../../../../support/session-fixture';

let home: TempHome;
beforeEach(async () => {
  home = await tempHome();
});
afterEach(async () => {
  await home.remove();
});

const token = {
  startUrl: 'https://d-1.awsapps.com/start',
  region: 'eu-west-1',
  accessToken: 'access',
  expiresAt: new Date('2026-11-26T13:00:00.789Z'),
  clientId: 'cid',
  clientSecret: 'secret',
  registrationExpiresAt: new Date('2027-02-24T12:00:00.001Z'),
};

describe('SSO token cache writer', () => {
  it('serializes like the CLI: field order, seconds precision, no refreshToken key when there is none', () => {
    expect(serializeSsoToken(token)).toBe(
      '{"startUrl": "https://d-1.awsapps.com/start", "region": "eu-west-1", "accessToken": "access", "expiresAt": "2026-11-26T13:00:00Z", ' +
        '"clientId": "cid", "clientSecret": "secret", "registrationExpiresAt": "2027-02-24T12:00:00Z"}',
    );
    expect(serializeSsoToken({ ...token, refreshToken: 'r' })).toMatch(/, "refreshToken": "r"\}$/);
  });

  it('creates ~/.aws/sso/cache with 0700 and the file with 0600', async () => {
    const file = await writeSsoToken(home.cacheDir, sessionRef(), token);
    expect(file).toBe(ssoTokenCachePath(home.cacheDir, sessionRef()));
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    for (const dir of [path.join(home.home, '.aws'), path.join(home.home, '.aws', 'sso'), home.cacheDir]) {
      expect((await stat(dir)).mode & 0o777).toBe(0o700);
    }
  });

  it('replaces an existing world-readable file with a 0600 one, and leaves an existing folder mode alone', async () => {
    await mkdir(home.cacheDir, { recursive: true, mode: 0o755 });
    await chmod(home.cacheDir, 0o755);
    const file = ssoTokenCachePath(home.cacheDir, sessionRef());
    await writeFile(file, 'old', { mode: 0o644 });
    await writeSsoToken(home.cacheDir, sessionRef(), token);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(home.cacheDir)).mode & 0o777).toBe(0o755);
    expect(await readFile(file, 'utf8')).toBe(serializeSsoToken(token));
  });

  it('leaves the old file intact and no temp file behind when the final rename fails', async () => {
    const file = ssoTokenCachePath(home.cacheDir, sessionRef());
    // A directory where the file should be makes rename fail after the temp file was written.
    await mkdir(file, { recursive: true });
    await writeFile(path.join(file, 'keep'), 'x');
    await expect(writeSsoToken(home.cacheDir, sessionRef(), token)).rejects.toThrow();
    expect(await readdir(home.cacheDir)).toEqual([path.basename(file)]);
    expect(await readFile(path.join(file, 'keep'), 'utf8')).toBe('x');
  });
  it('writes through a symlinked cache file, as the CLI does, and keeps the link', async () => {
    await mkdir(home.cacheDir, { recursive: true });
    const elsewhere = path.join(home.home, 'token-elsewhere.json');
    await writeFile(elsewhere, 'old', { mode: 0o644 });
    const file = ssoTokenCachePath(home.cacheDir, sessionRef());
    await symlink(elsewhere, file);
    await writeSsoToken(home.cacheDir, sessionRef(), token);
    expect((await lstat(file)).isSymbolicLink()).toBe(true);
    expect(await readFile(elsewhere, 'utf8')).toBe(serializeSsoToken(token));
    expect((await stat(elsewhere)).mode & 0o777).toBe(0o600);
    expect(await readdir(home.cacheDir)).toEqual([path.basename(file)]);
  });
});
