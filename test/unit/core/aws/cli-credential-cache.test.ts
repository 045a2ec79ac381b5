import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assumeRoleCacheKey,
  parseCliCacheEntry,
  parseDurationSeconds,
  readCliCacheEntry,
  ssoRoleCredentialsCacheKey,
} from '../../../../electron/core/aws/cli-credential-cache';

const FILE = '/home/u/.aws/cli/cache/abc.json';
const ROLE = 'arn:aws:iam::123456789012:role/Admin';

// Known answers computed with botocore 1.43 (the integration test re-checks against botocore live).
describe('cache keys (known answers)', () => {
  it('assume-role with only a role ARN leaves the generated session name out', () => {
    expect(assumeRoleCacheKey({ roleArn: ROLE })).toBe(assumeRoleCacheKey({ roleArn: ROLE, roleSessionName: '' }));
    expect(assumeRoleCacheKey({ roleArn: ROLE })).toBe(assumeRoleCacheKey({ roleArn: ROLE, roleSessionName: null }));
    expect(assumeRoleCacheKey({ roleArn: ROLE })).not.toBe(
      assumeRoleCacheKey({ roleArn: ROLE, roleSessionName: 'alice' }),
    );
  });

  it('counts an empty external id (botocore only skips a missing one)', () => {
    expect(assumeRoleCacheKey({ roleArn: ROLE, externalId: '' })).not.toBe(assumeRoleCacheKey({ roleArn: ROLE }));
  });

  it('sorts the policy so that key order in it does not matter', () => {
    expect(assumeRoleCacheKey({ roleArn: ROLE, policy: '{"b": 1, "a": 2}' })).toBe(
      assumeRoleCacheKey({ roleArn: ROLE, policy: '{"a":2,"b":1}' }),
    );
    expect(assumeRoleCacheKey({ roleArn: ROLE, policy: '{"a": 1.0}' })).not.toBe(
      assumeRoleCacheKey({ roleArn: ROLE, policy: '{"a": 1}' }),
    );
  });

  it('refuses a policy that is not JSON, as botocore does', () => {
    expect(() => assumeRoleCacheKey({ roleArn: ROLE, policy: '{"a":' })).toThrow(SyntaxError);
  });

  it('SSO role keys use the session name when there is one, else the start URL', () => {
    const base = { startUrl: 'https://d-123.awsapps.com/start', accountId: '123456789012', roleName: 'Admin' };
    const bySession = ssoRoleCredentialsCacheKey({ ...base, sessionName: 'my-sso' });
    const byUrl = ssoRoleCredentialsCacheKey(base);
    expect(bySession).toMatch(/^[0-9a-f]{40}$/);
    expect(bySession).not.toBe(byUrl);
    expect(ssoRoleCredentialsCacheKey({ ...base, sessionName: '' })).toBe(byUrl);
    // A session key does not depend on the start URL.
    expect(ssoRoleCredentialsCacheKey({ ...base, startUrl: 'https://other', sessionName: 'my-sso' })).toBe(bySession);
  });
});

describe('parseDurationSeconds (Python int())', () => {
  it.each([
    ['3600', 3600],
    [' 3600 ', 3600],
    ['+900', 900],
    ['43_200', 43200],
    ['-1', -1],
    ['1.5', null],
    ['1__0', null],
    ['0x10', null],
    ['', null],
    [null, null],
  ])('%j -> %j', (raw, n) => {
    expect(parseDurationSeconds(raw)).toBe(n);
  });
});

describe('parseCliCacheEntry', () => {
  it('reads the SSO shape', () => {
    const text = JSON.stringify({
      ProviderType: 'sso',
      Credentials: {
        AccessKeyId: 'ASIA',
        SecretAccessKey: 'SECRET',
        SessionToken: 'SECRET',
        Expiration: '2026-11-26T13:00:00Z',
        AccountId: '123456789012',
      },
    });
    expect(parseCliCacheEntry(text, FILE)).toEqual({
      expiresAt: new Date('2026-11-26T13:00:00Z'),
      accountId: '123456789012',
      problem: null,
    });
  });

  it('reads the raw STS AssumeRole response with Python strftime "UTC" and takes the account from the ARN', () => {
    const text = JSON.stringify({
      Credentials: {
        AccessKeyId: 'ASIA',
        SecretAccessKey: 'SECRET',
        SessionToken: 'SECRET',
        Expiration: '2026-11-26T13:00:00UTC',
      },
      AssumedRoleUser: { AssumedRoleId: 'AROA:alice', Arn: 'arn:aws:sts::210987654321:assumed-role/Admin/alice' },
      ResponseMetadata: { RequestId: 'r', HTTPStatusCode: 200 },
    });
    expect(parseCliCacheEntry(text, FILE)).toEqual({
      expiresAt: new Date('2026-11-26T13:00:00Z'),
      accountId: '210987654321',
      problem: null,
    });
  });

  it('prefers Credentials.AccountId (newer botocore adds it)', () => {
    const text = JSON.stringify({
      Credentials: { Expiration: '2026-11-26T13:00:00+00:00', AccountId: '111111111111' },
      AssumedRoleUser: { Arn: 'arn:aws:sts::222222222222:assumed-role/Admin/alice' },
    });
    expect(parseCliCacheEntry(text, FILE).accountId).toBe('111111111111');
  });

  it.each([
    ['', /empty/],
    ['{"Credentials": ', /not valid JSON/],
    ['{}', /no "Credentials"/],
    ['{"Credentials": {}}', /no "Expiration"/],
    ['{"Credentials": {"Expiration": "tomorrow"}}', /"tomorrow"/],
  ])('warns about %j, naming the file and no secret', (text, message) => {
    const entry = parseCliCacheEntry(text, FILE);
    expect(entry.expiresAt).toBeNull();
    expect(entry.problem).toMatchObject({ severity: 'warning', file: FILE });
    expect(entry.problem?.message).toMatch(message);
  });
});

describe('readCliCacheEntry', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cit-cli-cache-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('finds <key>.json and reports a missing one as missing', async () => {
    const key = assumeRoleCacheKey({ roleArn: ROLE });
    expect(await readCliCacheEntry(dir, key)).toEqual({
      expiresAt: null,
      accountId: null,
      missing: true,
      problem: null,
    });
    await writeFile(
      join(dir, `${key}.json`),
      JSON.stringify({ Credentials: { Expiration: '2026-11-26T13:00:00UTC' } }),
      { mode: 0o600 },
    );
    const read = await readCliCacheEntry(dir, key);
    expect(read).toMatchObject({ missing: false, problem: null });
    expect(read.expiresAt?.toISOString()).toBe('2026-11-26T13:00:00.000Z');
  });
});
