import { describe, expect, it } from 'vitest';
import { impersonatedAccount, summarizeCredential } from '../../../../electron/core/gcp/credential-json';
import { gcloudConfigDir } from '../../../../electron/core/gcp/gcloud-config-dir';
import { propertyOverrides } from '../../../../electron/core/gcp/gcloud-configurations';
import { parseTokenExpiry } from '../../../../electron/core/gcp/gcloud-credentials';
import { parseGcloudIni } from '../../../../electron/core/gcp/gcloud-ini';

describe('gcloudConfigDir', () => {
  it('prefers CLOUDSDK_CONFIG, else the platform default', () => {
    expect(gcloudConfigDir({ CLOUDSDK_CONFIG: '/x/gc' }, '/home/u', 'linux')).toBe('/x/gc');
    expect(gcloudConfigDir({}, '/home/u', 'linux')).toBe('/home/u/.config/gcloud');
    expect(gcloudConfigDir({}, '/Users/u', 'darwin')).toBe('/Users/u/.config/gcloud');
    expect(gcloudConfigDir({ APPDATA: 'C:/Users/u/AppData/Roaming' }, 'C:/Users/u', 'win32')).toMatch(
      /Roaming[\\/]gcloud$/,
    );
  });
});

describe('parseGcloudIni', () => {
  it('reads sections the way configparser does', () => {
    const text =
      '# comment\n[core]\nAccount = a@b.com\nproject: p1\n; other\n[compute]\nregion=us-east1\n  continued\n[core]\nproject = p2\n';
    const { sections, problems } = parseGcloudIni(text, 'f');
    expect(sections.get('core')?.get('account')).toBe('a@b.com');
    expect(sections.get('core')?.get('project')).toBe('p2');
    expect(sections.get('compute')?.get('region')).toBe('us-east1\ncontinued');
    expect(problems).toEqual([]);
  });

  it('reports lines it cannot read with their line number, and keeps the rest', () => {
    const { sections, problems } = parseGcloudIni(
      'orphan = 1\r\n[core]\r\nthis is not a property\r\nproject = ok\r\n',
      'cfg',
    );
    expect(sections.get('core')?.get('project')).toBe('ok');
    expect(problems.map((p) => p.line)).toEqual([1, 3]);
  });
});

describe('parseTokenExpiry', () => {
  it('reads naive UTC text as UTC', () => {
    expect(parseTokenExpiry('2026-11-26 05:09:15.537051')).toBe('2026-11-26T05:09:15.537Z');
    expect(parseTokenExpiry('2026-11-26 05:09:15')).toBe('2026-11-26T05:09:15.000Z');
  });
  it('returns null for anything else', () => {
    expect(parseTokenExpiry(null)).toBeNull();
    expect(parseTokenExpiry('None')).toBeNull();
    expect(parseTokenExpiry('2026-13-45 99:00:00')).toBeNull();
  });
});

describe('propertyOverrides', () => {
  it('shows CLOUDSDK_CORE_* and CLOUDSDK_COMPUTE_* as properties, not SDK settings', () => {
    expect(
      propertyOverrides({
        CLOUDSDK_CORE_PROJECT: 'p',
        CLOUDSDK_COMPUTE_ZONE: 'z',
        CLOUDSDK_CONFIG: '/x',
        CLOUDSDK_AUTH_TOKEN_HOST: 'h',
        PATH: '/bin',
      }),
    ).toEqual([
      { variable: 'CLOUDSDK_COMPUTE_ZONE', property: 'compute/zone', value: 'z' },
      { variable: 'CLOUDSDK_CORE_PROJECT', property: 'core/project', value: 'p' },
    ]);
  });

  it('keeps the value of a secret or hidden property out (core/api_key and the like)', () => {
    expect(
      propertyOverrides({
        CLOUDSDK_CORE_API_KEY: 'AIzaSecret',
        CLOUDSDK_CORE_REQUEST_REASON: 'ticket',
        CLOUDSDK_CORE_SOMETHING_NEW: 'x',
      }),
    ).toEqual([
      { variable: 'CLOUDSDK_CORE_API_KEY', property: 'core/api_key', value: null },
      { variable: 'CLOUDSDK_CORE_REQUEST_REASON', property: 'core/request_reason', value: null },
      { variable: 'CLOUDSDK_CORE_SOMETHING_NEW', property: 'core/something_new', value: 'x' },
    ]);
  });
});

describe('summarizeCredential', () => {
  it('names the identity of each credential type without its secrets', () => {
    expect(
      summarizeCredential({ type: 'service_account', client_email: 'a@p.iam.gserviceaccount.com', project_id: 'p' }),
    ).toEqual({
      kind: 'service_account',
      type: 'service_account',
      account: 'a@p.iam.gserviceaccount.com',
      project: 'p',
    });
    expect(summarizeCredential({ type: 'authorized_user', account: '', quota_project_id: 'q' })).toEqual({
      kind: 'authorized_user',
      type: 'authorized_user',
      account: null,
      project: 'q',
    });
    expect(summarizeCredential({ installed: {} }).kind).toBe('oauth_client_secret');
    expect(summarizeCredential({ type: 'weird' })).toEqual({
      kind: 'unknown',
      type: 'weird',
      account: null,
      project: null,
    });
    expect(
      impersonatedAccount(
        'https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/t%40p.iam.gserviceaccount.com:generateAccessToken',
      ),
    ).toBe('t@p.iam.gserviceaccount.com');
  });
});
