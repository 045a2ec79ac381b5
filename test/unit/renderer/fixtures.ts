import type { AwsProfile } from '../../../electron/shared/model';

export function profile(overrides: Partial<AwsProfile> & { name: string }): AwsProfile {
  return {
    kind: 'static',
    active: false,
    source: { file: '/home/u/.aws/config', line: 1 },
    sources: [],
    ssoSession: null,
    accountId: null,
    roleName: null,
    roleArn: null,
    sourceProfile: null,
    credentialSource: null,
    region: null,
    status: 'long-lived',
    expiresAt: null,
    problems: [],
    identity: null,
    lastCheck: null,
    ...overrides,
  };
}
