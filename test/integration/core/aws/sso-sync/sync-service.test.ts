import { appendFile, readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SsoSyncService } from '../../../../../electron/core/aws/sso-sync/sync-service';
import { cacheStamp, makeAwsHome, type AwsHome } from '../../../../support/aws-home';
import { makePortalAccounts, startSsoPortal, type SsoPortalServer } from '../../../../support/sso-portal-rate-limited';

const TOKEN = 'service-test-token';
const CONFIG = '[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\n';

let portal: SsoPortalServer;
let home: AwsHome;
let service: SsoSyncService;

beforeAll(async () => {
  portal = await startSsoPortal({ accounts: makePortalAccounts(10, ['Admin']), validTokens: [TOKEN] });
  home = await makeAwsHome();
  await home.writeConfig(CONFIG);
  await home.writeToken('corp', {
    accessToken: TOKEN,
    expiresAt: cacheStamp(Date.now() + 3600_000),
    region: 'eu-west-1',
    startUrl: 'https://corp.awsapps.com/start',
  });
  service = new SsoSyncService({ env: { AWS_ENDPOINT_URL_SSO: portal.url }, homeDir: home.home });
});
afterAll(async () => {
  await portal.close();
  await home.cleanup();
});

describe('SsoSyncService', () => {
  it('lists once for parallel previews of one session, and re-previews a new template without calling the portal', async () => {
    const [a, b] = await Promise.all([service.preview({ session: 'corp' }), service.preview({ session: 'corp' })]);
    expect(a.ok && b.ok).toBe(true);
    expect(portal.counters.requests).toBe(11);
    const renamed = await service.preview({ session: 'corp', template: '<account id>-<role>' });
    expect(portal.counters.requests).toBe(11);
    if (!renamed.ok) throw new Error(renamed.message);
    expect(renamed.preview.entries[0]?.profileName).toMatch(/^\d{12}-Admin$/);
    expect(renamed.preview.counts.add).toBe(10);
    expect(JSON.stringify(renamed)).not.toContain(TOKEN);
    expect(JSON.stringify(renamed)).not.toContain('sso_start_url');
  });

  it('applies a preview by id once; a file edited meanwhile is refused', async () => {
    const first = await service.preview({ session: 'corp' });
    if (!first.ok) throw new Error(first.message);
    const applied = await service.apply(first.preview.id);
    expect(applied).toMatchObject({ ok: true, changed: true, configFile: home.configFile });
    expect(await service.apply(first.preview.id)).toMatchObject({ ok: false, reason: 'unknown-preview' });

    const second = await service.preview({ session: 'corp', region: 'eu-west-1' });
    if (!second.ok) throw new Error(second.message);
    expect(second.preview.counts.update).toBe(10);
    await appendFile(home.configFile, '\n[profile typed-meanwhile]\nregion = us-east-1\n');
    const before = await readFile(home.configFile, 'utf8');
    expect(await service.apply(second.preview.id)).toMatchObject({ ok: false, reason: 'changed-since-preview' });
    expect(await readFile(home.configFile, 'utf8')).toBe(before);
  });

  it('says why it cannot sync: unknown session, signed out, token refused', async () => {
    expect(await service.preview({ session: 'nope' })).toMatchObject({ ok: false, reason: 'no-session' });
    await home.writeConfig(
      `${CONFIG}[sso-session other]\nsso_start_url = https://o.awsapps.com/start\nsso_region = us-east-1\n`,
    );
    expect(await service.preview({ session: 'other' })).toMatchObject({ ok: false, reason: 'signed-out' });
    await home.writeToken('other', { accessToken: 'revoked', expiresAt: cacheStamp(Date.now() + 3600_000) });
    expect(await service.preview({ session: 'other' })).toMatchObject({ ok: false, reason: 'token-refused' });
    await home.writeToken('other', { accessToken: TOKEN, expiresAt: cacheStamp(Date.now() - 1000) });
    expect(await service.preview({ session: 'other' })).toMatchObject({ ok: false, reason: 'expired' });
  });
});
