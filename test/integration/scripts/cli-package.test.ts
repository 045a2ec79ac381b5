// The npm package of `cloudid` (scripts/pack-cli.mjs) as a user gets it: packed, installed with
// `npm install -g` into a fresh prefix with no registry reachable, and run from a folder that is
// not this repository, with a temp HOME.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = join(import.meta.dirname, '..', '..', '..');
const rootPackage = JSON.parse(await readFile(join(repo, 'package.json'), 'utf8')) as { version: string };

let work = '';
let prefix = '';
let home = '';
let elsewhere = '';

/** Only what a user's shell would have: node on PATH, a HOME, no npm_* variables from vitest. */
function userEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PATH: `${join(prefix, 'bin')}:${dirname(process.execPath)}:/usr/bin:/bin`,
    HOME: home,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...extra,
  };
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cloudid-package-'));
  prefix = join(work, 'prefix');
  home = join(work, 'home');
  elsewhere = join(work, 'somewhere-else');
  await mkdir(elsewhere, { recursive: true });
  const { stdout } = await run(
    process.execPath,
    [join(repo, 'scripts', 'pack-cli.mjs'), '--destination', join(work, 'packed')],
    { cwd: repo },
  );
  const tarball = stdout.trim();
  // An empty cache and --offline: the install succeeds only if it needs nothing from a registry.
  await run('npm', ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball], {
    cwd: elsewhere,
    env: { ...userEnv(), npm_config_cache: join(work, 'npm-cache'), npm_config_registry: 'http://127.0.0.1:9/' },
  });
  await mkdir(join(home, '.aws'), { recursive: true });
  await writeFile(join(home, '.aws', 'config'), '[default]\nregion = eu-west-1\n\n[profile ci]\nregion = us-east-1\n');
  await writeFile(
    join(home, '.aws', 'credentials'),
    '[ci]\naws_access_key_id = AKIAPACKAGETEST00001\naws_secret_access_key = not-a-real-secret-for-the-package-test\n',
  );
}, 120_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the cloudid npm package', () => {
  it('is installed under its own name with nothing but itself', async () => {
    const installed = join(prefix, 'lib', 'node_modules');
    expect(await readdir(installed)).toEqual(['cloud-identity-tray-cli']);
    const manifest = JSON.parse(
      await readFile(join(installed, 'cloud-identity-tray-cli', 'package.json'), 'utf8'),
    ) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      name: 'cloud-identity-tray-cli',
      version: rootPackage.version,
      bin: { cloudid: 'dist/bin/cloudid.mjs' },
    });
    expect(manifest.dependencies).toBeUndefined();
    expect(await readdir(join(installed, 'cloud-identity-tray-cli'))).not.toContain('node_modules');
  });

  it('answers `cloudid status --json` from another folder', async () => {
    const { stdout } = await run(join(prefix, 'bin', 'cloudid'), ['status', '--json'], {
      cwd: elsewhere,
      env: userEnv({ AWS_PROFILE: 'ci' }),
    });
    const status = JSON.parse(stdout) as {
      version: number;
      aws: {
        configFile: string;
        activeProfile: string;
        profiles: Array<{ name: string; kind: string; status: string }>;
      };
    };
    expect(status.version).toBe(1);
    expect(status.aws.configFile).toBe(join(home, '.aws', 'config'));
    expect(status.aws.activeProfile).toBe('ci');
    expect(status.aws.profiles.map((p) => p.name)).toEqual(['default', 'ci']);
    expect(status.aws.profiles.find((p) => p.name === 'ci')).toMatchObject({ kind: 'static', status: 'long-lived' });
  });

  it('prints the version of package.json with --version', async () => {
    const { stdout } = await run(join(prefix, 'bin', 'cloudid'), ['--version'], { cwd: elsewhere, env: userEnv() });
    expect(stdout).toBe(`cloudid ${rootPackage.version}\n`);
  });

  it('says how to get keytar when a command needs the keychain', async () => {
    const appData = join(home, '.config', 'Cloud Identity Tray');
    await mkdir(appData, { recursive: true });
    const key = {
      keyId: 'a'.repeat(40),
      account: 'ci@p.iam.gserviceaccount.com',
      project: 'p',
      importedAt: '2026-01-01T00:00:00.000Z',
    };
    await writeFile(join(appData, 'gcp-keys.json'), JSON.stringify({ version: 1, keys: [key] }));
    const failed = await run(join(prefix, 'bin', 'cloudid'), ['gcp', 'env', key.keyId], {
      cwd: elsewhere,
      env: userEnv(),
    }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain('keytar');
    expect(failed?.stderr).toContain('npm install -g keytar');
  });
});
