import { describe, expect, it } from 'vitest';
import {
  compareProfileNames,
  parseAwsConfig,
  type ParsedAwsConfig,
  type ParsedAwsProfile,
} from '../../../../electron/core/aws/aws-config';

const CONFIG = '/home/u/.aws/config';
const CREDENTIALS = '/home/u/.aws/credentials';

function parse(
  configText: string | null,
  credentialsText: string | null = null,
  activeProfile = 'default',
): ParsedAwsConfig {
  return parseAwsConfig({
    configFile: CONFIG,
    credentialsFile: CREDENTIALS,
    configText,
    credentialsText,
    activeProfile,
  });
}

function profile(parsed: ParsedAwsConfig, name: string): ParsedAwsProfile {
  const found = parsed.profiles.find((p) => p.name === name);
  if (found === undefined) throw new Error(`no profile ${name} in ${parsed.profiles.map((p) => p.name).join(', ')}`);
  return found;
}

const errors = (p: ParsedAwsProfile): string[] =>
  p.problems.filter((x) => x.severity === 'error').map((x) => x.message);
const SSO_SESSION = '[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n';

describe('parseAwsConfig: names and merging', () => {
  it('merges config and credentials; credentials values win; sources list both files', () => {
    const parsed = parse(
      '[profile dev]\nregion = eu-west-1\nrole_arn = arn:aws:iam::111111111111:role/Old\n',
      '[dev]\nrole_arn = arn:aws:iam::222222222222:role/New\naws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = s3cr3t\n',
    );
    const dev = profile(parsed, 'dev');
    expect(dev.region).toBe('eu-west-1');
    expect(dev.roleArn).toBe('arn:aws:iam::222222222222:role/New');
    expect(dev.source).toEqual({ file: CONFIG, line: 1 });
    expect(dev.sources).toEqual([
      { file: CONFIG, line: 1 },
      { file: CREDENTIALS, line: 1 },
    ]);
  });

  it('reads profiles only from [profile NAME] and [default] in the config file, and says why [NAME] is ignored', () => {
    const parsed = parse(
      '[dev]\nregion = x\n[profile prod]\nregion = y\n[default]\nregion = z\n[services local]\ns3 =\n  endpoint_url = http://127.0.0.1:9000\n',
    );
    expect(parsed.profiles.map((p) => p.name)).toEqual(['default', 'prod']);
    expect(parsed.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        file: CONFIG,
        line: 1,
        message: expect.stringContaining('[profile NAME]'),
      }),
    ]);
  });

  it('explains a typed header the JS SDK cannot read (spaces in the name)', () => {
    const parsed = parse('[profile "my team"]\nregion = x\n');
    expect(parsed.profiles).toEqual([]);
    expect(parsed.problems[0]?.message).toContain(
      'is ignored by the AWS SDK for JavaScript: after "profile" it wants one space and a name',
    );
  });

  it('uses [profile default] over [default] (as the JS SDK does) and warns', () => {
    const parsed = parse('[default]\nregion = a\noutput = json\n[profile default]\nregion = b\n');
    expect(profile(parsed, 'default').region).toBe('b');
    expect(profile(parsed, 'default').sources).toEqual([{ file: CONFIG, line: 4 }]);
    expect(parsed.problems[0]?.message).toContain('[default] is ignored because [profile default]');
  });

  it('names credentials-file sections literally, and warns about [profile x] there', () => {
    const parsed = parse(null, '[profile dev]\naws_access_key_id = AKIA\naws_secret_access_key = s\n');
    expect(parsed.profiles.map((p) => p.name)).toEqual(['profile.dev']);
    expect(parsed.profiles[0]?.problems[0]?.message).toContain('the credentials file uses bare [NAME] headers');
  });

  it('warns that botocore ignores [profile.NAME] which the JS SDK reads', () => {
    const parsed = parse('[profile.dev]\ncredential_process = /bin/true\n');
    expect(profile(parsed, 'dev').problems[0]?.message).toContain('ignored by botocore');
  });

  it('lists empty sections as profiles with a warning', () => {
    const parsed = parse('[profile empty]\n');
    expect(profile(parsed, 'empty').kind).toBe('unknown');
    expect(profile(parsed, 'empty').problems[0]?.message).toContain('is empty');
  });

  it('sorts default first, then by name ignoring case', () => {
    const parsed = parse(
      '[profile b]\nregion = x\n[profile A]\nregion = x\n[profile a]\nregion = x\n[default]\nregion = x\n[profile C]\nregion = x\n',
    );
    expect(parsed.profiles.map((p) => p.name)).toEqual(['default', 'A', 'a', 'b', 'C']);
    expect(['b', 'C', 'a', 'default', 'A'].sort(compareProfileNames)).toEqual(['default', 'A', 'a', 'b', 'C']);
  });

  it('reads nothing from a missing file and everything from the other', () => {
    const parsed = parse(null, '[default]\naws_access_key_id = AKIA\naws_secret_access_key = s\n');
    expect(parsed.profiles.map((p) => [p.name, p.kind])).toEqual([['default', 'static']]);
    expect(parsed.problems).toEqual([]);
  });

  it('handles CRLF, tabs, comments and sub-sections in a realistic config', () => {
    const text = [
      '# my config',
      '[default]',
      'region\t=\tus-east-1',
      's3 =',
      '  addressing_style = path',
      '',
      '[profile dev] ; dev account',
      'sso_session = corp',
      'sso_account_id = 123456789012',
      'sso_role_name = Admin',
      SSO_SESSION.trimEnd(),
    ].join('\r\n');
    const parsed = parse(text);
    expect(profile(parsed, 'default').region).toBe('us-east-1');
    const dev = profile(parsed, 'dev');
    expect(dev).toMatchObject({
      kind: 'sso',
      ssoSessionName: 'corp',
      ssoStartUrl: 'https://corp.awsapps.com/start',
      ssoRegion: 'us-east-1',
      accountId: '123456789012',
      roleName: 'Admin',
      source: { file: CONFIG, line: 7 },
    });
    expect(dev.problems).toEqual([]);
  });
});

describe('parseAwsConfig: kinds, in botocore precedence', () => {
  const kindOf = (config: string, credentials: string | null = null): string =>
    profile(parse(config, credentials), 'p').kind;

  it('recognises each kind', () => {
    expect(
      kindOf(`[profile p]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = R\n${SSO_SESSION}`),
    ).toBe('sso');
    expect(
      kindOf(
        '[profile p]\nsso_start_url = https://x.awsapps.com/start\nsso_region = us-east-1\nsso_account_id = 123456789012\nsso_role_name = R\n',
      ),
    ).toBe('sso-legacy');
    expect(kindOf('[profile p]\naws_access_key_id = AKIA\naws_secret_access_key = s\n')).toBe('static');
    expect(kindOf('[profile p]\nrole_arn = arn:aws:iam::123456789012:role/R\ncredential_source = Environment\n')).toBe(
      'assume-role',
    );
    expect(
      kindOf('[profile p]\nrole_arn = arn:aws:iam::123456789012:role/R\nweb_identity_token_file = /var/run/token\n'),
    ).toBe('web-identity');
    expect(kindOf('[profile p]\ncredential_process = /usr/bin/cred\n')).toBe('process');
    expect(kindOf('[profile p]\nlogin_session = arn:aws:iam::123456789012:user/me\n')).toBe('login');
    expect(kindOf('[profile p]\nregion = us-east-1\n')).toBe('unknown');
  });

  it('role_arn wins over static keys, SSO and process', () => {
    expect(
      kindOf(
        '[profile p]\nrole_arn = arn:aws:iam::123456789012:role/R\nsource_profile = p\naws_access_key_id = AKIA\naws_secret_access_key = s\ncredential_process = x\n',
      ),
    ).toBe('assume-role');
  });

  it('SSO account/role wins over static keys in the credentials file', () => {
    expect(
      kindOf(
        '[profile p]\nsso_start_url = https://x/start\nsso_region = us-east-1\nsso_account_id = 123456789012\nsso_role_name = R\n',
        '[p]\naws_access_key_id = AKIA\naws_secret_access_key = s\n',
      ),
    ).toBe('sso-legacy');
  });

  it('static keys in the credentials file win over credential_process; in the config file they lose to it', () => {
    expect(
      kindOf(
        '[profile p]\ncredential_process = /bin/cred\n',
        '[p]\naws_access_key_id = AKIA\naws_secret_access_key = s\n',
      ),
    ).toBe('static');
    expect(
      kindOf('[profile p]\ncredential_process = /bin/cred\naws_access_key_id = AKIA\naws_secret_access_key = s\n'),
    ).toBe('process');
  });

  it('login_session wins over credential_process', () => {
    expect(
      kindOf('[profile p]\ncredential_process = /bin/cred\nlogin_session = arn:aws:iam::123456789012:user/me\n'),
    ).toBe('login');
  });

  it('a profile with only sso_session is an SSO profile that gives no credentials (warning)', () => {
    const p = profile(parse(`[profile p]\nsso_session = corp\n${SSO_SESSION}`), 'p');
    expect(p.kind).toBe('sso');
    expect(p.problems.map((x) => x.severity)).toEqual(['warning']);
    expect(p.problems[0]?.message).toContain('gives no AWS credentials');
  });

  it('static keys outrank a token-only SSO profile', () => {
    expect(
      kindOf(`[profile p]\nsso_session = corp\naws_access_key_id = AKIA\naws_secret_access_key = s\n${SSO_SESSION}`),
    ).toBe('static');
  });
});

describe('parseAwsConfig: problems, each with file and line', () => {
  it('both source_profile and credential_source', () => {
    const p = profile(
      parse(
        '[profile base]\naws_access_key_id = A\naws_secret_access_key = s\n[profile p]\nrole_arn = arn:aws:iam::123456789012:role/R\nsource_profile = base\ncredential_source = Environment\n',
      ),
      'p',
    );
    expect(p.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: CONFIG,
        line: 7,
        message: expect.stringContaining('both source_profile and credential_source'),
      }),
    ]);
  });

  it('role_arn with neither source', () => {
    const p = profile(parse('[profile p]\nrole_arn = arn:aws:iam::123456789012:role/R\n'), 'p');
    expect(errors(p)[0]).toContain('neither source_profile nor credential_source');
  });

  it('an unknown credential_source', () => {
    const p = profile(
      parse('[profile p]\nrole_arn = arn:aws:iam::123456789012:role/R\ncredential_source = Laptop\n'),
      'p',
    );
    expect(p.problems[0]).toMatchObject({ severity: 'error', line: 3 });
  });

  it('a source_profile that does not exist', () => {
    const p = profile(parse('[profile p]\nrole_arn = arn:aws:iam::123456789012:role/R\nsource_profile = nope\n'), 'p');
    expect(p.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        line: 3,
        message: `profile "p" cannot get credentials: source_profile "nope" does not exist in ${CONFIG} or ${CREDENTIALS}`,
      }),
    ]);
  });

  it('a source_profile loop, reported on every profile in it; others stay clean', () => {
    const parsed = parse(
      '[profile a]\nrole_arn = arn:aws:iam::123456789012:role/A\nsource_profile = b\n[profile b]\nrole_arn = arn:aws:iam::123456789012:role/B\nsource_profile = a\n[profile ok]\ncredential_process = /bin/cred\n',
    );
    expect(errors(profile(parsed, 'a'))).toEqual([
      'profile "a" cannot get credentials: source_profile loops: a → b → a',
    ]);
    expect(errors(profile(parsed, 'b'))).toEqual([
      'profile "b" cannot get credentials: source_profile loops: b → a → b',
    ]);
    expect(profile(parsed, 'ok').problems).toEqual([]);
  });

  it('a profile may name itself as source_profile only when it has static keys (as botocore allows)', () => {
    const withKeys = profile(
      parse(
        '[profile p]\nrole_arn = arn:aws:iam::123456789012:role/R\nsource_profile = p\naws_access_key_id = A\naws_secret_access_key = s\n',
      ),
      'p',
    );
    expect(withKeys.problems).toEqual([]);
    const without = profile(
      parse('[profile p]\nrole_arn = arn:aws:iam::123456789012:role/R\nsource_profile = p\n'),
      'p',
    );
    expect(errors(without)[0]).toContain('loops: p → p');
  });

  it('a chain through a role profile with static keys ends there (no loop)', () => {
    const parsed = parse(
      '[profile a]\nrole_arn = arn:aws:iam::123456789012:role/A\nsource_profile = b\n[profile b]\nrole_arn = arn:aws:iam::123456789012:role/B\nsource_profile = a\naws_access_key_id = K\naws_secret_access_key = s\n',
    );
    expect(profile(parsed, 'a').problems).toEqual([]);
    // b itself loops (b → a → b): as its own profile botocore assumes b's role and goes round.
    expect(errors(profile(parsed, 'b'))).toEqual([
      'profile "b" cannot get credentials: source_profile loops: b → a → b',
    ]);
  });

  it('an error anywhere in the source chain breaks the profile (botocore resolves the chain on load)', () => {
    const parsed = parse(
      '[profile a]\nrole_arn = arn:aws:iam::123456789012:role/A\nsource_profile = b\n[profile b]\nrole_arn = arn:aws:iam::123456789012:role/B\nsource_profile = c\n[profile c]\naws_access_key_id = AKIA\n',
    );
    expect(errors(profile(parsed, 'c'))).toEqual(['profile "c" has aws_access_key_id but no aws_secret_access_key']);
    expect(errors(profile(parsed, 'a'))).toEqual([
      'profile "a" cannot get credentials: its source_profile "c" has an error: profile "c" has aws_access_key_id but no aws_secret_access_key',
    ]);
    expect(profile(parsed, 'a').problems[0]).toMatchObject({ file: CONFIG, line: 3 });
    const deepMissing = parse(
      '[profile a]\nrole_arn = arn:aws:iam::123456789012:role/A\nsource_profile = b\n[profile b]\nrole_arn = arn:aws:iam::123456789012:role/B\nsource_profile = gone\n',
    );
    expect(errors(profile(deepMissing, 'a'))).toEqual([
      `profile "a" cannot get credentials: source_profile "gone" (via a → b) does not exist in ${CONFIG} or ${CREDENTIALS}`,
    ]);
    const tokenOnly = parse(
      `[profile a]\nrole_arn = arn:aws:iam::123456789012:role/A\nsource_profile = t\n[profile t]\nsso_session = corp\n${SSO_SESSION}`,
    );
    expect(errors(profile(tokenOnly, 'a'))[0]).toContain('source_profile "t" has no credentials of its own');
  });

  it('a source_profile with no credentials', () => {
    const p = profile(
      parse(
        '[profile base]\nregion = us-east-1\n[profile p]\nrole_arn = arn:aws:iam::123456789012:role/R\nsource_profile = base\n',
      ),
      'p',
    );
    expect(errors(p)[0]).toContain('has no credentials of its own');
  });

  it('an sso_session naming a missing [sso-session]', () => {
    const p = profile(
      parse('[profile p]\nsso_session = nope\nsso_account_id = 123456789012\nsso_role_name = R\n'),
      'p',
    );
    expect(p.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        line: 2,
        message: expect.stringContaining('names no [sso-session nope] section'),
      }),
    ]);
  });

  it('sso_region and sso_start_url differing between profile and sso-session', () => {
    const p = profile(
      parse(
        `[profile p]\nsso_session = corp\nsso_region = eu-west-1\nsso_start_url = https://corp.awsapps.com/start\nsso_account_id = 123456789012\nsso_role_name = R\n${SSO_SESSION}`,
      ),
      'p',
    );
    expect(p.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        line: 3,
        message: expect.stringContaining(
          'sso_region of profile "p" is "eu-west-1" but its sso-session "corp" says "us-east-1"',
        ),
      }),
    ]);
    expect(p.ssoRegion).toBe('us-east-1');
  });

  it('an SSO profile missing sso_account_id or sso_role_name', () => {
    const p = profile(parse(`[profile p]\nsso_session = corp\nsso_account_id = 123456789012\n${SSO_SESSION}`), 'p');
    expect(errors(p)).toEqual(['profile "p" uses SSO but is missing sso_role_name (here or in its sso-session)']);
    const legacy = profile(parse('[profile p]\nsso_start_url = https://x/start\nsso_role_name = R\n'), 'p');
    expect(errors(legacy)).toEqual(['profile "p" uses SSO but is missing sso_region, sso_account_id']);
  });

  it('a malformed role_arn', () => {
    const p = profile(
      parse('[profile p]\nrole_arn = arn:aws:iam::12345:role/R\ncredential_source = Environment\n'),
      'p',
    );
    expect(p.problems).toEqual([
      expect.objectContaining({ severity: 'error', line: 2, message: expect.stringContaining('is not a role ARN') }),
    ]);
    const ok = profile(
      parse(
        '[profile p]\nrole_arn = arn:aws-us-gov:iam::123456789012:role/path/to/My+Role=,.@-x\ncredential_source = Environment\n',
      ),
      'p',
    );
    expect(ok.problems).toEqual([]);
  });

  it('web_identity_token_file without role_arn', () => {
    const p = profile(parse('[profile p]\nweb_identity_token_file = /t\n'), 'p');
    expect(errors(p)[0]).toContain('no role_arn');
  });

  it('an access key without its secret', () => {
    const p = profile(parse(null, '[p]\naws_access_key_id = AKIA\n'), 'p');
    expect(p.problems).toEqual([expect.objectContaining({ severity: 'error', file: CREDENTIALS, line: 2 })]);
  });

  it('a key pair split across the two files (each botocore provider reads one file)', () => {
    const p = profile(parse('[profile p]\naws_access_key_id = AKIA\n', '[p]\naws_secret_access_key = s\n'), 'p');
    expect(errors(p)).toEqual([
      'profile "p" has aws_access_key_id but no aws_secret_access_key in the same file (it is in the other one)',
    ]);
  });

  it('a role sourcing itself with only a secret key has no credentials', () => {
    const p = profile(
      parse(
        '[profile p]\nrole_arn = arn:aws:iam::123456789012:role/R\nsource_profile = p\naws_secret_access_key = s\n',
      ),
      'p',
    );
    expect(errors(p)).toEqual([
      'profile "p" cannot get credentials: source_profile "p" has no credentials of its own (no access key, SSO account and role, process, web identity or login)',
    ]);
  });

  it('a profile with nothing usable', () => {
    const p = profile(parse('[profile p]\nregion = us-east-1\noutput = json\n'), 'p');
    expect(p.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        file: CONFIG,
        line: 1,
        message: expect.stringContaining('has no credentials of its own'),
      }),
    ]);
  });

  it('keys botocore reads but the JS SDK does not (odd case), and inline comments botocore keeps', () => {
    const p = profile(parse('[profile p]\nCredential_Process = /bin/cred\nregion = us-east-1 # home\n'), 'p');
    const messages = p.problems.map((x) => x.message);
    expect(messages).toContainEqual(
      expect.stringContaining('"Credential_Process" in profile "p" is read as credential_process by botocore'),
    );
    expect(messages).toContainEqual(expect.stringContaining('region in profile "p" has a comment after its value'));
    expect(p.region).toBe('us-east-1');
  });

  it('INI problems land on the profile whose section holds the line', () => {
    const parsed = parse(
      '[profile p]\ncredential_process = x\nregion = a\nregion = b\n[profile q]\ncredential_process = y\n',
    );
    expect(profile(parsed, 'p').problems).toEqual([
      expect.objectContaining({ line: 4, file: CONFIG, message: expect.stringContaining('is set again') }),
    ]);
    expect(profile(parsed, 'q').problems).toEqual([]);
  });

  it('one broken profile never hides the others', () => {
    const parsed = parse(
      '[profile broken]\nrole_arn = nonsense\nsource_profile = broken\nthis line is junk\n[profile fine]\ncredential_process = /bin/cred\n[profile\n',
    );
    expect(parsed.profiles.map((p) => p.name)).toEqual(['broken', 'fine']);
    expect(profile(parsed, 'fine').kind).toBe('process');
    // The stray "[profile" line sits inside fine's section, so its problem is fine's.
    expect(profile(parsed, 'fine').problems).toEqual([
      expect.objectContaining({ line: 7, message: expect.stringContaining('no closing "]"') }),
    ]);
    expect(errors(profile(parsed, 'broken')).length).toBeGreaterThan(1);
  });

  it('an active profile that does not exist is a state-level problem', () => {
    const parsed = parse('[profile dev]\nregion = x\n', null, 'prod');
    expect(parsed.problems).toEqual([
      { severity: 'error', message: `profile "prod" does not exist in ${CONFIG} or ${CREDENTIALS}` },
    ]);
    expect(parse('[profile dev]\ncredential_process = x\n', null, 'dev').problems).toEqual([]);
  });

  it('says nothing of a missing default when there is no profile at all (a GCP-only user)', () => {
    expect(parse('', null, 'default').problems).toEqual([]);
    expect(parse('', null, 'prod').problems).toEqual([
      { severity: 'error', message: `profile "prod" does not exist in ${CONFIG} or ${CREDENTIALS}` },
    ]);
  });
});

describe('parseAwsConfig: SSO sessions', () => {
  it('lists [sso-session] sections, used or not, with their profiles and scopes', () => {
    const parsed = parse(
      `[profile a]\nsso_session = corp\nsso_account_id = 111111111111\nsso_role_name = R\n[profile b]\nsso_session = corp\nsso_account_id = 222222222222\nsso_role_name = R\n${SSO_SESSION}sso_registration_scopes = sso:account:access, , codewhisperer:completions\n[sso-session unused]\nsso_start_url = https://other/start\nsso_region = eu-west-1\n`,
    );
    expect(
      parsed.ssoSessions.map((s) => ({
        name: s.name,
        legacy: s.legacy,
        profiles: s.profiles,
        scopes: s.registrationScopes,
        line: s.source?.line,
      })),
    ).toEqual([
      {
        name: 'corp',
        legacy: false,
        profiles: ['a', 'b'],
        scopes: ['sso:account:access', 'codewhisperer:completions'],
        line: 9,
      },
      { name: 'unused', legacy: false, profiles: [], scopes: [], line: 13 },
    ]);
  });

  it('names legacy sessions by their start URL exactly as written', () => {
    const parsed = parse(
      '[profile x]\nsso_start_url = https://old.awsapps.com/start/\nsso_region = us-east-2\nsso_account_id = 123456789012\nsso_role_name = R\n[profile y]\nsso_start_url = https://old.awsapps.com/start/\nsso_region = us-east-2\nsso_account_id = 210987654321\nsso_role_name = R\n',
    );
    expect(parsed.ssoSessions).toEqual([
      {
        name: 'https://old.awsapps.com/start/',
        legacy: true,
        startUrl: 'https://old.awsapps.com/start/',
        region: 'us-east-2',
        registrationScopes: [],
        source: { file: CONFIG, line: 1 },
        profiles: ['x', 'y'],
        problems: [],
      },
    ]);
  });

  it('reports an [sso-session] without start URL or region', () => {
    const parsed = parse('[sso-session half]\nsso_region = us-east-1\n');
    expect(parsed.ssoSessions[0]?.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: CONFIG,
        line: 1,
        message: expect.stringContaining('missing sso_start_url'),
      }),
    ]);
  });
});

describe('parseAwsConfig never carries secrets', () => {
  it('keeps only presence flags for secret keys and session tokens', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const token = 'IQoJb3JpZ2luX2VjEXAMPLETOKEN';
    const parsed = parse(
      `[profile p]\naws_secret_access_key = ${secret}\naws_secret_access_key = ${secret}2\n`,
      `[p]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${secret} # why\naws_session_token = ${token}\nAWS_SESSION_TOKEN = ${token}\n[q]\naws_secret_access_key = ${secret}\n`,
    );
    const p = profile(parsed, 'p');
    expect(p).toMatchObject({ kind: 'static', hasStaticKeys: true, hasSessionToken: true });
    // Even a secret misplaced in an sso-session and in a profile is never quoted.
    const misplaced = parse(
      `[profile s]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = R\naws_session_token = ${token}A\n${SSO_SESSION}aws_session_token = ${token}B\n`,
    );
    expect(JSON.stringify(misplaced)).not.toContain(token);
    expect(errors(profile(misplaced, 's'))).toEqual([
      'aws_session_token of profile "s" is a different value: botocore refuses the profile (remove it from the profile)',
    ]);
    const json = JSON.stringify(parsed);
    expect(json).not.toContain(secret);
    expect(json).not.toContain(token);
  });
});
