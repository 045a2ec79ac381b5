// `cloudid sso sync` end to end: a temp home with an sso-session and its cached token (as the
// CLI names it: sha1 of the session name), the local portal, real files.
import { readFile } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../../electron/cli/commands/sso-command';
import type { CommandContext } from '../../../../electron/cli/command';
import { cacheStamp, makeAwsHome, type AwsHome } from '../../../support/aws-home';
import { makePortalAccounts, startSsoPortal, type SsoPortalServer } from '../../../support/sso-portal-rate-limited';

const TOKEN = 'cli-test-token';
const CONFIG = '[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\n';

let portal: SsoPortalServer;
let home: AwsHome;

beforeAll(async () => {
  portal = await startSsoPortal({ accounts: makePortalAccounts(5, ['Admin', 'ReadOnly']), validTokens: [TOKEN] });
  home = await makeAwsHome();
  await home.writeConfig(CONFIG);
  await home.writeCredentials('[Prod-EU.Admin]\naws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = x\n');
  await home.writeToken('corp', {
    startUrl: 'https://corp.awsapps.com/start',
    region: 'eu-west-1',
    accessToken: TOKEN,
    expiresAt: cacheStamp(Date.now() + 3600_000),
  });
});
afterAll(async () => {
  await portal.close();
  await home.cleanup();
});

async function cloudid(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { out: '', err: '' };
  stdout.on('data', (d: Buffer) => (chunks.out += d.toString()));
  stderr.on('data', (d: Buffer) => (chunks.err += d.toString()));
  const ctx: CommandContext = { env: { AWS_ENDPOINT_URL_SSO: portal.url }, homeDir: home.home, stdout, stderr };
  const code = await run(argv, ctx);
  return { code, stdout: chunks.out, stderr: chunks.err };
}

describe('cloudid sso sync', () => {
  it('previews without writing', async () => {
    const { code, stdout } = await cloudid(['sync', 'corp']);
    expect(code).toBe(0);
    expect(stdout).toContain('SSO session corp: 5 accounts, 10 roles');
    expect(stdout).toMatch(/\+ Prod-EU\.ReadOnly\s+100000000000\s+ReadOnly/);
    expect(stdout).toMatch(/! Prod-EU\.Admin .*credentials file/);
    expect(stdout).toContain('9 to add, 0 to update, 0 to remove, 0 unchanged, 1 conflict.');
    expect(stdout).toContain('Run again with --apply');
    expect(await readFile(home.configFile, 'utf8')).toBe(CONFIG);
  });

  it('applies, then finds nothing to do', async () => {
    const applied = await cloudid(['sync', 'corp', '--apply']);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain(`Wrote ${home.configFile} (original kept as ${home.configFile}.cloudid-backup)`);
    const text = await readFile(home.configFile, 'utf8');
    expect(text.startsWith(CONFIG)).toBe(true);
    expect(text).toContain('# managed by cloudid: sso-sync corp\n[profile billing.ReadOnly]\nsso_session = corp\n');

    const again = await cloudid(['sync', 'corp', '--apply', '--json']);
    expect(again.code).toBe(0);
    const report = JSON.parse(again.stdout) as {
      counts: Record<string, number>;
      applied: { changed: boolean };
      listing: { complete: boolean };
    };
    expect(report.counts).toEqual({ add: 0, update: 0, remove: 0, unchanged: 9, conflict: 1, duplicate: 0 });
    expect(report.applied.changed).toBe(false);
    expect(report.listing.complete).toBe(true);
    expect(again.stdout).not.toContain(TOKEN);
    expect(await readFile(home.configFile, 'utf8')).toBe(text);
  });

  it('names roles already present under your own profile names and adds them only with --include-duplicates', async () => {
    const mine = `${CONFIG}\n[profile acme-dev-admin]\nsso_session = corp\nsso_account_id = 100000007919\nsso_role_name = Admin\n`;
    await home.writeConfig(mine);
    const preview = await cloudid(['sync', 'corp', '--template', '<account id>.<role>']);
    expect(preview.code).toBe(0);
    expect(preview.stdout).toMatch(
      /\* 100000007919\.Admin\s+100000007919\s+Admin\s+\(already present as acme-dev-admin: not added\)/,
    );
    expect(preview.stdout).not.toMatch(/\+ 100000007919\.Admin/);
    expect(preview.stdout).toContain(
      '9 to add, 0 to update, 0 to remove, 0 unchanged, 0 conflicts, 1 already present under your own name (--include-duplicates adds it anyway).',
    );
    const json = await cloudid(['sync', 'corp', '--template', '<account id>.<role>', '--json', '--apply']);
    const report = JSON.parse(json.stdout) as { duplicates: Array<{ existingProfile: string }> };
    expect(report.duplicates.map((d) => d.existingProfile)).toEqual(['acme-dev-admin']);
    const written = await readFile(home.configFile, 'utf8');
    expect(written.match(/sso_account_id = 100000007919\nsso_role_name = Admin\n/g)).toHaveLength(1);

    const both = await cloudid([
      'sync',
      'corp',
      '--template',
      '<account id>.<role>',
      '--include-duplicates',
      '--apply',
    ]);
    expect(both.code).toBe(0);
    expect(both.stdout).toMatch(/\+ 100000007919\.Admin/);
    expect(
      (await readFile(home.configFile, 'utf8')).match(/sso_account_id = 100000007919\nsso_role_name = Admin\n/g),
    ).toHaveLength(2);
  });

  it('says to log in when the session has no token, and explains usage errors', async () => {
    await home.writeConfig(
      `${CONFIG}[sso-session other]\nsso_start_url = https://o.awsapps.com/start\nsso_region = us-east-1\n`,
    );
    const signedOut = await cloudid(['sync', 'other']);
    expect(signedOut.code).toBe(1);
    expect(signedOut.stderr).toContain('cloudid login other');
    const missing = await cloudid(['sync', 'nope']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('[sso-session nope]');
    expect((await cloudid(['sync'])).code).toBe(2);
    expect((await cloudid(['sync', 'corp', '--bogus'])).code).toBe(2);
  });

  it('takes a profile for the session it uses, as login does', async () => {
    await home.writeConfig(`${CONFIG}\n[profile ops]\nsso_session = corp\nsso_account_id = 1\nsso_role_name = Ops\n`);
    const byProfile = await cloudid(['sync', 'ops']);
    expect(byProfile.code).toBe(0);
    expect(byProfile.stdout).toContain('SSO session corp: 5 accounts, 10 roles');
    expect((await cloudid(['sync', '--profile', 'ops', '--json'])).stdout).toMatch(
      /^\{"version":1,"session":"corp",[^\n]*\}\n$/,
    );
  });

  it('a sync that lists nothing says why, and no "0 to add"', async () => {
    await home.writeConfig(
      `${CONFIG}[sso-session stale]\nsso_start_url = https://stale.awsapps.com/start\nsso_region = eu-west-1\n`,
    );
    await home.writeToken('stale', {
      startUrl: 'https://stale.awsapps.com/start',
      region: 'eu-west-1',
      accessToken: 'a-token-the-portal-does-not-know',
      expiresAt: cacheStamp(Date.now() + 3600_000),
    });
    const failed = await cloudid(['sync', 'stale']);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toBe('');
    expect(failed.stderr).toMatch(/^cloudid sso sync: /);
    expect(failed.stderr).not.toContain('to add');
  });
});
