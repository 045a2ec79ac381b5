// The optimised AWS config loader must give exactly what the code before the optimisation gave:
// byte-identical JSON of parseIni / parseAwsConfig, of the assembled state and of both `cloudid
// status` outputs. The "before" is a frozen copy of the old modules (test/support/aws-config-baseline)
// and, for the 10,000-profile benchmark fixture, a sha256 computed once from the old code.
import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdentityCheck, Problem, Snapshot } from '../../../electron/shared/model';
import { statusJson } from '../../../electron/cli/status-json';
import { statusTable } from '../../../electron/cli/status-table';
import { parseAwsConfig, type AwsConfigInput } from '../../../electron/core/aws/aws-config';
import { readAwsInputs, type AwsInputs, type RoleCacheRead, type SsoTokenRead } from '../../../electron/core/aws/aws-sources';
import { assembleAwsState, type AwsStateContext } from '../../../electron/core/aws/aws-state';
import { parseIni } from '../../../electron/core/aws/ini-parser';
import { parseAwsConfig as baselineParseAwsConfig } from '../../support/aws-config-baseline/aws-config';
import { assembleAwsState as baselineAssembleAwsState } from '../../support/aws-config-baseline/aws-state';
import { parseIni as baselineParseIni } from '../../support/aws-config-baseline/ini-parser';
import { statusJson as baselineStatusJson } from '../../support/aws-config-baseline/status-json';
import { statusTable as baselineStatusTable } from '../../support/aws-config-baseline/status-table';
import { iniFileArb, profileSetArb, renderProfileSet } from '../../support/aws-config-generators';
import { makeBigHome, type BigHome } from '../../bench/fixtures';

const NOW = Date.parse('2026-11-26T06:00:00Z');
const CONFIG = '/home/u/.aws/config';
const CREDENTIALS = '/home/u/.aws/credentials';
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
/** Maps (IniDocument) as entry arrays, so JSON shows every key, value, order and line. */
const json = (value: unknown): string => JSON.stringify(value, (_key, v: unknown) => (v instanceof Map ? [...(v as Map<unknown, unknown>)] : v));

const input = (configText: string | null, credentialsText: string | null, activeProfile = 'default'): AwsConfigInput => ({
  configFile: CONFIG,
  credentialsFile: CREDENTIALS,
  configText,
  credentialsText,
  activeProfile,
});

function snapshotOf(aws: Snapshot['aws']): Snapshot {
  return { version: 1, generatedAt: new Date(NOW).toISOString(), leadTimeMinutes: 15, aws, gcp: null, sky: null, nextDeadline: null };
}

describe('the 10,000-profile benchmark fixture', () => {
  let big: BigHome;
  let configText = '';
  let credentialsText = '';
  let inputs: AwsInputs;
  const ctx: AwsStateContext = { now: NOW, leadMs: 15 * 60_000, cli: { found: [], warning: null }, checks: new Map() };

  beforeAll(async () => {
    big = await makeBigHome({ profiles: 10_000, sessions: 2_000, now: NOW });
    [configText, credentialsText] = await Promise.all([readFile(big.configFile, 'utf8'), readFile(big.credentialsFile, 'utf8')]);
    inputs = await readAwsInputs({ HOME: big.home, PATH: '' }, big.home, NOW);
  }, 60_000);
  afterAll(async () => {
    await rm(big.home, { recursive: true, force: true });
  });

  it('parses to the same JSON as before the optimisation (sha256 from the old code)', () => {
    const parsed = json(parseAwsConfig(input(configText, credentialsText)));
    expect(parsed).toBe(json(baselineParseAwsConfig(input(configText, credentialsText))));
    expect(sha256(parsed)).toBe('d76041088879440746dae49f51106d080b3c7e749098d41ef29c2f23f26108a1');
    expect(JSON.parse(parsed).profiles).toHaveLength(10_000);
  });

  it('prints the same `cloudid status --json` and table as before', () => {
    const hide = (text: string): string => text.replaceAll(big.home, '~');
    const aws = assembleAwsState(inputs, ctx).aws;
    const baseline = baselineAssembleAwsState(inputs, ctx).aws;
    expect(json(aws)).toBe(json(baseline));
    const printed = hide(JSON.stringify(statusJson(snapshotOf(aws)), null, 2));
    expect(printed).toBe(hide(JSON.stringify(baselineStatusJson(snapshotOf(baseline)), null, 2)));
    expect(sha256(printed)).toBe('cda33044ac808c4974500b2d54c154f748c295a4998444432d515805e1a3fe9e');
    const table = hide(statusTable(snapshotOf(aws), NOW));
    expect(table).toBe(hide(baselineStatusTable(snapshotOf(baseline), NOW)));
    expect(sha256(table)).toBe('032371df11ddf8005e8cf15f460676fae0f6456b1d8a08f3c437c970267aa555');
  });
});

// Lines the generators in aws-config-generators.ts do not write: refused headers, non-ASCII
// case and whitespace, `key: value`, continuation lines, prefixes that are not section types,
// deep duplicate blocks and every value the checks look at.
const oddLineArb = fc.constantFrom(
  '[__proto__]',
  '[profile __proto__]',
  '[profile ÄBC]',
  '[profile a\u00a0b]',
  '[\u2003profile a]',
  '[profile "a\']',
  "[profile 'a']",
  '[Profile a]',
  '[sso-session]',
  '[services]',
  '[profile]',
  '[x-y z]',
  '[a_b c]',
  '[profile a/b:c%d]',
  '[profile a b]',
  '[ ]',
  '[[a]]',
  'ÄWS_ACCESS_KEY_ID = x',
  'REGION = eu-west-1',
  'Sso_Account_Id = 123',
  'region: us-east-1',
  '  continued value',
  '\tcontinued',
  'role_arn = arn:aws:iam::123456789012:role/path/to/R',
  'role_arn = arn:aws-cn:iam::123456789012:role/R',
  'role_arn = not-an-arn',
  'sso_account_id = 12345',
  'credential_source = Ec2InstanceMetadata',
  'credential_source = Nope',
  'source_profile = a',
  'source_profile = default',
  'source_profile = b',
  'aws_security_token = t',
  'aws_session_token = t',
  'sso_registration_scopes = a, b,,c ',
  'sso_session = a',
  'sso_start_url = https://a.awsapps.com/start',
  'sso_region = eu-west-1',
  'sso_role_name = R',
  'login_session = x',
  'duration_seconds = 900',
  'mfa_serial = arn:aws:iam::123456789012:mfa/me',
  'x = 1 # c',
  'region = x ; c',
  '=',
  ' = x',
  'k =',
  '  sub = 1',
  '',
);
const nameArb = fc.constantFrom('a', 'b', 'default', 'A', 'a.b');
const headerArb = fc.oneof(
  nameArb.map((n) => `[profile ${n}]`),
  nameArb.map((n) => `[${n}]`),
  nameArb.map((n) => `[sso-session ${n}]`),
  nameArb.map((n) => `[profile.${n}]`),
);
// Headers of random text around the section types: quotes, whitespace of every kind, name characters.
const fuzzHeaderArb = fc
  .tuple(
    fc.constantFrom('', 'profile', 'sso-session', 'services', 'Profile', 'x_y-1', 'default'),
    fc.array(fc.constantFrom(...' \t\u00a0\u2028\ufeff"\'aZ9_-@+.%:/#;=[]Ä'.split('')), { maxLength: 6 }),
  )
  .map(([prefix, chars]) => `[${prefix}${chars.join('')}]`);
const oddFileArb = fc
  .array(fc.oneof({ weight: 1, arbitrary: headerArb }, { weight: 1, arbitrary: fuzzHeaderArb }, { weight: 3, arbitrary: oddLineArb }), { maxLength: 40 })
  .chain((lines) => fc.constantFrom('\n', '\r\n').map((eol) => lines.join(eol)));

describe('generated files', () => {
  const same = (configText: string | null, credentialsText: string | null, activeProfile: string): void => {
    const ours = parseAwsConfig(input(configText, credentialsText, activeProfile));
    expect(json(ours)).toBe(json(baselineParseAwsConfig(input(configText, credentialsText, activeProfile))));
  };

  it('parseIni keeps the same sections, values, lines and problems', () => {
    fc.assert(
      fc.property(fc.oneof(iniFileArb('config'), iniFileArb('credentials'), oddFileArb), fc.boolean(), (text, named) => {
        const file = named ? CONFIG : undefined;
        expect(json(parseIni(text, file))).toBe(json(baselineParseIni(text, file)));
      }),
      { numRuns: 1500 },
    );
  });

  it('parseIni finds repeated keys the same way in a block of many keys', () => {
    // Past 16 keys a header block's keys move from a list to a Map.
    const keys = Array.from({ length: 40 }, (_, i) => `Key_${i} = ${i}`);
    for (const repeated of [0, 15, 16, 17, 39]) {
      const text = ['[profile many]', ...keys, `key_${repeated} = again`, 'sub =', '  Key_1 = nested', `KEY_${repeated} = third`].join('\n');
      const doc = parseIni(text, CONFIG);
      expect(doc.problems.map((p) => p.line)).toEqual([42, 45]);
      expect(json(doc)).toBe(json(baselineParseIni(text, CONFIG)));
    }
  });

  it('parseAwsConfig gives the same profiles, sessions and problems', () => {
    fc.assert(
      fc.property(
        fc.option(fc.oneof(iniFileArb('config'), oddFileArb)),
        fc.option(fc.oneof(iniFileArb('credentials'), oddFileArb)),
        fc.constantFrom('default', 'a', 'dev', 'nosuch'),
        same,
      ),
      { numRuns: 1500 },
    );
  });

  it('parseAwsConfig gives the same kinds, chains and problems on profile sets of every kind', () => {
    fc.assert(
      fc.property(profileSetArb('/bin/true'), fc.constantFrom('p0', 'p3', 'default'), (profiles, active) => {
        const { config, credentials } = renderProfileSet(profiles);
        same(config, credentials, active);
      }),
      { numRuns: 1500 },
    );
  });
});

// Every token, role-cache and verification state the assembly distinguishes, on generated files.
const MINUTE = 60_000;
const expiryArb = fc.constantFrom(-60, -1, 0, 5, 14, 15, 16, 600).map((minutes) => new Date(NOW + minutes * MINUTE));
const problemArb: fc.Arbitrary<Problem> = fc.record({
  severity: fc.constantFrom('error' as const, 'warning' as const),
  message: fc.constantFrom('bad token', 'odd cache'),
  file: fc.constant('/home/u/.aws/sso/cache/x.json'),
});
const tokenReadArb: fc.Arbitrary<SsoTokenRead> = fc.oneof(
  fc.constant({ file: '/c/missing.json', token: null, missing: true, problem: null }),
  problemArb.map((problem) => ({ file: '/c/broken.json', token: null, missing: false, problem })),
  fc
    .record({ expiresAt: expiryArb, refreshable: fc.boolean(), registration: fc.option(expiryArb), problem: fc.option(problemArb) })
    .map(({ expiresAt, refreshable, registration, problem }) => ({
      file: '/c/token.json',
      token: { expiresAt, refreshable, registrationExpiresAt: registration, startUrl: null, region: null },
      missing: false,
      problem,
    })),
);
const roleReadArb: fc.Arbitrary<RoleCacheRead> = fc.record({ expiresAt: fc.option(expiryArb), problem: fc.option(problemArb) });
const checkArb = (profile: string): fc.Arbitrary<IdentityCheck> =>
  fc.record({
    profile: fc.constant(profile),
    checkedAt: fc.constant(new Date(NOW).toISOString()),
    identity: fc.option(fc.constant({ account: '210987654321', arn: 'arn:aws:sts::210987654321:assumed-role/R/x', userId: 'AROAX:x' })),
    error: fc.option(fc.constant({ kind: 'no-credentials' as const, message: 'no credentials' })),
  });

describe('generated states', () => {
  it('assembles the same state and prints the same `cloudid status` JSON and table', () => {
    const filesArb = fc.oneof(
      profileSetArb('/bin/true').map((profiles) => renderProfileSet(profiles)),
      fc.record({ config: fc.oneof(iniFileArb('config'), oddFileArb), credentials: fc.oneof(iniFileArb('credentials'), oddFileArb) }),
    );
    const stateArb = filesArb.chain(({ config, credentials }) => {
      const parsed = parseAwsConfig(input(config, credentials));
      const names = parsed.profiles.map((p) => p.name);
      const sessions = parsed.ssoSessions.map((s) => s.name);
      return fc.record({
        parsed: fc.constant(parsed),
        tokens: fc.array(fc.tuple(fc.constantFrom('', ...sessions), tokenReadArb), { maxLength: sessions.length + 1 }),
        roles: fc.array(fc.tuple(fc.constantFrom('', ...names), roleReadArb), { maxLength: 3 }),
        checks: fc.array(fc.constantFrom('', ...names).chain((name) => checkArb(name)), { maxLength: 3 }),
        active: fc.constantFrom('default', ...names),
        leadMinutes: fc.constantFrom(0, 15),
      });
    });
    fc.assert(
      fc.property(stateArb, ({ parsed, tokens, roles, checks, active, leadMinutes }) => {
        const inputs: AwsInputs = {
          paths: { configFile: CONFIG, credentialsFile: CREDENTIALS, ssoCacheDir: '/c', cliCacheDir: '/r' },
          active: { name: active, source: 'default', notes: [] },
          config: { ok: true, path: CONFIG, size: 0, mtimeMs: 0 },
          credentials: { ok: false, path: CREDENTIALS, missing: false, problem: { severity: 'error', message: 'unreadable', file: CREDENTIALS } },
          parsed,
          tokens: new Map(tokens),
          roleCache: new Map(roles),
        };
        const ctx: AwsStateContext = {
          now: NOW,
          leadMs: leadMinutes * MINUTE,
          cli: { found: [], warning: null },
          checks: new Map(checks.map((check) => [check.profile, check])),
        };
        const aws = assembleAwsState(inputs, ctx);
        const baseline = baselineAssembleAwsState(inputs, ctx);
        expect(json(aws)).toBe(json(baseline));
        expect(JSON.stringify(statusJson(snapshotOf(aws.aws)), null, 2)).toBe(JSON.stringify(baselineStatusJson(snapshotOf(baseline.aws)), null, 2));
        expect(statusTable(snapshotOf(aws.aws), NOW)).toBe(baselineStatusTable(snapshotOf(baseline.aws), NOW));
      }),
      { numRuns: 1000 },
    );
  });
});
