// The whole sync against a local portal that rate-limits like the real one, then the real peers
// (AWS CLI v2, botocore) read the file we wrote.
import { execFile } from 'node:child_process';
import { readFile, stat, writeFile, chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConcurrentEditError, readForEdit } from '../../../../../electron/core/fs/safe-file-writer';
import { applySync } from '../../../../../electron/core/aws/sso-sync/apply-sync';
import {
  listAccountsAndRoles,
  type SsoListing,
} from '../../../../../electron/core/aws/sso-sync/list-accounts-and-roles';
import { previewSync } from '../../../../../electron/core/aws/sso-sync/sync-preview';
import { cacheStamp, makeAwsHome, type AwsHome } from '../../../../support/aws-home';
import { makePortalAccounts, startSsoPortal, type SsoPortalServer } from '../../../../support/sso-portal-rate-limited';

const run = promisify(execFile);
const TOKEN = 'portal-token-for-tests';
const SESSION = 'corp';
const USER_CONFIG = [
  '# my hand-written config',
  '[default]',
  'region   =   eu-west-1',
  '',
  `[sso-session ${SESSION}]`,
  'sso_start_url = https://corp.awsapps.com/start',
  'sso_region = eu-west-1',
  'sso_registration_scopes = sso:account:access',
  '',
  '; a profile of my own that happens to use a synced name',
  '[profile billing.ReadOnlyAccess]',
  'output = json',
  '',
].join('\r\n');

let portal: SsoPortalServer;
let home: AwsHome;
const accounts = makePortalAccounts(200);

beforeAll(async () => {
  portal = await startSsoPortal({ accounts, validTokens: [TOKEN], ratePerSecond: 20 });
  home = await makeAwsHome();
  await home.writeConfig(USER_CONFIG);
});
afterAll(async () => {
  await portal.close();
  await home.cleanup();
});

function peerEnv(): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: home.home,
    AWS_CONFIG_FILE: home.configFile,
    AWS_SHARED_CREDENTIALS_FILE: join(home.home, 'no-credentials'),
  };
}

describe('sso sync against a rate-limited portal (200 accounts x 3 roles, 20 req/s)', () => {
  let listing: SsoListing;

  it('lists every account and role with zero failed calls, through AWS_ENDPOINT_URL_SSO', async () => {
    const progress: number[] = [];
    listing = await listAccountsAndRoles({
      accessToken: TOKEN,
      region: 'eu-west-1',
      env: { AWS_ENDPOINT_URL_SSO: portal.url },
      concurrency: 8,
      onProgress: (p) => progress.push(p.accountsDone),
    });
    expect(listing.problems).toEqual([]);
    expect(listing.complete).toBe(true);
    expect(listing.stats.failedCalls).toBe(0);
    expect(listing.accounts).toHaveLength(200);
    expect(listing.accounts.reduce((n, a) => n + a.roles.length, 0)).toBe(600);
    expect(new Set(listing.accounts.map((a) => a.accountId))).toEqual(new Set(accounts.map((a) => a.accountId)));
    // 2 ListAccounts pages + 200 ListAccountRoles, plus one retry per 429.
    expect(portal.counters.byOperation.ListAccounts + portal.counters.byOperation.ListAccountRoles).toBe(
      202 + portal.counters.throttled,
    );
    expect(listing.stats.throttled).toBe(portal.counters.throttled);
    expect(progress.at(-1)).toBe(200);
  }, 120_000);

  it('previews the right profiles and applies them in one edit; a re-sync changes nothing', async () => {
    await chmod(home.configFile, 0o640);
    const before = await readForEdit(home.configFile);
    const preview = previewSync(before, listing.accounts, { session: SESSION });
    expect(preview.counts).toEqual({ add: 599, update: 0, remove: 0, unchanged: 0, conflict: 1, duplicate: 0 });
    expect(preview.conflicts.map((c) => c.profileName)).toEqual(['billing.ReadOnlyAccess']);
    const names = preview.entries.map((e) => e.profileName);
    expect(names).toContain('Prod-EU.AdministratorAccess');
    expect(names).toContain('dev-sandbox.Developer');
    expect(names).toContain('Team-Unicode.ReadOnlyAccess');

    const result = await applySync(preview);
    expect(result).toMatchObject({ changed: true, problems: [] });
    const text = await readFile(home.configFile, 'utf8');
    expect(text.startsWith(USER_CONFIG)).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect((await stat(home.configFile)).mode & 0o777).toBe(0o640);
    expect(await readFile(`${home.configFile}.cloudid-backup`, 'utf8')).toBe(USER_CONFIG);

    portal.resetCounters();
    const again = await listAccountsAndRoles({ accessToken: TOKEN, region: 'eu-west-1', endpoint: portal.url });
    expect(again.stats.failedCalls).toBe(0);
    const second = previewSync(await readForEdit(home.configFile), again.accounts, { session: SESSION });
    expect(second.counts).toEqual({ add: 0, update: 0, remove: 0, unchanged: 599, conflict: 1, duplicate: 0 });
    expect(second.edits).toEqual([]);
    expect((await applySync(second)).changed).toBe(false);
    expect(await readFile(home.configFile, 'utf8')).toBe(text);
  }, 120_000);

  it('writes a file the AWS CLI v2 lists profiles from', async () => {
    const { stdout } = await run('/usr/bin/aws', ['configure', 'list-profiles'], { env: peerEnv() });
    const listed = new Set(stdout.split(/\r?\n/).filter(Boolean));
    expect(listed.size).toBe(601);
    expect(listed.has('default')).toBe(true);
    expect(listed.has('billing.ReadOnlyAccess')).toBe(true);
    expect(listed.has('Prod-EU.AdministratorAccess')).toBe(true);
  }, 60_000);

  it('writes a file botocore (what SkyPilot uses) parses to the same profiles and values', async () => {
    const script = [
      'import json, botocore.session',
      's = botocore.session.Session()',
      'p = s.full_config["profiles"]',
      'print(json.dumps({"names": sorted(s.available_profiles), "prod": p["Prod-EU.AdministratorAccess"], "mine": p["billing.ReadOnlyAccess"], "session": s.full_config["sso_sessions"]["corp"]}))',
    ].join('\n');
    const { stdout } = await run('python3', ['-c', script], { env: peerEnv() });
    const parsed = JSON.parse(stdout) as {
      names: string[];
      prod: Record<string, string>;
      mine: Record<string, string>;
      session: Record<string, string>;
    };
    expect(parsed.names).toHaveLength(601);
    expect(parsed.prod).toEqual({
      sso_session: SESSION,
      sso_account_id: accounts[0]?.accountId,
      sso_role_name: 'AdministratorAccess',
    });
    expect(parsed.mine).toEqual({ output: 'json' });
    expect(parsed.session.sso_start_url).toBe('https://corp.awsapps.com/start');
  }, 60_000);

  it('gives botocore a profile it signs in with: role credentials from the portal through the cached token', async () => {
    await home.writeToken(SESSION, {
      startUrl: 'https://corp.awsapps.com/start',
      region: 'eu-west-1',
      accessToken: TOKEN,
      expiresAt: cacheStamp(Date.now() + 3600_000),
    });
    portal.resetCounters();
    const script = [
      'import json, botocore.session',
      's = botocore.session.Session(profile="Prod-EU.AdministratorAccess")',
      'c = s.get_credentials().get_frozen_credentials()',
      'print(json.dumps({"key": c.access_key[:4], "token": bool(c.token)}))',
    ].join('\n');
    const { stdout } = await run('python3', ['-c', script], {
      env: { ...peerEnv(), AWS_ENDPOINT_URL_SSO: portal.url },
    });
    expect(JSON.parse(stdout)).toEqual({ key: 'ASIA', token: true });
    expect(portal.counters.byOperation.GetRoleCredentials).toBe(1);
  }, 60_000);

  it('refuses to apply a preview when the file changed since it was read', async () => {
    const file = await readForEdit(home.configFile);
    const preview = previewSync(
      file,
      [{ accountId: '999999999999', accountName: 'New', emailAddress: null, roles: ['Admin'], rolesComplete: true }],
      {
        session: SESSION,
      },
    );
    const edited = `${file.text}[profile typed-meanwhile]\r\nregion = us-east-1\r\n`;
    await writeFile(home.configFile, edited);
    await expect(applySync(preview)).rejects.toBeInstanceOf(ConcurrentEditError);
    expect(await readFile(home.configFile, 'utf8')).toBe(edited);
  });
});

describe('portal answers other than success', () => {
  it('honours Retry-After and still fails no call', async () => {
    const small = await startSsoPortal({
      accounts: makePortalAccounts(20),
      validTokens: [TOKEN],
      ratePerSecond: 10,
      burst: 2,
      retryAfterSeconds: 1,
    });
    try {
      const listing = await listAccountsAndRoles({
        accessToken: TOKEN,
        region: 'us-east-1',
        endpoint: small.url,
        rateControl: { initialRate: 40 },
      });
      expect(small.counters.throttled).toBeGreaterThan(0);
      expect(listing.stats.failedCalls).toBe(0);
      expect(listing.complete).toBe(true);
      expect(listing.accounts.reduce((n, a) => n + a.roles.length, 0)).toBe(60);
    } finally {
      await small.close();
    }
  }, 60_000);

  it('follows every page of roles of an account with more than 100', async () => {
    const roles = Array.from({ length: 250 }, (_, i) => `Role${String(i).padStart(3, '0')}`);
    const big = await startSsoPortal({ accounts: makePortalAccounts(1, roles), validTokens: [TOKEN] });
    try {
      const listing = await listAccountsAndRoles({ accessToken: TOKEN, region: 'us-east-1', endpoint: big.url });
      expect(listing.accounts[0]?.roles).toEqual(roles);
      expect(big.counters.byOperation.ListAccountRoles).toBe(3);
    } finally {
      await big.close();
    }
  });

  it('stops when cancelled, with no more calls after the abort settles', async () => {
    const slow = await startSsoPortal({ accounts: makePortalAccounts(100), validTokens: [TOKEN], ratePerSecond: 20 });
    try {
      const controller = new AbortController();
      const listing = listAccountsAndRoles({
        accessToken: TOKEN,
        region: 'us-east-1',
        endpoint: slow.url,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.accountsDone >= 5) controller.abort(new Error('cancelled by the user'));
        },
      });
      await expect(listing).rejects.toThrow('cancelled by the user');
      const calls = slow.counters.requests;
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(slow.counters.requests).toBe(calls);
      expect(calls).toBeLessThan(30);
    } finally {
      await slow.close();
    }
  });

  it('retries server errors', async () => {
    const flaky = await startSsoPortal({ accounts: makePortalAccounts(3), validTokens: [TOKEN], failFirst: 2 });
    try {
      const listing = await listAccountsAndRoles({ accessToken: TOKEN, region: 'us-east-1', endpoint: flaky.url });
      expect(listing.stats).toMatchObject({ retriedErrors: 2, failedCalls: 0 });
      expect(listing.complete).toBe(true);
    } finally {
      await flaky.close();
    }
  }, 30_000);

  it('stops at once and says so when the token is refused', async () => {
    const strict = await startSsoPortal({ accounts: makePortalAccounts(50), validTokens: ['another'] });
    try {
      const listing = await listAccountsAndRoles({ accessToken: TOKEN, region: 'us-east-1', endpoint: strict.url });
      expect(listing.complete).toBe(false);
      expect(listing.problems.map((p) => p.message)).toEqual([
        'The SSO portal refused the access token: log in to the session again.',
      ]);
      expect(strict.counters.requests).toBe(1);
      expect(JSON.stringify(listing)).not.toContain(TOKEN);
    } finally {
      await strict.close();
    }
  });
});
