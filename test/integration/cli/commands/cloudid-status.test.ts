// `cloudid status` as a user runs it: a real process, a temp HOME, the local STS for --verify.
import { execFile, spawn } from 'node:child_process';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cacheStamp, makeAwsHome, type AwsHome } from '../../../support/aws-home';
import { serviceAccountKey, writeJson } from '../../../support/gcloud-fixtures';
import { startStsServer, type StsServer } from '../../../support/sts-server';

const repo = join(import.meta.dirname, '..', '..', '..', '..');
const DEV = { accessKeyId: 'AKIADEV0000000000099', secretAccessKey: 'dev-secret-for-cloudid-status-test-0000' };
const DEV_IDENTITY = {
  account: '111122223333',
  arn: 'arn:aws:iam::111122223333:user/dev',
  userId: 'AIDADEV000000000099',
};

let sts: StsServer;
let home: AwsHome | null = null;
beforeAll(async () => {
  sts = await startStsServer({
    identities: { [DEV.accessKeyId]: { secretAccessKey: DEV.secretAccessKey, ...DEV_IDENTITY } },
  });
});
afterAll(async () => sts.close());
afterEach(async () => {
  await home?.cleanup();
  home = null;
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI from source (tsx), as `npx cloudid` runs the bundle of the same entry point. */
function cloudid(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(repo, 'electron', 'cli', 'main.ts'), ...args], {
      cwd: repo,
      env: { PATH: env.PATH ?? '', HOME: env.HOME, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function setUp(): Promise<AwsHome> {
  home = await makeAwsHome();
  await home.writeConfig(`[default]
region = us-east-1

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = eu-west-1

[profile prod]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = Admin

[profile loop-a]
role_arn = arn:aws:iam::111122223333:role/A
source_profile = loop-b

[profile loop-b]
role_arn = arn:aws:iam::111122223333:role/B
source_profile = loop-a
`);
  await home.writeCredentials(
    `[default]\naws_access_key_id = ${DEV.accessKeyId}\naws_secret_access_key = ${DEV.secretAccessKey}\n`,
  );
  return home;
}

describe('cloudid status', () => {
  it('prints the documented JSON shape', async () => {
    const h = await setUp();
    await h.writeToken('corp', {
      startUrl: 'https://corp.awsapps.com/start',
      region: 'eu-west-1',
      accessToken: 'secret-access-token',
      expiresAt: cacheStamp(Date.now() + 3_600_000),
    });
    const run = await cloudid(['status', '--json'], { HOME: h.home, AWS_PROFILE: 'prod' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({
      version: 1,
      aws: {
        configFile: h.configFile,
        credentialsFile: h.credentialsFile,
        activeProfile: 'prod',
        cli: { found: [], warning: expect.any(String) },
      },
    });
    expect(Number.isNaN(Date.parse(json.generatedAt))).toBe(false);
    const prod = json.aws.profiles.find((p: { name: string }) => p.name === 'prod');
    for (const key of [
      'name',
      'kind',
      'active',
      'ssoSession',
      'accountId',
      'roleName',
      'roleArn',
      'sourceProfile',
      'region',
      'status',
      'expiresAt',
      'problems',
      'identity',
    ]) {
      expect(prod).toHaveProperty(key);
    }
    expect(prod).toMatchObject({
      kind: 'sso',
      active: true,
      ssoSession: 'corp',
      accountId: '111122223333',
      roleName: 'Admin',
      status: 'valid',
      identity: null,
      problems: [],
    });
    const loop = json.aws.profiles.find((p: { name: string }) => p.name === 'loop-a');
    expect(loop.status).toBe('error');
    expect(loop.problems[0]).toMatch(
      new RegExp(`^${h.configFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: .*loop`),
    );
    expect(json.aws.ssoSessions).toEqual([
      expect.objectContaining({
        name: 'corp',
        startUrl: 'https://corp.awsapps.com/start',
        region: 'eu-west-1',
        status: 'valid',
        refreshable: false,
        cacheFile: h.tokenPath('corp'),
      }),
    ]);
    expect(run.stdout).not.toContain('secret-access-token');
    expect(run.stdout).not.toContain(DEV.secretAccessKey);
  });

  it('names a secret gcloud property set in the environment, never its value', async () => {
    const h = await setUp();
    const env = {
      HOME: h.home,
      CLOUDSDK_CONFIG: join(h.home, 'gcloud'),
      CLOUDSDK_CORE_API_KEY: 'AIzaSyTopSecretValue',
      CLOUDSDK_CORE_PROJECT: 'shown-project',
    };
    const table = await cloudid(['status'], env);
    expect(table.stdout).toContain('CLOUDSDK_CORE_API_KEY');
    expect(table.stdout).toContain('core/api_key');
    expect(table.stdout).toContain('CLOUDSDK_CORE_PROJECT=shown-project');
    const json = await cloudid(['status', '--json'], env);
    expect(JSON.parse(json.stdout).gcp.overrides).toEqual([
      { variable: 'CLOUDSDK_CORE_API_KEY', property: 'core/api_key', value: null },
      { variable: 'CLOUDSDK_CORE_PROJECT', property: 'core/project', value: 'shown-project' },
    ]);
    for (const run of [table, json]) expect(run.stdout + run.stderr).not.toContain('TopSecret');
  });

  it('shows control characters from files and the environment visibly, never raw', async () => {
    home = await makeAwsHome();
    const osc52 = '\u001b]52;c;dG91Y2ggUFdORUQ=\u0007';
    await home.writeConfig(`[profile evil${osc52}]\nregion = us-east-1\n`);
    const env = { HOME: home.home, AWS_PROFILE: `evil${osc52}` };
    const table = await cloudid(['status'], env);
    // The characters that must not reach a terminal.
    // eslint-disable-next-line no-control-regex
    const raw = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
    for (const out of [table.stdout, table.stderr]) expect(out).not.toMatch(raw);
    expect(table.stdout).toContain('evil\\u001b]52;c;dG91Y2ggUFdORUQ=\\u0007');
    const json = await cloudid(['status', '--json'], env);
    const parsed = JSON.parse(json.stdout);
    // JSON escapes the same characters itself, and the value comes back unchanged.
    expect(json.stdout).toContain('evil\\u001b]52;c;dG91Y2ggUFdORUQ=\\u0007');
    expect(parsed.aws.activeProfile).toBe(`evil${osc52}`);
  });

  it("keeps a key's project_id with line breaks on its own line", async () => {
    const h = await setUp();
    const keyFile = await writeJson(
      join(h.home, 'key.json'),
      serviceAccountKey({
        client_email: 'deployer@acme.iam.gserviceaccount.com',
        project_id: 'acme\nPROBLEMS\n  [forged]\tall fine',
      }),
    );
    const run = await cloudid(['status'], {
      HOME: h.home,
      CLOUDSDK_CONFIG: join(h.home, 'gcloud'),
      GOOGLE_APPLICATION_CREDENTIALS: keyFile,
    });
    expect(run.stdout).toContain('[project_id=acme\\u000aPROBLEMS\\u000a  [forged]\\u0009all fine]');
    expect(run.stdout.split('\n')).not.toContain('  [forged]\tall fine');
  });

  it('exits 1 when the active profile is signed out, says why in a table, and ends with the fix', async () => {
    const h = await setUp();
    const run = await cloudid(['status'], { HOME: h.home, AWS_PROFILE: 'prod' });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/\*\s+prod\s+sso\s+signed-out/);
    expect(run.stdout).toMatch(/PROBLEMS[\s\S]*loop/);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(
      '✗ The active profile prod is signed out: run `cloudid login prod`.',
    );
  });

  it('a GCP-only user has no AWS files: no problem about a default nobody asked for, exit 0', async () => {
    home = await makeAwsHome();
    const run = await cloudid(['status'], { HOME: home.home });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/does not exist/);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('✓ No AWS configuration: nothing to check for AWS.');
    expect((await cloudid(['status'], { HOME: home.home, AWS_PROFILE: 'prod' })).code).toBe(1);
  });

  it('a [default] with only a region is unknown with a note, not an error', async () => {
    home = await makeAwsHome();
    await home.writeConfig('[default]\nregion = us-east-1\n');
    const json = await cloudid(['status', '--json'], { HOME: home.home });
    expect(json.code).toBe(0);
    const profile = (JSON.parse(json.stdout) as { aws: { profiles: { name: string; status: string }[] } }).aws
      .profiles[0];
    expect(profile).toMatchObject({ name: 'default', status: 'unknown' });
    const table = await cloudid(['status'], { HOME: home.home });
    expect(table.stdout).toMatch(/no credentials of its own/);
    expect(table.stdout.trimEnd().split('\n').at(-1)).toMatch(
      /^! The active profile default has no credentials of its own/,
    );
  });

  it('--verify asks STS who the active profile is', async () => {
    const h = await setUp();
    const run = await cloudid(['status', '--json', '--verify'], { HOME: h.home, AWS_ENDPOINT_URL_STS: sts.url });
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    const def = json.aws.profiles.find((p: { name: string }) => p.name === 'default');
    expect(def.identity).toEqual(DEV_IDENTITY);
    expect(json.aws.profiles.find((p: { name: string }) => p.name === 'prod').identity).toBeNull();
  });

  it('--verify-all reports each failure and exits 1', async () => {
    const h = await setUp();
    const run = await cloudid(['status', '--json', '--verify-all'], { HOME: h.home, AWS_ENDPOINT_URL_STS: sts.url });
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout);
    const byName = Object.fromEntries(json.aws.profiles.map((p: { name: string }) => [p.name, p]));
    expect(byName.default.identity).toEqual(DEV_IDENTITY);
    expect(byName.prod.verification).toMatchObject({ ok: false, error: { kind: 'sso-login-required' } });
    expect(byName['loop-a'].verification.ok).toBe(false);
  });

  it('finds every aws on PATH and warns when v1 comes first', async () => {
    const h = await setUp();
    const bin1 = join(h.home, 'bin1');
    const bin2 = join(h.home, 'bin2');
    await mkdir(bin1);
    await mkdir(bin2);
    await writeFile(join(bin1, 'aws'), '#!/bin/sh\necho "aws-cli/1.45.11 Python/3.11.7 Linux/6 botocore/1.43.11"\n');
    await writeFile(
      join(bin2, 'aws'),
      '#!/bin/sh\necho "aws-cli/2.9.19 Python/3.11.2 Linux/6 source/x86_64.debian.12"\n',
    );
    await chmod(join(bin1, 'aws'), 0o755);
    await chmod(join(bin2, 'aws'), 0o755);
    const run = await cloudid(['status', '--json'], { HOME: h.home, PATH: `${bin1}:${bin2}:/usr/bin:/bin` });
    const json = JSON.parse(run.stdout);
    expect(json.aws.cli.found.slice(0, 2)).toEqual([
      { path: join(bin1, 'aws'), version: '1.45.11', major: 1, error: null },
      { path: join(bin2, 'aws'), version: '2.9.19', major: 2, error: null },
    ]);
    expect(json.aws.cli.warning).toMatch(/v1/);
  });

  it('warns when AWS_CONFIG_FILE is set but empty: the real AWS CLI then reads no config at all', async () => {
    const h = await setUp();
    const env = { HOME: h.home, AWS_CONFIG_FILE: '', AWS_PROFILE: 'prod' };
    const listed = await new Promise<string>((resolve, reject) => {
      execFile(
        '/usr/bin/aws',
        ['configure', 'list-profiles'],
        { env: { PATH: '/usr/bin:/bin', ...env } },
        (error, stdout) => (error ? reject(new Error(error.message, { cause: error })) : resolve(stdout)),
      );
    });
    expect(listed.trim()).toBe('default'); // from the credentials file only: not prod, not the loops
    const json = JSON.parse((await cloudid(['status', '--json'], env)).stdout);
    expect(json.aws.profiles.map((p: { name: string }) => p.name)).toContain('prod');
    expect(json.aws.problems).toEqual([
      expect.stringMatching(
        /^AWS_CONFIG_FILE is set but empty: the AWS CLI and botocore \(SkyPilot\) then read no config file/,
      ),
    ]);
  });

  it('stops quietly when the reader of its output goes away (`| head`)', async () => {
    const h = await setUp();
    // Far more than a pipe holds, so writes are still pending when the reader leaves.
    await h.writeConfig(
      Array.from(
        { length: 3000 },
        (_, i) => `[profile p${i}]\nregion = eu-west-1\ncredential_process = /bin/true\n`,
      ).join('\n'),
    );
    const run = await new Promise<Run>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', join(repo, 'electron', 'cli', 'main.ts'), 'status', '--json'],
        {
          cwd: repo,
          env: { PATH: '', HOME: h.home },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stderr = '';
      child.stdout.once('data', () => child.stdout.destroy());
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout: '', stderr }));
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('gives a slow reader of a pipe the whole document, in order', async () => {
    const h = await setUp();
    await h.writeConfig(Array.from({ length: 3000 }, (_, i) => `[profile p${i}]\nregion = eu-west-1\n`).join('\n'));
    const text = await new Promise<string>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', join(repo, 'electron', 'cli', 'main.ts'), 'status', '--json'],
        { cwd: repo, env: { PATH: '', HOME: h.home }, stdio: ['ignore', 'pipe', 'inherit'] },
      );
      const chunks: Buffer[] = [];
      // Reads nothing for a while: the pipe fills and the writer has to wait.
      child.stdout.pause();
      setTimeout(() => child.stdout.resume(), 300);
      child.stdout.on('data', (d: Buffer) => chunks.push(d));
      child.on('error', reject);
      child.on('close', () => resolve(Buffer.concat(chunks).toString()));
    });
    expect(text.length).toBeGreaterThan(200_000);
    const json = JSON.parse(text) as { aws: { profiles: { name: string }[] } };
    expect(json.aws.profiles).toHaveLength(3001);
  });

  it('rejects unknown options with usage and exit 2', async () => {
    const h = await setUp();
    const run = await cloudid(['status', '--bogus'], { HOME: h.home });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Usage: cloudid status/);
    expect((await cloudid(['frobnicate'], { HOME: h.home })).code).toBe(2);
  });
});
