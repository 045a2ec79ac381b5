import { describe, expect, it } from 'vitest';
import { nestedValue, topLevelValue } from '../../../electron/core/sky/sky-config';
import { shellQuote } from '../../../electron/core/sky/sky-fix';
import { cloudFromOwner, parseOwner, splitGcpIdentity } from '../../../electron/core/sky/sky-owner';

describe("SkyPilot's config.yaml", () => {
  const yaml = [
    'allowed_clouds:',
    '  - aws',
    'active_workspace: "research"   # team A',
    'api_server:',
    '  # the team server',
    "  endpoint: 'https://sky.example.com'",
    'workspaces:',
    '  research:',
    '    aws:',
    '      profile: research',
    '',
  ].join('\n');

  it('reads a top-level scalar and one nested under a top-level block, quotes and comments removed', () => {
    expect(topLevelValue(yaml, 'active_workspace')).toBe('research');
    expect(nestedValue(yaml, 'api_server', 'endpoint')).toBe('https://sky.example.com');
  });

  it('does not take a nested key for a top-level one, nor a key from another block', () => {
    expect(topLevelValue(yaml, 'profile')).toBeNull();
    expect(nestedValue(yaml, 'workspaces', 'endpoint')).toBeNull();
    expect(nestedValue('api_server:\n  endpoint:\n', 'api_server', 'endpoint')).toBeNull();
  });
});

describe('owner shapes', () => {
  it('tells AWS, GCP and Azure owners apart and says nothing about others', () => {
    expect(cloudFromOwner(['AROAEXAMPLEROLE00001:alice@example.com', '111122223333'])).toBe('aws');
    expect(cloudFromOwner(['111122223333', '111122223333'])).toBe('aws');
    expect(cloudFromOwner(['me@example.com [project_id=p-1]'])).toBe('gcp');
    expect(cloudFromOwner(['me@example.com [subscription_id=0000-1111]'])).toBe('azure');
    expect(cloudFromOwner(['my-kube-context'])).toBeNull();
    expect(cloudFromOwner([])).toBeNull();
    expect(cloudFromOwner(null)).toBeNull();
  });

  it('parses owner text the way _load_owner does', () => {
    expect(parseOwner('["a", "b"]').identity).toEqual(['a', 'b']);
    expect(parseOwner('AIDA-not-json').identity).toEqual(['AIDA-not-json']);
    expect(parseOwner('{"k": 1}').identity).toEqual(['{"k": 1}']);
    expect(parseOwner('null').identity).toBeNull();
    expect(parseOwner('[]').identity).toEqual([]);
  });

  it('splits a GCP identity, cleaning what gcloud left in it', () => {
    expect(splitGcpIdentity('me@example.com [project_id=p-1]\n')).toEqual({ account: 'me@example.com', project: 'p-1' });
    expect(splitGcpIdentity('me@example.com')).toBeNull();
  });
});

describe('shellQuote', () => {
  it('leaves safe words bare and single-quotes the rest', () => {
    expect(shellQuote('prod-admin@acme')).toBe('prod-admin@acme');
    expect(shellQuote('my profile')).toBe("'my profile'");
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('$(rm -rf ~)')).toBe("'$(rm -rf ~)'");
  });
});
