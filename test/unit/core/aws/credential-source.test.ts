// A remembered STS answer is recalled only for the same credentials: the source's name changes
// whenever the credentials the profile resolves to change, and holds no secret.
import { describe, expect, it } from 'vitest';
import { parseAwsConfig } from '../../../../electron/core/aws/aws-config';
import { credentialSources } from '../../../../electron/core/aws/credential-source';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

function sources(configText: string, credentialsText = ''): Map<string, string> {
  const parsed = parseAwsConfig({
    configFile: '/home/u/.aws/config',
    credentialsFile: '/home/u/.aws/credentials',
    configText,
    credentialsText,
    activeProfile: 'default',
  });
  return credentialSources(parsed.profiles);
}

const KEYS = `[default]\naws_access_key_id = AKIAAAAAAAAAAAAAAAAA\naws_secret_access_key = ${SECRET}\n`;

describe('credentialSources', () => {
  it('names a static profile by its access key id, never by its secret', () => {
    const named = sources('', KEYS);
    expect(named.get('default')).toBe('static AKIAAAAAAAAAAAAAAAAA');
    expect(JSON.stringify([...named])).not.toContain(SECRET);
  });

  it('changes when the access key id changes', () => {
    const before = sources('', KEYS).get('default');
    const after = sources('', KEYS.replace('AKIAAAAAAAAAAAAAAAAA', 'AKIABBBBBBBBBBBBBBBB')).get('default');
    expect(after).not.toBe(before);
  });

  it('takes the credentials file key over the config file key, as botocore does', () => {
    const named = sources(
      `[default]\naws_access_key_id = AKIACONFIG0000000000\naws_secret_access_key = x\n`,
      `[default]\naws_access_key_id = AKIACREDENTIALS00000\naws_secret_access_key = y\n`,
    );
    expect(named.get('default')).toBe('static AKIACREDENTIALS00000');
  });

  it('names an SSO profile by start URL, account and role, with or without an sso-session', () => {
    const named = sources(
      [
        '[sso-session corp]',
        'sso_start_url = https://corp.awsapps.com/start',
        'sso_region = us-east-1',
        '[profile dev]',
        'sso_session = corp',
        'sso_account_id = 111122223333',
        'sso_role_name = Developer',
        '[profile legacy]',
        'sso_start_url = https://corp.awsapps.com/start',
        'sso_region = us-east-1',
        'sso_account_id = 111122223333',
        'sso_role_name = Admin',
      ].join('\n'),
    );
    expect(named.get('dev')).toBe('sso https://corp.awsapps.com/start 111122223333 Developer');
    expect(named.get('legacy')).toBe('sso https://corp.awsapps.com/start 111122223333 Admin');
  });

  it('names a role by its ARN, session name and the source it is assumed with', () => {
    const config = [
      '[profile ops]',
      'role_arn = arn:aws:iam::111122223333:role/Ops',
      'source_profile = default',
      '[profile chained]',
      'role_arn = arn:aws:iam::444455556666:role/Deep',
      'role_session_name = me',
      'source_profile = ops',
      '[profile ec2]',
      'role_arn = arn:aws:iam::111122223333:role/Ops',
      'credential_source = Ec2InstanceMetadata',
    ].join('\n');
    const named = sources(config, KEYS);
    expect(named.get('ops')).toBe('assume-role arn:aws:iam::111122223333:role/Ops <- static AKIAAAAAAAAAAAAAAAAA');
    expect(named.get('chained')).toBe(
      'assume-role arn:aws:iam::444455556666:role/Deep session=me <- assume-role arn:aws:iam::111122223333:role/Ops <- static AKIAAAAAAAAAAAAAAAAA',
    );
    expect(named.get('ec2')).toBe(
      'assume-role arn:aws:iam::111122223333:role/Ops <- credential_source Ec2InstanceMetadata',
    );
    // Another source key: another role session, another name.
    const rekeyed = sources(config, KEYS.replace('AKIAAAAAAAAAAAAAAAAA', 'AKIABBBBBBBBBBBBBBBB'));
    expect(rekeyed.get('ops')).not.toBe(named.get('ops'));
    expect(rekeyed.get('chained')).not.toBe(named.get('chained'));
  });

  it('names credential_process by a digest of the command, which may carry a secret', () => {
    const named = sources(`[profile p]\ncredential_process = /bin/get-creds --token ${SECRET}\n`);
    expect(named.get('p')).toMatch(/^process [0-9a-f]{64}$/);
    expect(named.get('p')).not.toContain(SECRET);
    const other = sources(`[profile p]\ncredential_process = /bin/get-creds --token other\n`);
    expect(other.get('p')).not.toBe(named.get('p'));
  });

  it('names nothing it cannot tell apart: a role loop, a missing source, an empty profile', () => {
    const named = sources(
      [
        '[profile a]',
        'role_arn = arn:aws:iam::111122223333:role/A',
        'source_profile = b',
        '[profile b]',
        'role_arn = arn:aws:iam::111122223333:role/B',
        'source_profile = a',
        '[profile orphan]',
        'role_arn = arn:aws:iam::111122223333:role/O',
        'source_profile = nowhere',
        '[profile empty]',
        'region = us-east-1',
      ].join('\n'),
    );
    expect(named.has('a')).toBe(false);
    expect(named.has('b')).toBe(false);
    expect(named.has('orphan')).toBe(false);
    expect(named.has('empty')).toBe(false);
  });
});
