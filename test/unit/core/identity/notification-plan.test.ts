import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GcpAccountStatus, GcpState } from '../../../../electron/shared/gcp-model';
import type { Snapshot } from '../../../../electron/shared/model';
import { planNotifications, type NotificationIntent } from '../../../../electron/core/identity/notification-plan';
import {
  FACTORY_NOW as NOW,
  makeProfile,
  makeSession,
  makeSnapshot,
  makeSsoProfile,
  minutesFrom,
} from '../../../support/snapshot-factory';

const MIN = 60_000;

/** Feed snapshots in order the way the shell does, returning every planned intent per step. */
function replay(steps: Array<{ snapshot: Snapshot; now: number }>, initialSent: ReadonlySet<string> = new Set()) {
  let prev: Snapshot | null = null;
  let sent: ReadonlySet<string> = initialSent;
  const perStep: NotificationIntent[][] = [];
  for (const { snapshot, now } of steps) {
    const plan = planNotifications(prev, snapshot, now, sent);
    perStep.push(plan.intents);
    sent = plan.sent;
    prev = snapshot;
  }
  return { perStep, all: perStep.flat(), sent };
}

const devOnMySso = (expiresAt: string | null, extra: Partial<Parameters<typeof makeSession>[0]> = {}) =>
  makeSnapshot({
    sessions: [
      makeSession({
        name: 'my-sso',
        expiresAt,
        status: expiresAt ? 'valid' : 'signed-out',
        profiles: ['dev'],
        ...extra,
      }),
    ],
    profiles: [makeSsoProfile('dev', 'my-sso')],
  });

describe('planNotifications: SSO sessions', () => {
  it('says an SSO session expires soon, once, in words a person reads', () => {
    const snapshot = devOnMySso(minutesFrom(9));
    const { intents } = planNotifications(null, snapshot, NOW, new Set());
    expect(intents).toHaveLength(1);
    expect(intents[0]).toMatchObject({
      kind: 'expiring',
      target: { type: 'sso-session', name: 'my-sso' },
      title: 'AWS SSO session expiring',
      expiresAt: minutesFrom(9),
    });
    expect(intents[0]?.body).toBe('SSO session my-sso expires in 9m — log in to keep working. Used by dev (active).');
  });

  it('shows control characters of names from files, never passes them to the notification', () => {
    const name = 'my-sso\u001b]52;c;aGk=\u0007';
    const snapshot = makeSnapshot({
      sessions: [makeSession({ name, expiresAt: minutesFrom(9), status: 'valid', profiles: ['dev\u009b2J'] })],
      profiles: [makeSsoProfile('dev\u009b2J', name)],
    });
    const [intent] = planNotifications(null, snapshot, NOW, new Set()).intents;
    expect(intent?.body).toBe(
      'SSO session my-sso\\u001b]52;c;aGk=\\u0007 expires in 9m — log in to keep working. Used by dev\\u009b2J (active).',
    );
    // The target still names the real session, for the click that opens it.
    expect(intent?.target).toEqual({ type: 'sso-session', name });
  });

  it('repeats nothing when the same state is published again or an unrelated profile changes', () => {
    const first = devOnMySso(minutesFrom(9));
    const unrelated = makeSnapshot({
      sessions: [...first.aws.ssoSessions, makeSession({ name: 'other', expiresAt: minutesFrom(600) })],
      profiles: [...first.aws.profiles, makeProfile({ name: 'ci', region: 'us-east-1' })],
      activeProfile: 'dev',
    });
    const { perStep } = replay([
      { snapshot: first, now: NOW },
      { snapshot: first, now: NOW + MIN },
      { snapshot: unrelated, now: NOW + 2 * MIN },
      { snapshot: first, now: NOW + 3 * MIN },
    ]);
    expect(perStep.map((s) => s.length)).toEqual([1, 0, 0, 0]);
  });

  it('gives one notification for a session used by 100 profiles, not 100', () => {
    const names = Array.from({ length: 100 }, (_, i) => `acct-${i}`);
    const snapshot = makeSnapshot({
      sessions: [makeSession({ name: 'my-sso', expiresAt: minutesFrom(5), profiles: names })],
      profiles: names.map((n) => makeSsoProfile(n, 'my-sso', { status: 'expiring', expiresAt: minutesFrom(5) })),
      activeProfile: 'acct-42',
    });
    const { intents } = planNotifications(null, snapshot, NOW, new Set());
    expect(intents).toHaveLength(1);
    expect(intents[0]?.body).toMatch(/Used by acct-42 \(active\), acct-0 and 98 more profiles\.$/);
  });

  it('says expiring, then expired, once each for the same token', () => {
    const snapshot = devOnMySso(minutesFrom(10));
    const { perStep } = replay([
      { snapshot, now: NOW },
      { snapshot, now: NOW + 5 * MIN },
      { snapshot, now: NOW + 10 * MIN },
      { snapshot, now: NOW + 11 * MIN },
      { snapshot, now: NOW + 60 * MIN },
    ]);
    expect(perStep.map((s) => s.map((i) => i.kind))).toEqual([['expiring'], [], ['expired'], [], []]);
    expect(perStep[2]?.[0]?.body).toBe(
      'SSO session my-sso expired just now — log in again to keep working. Used by dev (active).',
    );
  });

  it('speaks again for a renewed token (new expiresAt)', () => {
    const { perStep } = replay([
      { snapshot: devOnMySso(minutesFrom(10)), now: NOW },
      { snapshot: devOnMySso(minutesFrom(8 * 60)), now: NOW + 5 * MIN }, // logged in again
      { snapshot: devOnMySso(minutesFrom(8 * 60)), now: NOW + (8 * 60 - 10) * MIN },
    ]);
    expect(perStep.map((s) => s.map((i) => i.kind))).toEqual([['expiring'], [], ['expiring']]);
    expect(perStep[2]?.[0]?.expiresAt).toBe(minutesFrom(8 * 60));
  });

  it('judges by now, not by the status the snapshot was built with', () => {
    const built = devOnMySso(minutesFrom(20)); // "valid" when built
    expect(planNotifications(null, built, NOW, new Set()).intents).toEqual([]);
    expect(planNotifications(null, built, NOW + 6 * MIN, new Set()).intents.map((i) => i.kind)).toEqual(['expiring']);
  });

  it('stays quiet about sessions the tools renew by themselves, until the registration lapses', () => {
    const renewing = { refreshable: true, registrationExpiresAt: minutesFrom(90 * 24 * 60) };
    expect(planNotifications(null, devOnMySso(minutesFrom(5), renewing), NOW, new Set()).intents).toEqual([]);
    expect(planNotifications(null, devOnMySso(minutesFrom(-5), renewing), NOW, new Set()).intents).toEqual([]);
    const lapsed = { refreshable: true, registrationExpiresAt: minutesFrom(-1) };
    expect(planNotifications(null, devOnMySso(minutesFrom(5), lapsed), NOW, new Set()).intents).toHaveLength(1);
    // Nobody refreshes legacy (start URL) tokens.
    const legacy = makeSnapshot({
      sessions: [
        makeSession({ name: 'https://d-1.awsapps.com/start', legacy: true, expiresAt: minutesFrom(5), ...renewing }),
      ],
    });
    const { intents } = planNotifications(null, legacy, NOW, new Set());
    expect(intents[0]?.body).toBe(
      'The SSO login for https://d-1.awsapps.com/start expires in 5m — log in to keep working.',
    );
  });
});

describe('planNotifications: app start', () => {
  it('announces an already expired session once, and not again after a restart with the kept set', () => {
    const snapshot = devOnMySso(minutesFrom(-3));
    const first = planNotifications(null, snapshot, NOW, new Set());
    expect(first.intents.map((i) => [i.kind, i.body])).toEqual([
      ['expired', 'SSO session my-sso expired 3m ago — log in again to keep working. Used by dev (active).'],
    ]);
    expect(planNotifications(snapshot, snapshot, NOW + MIN, first.sent).intents).toEqual([]);
    // A restart: prev is null again, but the sent set was persisted.
    expect(planNotifications(null, snapshot, NOW + 2 * MIN, first.sent).intents).toEqual([]);
  });

  it('does not announce a token that expired long ago (old news)', () => {
    expect(planNotifications(null, devOnMySso(minutesFrom(-3 * 24 * 60)), NOW, new Set()).intents).toEqual([]);
  });

  it('does not announce a session that is simply signed out', () => {
    expect(planNotifications(null, devOnMySso(null), NOW, new Set()).intents).toEqual([]);
  });
});

describe('planNotifications: signed out while watching', () => {
  it('says so when a live token disappears, once', () => {
    const { perStep } = replay([
      { snapshot: devOnMySso(minutesFrom(60)), now: NOW },
      { snapshot: devOnMySso(null), now: NOW + MIN },
      { snapshot: devOnMySso(null), now: NOW + 2 * MIN },
    ]);
    expect(perStep.map((s) => s.map((i) => i.kind))).toEqual([[], ['signed-out'], []]);
    expect(perStep[1]?.[0]?.body).toBe(
      'SSO session my-sso was signed out (its cached token was removed) — log in to use it again. Used by dev (active).',
    );
  });

  it('stays quiet when an expired token is cleaned up', () => {
    const { perStep } = replay([
      { snapshot: devOnMySso(minutesFrom(-60 * 30)), now: NOW },
      { snapshot: devOnMySso(null), now: NOW + MIN },
    ]);
    expect(perStep.flat()).toEqual([]);
  });
});

describe('planNotifications: the active profile', () => {
  const withActive = (active: string) =>
    makeSnapshot({
      sessions: [makeSession({ name: 'my-sso', expiresAt: minutesFrom(5), profiles: ['dev'] })],
      profiles: [
        makeSsoProfile('dev', 'my-sso', { status: 'expiring', expiresAt: minutesFrom(5) }),
        makeProfile({ name: 'tool', kind: 'process', status: 'expiring', expiresAt: minutesFrom(7) }),
        makeProfile({ name: 'admin', kind: 'assume-role', status: 'expiring', expiresAt: minutesFrom(7) }),
        makeProfile({ name: 'idle', kind: 'login', status: 'expiring', expiresAt: minutesFrom(7) }),
      ],
      activeProfile: active,
    });
  const targets = (s: Snapshot) =>
    planNotifications(null, s, NOW, new Set()).intents.map((i) => `${i.target.type}:${i.target.name}`);

  it('is announced when its expiry is its own', () => {
    const intents = planNotifications(null, withActive('tool'), NOW, new Set()).intents;
    expect(intents.map((i) => `${i.target.type}:${i.target.name}`)).toEqual(['sso-session:my-sso', 'profile:tool']);
    expect(intents[1]?.body).toBe('Your active profile tool expires in 7m — renew its credentials to keep working.');
  });

  it('is not announced twice when its expiry is its SSO session’s, nor when the tools renew it, nor when inactive', () => {
    expect(targets(withActive('dev'))).toEqual(['sso-session:my-sso']);
    expect(targets(withActive('admin'))).toEqual(['sso-session:my-sso']);
  });
});

describe('planNotifications: memory', () => {
  it('forgets sent keys a week after their token expired, and keeps keys it does not understand', () => {
    const old = JSON.stringify(['expired', 'sso-session', 'x', minutesFrom(-8 * 24 * 60)]);
    const recent = JSON.stringify(['expired', 'sso-session', 'y', minutesFrom(-60)]);
    const { sent } = planNotifications(null, makeSnapshot(), NOW, new Set([old, recent, 'foreign']));
    expect([...sent].sort()).toEqual([recent, 'foreign'].sort());
  });
});

// A small world in which everything can happen: tokens come and go, expire, renew, refresh,
// the active profile changes, time moves in any direction within a few days.
const OFFSETS = [-3 * 24 * 60, -2000, -30, -1, 0, 1, 5, 10, 14, 15, 16, 60, 600];
const stepWith = (offset: fc.Arbitrary<number>, nowMin: fc.Arbitrary<number>) => {
  const sessionState = fc.oneof(
    fc.constant(null),
    fc.record({ offset, refreshable: fc.boolean(), error: fc.boolean() }),
  );
  return fc.record({
    s1: sessionState,
    s2: sessionState,
    legacy: sessionState,
    toolOffset: fc.option(offset, { nil: null }),
    active: fc.constantFrom('a1', 'a2', 'b1', 'tool', 'role', 'missing'),
    extraProfiles: fc.integer({ min: 0, max: 3 }),
    lead: fc.constantFrom(1, 15, 60),
    nowMin,
  });
};
const step = stepWith(fc.constantFrom(...OFFSETS), fc.integer({ min: -24 * 60, max: 24 * 60 }));
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

function worldAt(s: Step): { snapshot: Snapshot; now: number } {
  const now = NOW + s.nowMin * MIN;
  const session = (name: string, state: Step['s1'], profiles: string[], legacy = false) =>
    makeSession({
      name,
      legacy,
      profiles,
      expiresAt: state ? minutesFrom(state.offset) : null,
      status: state === null ? 'signed-out' : state.error ? 'error' : 'valid',
      refreshable: state?.refreshable ?? false,
      registrationExpiresAt: state?.refreshable ? minutesFrom(600) : null,
    });
  const extras = Array.from({ length: s.extraProfiles }, (_, i) => makeSsoProfile(`x${i}`, 's2'));
  return {
    now,
    snapshot: makeSnapshot({
      leadTimeMinutes: s.lead,
      generatedAt: now,
      activeProfile: s.active,
      sessions: [
        session('s1', s.s1, ['a1', 'a2']),
        session('s2', s.s2, ['b1', ...extras.map((p) => p.name)]),
        session('https://legacy.example/start', s.legacy, [], true),
      ],
      profiles: [
        makeSsoProfile('a1', 's1'),
        makeSsoProfile('a2', 's1'),
        makeSsoProfile('b1', 's2'),
        ...extras,
        makeProfile({
          name: 'tool',
          kind: 'process',
          status: s.toolOffset === null ? 'unknown' : 'valid',
          expiresAt: s.toolOffset === null ? null : minutesFrom(s.toolOffset),
        }),
        makeProfile({ name: 'role', kind: 'assume-role', status: 'valid', expiresAt: minutesFrom(5) }),
      ],
    }),
  };
}

describe('planNotifications: properties', () => {
  it('replaying any sequence of snapshots yields at most one intent per key', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), (steps) => {
        const { all } = replay(steps.map(worldAt));
        const keys = all.map((i) => i.key);
        expect(new Set(keys).size).toBe(keys.length);
      }),
      { numRuns: 300 },
    );
  });

  it('with time moving forward over weeks, still at most one intent per key (forgetting is safe)', () => {
    // Tokens from a fixed pool of instants over 30 days, so the same token is seen again and
    // again while time passes far beyond the week after which sent keys are forgotten.
    const pool = Array.from({ length: 60 }, (_, i) => i * 6 * 60 + (i % 3) * 7);
    const forward = stepWith(fc.constantFrom(...pool), fc.integer({ min: 0, max: 12 * 60 }));
    fc.assert(
      fc.property(fc.array(forward, { minLength: 1, maxLength: 60 }), (steps) => {
        let t = 0;
        const { all } = replay(
          steps.map((s) => {
            t += s.nowMin;
            return worldAt({ ...s, nowMin: t });
          }),
        );
        const keys = all.map((i) => i.key);
        expect(new Set(keys).size).toBe(keys.length);
      }),
      { numRuns: 200 },
    );
  });

  it('never names a profile that is not active, and never more than one notice per identity per snapshot', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 10 }), (steps) => {
        const worlds = steps.map(worldAt);
        const { perStep } = replay(worlds);
        perStep.forEach((intents, i) => {
          const targets = intents.map((x) => `${x.target.type}:${x.target.name}`);
          expect(new Set(targets).size).toBe(targets.length);
          for (const intent of intents) {
            if (intent.target.type === 'profile')
              expect(intent.target.name).toBe(worlds[i]?.snapshot.aws.activeProfile);
          }
        });
      }),
    );
  });
});

describe('planNotifications: gcloud sign-ins', () => {
  const gcp = (status: GcpAccountStatus, adcStatus: GcpAccountStatus | null = null): GcpState => ({
    configDir: '/home/u/.config/gcloud',
    activeConfiguration: 'default',
    configurations: [
      { name: 'default', active: true, account: 'alice@example.com', project: 'acme', region: null, zone: null },
    ],
    accounts: [
      { account: 'alice@example.com', type: 'authorized_user', tokenExpiresAt: null, status },
      { account: 'ci@acme.iam.gserviceaccount.com', type: 'service_account', tokenExpiresAt: null, status: 'valid' },
    ],
    adc: adcStatus
      ? {
          path: '/home/u/.config/gcloud/application_default_credentials.json',
          type: 'authorized_user',
          account: null,
          status: adcStatus,
        }
      : null,
    googleApplicationCredentials: null,
    keys: [],
    overrides: [],
    problems: [],
  });
  const withGcp = (state: GcpState): Snapshot => ({ ...makeSnapshot({}), gcp: state });

  it('says once that an account needs a new sign-in, with the command that fixes it, even at start', () => {
    const { perStep, all } = replay([
      { snapshot: withGcp(gcp('reauth-needed')), now: NOW },
      { snapshot: withGcp(gcp('reauth-needed')), now: NOW + MIN },
      { snapshot: withGcp(gcp('reauth-needed')), now: NOW + 60 * MIN },
    ]);
    expect(perStep.map((s) => s.length)).toEqual([1, 0, 0]);
    expect(all[0]).toMatchObject({
      kind: 'gcp-reauth-needed',
      target: { type: 'gcp-account', name: 'alice@example.com' },
      title: 'Sign in again: alice@example.com',
      command: 'gcloud auth login alice@example.com',
    });
    expect(all[0]?.body).toContain(
      'Run `gcloud auth login alice@example.com`, or import a service-account key instead',
    );
  });

  it('a revoked grant is its own news, after a reauth notice for the same account', () => {
    const { perStep, all } = replay([
      { snapshot: withGcp(gcp('reauth-needed')), now: NOW },
      { snapshot: withGcp(gcp('revoked')), now: NOW + MIN },
      { snapshot: withGcp(gcp('revoked')), now: NOW + 2 * MIN },
    ]);
    expect(perStep.map((s) => s.length)).toEqual([1, 1, 0]);
    expect(all[1]).toMatchObject({ kind: 'gcp-revoked', title: 'Signed out: alice@example.com' });
  });

  it('remembers across restarts through the sent set, and reminds at most weekly while it lasts', () => {
    const first = replay([{ snapshot: withGcp(gcp('reauth-needed')), now: NOW }]);
    const restarted = replay([{ snapshot: withGcp(gcp('reauth-needed')), now: NOW + 60 * MIN }], first.sent);
    expect(restarted.all).toEqual([]);
    const weekLater = replay(
      [{ snapshot: withGcp(gcp('reauth-needed')), now: NOW + 7 * 24 * 60 * MIN + MIN }],
      first.sent,
    );
    expect(weekLater.all).toHaveLength(1);
  });

  it('healthy, unknown and expired-token accounts are not news; an ADC file that needs a sign-in is', () => {
    for (const status of ['valid', 'unknown', 'expiring', 'expired', 'error'] as const) {
      expect(planNotifications(null, withGcp(gcp(status)), NOW, new Set()).intents).toEqual([]);
    }
    const { intents } = planNotifications(null, withGcp(gcp('valid', 'reauth-needed')), NOW, new Set());
    expect(intents).toHaveLength(1);
    expect(intents[0]).toMatchObject({
      kind: 'gcp-reauth-needed',
      target: { type: 'gcp-adc' },
      command: 'gcloud auth application-default login',
    });
  });

  it('keeps planning AWS news alongside', () => {
    const snapshot = { ...devOnMySso(minutesFrom(9)), gcp: gcp('revoked') };
    const kinds = planNotifications(null, snapshot, NOW, new Set()).intents.map((i) => i.kind);
    expect(kinds.sort()).toEqual(['expiring', 'gcp-revoked']);
  });
});
