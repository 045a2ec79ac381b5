// `cloudid status` (table and --json) with an `aws login` profile, run from source as a user runs
// it; the login cache is the JS SDK's layout (test/support/login-cache.ts).
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeAwsHome, type AwsHome } from '../../../support/aws-home';
import { LOGIN_SECRETS, loginToken, writeLoginToken } from '../../../support/login-cache';

const repo = join(import.meta.dirname, '..', '..', '..', '..');
const ARN = 'arn:aws:iam::012345678901:user/alice';
let home: AwsHome | null = null;
afterEach(async () => {
  await home?.cleanup();
  home = null;
});

function cloudid(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(repo, 'electron', 'cli', 'main.ts'), ...args], {
      cwd: repo,
      env: { PATH: '', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env },
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

describe('cloudid status with an aws login profile', () => {
  it('lists the login session in --json and in the table, without its secrets', async () => {
    home = await makeAwsHome();
    await home.writeConfig(`[profile console]\nlogin_session = ${ARN}\n`);
    const signedInAt = Date.now() - 3_600_000;
    const file = await writeLoginToken(
      join(home.home, '.aws', 'login', 'cache'),
      ARN,
      loginToken({ expiresAt: new Date(Date.now() + 10 * 60_000).toISOString(), signedInAt }),
    );
    const env = { HOME: home.home, AWS_PROFILE: 'console' };
    // Past the memo's racy window (electron/cli/status-memo.ts), so this run's status is remembered.
    await new Promise((resolve) => setTimeout(resolve, 2_100));

    const json = await cloudid(['status', '--json'], env);
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.stdout);
    expect(doc.aws.loginSessions).toEqual([
      {
        name: ARN,
        status: 'valid',
        expiresAt: new Date(Math.floor(signedInAt / 1000) * 1000 + 12 * 3_600_000).toISOString(),
        credentialsExpireAt: expect.any(String),
        refreshable: true,
        accountId: '012345678901',
        cacheFile: file,
        profiles: ['console'],
        problems: [],
      },
    ]);
    expect(doc.aws.profiles[0]).toMatchObject({
      name: 'console',
      kind: 'login',
      status: 'valid',
      accountId: '012345678901',
    });

    const table = await cloudid(['status'], env);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/LOGIN SESSION\s+ACCOUNT\s+STATUS\s+EXPIRES\s+REFRESH\s+PROFILES/);
    expect(table.stdout).toMatch(
      new RegExp(
        `${ARN.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+012345678901\\s+valid\\s+in 10h \\d+m, (?:\\w{3} )?\\d\\d:\\d\\d\\s+yes\\s+1`,
      ),
    );
    for (const secret of Object.values(LOGIN_SECRETS)) {
      expect(json.stdout + table.stdout).not.toContain(secret.trim());
    }

    // A logout (the file deleted) shows in the next run: the remembered status is keyed on the folder.
    await rm(file);
    const after = await cloudid(['status', '--json'], env);
    expect(JSON.parse(after.stdout).aws.loginSessions[0]).toMatchObject({ status: 'signed-out', accountId: null });
    expect(after.code).toBe(1);
  });
});
