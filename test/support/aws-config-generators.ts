// fast-check arbitraries for small AWS shared config/credentials files, with the quirks real
// files have: comments (full-line and inline, `#` and `;`), sub-sections, CRLF, tabs, odd
// header spellings, repeated sections and keys, stray lines. Kept small on purpose: the SDK's
// own parser, our oracle, is slow on big files.
import fc from 'fast-check';

/** Keys the app reads, plus a few it does not, in their usual and odd spellings. */
export const APP_KEYS = [
  'region',
  'output',
  'sso_session',
  'sso_start_url',
  'sso_region',
  'sso_account_id',
  'sso_role_name',
  'sso_registration_scopes',
  'role_arn',
  'source_profile',
  'credential_source',
  'web_identity_token_file',
  'credential_process',
  'aws_access_key_id',
  'aws_secret_access_key',
  'aws_session_token',
  'login_session',
] as const;

const nameChars = fc.constantFrom(...'abcxyz019_-.@+%:/'.split(''));
export const profileNameArb = fc
  .array(nameChars, { minLength: 1, maxLength: 6 })
  .map((chars) => chars.join(''))
  .filter((name) => name !== '__proto__');

/** Names that collide often, so repeated sections and source_profile links are common. */
const smallNameArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('default', 'dev', 'prod', 'a', 'b') },
  { weight: 1, arbitrary: profileNameArb },
);

const spaceArb = fc.constantFrom('', ' ', '  ', '\t', ' \t', '\u00a0');

export type FileKind = 'config' | 'credentials';

function headerArb(kind: FileKind): fc.Arbitrary<string> {
  const name = smallNameArb;
  const variants: fc.Arbitrary<string>[] = [
    name.map((n) => `[${n}]`),
    name.map((n) => `[profile ${n}]`),
    fc.tuple(name, fc.constantFrom('"', "'")).map(([n, q]) => `[profile ${q}${n}${q}]`),
    name.map((n) => `[profile\t${n}]`),
    name.map((n) => `[profile  ${n}]`),
    name.map((n) => `[profile.${n}]`),
    name.map((n) => `[ profile ${n} ]`),
    name.map((n) => `[profile ${n} x]`),
    fc.constant('[]'),
    fc.constant('[foo bar]'),
  ];
  if (kind === 'config') {
    variants.push(
      fc.constant('[default]'),
      fc.constant('[profile default]'),
      name.map((n) => `[sso-session ${n}]`),
      name.map((n) => `[services ${n}]`),
    );
  }
  return fc
    .tuple(spaceArb, fc.oneof(...variants), fc.constantFrom('', ' # note', ' ;note', '#glued'))
    .map(([lead, header, tail]) => `${lead}${header}${tail}`);
}

const valueArb = fc.oneof(
  fc.constantFrom(
    'us-east-1',
    'eu-west-1',
    '123456789012',
    'AdministratorAccess',
    'arn:aws:iam::123456789012:role/Admin',
    'https://corp.awsapps.com/start',
    'https://corp.awsapps.com/start#/',
    'sso:account:access',
    'dev',
    'a',
    'Environment',
    '/usr/bin/cred --x=1',
    'a=b',
    'x;y',
  ),
  fc.array(fc.constantFrom(...'ab1 =#;\t'.split('')), { minLength: 1, maxLength: 6 }).map((c) => c.join('')),
);

const keyArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...APP_KEYS) },
  { weight: 1, arbitrary: fc.constantFrom('Region', 'SSO_SESSION', 'x', 'k-1', 'k.sub') },
);

const keyLineArb = fc
  .tuple(
    spaceArb,
    keyArb,
    spaceArb,
    fc.constantFrom('=', '='),
    spaceArb,
    valueArb,
    fc.constantFrom('', ' # c', '\t; c', '#c', ' '),
  )
  .map(([lead, key, a, eq, b, value, tail]) => `${lead}${key}${a}${eq}${b}${value}${tail}`);

const subSectionArb = fc
  .tuple(
    fc.constantFrom('s3', 'ec2', 'sts'),
    fc.array(fc.tuple(fc.constantFrom('  ', '\t', ''), keyArb, valueArb), { maxLength: 3 }),
  )
  .map(([name, entries]) =>
    [`${name} =`, ...entries.map(([indent, key, value]) => `${indent}${key} = ${value}`)].join('\n'),
  );

const strayLineArb = fc.constantFrom(
  '',
  '   ',
  '# comment',
  '; comment',
  '  # indented comment',
  'no equals here',
  '= value',
  '[profile unterminated',
  '[default] trailing',
  'key =',
);

function bodyLineArb(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: keyLineArb },
    { weight: 1, arbitrary: subSectionArb },
    { weight: 2, arbitrary: strayLineArb },
  );
}

function sectionArb(kind: FileKind): fc.Arbitrary<string> {
  return fc
    .tuple(headerArb(kind), fc.array(bodyLineArb(), { maxLength: 5 }))
    .map(([header, lines]) => [header, ...lines].join('\n'));
}

/** A whole small file; line endings LF, CRLF or mixed. */
export function iniFileArb(kind: FileKind): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.array(strayLineArb, { maxLength: 2 }),
      fc.array(sectionArb(kind), { maxLength: 5 }),
      fc.constantFrom('lf', 'crlf', 'mixed'),
      fc.boolean(),
    )
    .chain(([preamble, sections, endings, finalNewline]) => {
      const lines = [...preamble, ...sections].join('\n').split('\n');
      return fc.array(fc.boolean(), { minLength: lines.length, maxLength: lines.length }).map((crs) => {
        const text = lines
          .map((line, i) => {
            const cr = endings === 'crlf' || (endings === 'mixed' && crs[i] === true);
            return i < lines.length - 1 || finalNewline ? `${line}${cr ? '\r\n' : '\n'}` : line;
          })
          .join('');
        return text;
      });
    });
}

/** Names in a generated profile set; source_profile may also name the missing one. */
export const PROFILE_SET_NAMES = ['p0', 'p1', 'p2', 'p3'] as const;

export type StaticKeyPlacement =
  'none' | 'config' | 'credentials' | 'id-only-config' | 'id-only-credentials' | 'split' | 'secret-only';

export interface GeneratedProfile {
  name: string;
  /** Config keys other than static keys, in order. */
  keys: [string, string][];
  staticKeys: StaticKeyPlacement;
}

/** Present about one time in four, so each profile has only a few keys and every kind shows up. */
const optional = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });

/**
 * A handful of profiles mixing every credential kind (and broken combinations of them), for
 * comparing our kind and problem rules with what botocore does on load. `processPath` is a
 * credential_process command that succeeds.
 */
export function profileSetArb(processPath: string): fc.Arbitrary<GeneratedProfile[]> {
  const profileArb = (name: string): fc.Arbitrary<GeneratedProfile> =>
    fc
      .record({
        role_arn: optional(fc.constant('arn:aws:iam::123456789012:role/R')),
        source_profile: optional(fc.constantFrom(...PROFILE_SET_NAMES, 'missing')),
        credential_source: optional(fc.constantFrom('Environment', 'Bogus')),
        web_identity_token_file: optional(fc.constant('/nonexistent/token')),
        sso_session: optional(fc.constantFrom('corp', 'nosuch')),
        sso_start_url: optional(fc.constantFrom('https://corp.awsapps.com/start', 'https://other.awsapps.com/start')),
        sso_region: optional(fc.constantFrom('us-east-1', 'eu-west-1')),
        sso_account_id: optional(fc.constant('123456789012')),
        sso_role_name: optional(fc.constant('ReadOnly')),
        credential_process: optional(fc.constant(processPath)),
        login_session: optional(fc.constant('arn:aws:iam::123456789012:user/me')),
        region: optional(fc.constant('us-west-2')),
      })
      .chain((record) =>
        fc
          .constantFrom<StaticKeyPlacement>(
            'none',
            'none',
            'config',
            'credentials',
            'id-only-config',
            'id-only-credentials',
            'split',
            'secret-only',
          )
          .map((staticKeys) => ({
            name,
            keys: Object.entries(record).filter((entry): entry is [string, string] => entry[1] !== null),
            staticKeys,
          })),
      );
  return fc.tuple(...PROFILE_SET_NAMES.map((name) => profileArb(name)));
}

/** The config and credentials files for a generated profile set, with one [sso-session corp]. */
export function renderProfileSet(profiles: readonly GeneratedProfile[]): { config: string; credentials: string } {
  const config: string[] = [
    '[sso-session corp]',
    'sso_start_url = https://corp.awsapps.com/start',
    'sso_region = us-east-1',
    '',
  ];
  const credentials: string[] = [];
  const id = 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE';
  const secret = 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
  for (const profile of profiles) {
    const configStatic =
      { config: [id, secret], 'id-only-config': [id], split: [id], 'secret-only': [secret] }[
        profile.staticKeys as string
      ] ?? [];
    const credentialsStatic =
      { credentials: [id, secret], 'id-only-credentials': [id], split: [secret] }[profile.staticKeys as string] ?? [];
    config.push(
      `[profile ${profile.name}]`,
      ...profile.keys.map(([key, value]) => `${key} = ${value}`),
      ...configStatic,
      '',
    );
    if (credentialsStatic.length > 0) credentials.push(`[${profile.name}]`, ...credentialsStatic, '');
  }
  return { config: config.join('\n'), credentials: credentials.join('\n') };
}
