import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readAwsInputs } from '../../../../electron/core/aws/aws-sources';
import { openParsedConfigCache } from '../../../../electron/core/aws/parsed-config-cache';
import { makeAwsHome, type AwsHome } from '../../../support/aws-home';

let home: AwsHome | null = null;
afterEach(async () => {
  await home?.cleanup();
  home = null;
});

const CONFIG =
  '[profile alpha]\nregion = us-east-1\ncredential_process = /bin/true\n\n[profile beta]\nrole_arn = arn:aws:iam::111122223333:role/B\nsource_profile = alpha\n';

describe('parsed config cache', () => {
  it('gives the same inputs as a fresh parse, and is used while the files are unchanged', async () => {
    home = await makeAwsHome();
    await home.writeConfig(CONFIG);
    await home.writeCredentials('[alpha]\naws_access_key_id = AKIA1\naws_secret_access_key = not-in-the-cache\n');
    const env = { HOME: home.home };
    const cacheDir = join(home.home, 'cache');
    const fresh = await readAwsInputs(env, home.home, 0);
    const first = await readAwsInputs(env, home.home, 0, { parseCache: openParsedConfigCache(cacheDir) });
    const second = await readAwsInputs(env, home.home, 0, { parseCache: openParsedConfigCache(cacheDir) });
    expect(first.parsed).toEqual(fresh.parsed);
    expect(second.parsed).toEqual(fresh.parsed);
    expect(second.config).toEqual({
      ok: true,
      path: home.configFile,
      size: CONFIG.length,
      mtimeMs: expect.any(Number),
    });

    const stored = await readFile(join(cacheDir, 'aws-config-parsed.json'), 'utf8');
    expect(stored).toContain('beta');
    expect(stored).not.toContain('not-in-the-cache'); // no secret in the cache

    // Prove the second read came from the cache: plant a marker in the stored entry.
    await writeFile(join(cacheDir, 'aws-config-parsed.json'), stored.replace('"beta"', '"from-the-cache"'));
    const planted = await readAwsInputs(env, home.home, 0, { parseCache: openParsedConfigCache(cacheDir) });
    expect(planted.parsed.profiles.map((p) => p.name)).toContain('from-the-cache');
  });

  it('parses again after any edit, even one that keeps the size', async () => {
    home = await makeAwsHome();
    await home.writeConfig(CONFIG);
    const env = { HOME: home.home };
    const cacheDir = join(home.home, 'cache');
    await readAwsInputs(env, home.home, 0, { parseCache: openParsedConfigCache(cacheDir) });
    await home.writeConfig(
      CONFIG.replace('alpha', 'gamma').replace('source_profile = alpha', 'source_profile = gamma'),
    );
    const after = await readAwsInputs(env, home.home, 0, { parseCache: openParsedConfigCache(cacheDir) });
    expect(after.parsed.profiles.map((p) => p.name).sort()).toEqual(['beta', 'gamma']);
  });

  it('ignores a damaged cache file and another active profile', async () => {
    home = await makeAwsHome();
    await home.writeConfig(CONFIG);
    const cacheDir = join(home.home, 'cache');
    await readAwsInputs({ HOME: home.home }, home.home, 0, { parseCache: openParsedConfigCache(cacheDir) });
    const other = await readAwsInputs({ HOME: home.home, AWS_PROFILE: 'nope' }, home.home, 0, {
      parseCache: openParsedConfigCache(cacheDir),
    });
    expect(other.parsed.problems.map((p) => p.message).join(' ')).toMatch(/nope/);
    await writeFile(join(cacheDir, 'aws-config-parsed.json'), '{"key": ');
    const again = await readAwsInputs({ HOME: home.home }, home.home, 0, {
      parseCache: openParsedConfigCache(cacheDir),
    });
    expect(again.parsed.profiles.map((p) => p.name).sort()).toEqual(['alpha', 'beta']);
  });
  it('ignores an entry of the right key but the wrong shape, and replaces it', async () => {
    home = await makeAwsHome();
    await home.writeConfig(CONFIG);
    const cacheDir = join(home.home, 'cache');
    const file = join(cacheDir, 'aws-config-parsed.json');
    const read = () =>
      readAwsInputs({ HOME: home?.home }, home?.home ?? '', 0, { parseCache: openParsedConfigCache(cacheDir) });
    await read();
    const stored = JSON.parse(await readFile(file, 'utf8')) as {
      key: string;
      entry: { parsed: Record<string, unknown> };
    };
    for (const damage of [
      { profiles: 'oops' },
      { ssoSessions: [null] },
      { problems: [{ severity: 'fatal', message: 'x' }] },
      { profiles: [['alpha', 'static']] },
      { files: [] },
    ]) {
      await writeFile(
        file,
        JSON.stringify({ key: stored.key, entry: { ...stored.entry, parsed: { ...stored.entry.parsed, ...damage } } }),
      );
      const again = await read();
      expect(again.parsed.profiles.map((p) => p.name).sort()).toEqual(['alpha', 'beta']);
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(stored);
    }
  });

  it('keeps every field of a profile, with sources in both files and a problem', async () => {
    home = await makeAwsHome();
    const config = [
      '[profile full]',
      'sso_session = org',
      'sso_account_id = 111122223333',
      'sso_role_name = Admin',
      'region = eu-west-1',
      'role_session_name = me',
      'external_id = ext',
      'mfa_serial = arn:aws:iam::111122223333:mfa/me',
      'duration_seconds = 900',
      'login_session = arn:aws:iam::111122223333:user/me',
      'web_identity_token_file = /tmp/token',
      'credential_process = /bin/true',
      'sso_start_url = https://other.awsapps.com/start',
      '[sso-session org]',
      'sso_start_url = https://org.awsapps.com/start',
      'sso_region = us-east-1',
      '[profile role]',
      'role_arn = arn:aws:iam::111122223333:role/R',
      'credential_source = Environment',
      '',
    ].join('\n');
    await home.writeConfig(config);
    await home.writeCredentials(
      '[full]\naws_access_key_id = AKIA1\naws_secret_access_key = s\naws_session_token = t\n',
    );
    const env = { HOME: home.home };
    const cacheDir = join(home.home, 'cache');
    const fresh = await readAwsInputs(env, home.home, 0);
    await readAwsInputs(env, home.home, 0, { parseCache: openParsedConfigCache(cacheDir) });
    const cached = await readAwsInputs(env, home.home, 0, { parseCache: openParsedConfigCache(cacheDir) });
    const full = fresh.parsed.profiles.find((p) => p.name === 'full');
    expect(full?.sources).toHaveLength(2);
    expect(full?.problems.length).toBeGreaterThan(0);
    expect(full?.hasSessionToken).toBe(true);
    expect(cached.parsed).toEqual(fresh.parsed);
  });
});
