import { describe, expect, it } from 'vitest';
import { skyIdentityProblems } from '../../../../electron/core/sky/sky-identity-problems';
import type { GcpState } from '../../../../electron/shared/gcp-model';
import { makeProfile, makeSnapshot, minutesFrom } from '../../../support/snapshot-factory';

function gcloud(status: GcpState['accounts'][number]['status'], tokenExpiresAt: string | null): GcpState {
  return {
    configDir: '/home/u/.config/gcloud',
    activeConfiguration: 'default',
    configurations: [
      { name: 'default', active: true, account: 'me@example.com', project: 'ml-dev', region: null, zone: null },
    ],
    accounts: [{ account: 'me@example.com', type: 'authorized_user', tokenExpiresAt, status }],
    adc: null,
    googleApplicationCredentials: null,
    keys: [],
    overrides: [],
    problems: [],
  };
}

const messages = (...args: Parameters<typeof skyIdentityProblems>): string[] =>
  skyIdentityProblems(...args).map((p) => p.message);

describe('skyIdentityProblems', () => {
  it('says when the profile SkyPilot would use ends within the lead time, or has ended, and nothing when it is fine', () => {
    const expiring = makeSnapshot({
      leadTimeMinutes: 60,
      profiles: [makeProfile({ name: 'dev', status: 'expiring', expiresAt: minutesFrom(30) })],
    });
    expect(messages(expiring, { AWS_PROFILE: 'dev' })).toEqual([
      'AWS profile "dev", which SkyPilot would use, expires at 2026-11-26 12:30 UTC, within the 60-minute lead time',
    ]);
    const expired = makeSnapshot({
      profiles: [makeProfile({ name: 'dev', status: 'expired', expiresAt: minutesFrom(-5) })],
    });
    expect(messages(expired, { AWS_DEFAULT_PROFILE: 'dev', AWS_PROFILE: 'other' })).toEqual([
      'AWS profile "dev", which SkyPilot would use, expired at 2026-11-26 11:55 UTC',
    ]);
    // Another profile's status is not SkyPilot's concern.
    expect(messages(expired, { AWS_PROFILE: 'default' })).toEqual([
      `SkyPilot would use AWS profile "default", which is not in /home/u/.aws/config or /home/u/.aws/credentials`,
    ]);
    // Keys in the environment come first: no profile is used.
    expect(messages(expired, { AWS_PROFILE: 'dev', AWS_ACCESS_KEY_ID: 'AKIA', AWS_SECRET_ACCESS_KEY: 's' })).toEqual(
      [],
    );
    const fine = makeSnapshot({
      profiles: [makeProfile({ name: 'dev', status: 'valid', expiresAt: minutesFrom(300) })],
    });
    expect(messages(fine, { AWS_PROFILE: 'dev' })).toEqual([]);
  });

  it("judges the active workspace's profile, which beats AWS_PROFILE and keys in the environment", () => {
    const expired = makeSnapshot({
      profiles: [makeProfile({ name: 'dev', status: 'expired', expiresAt: minutesFrom(-5) })],
    });
    const workspace = {
      name: 'team-a',
      setIn: '/home/u/.sky/config.yaml',
      definedIn: '/home/u/.sky/config.yaml',
      gcpProjectId: null,
      projectConfigFile: null,
    };
    const inWorkspace = (awsProfile: string) => ({ ...expired, sky: { workspace: { ...workspace, awsProfile } } });
    const env = { AWS_PROFILE: 'other', AWS_ACCESS_KEY_ID: 'AKIA', AWS_SECRET_ACCESS_KEY: 's' };
    expect(messages(inWorkspace('dev'), env)).toEqual([
      'AWS profile "dev", which SkyPilot would use, expired at 2026-11-26 11:55 UTC',
    ]);
    expect(messages(inWorkspace('team-a-profile'), env)).toEqual([
      'SkyPilot would use AWS profile "team-a-profile" (workspace team-a sets it), which is not in /home/u/.aws/config or /home/u/.aws/credentials',
    ]);
  });

  it("says the same of gcloud's active account", () => {
    const base = makeSnapshot({
      leadTimeMinutes: 20,
      profiles: [makeProfile({ name: 'default', status: 'long-lived' })],
    });
    expect(messages({ ...base, gcp: gcloud('expiring', '2026-11-26T12:10:00.000Z') }, {})).toEqual([
      'gcloud account me@example.com, which SkyPilot would use, expires at 2026-11-26 12:10 UTC, within the 20-minute lead time',
    ]);
    expect(messages({ ...base, gcp: gcloud('valid', null) }, {})).toEqual([]);
    expect(messages({ ...base, gcp: null }, {})).toEqual([]);
  });
});
