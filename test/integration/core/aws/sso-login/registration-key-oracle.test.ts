// The registration cache file name must be the one AWS CLI v2 computes, or the CLI and the app
// register twice and overwrite each other's files. Oracle: the CLI's own code on this machine.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { registrationCacheKey } from '../../../../../electron/core/aws/sso-login/registration-cache';
import type { SsoSessionRef } from '../../../../../electron/core/aws/sso-login/sso-session-ref';

const CASES: SsoSessionRef[] = [
  {
    name: 'dev',
    legacy: false,
    startUrl: 'https://d-1234567890.awsapps.com/start',
    region: 'eu-west-1',
    registrationScopes: [],
  },
  {
    name: 'dev',
    legacy: false,
    startUrl: 'https://d-1234567890.awsapps.com/start',
    region: 'eu-west-1',
    registrationScopes: ['sso:account:access'],
  },
  {
    name: 'Équipe "prod"',
    legacy: false,
    startUrl: 'https://x.awsapps.com/start/#/',
    region: 'us-gov-west-1',
    registrationScopes: ['sso:account:access', 'codewhisperer:completions'],
  },
  {
    name: 'https://legacy.awsapps.com/start',
    legacy: true,
    startUrl: 'https://legacy.awsapps.com/start',
    region: 'us-east-1',
    registrationScopes: [],
  },
];

const ORACLE = `
import json, sys
from awscli.botocore.utils import SSOTokenFetcher
for case in json.load(sys.stdin):
    fetcher = SSOTokenFetcher(case['region'], None)
    print(fetcher._registration_cache_key(case['startUrl'], case['session'], case['scopes']))
`;

describe('registrationCacheKey', () => {
  it('equals the key AWS CLI v2 computes (awscli.botocore.utils.SSOTokenFetcher)', () => {
    const input = CASES.map((c) => ({
      region: c.region,
      startUrl: c.startUrl,
      session: c.legacy ? null : c.name,
      scopes: c.registrationScopes.length > 0 ? c.registrationScopes : null,
    }));
    // /usr/bin/python3 is the interpreter the Debian awscli package runs on.
    const expected = execFileSync('/usr/bin/python3', ['-c', ORACLE], {
      input: JSON.stringify(input),
      encoding: 'utf8',
    })
      .trim()
      .split('\n');
    expect(CASES.map(registrationCacheKey)).toEqual(expected);
    expect(new Set(expected).size).toBe(CASES.length);
  });
});
