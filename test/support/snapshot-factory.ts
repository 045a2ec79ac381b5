// Small, valid Snapshots for pure tests (notification plan, tray model, ...): say only what a test
// is about and get sensible defaults for the rest.
import type { AwsProfile, AwsState, Snapshot, SsoSession } from '../../electron/shared/model';

export const FACTORY_NOW = Date.parse('2026-11-26T12:00:00Z');

/** An ISO instant `minutes` from `from` (default FACTORY_NOW). */
export const minutesFrom = (minutes: number, from = FACTORY_NOW): string =>
  new Date(from + minutes * 60_000).toISOString();

export function makeSession(overrides: Partial<SsoSession> & { name: string }): SsoSession {
  const legacy = overrides.legacy ?? false;
  return {
    legacy,
    startUrl: legacy ? overrides.name : 'https://d-1234567890.awsapps.com/start',
    region: 'eu-west-1',
    registrationScopes: ['sso:account:access'],
    source: { file: '/home/u/.aws/config', line: 1 },
    status: 'valid',
    expiresAt: minutesFrom(8 * 60),
    refreshable: false,
    registrationExpiresAt: null,
    cacheFile: `/home/u/.aws/sso/cache/${overrides.name.length}.json`,
    profiles: [],
    problems: [],
    ...overrides,
  };
}

export function makeProfile(overrides: Partial<AwsProfile> & { name: string }): AwsProfile {
  return {
    kind: 'static',
    active: false,
    source: { file: '/home/u/.aws/credentials', line: 1 },
    sources: [{ file: '/home/u/.aws/credentials', line: 1 }],
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

/** A profile on an sso-session (or, with `legacy`, on a start URL). */
export function makeSsoProfile(name: string, session: string, overrides: Partial<AwsProfile> = {}): AwsProfile {
  return makeProfile({
    name,
    kind: 'sso',
    ssoSession: session,
    accountId: '123456789012',
    roleName: 'Admin',
    status: 'valid',
    ...overrides,
  });
}

export interface SnapshotSpec {
  sessions?: SsoSession[];
  profiles?: AwsProfile[];
  /** Default: the first profile, or `default`. Marks that profile active. */
  activeProfile?: string;
  leadTimeMinutes?: number;
  generatedAt?: number;
  aws?: Partial<AwsState>;
}

export function makeSnapshot(spec: SnapshotSpec = {}): Snapshot {
  const profiles = spec.profiles ?? [];
  const activeProfile = spec.activeProfile ?? profiles[0]?.name ?? 'default';
  return {
    version: 1,
    generatedAt: new Date(spec.generatedAt ?? FACTORY_NOW).toISOString(),
    leadTimeMinutes: spec.leadTimeMinutes ?? 15,
    gcp: null,
    sky: null,
    kube: null,
    nextDeadline: null,
    aws: {
      configFile: '/home/u/.aws/config',
      credentialsFile: '/home/u/.aws/credentials',
      activeProfile,
      activeProfileSource: 'AWS_PROFILE',
      activeProfileNotes: [],
      cli: { found: [], warning: null },
      profiles: profiles.map((p) => ({ ...p, active: p.name === activeProfile })),
      ssoSessions: spec.sessions ?? [],
      loginSessions: [],
      problems: [],
      ...spec.aws,
    },
  };
}
