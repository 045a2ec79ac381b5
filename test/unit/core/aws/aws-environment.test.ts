import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  emptyFileVariables,
  expandHome,
  resolveActiveProfile,
  resolveAwsPaths,
} from '../../../../electron/core/aws/aws-environment';

describe('resolveAwsPaths', () => {
  it('uses ~/.aws by default', () => {
    const paths = resolveAwsPaths({}, '/home/u');
    expect(paths).toEqual({
      configFile: join('/home/u', '.aws', 'config'),
      credentialsFile: join('/home/u', '.aws', 'credentials'),
      ssoCacheDir: join('/home/u', '.aws', 'sso', 'cache'),
      cliCacheDir: join('/home/u', '.aws', 'cli', 'cache'),
    });
  });

  it('honours AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE, expanding ~', () => {
    const paths = resolveAwsPaths(
      { AWS_CONFIG_FILE: '~/work/aws.cfg', AWS_SHARED_CREDENTIALS_FILE: '/etc/creds' },
      '/home/u',
    );
    expect(paths.configFile).toBe(join('/home/u', 'work', 'aws.cfg'));
    expect(paths.credentialsFile).toBe('/etc/creds');
    // The token cache does not move with the config file.
    expect(paths.ssoCacheDir).toBe(join('/home/u', '.aws', 'sso', 'cache'));
  });

  it('treats an empty variable as unset, as the JS SDK does, and warns that botocore does not', () => {
    expect(resolveAwsPaths({ AWS_CONFIG_FILE: '' }, '/h').configFile).toBe(join('/h', '.aws', 'config'));
    expect(expandHome('~', '/h')).toBe('/h');
    expect(emptyFileVariables({}, '/h')).toEqual([]);
    expect(emptyFileVariables({ AWS_CONFIG_FILE: '/x', AWS_SHARED_CREDENTIALS_FILE: '~/c' }, '/h')).toEqual([]);
    const both = emptyFileVariables({ AWS_CONFIG_FILE: '', AWS_SHARED_CREDENTIALS_FILE: '  ' }, '/h');
    expect(both.map((p) => p.severity)).toEqual(['warning', 'warning']);
    expect(both[0]?.message).toMatch(
      /^AWS_CONFIG_FILE is set but empty: the AWS CLI and botocore \(SkyPilot\) then read no config file at all/,
    );
    expect(both[0]?.message).toContain(join('/h', '.aws', 'config'));
    expect(both[1]?.message).toMatch(/^AWS_SHARED_CREDENTIALS_FILE is set but empty: .* no credentials file/);
  });
});

describe('resolveActiveProfile', () => {
  it('is default with no variables, and says nothing more', () => {
    expect(resolveActiveProfile({})).toEqual({ name: 'default', source: 'default', notes: [] });
  });

  it('follows AWS_PROFILE like the CLI, and all tools agree', () => {
    expect(resolveActiveProfile({ AWS_PROFILE: 'prod' })).toEqual({ name: 'prod', source: 'AWS_PROFILE', notes: [] });
  });

  it('warns that botocore prefers AWS_DEFAULT_PROFILE when both are set', () => {
    const active = resolveActiveProfile({ AWS_PROFILE: 'prod', AWS_DEFAULT_PROFILE: 'dev' });
    expect(active.name).toBe('prod');
    expect(active.notes).toHaveLength(1);
    expect(active.notes[0]).toMatch(/botocore.*"dev"/);
  });

  it('warns that the JS SDK ignores AWS_DEFAULT_PROFILE', () => {
    const active = resolveActiveProfile({ AWS_DEFAULT_PROFILE: 'dev' });
    expect(active).toMatchObject({ name: 'dev', source: 'AWS_DEFAULT_PROFILE' });
    expect(active.notes).toEqual([expect.stringMatching(/JavaScript.*"default"/)]);
  });
});
