import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  formatCacheTimestamp,
  parseCacheTimestamp,
  parseSsoTokenCache,
  readSsoTokenSummary,
  ssoTokenCacheKey,
  ssoTokenCachePath,
} from '../../../../electron/core/aws/sso-token-cache';

const NOW = Date.parse('2026-11-26T12:00:00Z');
const FILE = '/home/u/.aws/sso/cache/0ad374308c5a4e22f723adf10145eafad7c4031c.json';

const tokenFile = (fields: Record<string, unknown>): string =>
  JSON.stringify({
    startUrl: 'https://d-123.awsapps.com/start',
    region: 'eu-west-1',
    accessToken: 'SECRET-ACCESS',
    expiresAt: '2026-11-26T20:00:00Z',
    ...fields,
  });

const refreshFields = {
  clientId: 'client-id',
  clientSecret: 'SECRET-CLIENT',
  refreshToken: 'SECRET-REFRESH',
  registrationExpiresAt: '2027-02-24T12:00:00Z',
};

describe('ssoTokenCacheKey', () => {
  it('hashes the sso-session name (docs/interop-aws.md: my-sso)', () => {
    const key = ssoTokenCacheKey({ name: 'my-sso', legacy: false, startUrl: 'https://d-123.awsapps.com/start' });
    expect(key).toBe('0ad374308c5a4e22f723adf10145eafad7c4031c');
  });

  it('hashes the start URL exactly as written for a legacy profile', () => {
    const a = ssoTokenCacheKey({
      name: 'https://x.awsapps.com/start',
      legacy: true,
      startUrl: 'https://x.awsapps.com/start',
    });
    const b = ssoTokenCacheKey({
      name: 'https://x.awsapps.com/start/',
      legacy: true,
      startUrl: 'https://x.awsapps.com/start/',
    });
    expect(a).toMatch(/^[0-9a-f]{40}$/);
    expect(a).not.toBe(b);
    // The legacy key does not depend on the display name, only on the URL.
    expect(ssoTokenCacheKey({ name: 'other', legacy: true, startUrl: 'https://x.awsapps.com/start' })).toBe(a);
  });

  it('builds the path in the cache folder', () => {
    expect(ssoTokenCachePath('/c', { name: 'my-sso', legacy: false, startUrl: null })).toBe(
      join('/c', '0ad374308c5a4e22f723adf10145eafad7c4031c.json'),
    );
  });
});

describe('parseCacheTimestamp', () => {
  it.each([
    ['2026-01-01T00:00:00Z', '2026-01-01T00:00:00.000Z'],
    ['2026-01-01T00:00:00.123Z', '2026-01-01T00:00:00.123Z'], // JS SDK toISOString()
    ['2026-01-01T00:00:00UTC', '2026-01-01T00:00:00.000Z'], // Python strftime %Z (JSONFileCache)
    ['2026-01-01T00:00:00+00:00', '2026-01-01T00:00:00.000Z'], // Python isoformat()
    ['2026-01-01T00:00:00.123456+00:00', '2026-01-01T00:00:00.123Z'],
    ['2026-01-01 01:00:00+0100', '2026-01-01T00:00:00.000Z'],
    ['2025-12-31T19:00:00-05:00', '2026-01-01T00:00:00.000Z'],
    ['2026-01-01T02:00:00+02', '2026-01-01T00:00:00.000Z'],
    ['2026-01-01T00:00Z', '2026-01-01T00:00:00.000Z'],
    ['2026-01-01t00:00:00z', '2026-01-01T00:00:00.000Z'],
    ['2026-01-01T00:00:00 GMT', '2026-01-01T00:00:00.000Z'],
    ['2026-01-01T00:00:00,5Z', '2026-01-01T00:00:00.500Z'],
    ['2026-01-01T00:00:00.57Z', '2026-01-01T00:00:00.570Z'],
    ['2026-01-01T00:00:00.999999999Z', '2026-01-01T00:00:00.999Z'],
    ['20260101T000000Z', '2026-01-01T00:00:00.000Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
    ['0050-06-01T00:00:00Z', '0050-06-01T00:00:00.000Z'],
  ])('reads %s', (text, iso) => {
    expect(parseCacheTimestamp(text)?.toISOString()).toBe(iso);
  });

  it.each([
    '2026-01-01T00:00:00', // no zone: botocore cannot compare it, the JS SDK would read local time
    '2026-01-01',
    '2026-01-01T24:00:00Z',
    '2026-02-29T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-01-01T00:00:60Z',
    '2026-01-01T00:00:00EST',
    '1767225600',
    '',
    'soon',
  ])('refuses %j', (text) => {
    expect(parseCacheTimestamp(text)).toBeNull();
  });
});

describe('parseCacheTimestamp, the two forms the tools write', () => {
  // The fast reader of `...T..:..:..Z` and `...T..:..:...sssZ` must agree with the general one
  // (the same regular expressions, reached with a space in front, which the fast one refuses).
  const viaGeneral = (text: string): number | null => parseCacheTimestamp(` ${text}`)?.getTime() ?? null;
  it('property: reads every such text exactly as the general reader does, valid or not', () => {
    const two = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));
    const text = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        two,
        two,
        two,
        two,
        two,
        fc.option(fc.integer({ min: 0, max: 999 }), { nil: undefined }),
      )
      .map(
        ([y, mo, d, h, mi, sec, ms]) =>
          `${String(y).padStart(4, '0')}-${mo}-${d}T${h}:${mi}:${sec}${ms === undefined ? '' : `.${String(ms).padStart(3, '0')}`}Z`,
      );
    fc.assert(
      fc.property(text, (t) => {
        expect(parseCacheTimestamp(t)?.getTime() ?? null).toBe(viaGeneral(t));
      }),
      { numRuns: 3000 },
    );
  });

  it('property: agrees on texts of that shape with any character in any place', () => {
    const char = fc.constantFrom(...'0123456789-T:.Zz+aé '.split(''));
    const shaped = fc
      .tuple(
        fc.constantFrom('2026-01-01T00:00:00Z', '2026-01-01T00:00:00.000Z'),
        fc.array(fc.tuple(fc.nat(23), char), { maxLength: 3 }),
      )
      .map(([base, edits]) => {
        const chars = base.split('');
        for (const [at, c] of edits) if (at < chars.length) chars[at] = c;
        return chars.join('');
      });
    fc.assert(
      fc.property(shaped, (t) => {
        expect(parseCacheTimestamp(t)?.getTime() ?? null).toBe(viaGeneral(t));
      }),
      { numRuns: 5000 },
    );
    expect(parseCacheTimestamp('144z-01-01T00:00:00.039Z')).toBeNull(); // found by the botocore oracle
  });

  it('agrees at the edges: leap days, month ends, the last second, early years, stray characters', () => {
    for (const t of [
      '2024-02-29T23:59:59Z',
      '2023-02-29T00:00:00Z',
      '2026-04-31T00:00:00Z',
      '2026-12-31T23:59:59.999Z',
      '0099-01-01T00:00:00Z',
      '0100-01-01T00:00:00Z',
      '2026-01-01T00:00:00.12xZ',
      '2026-0a-01T00:00:00Z',
      '2026-01-01T00:00:00.000z',
    ]) {
      expect(parseCacheTimestamp(t)?.getTime() ?? null).toBe(viaGeneral(t));
    }
    expect(parseCacheTimestamp('2024-02-29T23:59:59Z')?.toISOString()).toBe('2024-02-29T23:59:59.000Z');
  });
});

describe('formatCacheTimestamp', () => {
  it('writes whole seconds with Z, as the CLI does', () => {
    expect(formatCacheTimestamp(new Date('2026-01-01T08:09:10.999Z'))).toBe('2026-01-01T08:09:10Z');
  });

  it('throws on an invalid date instead of writing garbage', () => {
    expect(() => formatCacheTimestamp(new Date(NaN))).toThrow(RangeError);
  });

  it('property: what we write we read back, to the second', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }),
        (d) => {
          const text = formatCacheTimestamp(d);
          expect(text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
          expect(parseCacheTimestamp(text)?.getTime()).toBe(Math.floor(d.getTime() / 1000) * 1000);
        },
      ),
    );
  });
});

describe('parseSsoTokenCache', () => {
  it('summarises a token without any secret', () => {
    const { token, problem } = parseSsoTokenCache(tokenFile({}), FILE, NOW);
    expect(problem).toBeNull();
    expect(token).toEqual({
      expiresAt: new Date('2026-11-26T20:00:00Z'),
      refreshable: false,
      registrationExpiresAt: null,
      startUrl: 'https://d-123.awsapps.com/start',
      region: 'eu-west-1',
    });
    expect(JSON.stringify(token)).not.toMatch(/SECRET/);
  });

  it('is refreshable only with refresh token, client id and secret, and a live registration', () => {
    expect(parseSsoTokenCache(tokenFile(refreshFields), FILE, NOW).token?.refreshable).toBe(true);
    for (const missing of ['refreshToken', 'clientId', 'clientSecret', 'registrationExpiresAt'] as const) {
      const fields: Record<string, unknown> = { ...refreshFields };
      delete fields[missing];
      expect(parseSsoTokenCache(tokenFile(fields), FILE, NOW).token?.refreshable, missing).toBe(false);
    }
    const lapsed = { ...refreshFields, registrationExpiresAt: '2026-11-26T11:59:59Z' };
    const { token, problem } = parseSsoTokenCache(tokenFile(lapsed), FILE, NOW);
    expect(token?.refreshable).toBe(false);
    expect(token?.registrationExpiresAt?.toISOString()).toBe('2026-11-26T11:59:59.000Z');
    expect(problem).toBeNull();
  });

  it('reads the JS SDK form with milliseconds', () => {
    const { token } = parseSsoTokenCache(tokenFile({ expiresAt: '2026-11-26T20:00:00.000Z' }), FILE, NOW);
    expect(token?.expiresAt.toISOString()).toBe('2026-11-26T20:00:00.000Z');
  });

  it.each([
    ['', /empty/],
    ['   \n', /empty/],
    ['{"startUrl": "https://d-123.awsapps.com/start", "accessTo', /not valid JSON.*half-written/],
    ['\ufeff' + tokenFile({}), /byte-order mark/],
    ['[]', /JSON object/],
    ['null', /JSON object/],
    [tokenFile({ accessToken: undefined }), /no "accessToken"/],
    [tokenFile({ accessToken: '' }), /no "accessToken"/],
    [tokenFile({ expiresAt: undefined }), /no "expiresAt"/],
    [tokenFile({ expiresAt: 12 }), /no "expiresAt"/],
    [tokenFile({ expiresAt: '2026-11-26 20:00' }), /"2026-11-26 20:00".*not a timestamp/],
  ])('refuses %j with an error naming the file', (text, message) => {
    const { token, problem } = parseSsoTokenCache(text, FILE, NOW);
    expect(token).toBeNull();
    expect(problem?.severity).toBe('error');
    expect(problem?.file).toBe(FILE);
    expect(problem?.message).toMatch(message);
    expect(problem?.message).not.toMatch(/SECRET/);
  });

  it.each([
    '{"accessToken": "SECRET-ACCESS" "expiresAt": "x"}',
    '{"accessToken": "SECRET-ACCESS-TRUNCATED',
    'SECRET-ACCESS',
    '{"refreshToken": "SECRET-REFRESH", oops}',
  ])('never quotes the broken text back (it may hold a token): %j', (text) => {
    const { problem } = parseSsoTokenCache(text, FILE, NOW);
    expect(problem?.message).toMatch(/not valid JSON/);
    expect(problem?.message).not.toMatch(/SECRET/);
  });

  it('says where the JSON breaks', () => {
    expect(parseSsoTokenCache('{\n"accessToken": "a"\n "expiresAt": "x"}', FILE, NOW).problem?.message).toMatch(
      /line 3, column 2/,
    );
    expect(parseSsoTokenCache('{"accessToken": "a', FILE, NOW).problem?.message).toMatch(/ends early/);
  });

  it('keeps a usable token when only the registration expiry is unreadable, with a warning', () => {
    const { token, problem } = parseSsoTokenCache(
      tokenFile({ ...refreshFields, registrationExpiresAt: 'later' }),
      FILE,
      NOW,
    );
    expect(token?.expiresAt.toISOString()).toBe('2026-11-26T20:00:00.000Z');
    expect(token?.refreshable).toBe(false);
    expect(problem).toMatchObject({ severity: 'warning', file: FILE });
    expect(problem?.message).toMatch(/registrationExpiresAt/);
  });

  it('property: never throws and never returns a secret, whatever the text', () => {
    const secretish = fc
      .tuple(fc.constant(tokenFile(refreshFields)), fc.nat(200), fc.string({ maxLength: 3 }))
      .map(([t, cut, junk]) => t.slice(0, cut) + junk + t.slice(cut));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), secretish), (text) => {
        const { token, problem } = parseSsoTokenCache(text, FILE, NOW);
        expect(token === null || problem === null || problem.severity === 'warning').toBe(true);
        expect(JSON.stringify(token)).not.toMatch(/SECRET/);
        expect(problem?.message ?? '').not.toMatch(/SECRET/);
      }),
    );
  });
});

describe('readSsoTokenSummary', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cit-sso-cache-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reports a missing file as missing, not as a problem', async () => {
    expect(await readSsoTokenSummary(join(dir, 'nope.json'), NOW)).toEqual({
      token: null,
      missing: true,
      problem: null,
    });
  });

  it('reads a real file', async () => {
    const file = join(dir, 'ok.json');
    await writeFile(file, tokenFile(refreshFields), { mode: 0o600 });
    const read = await readSsoTokenSummary(file, NOW);
    expect(read.missing).toBe(false);
    expect(read.problem).toBeNull();
    expect(read.token?.refreshable).toBe(true);
  });

  it('names the file of a truncated token', async () => {
    const file = join(dir, 'half.json');
    await writeFile(file, tokenFile({}).slice(0, 40));
    const read = await readSsoTokenSummary(file, NOW);
    expect(read).toMatchObject({ token: null, missing: false, problem: { severity: 'error', file } });
  });

  it('refuses a directory where the file should be', async () => {
    const file = join(dir, 'adir.json');
    await mkdir(file);
    const read = await readSsoTokenSummary(file, NOW);
    expect(read).toMatchObject({
      token: null,
      missing: false,
      problem: { severity: 'error', file, message: expect.stringMatching(/not a regular file/) },
    });
  });

  it('says an empty file may be a login writing it', async () => {
    const file = join(dir, 'empty.json');
    await writeFile(file, '');
    expect((await readSsoTokenSummary(file, NOW)).problem?.message).toMatch(/empty/);
  });

  it('reads a token bigger than one read buffer whole, and refuses one too large to be a token', async () => {
    const big = join(dir, 'big.json');
    const padded = JSON.stringify({ ...JSON.parse(tokenFile(refreshFields)), padding: 'x'.repeat(200_000) });
    await writeFile(big, padded);
    const read = await readSsoTokenSummary(big, NOW);
    expect(read.problem).toBeNull();
    expect(read.token?.refreshable).toBe(true);
    const huge = join(dir, 'huge.json');
    await writeFile(huge, padded.repeat(6));
    expect((await readSsoTokenSummary(huge, NOW)).problem?.message).toMatch(/too large/);
  });

  it('reads each of many files on its own (one buffer serves them all)', async () => {
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    await writeFile(a, tokenFile({ ...refreshFields, expiresAt: '2030-01-01T00:00:00Z' }));
    await writeFile(b, tokenFile({ expiresAt: '2031-06-01T00:00:00Z' }).slice(0, 60));
    const [first, second, third] = [
      await readSsoTokenSummary(a, NOW),
      await readSsoTokenSummary(b, NOW),
      await readSsoTokenSummary(a, NOW),
    ];
    expect(first.token?.expiresAt.toISOString()).toBe('2030-01-01T00:00:00.000Z');
    expect(second.problem?.message).toMatch(/not valid JSON/);
    expect(third).toEqual(first);
  });
});
