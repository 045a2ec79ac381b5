// Proves our cache file names are botocore's, by asking botocore itself: the same arguments go to
// the real key functions of two copies of it, the standalone botocore 1.43 that SkyPilot and boto3
// use, and the copy vendored inside the AWS CLI v2 (the only writer of ~/.aws/cli/cache).
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  assumeRoleCacheKey,
  parseDurationSeconds,
  readCliCacheEntry,
  ssoRoleCredentialsCacheKey,
  type AssumeRoleCacheArgs,
} from '../../../../electron/core/aws/cli-credential-cache';
import {
  formatCacheTimestamp,
  parseCacheTimestamp,
  parseSsoTokenCache,
  ssoTokenCacheKey,
} from '../../../../electron/core/aws/sso-token-cache';

type Case =
  | { kind: 'assume-role'; roleArn: string; extra: Record<string, string | number> }
  | { kind: 'web-identity'; roleArn: string; extra: Record<string, string> }
  | { kind: 'sso-role'; startUrl: string; accountId: string; roleName: string; sessionName: string | null }
  | { kind: 'sso-token'; startUrl: string; sessionName: string | null };

// Builds each fetcher the way botocore's providers do and reads the key it computed in __init__.
const ORACLE = String.raw`
import json, sys
if sys.argv[1] == 'awscli':
    import awscli  # the CLI v2 package puts its own vendored botocore first on the path
import botocore
from botocore.credentials import (AssumeRoleCredentialFetcher,
    AssumeRoleWithWebIdentityCredentialFetcher, SSOCredentialFetcher)
from botocore.utils import SSOTokenLoader
keys = []
for c in json.load(sys.stdin):
    k = c['kind']
    if k == 'assume-role':
        f = AssumeRoleCredentialFetcher(None, None, c['roleArn'], extra_args=c['extra'], cache={})
        keys.append(f._cache_key)
    elif k == 'web-identity':
        f = AssumeRoleWithWebIdentityCredentialFetcher(None, None, c['roleArn'], extra_args=c['extra'], cache={})
        keys.append(f._cache_key)
    elif k == 'sso-role':
        f = SSOCredentialFetcher(c['startUrl'], 'us-east-1', c['roleName'], c['accountId'], None,
                                 cache={}, sso_session_name=c['sessionName'])
        keys.append(f._cache_key)
    else:
        keys.append(SSOTokenLoader()._generate_cache_key(c['startUrl'], c['sessionName']))
print(json.dumps({'botocore': botocore.__version__, 'from': botocore.__file__, 'keys': keys}))
`;

interface OracleAnswer {
  botocore: string;
  from: string;
  keys: string[];
}

function askBotocore(python: string, flavour: 'botocore' | 'awscli', cases: Case[]): OracleAnswer {
  const run = spawnSync(python, ['-c', ORACLE, flavour], {
    input: JSON.stringify(cases),
    encoding: 'utf8',
    env: { ...process.env, PYTHONIOENCODING: 'utf-8' },
    timeout: 60_000,
  });
  if (run.status !== 0) throw new Error(`${python} failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as OracleAnswer;
}

function ourKey(c: Case): string {
  switch (c.kind) {
    case 'assume-role':
    case 'web-identity': {
      const args: AssumeRoleCacheArgs = { roleArn: c.roleArn };
      const e = c.extra;
      if (e.RoleSessionName !== undefined) args.roleSessionName = String(e.RoleSessionName);
      if (e.ExternalId !== undefined) args.externalId = String(e.ExternalId);
      if (e.SerialNumber !== undefined) args.serialNumber = String(e.SerialNumber);
      if (e.DurationSeconds !== undefined) args.durationSeconds = Number(e.DurationSeconds);
      if (e.Policy !== undefined) args.policy = String(e.Policy);
      return assumeRoleCacheKey(args);
    }
    case 'sso-role':
      return ssoRoleCredentialsCacheKey({
        startUrl: c.startUrl,
        accountId: c.accountId,
        roleName: c.roleName,
        sessionName: c.sessionName,
      });
    case 'sso-token':
      return ssoTokenCacheKey(
        c.sessionName === null
          ? { name: c.startUrl, legacy: true, startUrl: c.startUrl }
          : { name: c.sessionName, legacy: false, startUrl: c.startUrl },
      );
  }
}

const ROLE = 'arn:aws:iam::123456789012:role/Admin';
const POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: 'Reads', Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: '*' }],
});
// Python keeps ints and floats apart and prints floats its own way; JSON.parse + stringify would not.
const NUMERIC_POLICY =
  '{"Statement": [{"Condition": {"NumericLessThan": {"s3:max-keys": 10.0, "a": 1e16, "b": 1E-5, "c": 0.0001, ' +
  '"d": 123456789012345678901234567890, "e": -0, "f": -0.0, "g": 2.50, "h": 1e400}}, "Sid": "caf\\u00e9 \\/ \\t"}], ' +
  '"Version": "2012-10-17", "Version": "2012-10-17"}';

const FIXED: Case[] = [
  { kind: 'assume-role', roleArn: ROLE, extra: {} },
  { kind: 'assume-role', roleArn: ROLE, extra: { RoleSessionName: 'alice' } },
  { kind: 'assume-role', roleArn: ROLE, extra: { RoleSessionName: '' } },
  {
    kind: 'assume-role',
    roleArn: ROLE,
    extra: {
      RoleSessionName: 'alice',
      ExternalId: 'ext-1',
      SerialNumber: 'arn:aws:iam::123456789012:mfa/alice',
      DurationSeconds: 3600,
    },
  },
  { kind: 'assume-role', roleArn: ROLE, extra: { ExternalId: '' } },
  { kind: 'assume-role', roleArn: ROLE, extra: { DurationSeconds: 43200, SerialNumber: 'GAHT12345678' } },
  {
    kind: 'assume-role',
    roleArn: 'arn:aws:iam::123456789012:role/josé-😀',
    extra: { RoleSessionName: 'ünï "quoted" \\ back\nline' },
  },
  { kind: 'assume-role', roleArn: ROLE, extra: { Policy: POLICY } },
  { kind: 'assume-role', roleArn: ROLE, extra: { Policy: NUMERIC_POLICY, RoleSessionName: 's' } },
  { kind: 'assume-role', roleArn: ROLE, extra: { Policy: '  [1, "two", null, true, {"z": {}, "y": []}]  ' } },
  { kind: 'web-identity', roleArn: ROLE, extra: {} },
  { kind: 'web-identity', roleArn: ROLE, extra: { RoleSessionName: 'ci-runner' } },
  {
    kind: 'sso-role',
    startUrl: 'https://d-123.awsapps.com/start',
    accountId: '123456789012',
    roleName: 'Admin',
    sessionName: 'my-sso',
  },
  {
    kind: 'sso-role',
    startUrl: 'https://d-123.awsapps.com/start',
    accountId: '123456789012',
    roleName: 'Admin',
    sessionName: null,
  },
  {
    kind: 'sso-role',
    startUrl: 'https://d-123.awsapps.com/start/',
    accountId: '123456789012',
    roleName: 'Admin',
    sessionName: '',
  },
  {
    kind: 'sso-role',
    startUrl: 'https://d-123.awsapps.com/start',
    accountId: '000000000001',
    roleName: 'Lecture-Seule',
    sessionName: 'équipe',
  },
  { kind: 'sso-token', startUrl: 'https://d-123.awsapps.com/start', sessionName: 'my-sso' },
  { kind: 'sso-token', startUrl: 'https://d-123.awsapps.com/start', sessionName: null },
  { kind: 'sso-token', startUrl: 'https://d-123.awsapps.com/start#', sessionName: 'sessão 😀' },
];

// Well-formed Unicode (SSOTokenLoader encodes to UTF-8, which a lone surrogate would crash) plus
// ASCII with control characters, to exercise every escape Python's ensure_ascii makes.
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary-ascii', maxLength: 12 }),
);
const optionalText = fc.option(text, { nil: undefined });
const randomCase: fc.Arbitrary<Case> = fc.oneof(
  fc
    .record({
      roleArn: text,
      session: optionalText,
      externalId: optionalText,
      serial: optionalText,
      duration: fc.option(fc.integer({ min: -1, max: 1_000_000 }), { nil: undefined }),
      policy: fc.option(fc.json(), { nil: undefined }),
    })
    .map(({ roleArn, session, externalId, serial, duration, policy }): Case => {
      const extra: Record<string, string | number> = {};
      if (session !== undefined) extra.RoleSessionName = session;
      if (externalId !== undefined) extra.ExternalId = externalId;
      if (serial !== undefined) extra.SerialNumber = serial;
      if (duration !== undefined) extra.DurationSeconds = duration;
      if (policy !== undefined) extra.Policy = policy;
      return { kind: 'assume-role', roleArn, extra };
    }),
  fc
    .record({ startUrl: text, accountId: text, roleName: text, sessionName: fc.option(text, { nil: null }) })
    .map((r): Case => ({ kind: 'sso-role', ...r })),
  fc
    .record({ startUrl: text, sessionName: fc.option(text, { nil: null }) })
    .map((r): Case => ({ kind: 'sso-token', ...r })),
);
const RANDOM = fc.sample(randomCase, { numRuns: 300, seed: 20261126 });

const ALL = [...FIXED, ...RANDOM];

describe.each([
  { name: 'botocore 1.43 (SkyPilot, boto3)', python: 'python3', flavour: 'botocore' as const, version: /^1\.43\./ },
  { name: 'the AWS CLI v2 vendored botocore', python: '/usr/bin/python3', flavour: 'awscli' as const, version: /./ },
])('cache keys match $name', ({ python, flavour, version }) => {
  let answer: OracleAnswer;
  beforeAll(() => {
    answer = askBotocore(python, flavour, ALL);
  });

  it('runs the intended botocore', () => {
    expect(answer.botocore).toMatch(version);
    if (flavour === 'awscli') expect(answer.from).toContain('/awscli/botocore/');
    expect(answer.keys).toHaveLength(ALL.length);
  });

  it.each(FIXED.map((c, i) => [i, c.kind, c] as const))('fixed case %i (%s)', (i, _kind, c) => {
    expect(ourKey(c)).toBe(answer.keys[i]);
  });

  it(`agrees on ${RANDOM.length} generated cases`, () => {
    const mismatches = RANDOM.map((c, i) => ({ c, ours: ourKey(c), theirs: answer.keys[FIXED.length + i] })).filter(
      (m) => m.ours !== m.theirs,
    );
    expect(mismatches).toEqual([]);
  });
});

describe('the example in docs/interop-aws.md', () => {
  it('session my-sso is 0ad374308c5a4e22f723adf10145eafad7c4031c in botocore and here', () => {
    const c: Case = { kind: 'sso-token', startUrl: 'https://d-123.awsapps.com/start', sessionName: 'my-sso' };
    expect(askBotocore('python3', 'botocore', [c]).keys).toEqual(['0ad374308c5a4e22f723adf10145eafad7c4031c']);
    expect(ourKey(c)).toBe('0ad374308c5a4e22f723adf10145eafad7c4031c');
  });
});

// The token cache's other two contracts with botocore: the instants its timestamps stand for, and
// when a cached token can be refreshed (botocore/tokens.py SSOTokenProvider._refresh_access_token).
const TOKEN_ORACLE = String.raw`
import json, sys, datetime
import dateutil.parser
from botocore.tokens import SSOTokenProvider
req = json.load(sys.stdin)
instants = []
for s in req['timestamps']:
    try:
        d = dateutil.parser.parse(s)
        # A zone-less time cannot be compared with botocore's aware "now": treat it as unreadable.
        instants.append(None if d.tzinfo is None else (d - datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)) // datetime.timedelta(milliseconds=1))
    except Exception:
        instants.append(None)
provider = SSOTokenProvider.__new__(SSOTokenProvider)
now = dateutil.parser.parse(req['now'])
provider._now = lambda: now
provider._attempt_create_token = lambda token: {'refreshed': True}
refreshable = [provider._refresh_access_token(t) is not None for t in req['tokens']]
print(json.dumps({'instants': instants, 'refreshable': refreshable}))
`;

describe('token cache timestamps and refreshability, as botocore reads them', () => {
  const NOW_ISO = '2026-11-26T12:00:00Z';
  const formats: Array<(d: Date) => string> = [
    (d) => formatCacheTimestamp(d),
    (d) => d.toISOString(),
    (d) => `${d.toISOString().slice(0, 19)}UTC`,
    (d) => `${d.toISOString().slice(0, 19)}+00:00`,
    (d) => `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 23)}123-05:30`,
    (d) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, ''),
  ];
  const dates = fc.sample(
    fc.date({ min: new Date('1971-01-01T00:00:00Z'), max: new Date('9998-12-31T00:00:00Z'), noInvalidDate: true }),
    { numRuns: 60, seed: 7 },
  );
  // Fuzz the grammar too: anything we accept, botocore must read as the same instant.
  const fuzz = fc.sample(
    fc
      .tuple(
        fc.constantFrom(...formats),
        fc.constantFrom(...dates),
        fc.string({ unit: fc.constantFrom(...'0123456789TZz:+-., UTCGM'.split('')), maxLength: 4 }),
        fc.nat(24),
      )
      .map(([f, d, junk, at]) => {
        const s = f(d);
        return s.slice(0, at) + junk + s.slice(at + junk.length);
      }),
    { numRuns: 400, seed: 11 },
  );
  const timestamps = [
    ...dates.flatMap((d) => formats.map((f) => f(d))),
    ...fuzz,
    '2026-01-01T00:00:00',
    '2026-02-30T00:00:00Z',
  ];

  const live = '2027-02-24T12:00:00Z';
  const tokens: Array<Record<string, string>> = [];
  for (const mask of Array.from({ length: 16 }, (_, i) => i)) {
    for (const registration of [live, '2026-11-26T11:59:59Z', '2026-11-26T12:00:00Z', '2026-11-26T12:00:01.5Z']) {
      const t: Record<string, string> = { accessToken: 'a', expiresAt: '2026-11-26T12:05:00Z' };
      if (mask & 1) t.refreshToken = 'r';
      if (mask & 2) t.clientId = 'c';
      if (mask & 4) t.clientSecret = 's';
      if (mask & 8) t.registrationExpiresAt = registration;
      tokens.push(t);
    }
  }

  let answer: { instants: Array<number | null>; refreshable: boolean[] };
  beforeAll(() => {
    const run = spawnSync('python3', ['-c', TOKEN_ORACLE], {
      input: JSON.stringify({ timestamps, tokens, now: NOW_ISO }),
      encoding: 'utf8',
      env: { ...process.env, PYTHONIOENCODING: 'utf-8' },
      timeout: 60_000,
    });
    if (run.status !== 0) throw new Error(`python3 failed (${run.status}): ${run.stderr}`);
    answer = JSON.parse(run.stdout) as typeof answer;
  });

  it('every timestamp we accept is the same instant for botocore (to the millisecond)', () => {
    const disagreements = timestamps
      .map((s, i) => ({ s, ours: parseCacheTimestamp(s)?.getTime() ?? null, botocore: answer.instants[i] ?? null }))
      .filter(({ ours, botocore }) => ours !== null && (botocore === null || botocore !== ours));
    expect(disagreements).toEqual([]);
    // And the forms real writers produce are all accepted.
    const written = dates.flatMap((d) => formats.map((f) => f(d)));
    expect(written.filter((s) => parseCacheTimestamp(s) === null)).toEqual([]);
  });

  it('refuses what botocore cannot use', () => {
    expect(answer.instants.at(-2)).toBeNull();
    expect(parseCacheTimestamp('2026-01-01T00:00:00')).toBeNull();
    expect(answer.instants.at(-1)).toBeNull();
    expect(parseCacheTimestamp('2026-02-30T00:00:00Z')).toBeNull();
  });

  it('a token is refreshable exactly when botocore would try to refresh it', () => {
    const now = Date.parse(NOW_ISO);
    const ours = tokens.map((t) => parseSsoTokenCache(JSON.stringify(t), 'token.json', now).token?.refreshable ?? null);
    expect(ours).toEqual(answer.refreshable);
    expect(ours.filter(Boolean).length).toBeGreaterThan(0);
  });
});

// File name and content together: the CLI's own cache class writes entries, we find and read them.
const WRITER = String.raw`
import json, sys, datetime
import awscli  # the CLI v2's vendored botocore: the only writer of ~/.aws/cli/cache
from dateutil.tz import tzutc
from botocore.utils import JSONFileCache
from botocore.credentials import AssumeRoleCredentialFetcher, SSOCredentialFetcher
req = json.load(sys.stdin)
cache = JSONFileCache(req['dir'])
expires = datetime.datetime(2026, 11, 26, 13, 0, 0, tzinfo=tzutc())
role = AssumeRoleCredentialFetcher(None, None, req['roleArn'], extra_args={'RoleSessionName': 'alice', 'DurationSeconds': 3600}, cache=cache)
role._write_to_cache({'Credentials': {'AccessKeyId': 'ASIA', 'SecretAccessKey': 'SECRET', 'SessionToken': 'SECRET', 'Expiration': expires},
                      'AssumedRoleUser': {'AssumedRoleId': 'AROA:alice', 'Arn': 'arn:aws:sts::210987654321:assumed-role/Admin/alice'}})
sso = SSOCredentialFetcher(req['startUrl'], 'eu-west-1', 'Admin', '123456789012', None, cache=cache, sso_session_name='my-sso')
sso._write_to_cache({'ProviderType': 'sso', 'Credentials': {'AccessKeyId': 'ASIA', 'SecretAccessKey': 'SECRET', 'SessionToken': 'SECRET',
                     'Expiration': '2026-11-26T14:00:00Z', 'AccountId': '123456789012'}})
print(json.dumps([role._cache_key, sso._cache_key]))
`;

describe('entries the AWS CLI writes to ~/.aws/cli/cache', () => {
  it('are found under our keys and read for their expiry and account', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cit-cli-cache-'));
    try {
      const roleArn = 'arn:aws:iam::210987654321:role/Admin';
      const startUrl = 'https://d-123.awsapps.com/start';
      const run = spawnSync('/usr/bin/python3', ['-c', WRITER], {
        input: JSON.stringify({ dir, roleArn, startUrl }),
        encoding: 'utf8',
        timeout: 60_000,
      });
      if (run.status !== 0) throw new Error(`the CLI's botocore failed (${run.status}): ${run.stderr}`);
      const written = JSON.parse(run.stdout) as string[];
      const roleKey = assumeRoleCacheKey({
        roleArn,
        roleSessionName: 'alice',
        durationSeconds: parseDurationSeconds('3600'),
      });
      const ssoKey = ssoRoleCredentialsCacheKey({
        startUrl,
        accountId: '123456789012',
        roleName: 'Admin',
        sessionName: 'my-sso',
      });
      expect([roleKey, ssoKey]).toEqual(written);
      expect((await readdir(dir)).sort()).toEqual([`${roleKey}.json`, `${ssoKey}.json`].sort());

      const role = await readCliCacheEntry(dir, roleKey);
      expect(role).toMatchObject({ missing: false, problem: null, accountId: '210987654321' });
      expect(role.expiresAt?.toISOString()).toBe('2026-11-26T13:00:00.000Z');
      const sso = await readCliCacheEntry(dir, ssoKey);
      expect(sso).toMatchObject({ missing: false, problem: null, accountId: '123456789012' });
      expect(sso.expiresAt?.toISOString()).toBe('2026-11-26T14:00:00.000Z');
      expect(JSON.stringify([role, sso])).not.toMatch(/SECRET/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
