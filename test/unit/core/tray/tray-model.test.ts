import { describe, expect, it } from 'vitest';
import { makeProfile } from '../../../support/snapshot-factory';
import fc from 'fast-check';
import type { AwsProfile, AwsState, IdentityStatus, Snapshot, SsoSession } from '../../../../electron/shared/model';
import { IDENTITY_STATUSES } from '../../../../electron/shared/model';
import type { GcpAccountStatus, GcpState } from '../../../../electron/shared/gcp-model';
import {
  buildTrayModel,
  loadingTrayModel,
  describeStatus,
  MAX_MENU_GCP_CONFIGURATIONS,
  MAX_MENU_SESSIONS,
  MAX_TOOLTIP_CHARS,
  nextTrayChange,
  shortArn,
  trayTimeLeft,
  type TrayClock,
  type TrayItem,
  type TrayModel,
} from '../../../../electron/core/tray/tray-model';

const NOW = Date.parse('2026-11-26T12:00:00Z');
const inMinutes = (m: number): string => new Date(NOW + m * 60_000).toISOString();
/** Wall-clock time in UTC, so the labels do not depend on the machine's time zone. */
const utc: TrayClock = (at) => at.toISOString().slice(11, 16);

function profile(name: string, overrides: Partial<AwsProfile> = {}): AwsProfile {
  return makeProfile({ name, source: { file: '/home/u/.aws/config', line: 1 }, sources: [], ...overrides });
}

function session(name: string, overrides: Partial<SsoSession> = {}): SsoSession {
  return {
    name,
    legacy: false,
    startUrl: 'https://d-123.awsapps.com/start',
    region: 'us-east-1',
    registrationScopes: ['sso:account:access'],
    source: null,
    status: 'valid',
    expiresAt: inMinutes(8 * 60),
    refreshable: true,
    registrationExpiresAt: null,
    cacheFile: `/home/u/.aws/sso/cache/${name}.json`,
    profiles: [],
    problems: [],
    ...overrides,
  };
}

function snapshot(aws: Partial<AwsState> = {}): Snapshot {
  return {
    version: 1,
    generatedAt: new Date(NOW).toISOString(),
    gcp: null,
    sky: null,
    kube: null,
    leadTimeMinutes: 15,
    nextDeadline: null,
    aws: {
      configFile: '/home/u/.aws/config',
      credentialsFile: '/home/u/.aws/credentials',
      activeProfile: 'default',
      activeProfileSource: 'default',
      activeProfileNotes: [],
      cli: { found: [], warning: null },
      profiles: [],
      ssoSessions: [],
      loginSessions: [],
      problems: [],
      ...aws,
    },
  };
}

/** The SSO profile most SkyPilot users have: an sso-session, verified once. */
function ssoSnapshot(profileStatus: IdentityStatus, sessionStatus: IdentityStatus, expiresInMinutes = 130): Snapshot {
  const expiresAt = inMinutes(expiresInMinutes);
  return snapshot({
    activeProfile: 'prod-admin',
    activeProfileSource: 'AWS_PROFILE',
    profiles: [
      profile('prod-admin', {
        kind: 'sso',
        active: true,
        ssoSession: 'corp',
        accountId: '123456789012',
        roleName: 'Admin',
        status: profileStatus,
        expiresAt,
        identity: {
          account: '123456789012',
          arn: 'arn:aws:sts::123456789012:assumed-role/Admin/alice',
          userId: 'AROAEXAMPLE:alice',
        },
      }),
    ],
    ssoSessions: [session('corp', { status: sessionStatus, expiresAt, profiles: ['prod-admin'] })],
  });
}

const labels = (items: readonly TrayItem[]): string[] =>
  items.flatMap((i) =>
    i.type === 'separator' ? [] : i.type === 'submenu' ? [i.label, ...labels(i.items)] : [i.label],
  );

const actionsOf = (model: TrayModel): string[] =>
  model.items.flatMap((i) =>
    i.type === 'action' ? [i.action.arg ? `${i.action.id}:${i.action.arg}` : i.action.id] : [],
  );

describe('buildTrayModel: the active profile', () => {
  it('shows name, account, short ARN and time left of a valid SSO profile', () => {
    const model = buildTrayModel(ssoSnapshot('valid', 'valid', 130), NOW, utc);
    const timeLeft = trayTimeLeft(new Date(inMinutes(130)), NOW, utc);
    expect(model.iconStatus).toBe('valid');
    expect(model.items[0]).toEqual({
      type: 'action',
      label: `prod-admin — ${timeLeft}`,
      action: { id: 'show-profile', arg: 'prod-admin' },
    });
    expect(labels(model.items)).toContain('Account 123456789012 · assumed-role/Admin/alice');
    expect(labels(model.items)).toContain('Chosen by AWS_PROFILE');
    expect(model.tooltip).toBe(`Cloud Identity Tray — prod-admin: ${timeLeft}`);
    expect(model.tooltip).toBe('Cloud Identity Tray — prod-admin: expires at 14:10 (in 2h)');
  });

  it('tells the time of expiry, with whole hours or days when it is further away', () => {
    expect(describeStatus('valid', inMinutes(3 * 24 * 60 + 30), NOW, utc)).toBe('expires in 3d');
    expect(describeStatus('valid', inMinutes(130), NOW, utc)).toBe('expires at 14:10 (in 2h)');
    expect(describeStatus('expiring', inMinutes(42), NOW, utc)).toBe('expires at 12:42');
    expect(describeStatus('expired', inMinutes(-3), NOW, utc)).toBe('expired at 11:57');
    expect(describeStatus('expired', inMinutes(-2 * 24 * 60 - 5), NOW, utc)).toBe('expired 2d ago');
    expect(describeStatus('expired', null, NOW, utc)).toBe('expired');
  });

  it('uses the worst of the profile and the SSO session it uses for the icon', () => {
    expect(buildTrayModel(ssoSnapshot('valid', 'expired'), NOW).iconStatus).toBe('expired');
    expect(buildTrayModel(ssoSnapshot('valid', 'expiring', 10), NOW).iconStatus).toBe('expiring');
    expect(buildTrayModel(ssoSnapshot('signed-out', 'signed-out'), NOW).iconStatus).toBe('signed-out');
    expect(buildTrayModel(ssoSnapshot('expiring', 'valid', 10), NOW).iconStatus).toBe('expiring');
  });

  it('says how the SSO session stands when it differs from the profile', () => {
    const snap = ssoSnapshot('valid', 'expired');
    snap.aws.ssoSessions[0] = { ...snap.aws.ssoSessions[0]!, expiresAt: inMinutes(-20) };
    expect(labels(buildTrayModel(snap, NOW, utc).items)).toContain('SSO session corp: expired at 11:40');
    expect(labels(buildTrayModel(ssoSnapshot('valid', 'valid'), NOW).items).join('\n')).not.toContain(
      'SSO session corp',
    );
  });

  it('ignores other profiles and sessions for the icon: only the active identity counts', () => {
    const snap = ssoSnapshot('valid', 'valid');
    snap.aws.profiles.push(profile('old', { status: 'expired', expiresAt: inMinutes(-60) }));
    snap.aws.ssoSessions.push(session('other', { status: 'signed-out', expiresAt: null }));
    expect(buildTrayModel(snap, NOW).iconStatus).toBe('valid');
  });

  it('falls back to the configured account and role before the profile is verified', () => {
    const snap = ssoSnapshot('valid', 'valid');
    snap.aws.profiles[0] = { ...snap.aws.profiles[0]!, identity: null };
    expect(labels(buildTrayModel(snap, NOW).items)).toContain('Account 123456789012 · Admin');
  });

  it('shortens a role ARN for an assume-role profile', () => {
    const snap = snapshot({
      profiles: [
        profile('default', {
          kind: 'assume-role',
          status: 'unknown',
          roleArn: 'arn:aws:iam::210987654321:role/Deploy',
          accountId: null,
        }),
      ],
    });
    const model = buildTrayModel(snap, NOW);
    expect(model.items[0]).toMatchObject({ label: 'default — expiry unknown' });
    expect(labels(model.items)).toContain('role/Deploy');
    expect(labels(model.items)).not.toContain('Chosen by default');
    expect(model.iconStatus).toBe('unknown');
  });

  it('describes static keys as long-lived', () => {
    const model = buildTrayModel(snapshot({ profiles: [profile('default')] }), NOW);
    expect(model.iconStatus).toBe('long-lived');
    expect(model.tooltip).toBe('Cloud Identity Tray — default: long-lived keys');
  });

  it('calls a variable naming a missing profile an error', () => {
    const model = buildTrayModel(
      snapshot({ activeProfile: 'typo', activeProfileSource: 'AWS_PROFILE', profiles: [profile('prod')] }),
      NOW,
    );
    expect(model.iconStatus).toBe('error');
    expect(model.tooltip).toBe('Cloud Identity Tray — typo (from AWS_PROFILE) is not in your AWS config');
    expect(actionsOf(model)).not.toContain('copy-profile-export:typo');
  });

  it('treats a missing default profile as nothing active, not as an error', () => {
    expect(buildTrayModel(snapshot({ profiles: [profile('prod')] }), NOW)).toMatchObject({
      iconStatus: 'unknown',
      tooltip: 'Cloud Identity Tray — no active AWS profile',
    });
    expect(buildTrayModel(snapshot(), NOW)).toMatchObject({
      iconStatus: 'unknown',
      tooltip: 'Cloud Identity Tray — no AWS profiles found',
    });
  });

  it('shows the first error of a broken active profile, first line only', () => {
    const snap = snapshot({
      profiles: [
        profile('default', {
          kind: 'assume-role',
          status: 'error',
          problems: [
            { severity: 'warning', message: 'region is not set' },
            {
              severity: 'error',
              message: 'role_arn with both source_profile and credential_source\nsecond line',
              line: 4,
            },
          ],
        }),
      ],
    });
    const model = buildTrayModel(snap, NOW);
    expect(model.iconStatus).toBe('error');
    // Wrapped between words over two lines, each within the menu's width.
    expect(labels(model.items)).toEqual(
      expect.arrayContaining(['role_arn with both source_profile and', 'credential_source']),
    );
    expect(labels(model.items).join('\n')).not.toContain('second line');
  });

  it('shows the line it copies, quoted as the shell needs', () => {
    const model = buildTrayModel(
      snapshot({ profiles: [profile('default')], activeProfile: 'my dev', activeProfileSource: 'AWS_PROFILE' }),
      NOW,
    );
    expect(labels(model.items)).not.toContain("Copy “export AWS_PROFILE='my dev'”");
    const named = buildTrayModel(
      snapshot({ profiles: [profile('my dev')], activeProfile: 'my dev', activeProfileSource: 'AWS_PROFILE' }),
      NOW,
    );
    expect(labels(named.items)).toContain("Copy “export AWS_PROFILE='my dev'”");
  });

  it('says when the last verification failed', () => {
    const snap = ssoSnapshot('valid', 'valid');
    snap.aws.profiles[0] = {
      ...snap.aws.profiles[0]!,
      lastCheck: {
        profile: 'prod-admin',
        checkedAt: new Date(NOW).toISOString(),
        identity: null,
        error: {
          kind: 'access-denied',
          message: 'AccessDenied: not authorized to perform sts:GetCallerIdentity\nRequestId: 1',
        },
      },
    };
    expect(labels(buildTrayModel(snap, NOW).items)).toEqual(
      expect.arrayContaining(['Last check failed: AccessDenied: not authorized', 'to perform sts:GetCallerIdentity']),
    );
  });

  it('offers to copy the export line and to show the profile, by its full name', () => {
    const long = 'p'.repeat(300);
    const model = buildTrayModel(
      snapshot({ activeProfile: long, activeProfileSource: 'AWS_PROFILE', profiles: [profile(long)] }),
      NOW,
    );
    expect(actionsOf(model)).toContain(`copy-profile-export:${long}`);
    expect(actionsOf(model)).toContain(`show-profile:${long}`);
    expect(Math.max(...labels(model.items).map((l) => l.length))).toBeLessThan(100);
  });

  it('offers the AWS console for the active profile unless it is signed out or expired', () => {
    const withStatus = (status: IdentityStatus): string[] =>
      actionsOf(
        buildTrayModel(
          snapshot({
            activeProfile: 'work',
            activeProfileSource: 'AWS_PROFILE',
            profiles: [profile('work', { status })],
          }),
          NOW,
        ),
      );
    for (const status of ['valid', 'expiring', 'long-lived', 'unknown', 'error'] as const)
      expect(withStatus(status)).toContain('open-console:work');
    for (const status of ['signed-out', 'expired'] as const)
      expect(withStatus(status)).not.toContain('open-console:work');
    const label = buildTrayModel(
      snapshot({
        activeProfile: 'work',
        activeProfileSource: 'AWS_PROFILE',
        profiles: [profile('work', { status: 'valid' })],
      }),
      NOW,
    ).items.find((i) => i.type === 'action' && i.action.id === 'open-console');
    expect(label).toEqual({ type: 'action', label: 'Open AWS console', action: { id: 'open-console', arg: 'work' } });
  });

  it('says when it expired once the time has passed, whatever the status says', () => {
    expect(describeStatus('valid', inMinutes(-1), NOW, utc)).toBe('expired at 11:59');
  });
});

describe('buildTrayModel: SSO sessions', () => {
  it('lists every session with its state when there are few', () => {
    const snap = snapshot({
      ssoSessions: [
        session('a', { status: 'valid', expiresAt: inMinutes(300) }),
        session('b', { status: 'signed-out', expiresAt: null }),
      ],
    });
    const all = labels(buildTrayModel(snap, NOW, utc).items);
    expect(all).toContain('SSO sessions');
    expect(all).toContain('a — expires at 17:00 (in 5h)');
    expect(all).toContain('b — signed out');
  });

  it('caps the list, most urgent first, and points to the window for the rest', () => {
    const sessions = Array.from({ length: 20 }, (_, i) => session(`s${String(i).padStart(2, '0')}`));
    sessions[17] = session('s17', { status: 'expired', expiresAt: inMinutes(-5) });
    const model = buildTrayModel(snapshot({ ssoSessions: sessions }), NOW, utc);
    const sessionLabels = labels(model.items).filter((l) => /^s\d\d — /.test(l));
    expect(sessionLabels).toHaveLength(MAX_MENU_SESSIONS);
    expect(sessionLabels[0]).toBe('s17 — expired at 11:55');
    expect(labels(model.items)).toContain(`${20 - MAX_MENU_SESSIONS} more in the window…`);
  });

  it('shows the same sessions, in the same order, as sorting them all would (property)', () => {
    const order: IdentityStatus[] = ['error', 'expired', 'signed-out', 'expiring', 'unknown', 'valid', 'long-lived'];
    const arb = fc.uniqueArray(
      fc.record({ name: fc.stringMatching(/^[a-z0-9-]{1,6}$/), status: fc.constantFrom(...IDENTITY_STATUSES) }),
      { selector: (s) => s.name, maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, (specs) => {
        const sessions = specs.map((s) => session(s.name, { status: s.status, expiresAt: null }));
        const shown = labels(buildTrayModel(snapshot({ ssoSessions: sessions }), NOW).items)
          .filter((l) => l.includes(' — '))
          .map((l) => l.split(' — ')[0]);
        const collator = new Intl.Collator('en', { numeric: true });
        const expected = [...specs]
          .sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status) || collator.compare(a.name, b.name))
          .slice(0, MAX_MENU_SESSIONS)
          .map((s) => s.name);
        expect(shown).toEqual(expected);
      }),
    );
  });

  it('puts the active profile’s session first', () => {
    const snap = ssoSnapshot('valid', 'valid');
    snap.aws.ssoSessions.unshift(session('aaa', { status: 'expired', expiresAt: inMinutes(-1) }));
    const sessionLabels = labels(buildTrayModel(snap, NOW).items).filter(
      (l) => / — /.test(l) && !l.includes('prod-admin'),
    );
    expect(sessionLabels[0]).toMatch(/^corp — /);
  });

  it('offers Log in / Log out for each listed session, by its name, and Refresh now where it can refresh', () => {
    const snap = snapshot({
      ssoSessions: [
        session('live', { status: 'valid', expiresAt: inMinutes(300) }),
        session('no-refresh', { status: 'valid', expiresAt: inMinutes(300), refreshable: false }),
        session('out', { status: 'signed-out', expiresAt: null }),
        session('https://old.awsapps.com/start', { legacy: true, status: 'expired', expiresAt: inMinutes(-3) }),
        session('broken', { startUrl: null, status: 'signed-out', expiresAt: null }),
      ],
    });
    const menus = new Map(
      buildTrayModel(snap, NOW)
        .items.filter((i): i is Extract<TrayItem, { type: 'submenu' }> => i.type === 'submenu')
        .map((m) => [
          m.label.split(' — ')[0],
          m.items.map((i) =>
            i.type === 'action'
              ? `${i.label}=${i.action.id}:${i.action.arg ?? ''}`
              : i.type === 'label'
                ? i.label
                : '-',
          ),
        ]),
    );
    expect(menus.get('live')).toEqual([
      'Log in again…=sso-login:live',
      'Refresh now=sso-refresh:live',
      'Log out=sso-logout:live',
      'Show in window…=open-window:',
    ]);
    expect(menus.get('no-refresh')).toEqual([
      'Log in again…=sso-login:no-refresh',
      'Log out=sso-logout:no-refresh',
      'Show in window…=open-window:',
    ]);
    expect(menus.get('out')).toEqual(['Log in…=sso-login:out', 'Show in window…=open-window:']);
    expect(menus.get('https://old.awsapps.com/start')).toEqual([
      'Log in…=sso-login:https://old.awsapps.com/start',
      'Log out=sso-logout:https://old.awsapps.com/start',
      'Show in window…=open-window:',
    ]);
    expect(menus.get('broken')).toEqual(['Cannot log in: no sso_start_url', 'Show in window…=open-window:']);
  });

  it('stays short with thousands of sessions: each listed one adds three items at most', () => {
    const sessions = Array.from({ length: 3000 }, (_, i) =>
      session(`s${i}`, { status: i % 2 ? 'valid' : 'signed-out', expiresAt: i % 2 ? inMinutes(60) : null }),
    );
    const model = buildTrayModel(snapshot({ ssoSessions: sessions }), NOW);
    const submenus = model.items.filter((i): i is Extract<TrayItem, { type: 'submenu' }> => i.type === 'submenu');
    expect(submenus).toHaveLength(MAX_MENU_SESSIONS);
    for (const menu of submenus) expect(menu.items.length).toBeLessThanOrEqual(3);
    expect(model.items.length).toBeLessThan(30);
  });

  it('puts a one-click Log in next to the active profile when its session needs a sign-in', () => {
    const expired = ssoSnapshot('expired', 'expired');
    expect(actionsOf(buildTrayModel(expired, NOW))).toContain('sso-login:corp');
    expect(actionsOf(buildTrayModel(ssoSnapshot('valid', 'valid'), NOW))).not.toContain('sso-login:corp');
  });

  it('has no session heading when there are no sessions', () => {
    expect(labels(buildTrayModel(snapshot({ profiles: [profile('default')] }), NOW).items)).not.toContain(
      'SSO sessions',
    );
  });
});

describe('buildTrayModel: warnings and fixed items', () => {
  it('shows the first line of the CLI warning, leading to the CLI help', () => {
    const snap = snapshot({
      cli: { found: [], warning: 'The first aws on PATH is AWS CLI v1 (1.45.11).\nSSO sessions need v2.' },
    });
    const model = buildTrayModel(snap, NOW);
    const warning = model.items.find((i) => i.type === 'action' && i.action.id === 'open-cli-help');
    expect(warning).toMatchObject({ label: '⚠ The first aws on PATH is AWS CLI v1 (1.45.11).' });
  });

  it('points to the window when the AWS files have problems', () => {
    const snap = snapshot({ problems: [{ severity: 'error', message: 'binary content', file: '/x', line: 1 }] });
    expect(labels(buildTrayModel(snap, NOW).items)).toContain('⚠ 1 problem reading AWS files…');
  });

  it('always ends with verify, open and quit, in that order', () => {
    for (const snap of [snapshot(), ssoSnapshot('expired', 'expired')]) {
      const actions = actionsOf(buildTrayModel(snap, NOW));
      expect(actions.slice(-3)).toEqual(['verify-all', 'open-window', 'quit']);
    }
  });

  it('never starts or ends with a separator, nor has two in a row', () => {
    for (const snap of [snapshot(), ssoSnapshot('valid', 'valid'), snapshot({ cli: { found: [], warning: 'v1' } })]) {
      const items = buildTrayModel(snap, NOW).items;
      expect(items[0]?.type).not.toBe('separator');
      expect(items.at(-1)?.type).not.toBe('separator');
      items.forEach((item, i) => {
        if (item.type === 'separator') expect(items[i + 1]?.type).not.toBe('separator');
      });
    }
  });

  it('keeps the tooltip within what Windows shows', () => {
    const long = 'x'.repeat(500);
    const model = buildTrayModel(snapshot({ activeProfile: long, activeProfileSource: 'AWS_PROFILE' }), NOW);
    expect(Array.from(model.tooltip).length).toBeLessThanOrEqual(MAX_TOOLTIP_CHARS);
    expect(model.tooltip).toContain('…');
  });
});

describe('buildTrayModel: scale', () => {
  it('keeps the menu short with 10,000 profiles and 2,000 sessions', () => {
    const profiles = Array.from({ length: 10_000 }, (_, i) =>
      profile(`profile-${i}`, {
        kind: 'sso',
        ssoSession: `session-${i % 2000}`,
        status: 'valid',
        expiresAt: inMinutes(60),
      }),
    );
    const ssoSessions = Array.from({ length: 2000 }, (_, i) => session(`session-${i}`));
    const model = buildTrayModel(snapshot({ activeProfile: 'profile-4242', profiles, ssoSessions }), NOW);
    expect(model.items.length).toBeLessThanOrEqual(30);
    expect(labels(model.items)[0]).toMatch(/^profile-4242 — /);
    expect(labels(model.items)).toContain('1992 more in the window…');
  });

  it('is bounded and well formed for any snapshot (property)', () => {
    const status = fc.constantFrom(...IDENTITY_STATUSES);
    const minutes = fc.option(fc.integer({ min: -10_000, max: 10_000 }), { nil: null });
    // Any text a file can hold: emoji, combining marks, control characters, lone surrogates.
    const name = fc.oneof(
      fc.string({ minLength: 1, maxLength: 200 }),
      fc.string({ minLength: 1, maxLength: 200, unit: 'binary' }),
      fc.string({ minLength: 1, maxLength: 120, unit: 'grapheme' }),
    );
    const arbProfile = fc.record({ name, status, minutes });
    const arbSession = fc.record({ name, status, minutes });
    fc.assert(
      fc.property(
        fc.array(arbProfile, { maxLength: 40 }),
        fc.array(arbSession, { maxLength: 40 }),
        fc.nat(50),
        fc.array(fc.nat(50), { maxLength: 12 }),
        (ps, ss, pick, used) => {
          const profiles = ps.map((p) =>
            profile(p.name, { status: p.status, expiresAt: p.minutes === null ? null : inMinutes(p.minutes) }),
          );
          const active = profiles[pick % Math.max(1, profiles.length)]?.name ?? 'default';
          const ssoSessions = ss.map((s) =>
            session(s.name, { status: s.status, expiresAt: s.minutes === null ? null : inMinutes(s.minutes) }),
          );
          const recent = used.map((i) => profiles[i % Math.max(1, profiles.length)]?.name ?? 'gone');
          const model = buildTrayModel(snapshot({ activeProfile: active, profiles, ssoSessions }), NOW, utc, recent);
          expect(IDENTITY_STATUSES).toContain(model.iconStatus);
          expect(model.items.length).toBeLessThanOrEqual(30);
          for (const label of labels(model.items)) expect(Array.from(label).length).toBeLessThanOrEqual(48);
          expect(Array.from(model.tooltip).length).toBeLessThanOrEqual(MAX_TOOLTIP_CHARS);
          expect(actionsOf(model).at(-1)).toBe('quit');
        },
      ),
    );
  });
});

describe('shortArn', () => {
  it.each([
    ['arn:aws:sts::123456789012:assumed-role/Admin/alice', 'assumed-role/Admin/alice'],
    ['arn:aws:iam::123456789012:user/ops/bob', 'user/ops/bob'],
    ['arn:aws:iam::123456789012:root', 'root'],
    ['arn:aws-cn:sts::123456789012:assumed-role/R/s', 'assumed-role/R/s'],
    ['arn:aws:sts::123456789012:federated-user/x:y', 'federated-user/x:y'],
    ['not-an-arn', 'not-an-arn'],
  ])('%s -> %s', (arn, short) => {
    expect(shortArn(arn)).toBe(short);
  });
});

describe('nextTrayChange', () => {
  it('is the next instant a label changes: the hour of "(in 2h)" running out', () => {
    // 2h 10m 30s left: "(in 2h)" until exactly 2h remain, then "(in 1h)".
    const snap = ssoSnapshot('valid', 'valid', 130.5);
    const at = nextTrayChange(snap, NOW, undefined, utc);
    expect(at).toBe(NOW + 10.5 * 60_000 + 1);
    expect(buildTrayModel(snap, at! - 1, utc).tooltip).toBe(
      'Cloud Identity Tray — prod-admin: expires at 14:10 (in 2h)',
    );
    expect(buildTrayModel(snap, at!, utc).tooltip).toBe('Cloud Identity Tray — prod-admin: expires at 14:10 (in 1h)');
  });

  it('wakes once in the last hour, at expiry, not every minute or second', () => {
    for (const minutesLeft of [59, 10, 0.5]) {
      const snap = ssoSnapshot('expiring', 'expiring', minutesLeft);
      expect(nextTrayChange(snap, NOW, undefined, utc)).toBe(NOW + minutesLeft * 60_000);
    }
  });

  it('after expiry, wakes only when "expired at" turns into days', () => {
    const snap = ssoSnapshot('expired', 'expired', -3);
    expect(nextTrayChange(snap, NOW, undefined, utc)).toBe(NOW - 3 * 60_000 + 24 * 60 * 60_000);
  });

  it('wakes at most once an hour over a whole day, whatever is listed', () => {
    const snap = snapshot({
      profiles: [profile('default')],
      ssoSessions: [session('a', { expiresAt: inMinutes(10.25) }), session('b', { expiresAt: inMinutes(20 * 60 + 7) })],
    });
    let wakes = 0;
    for (
      let t: number | null = NOW;
      t !== null && t < NOW + 24 * 60 * 60_000;
      t = nextTrayChange(snap, t, undefined, utc)
    )
      wakes++;
    expect(wakes).toBeLessThanOrEqual(25);
  });

  it('is null when nothing in the menu depends on time', () => {
    expect(nextTrayChange(snapshot({ profiles: [profile('default')] }), NOW)).toBeNull();
    expect(nextTrayChange(snapshot(), NOW)).toBeNull();
  });

  it('finds changes in a listed SSO session, not only the active profile', () => {
    const snap = snapshot({
      profiles: [profile('default')],
      ssoSessions: [session('corp', { expiresAt: inMinutes(10.25) })],
    });
    expect(nextTrayChange(snap, NOW, undefined, utc)).toBe(NOW + 10.25 * 60_000);
  });
});

describe('loadingTrayModel', () => {
  it('can still open the window and quit before the first snapshot', () => {
    const model = loadingTrayModel();
    expect(model.iconStatus).toBe('unknown');
    expect(actionsOf(model)).toEqual(['open-window', 'quit']);
    expect(model.tooltip).toBe('Cloud Identity Tray — reading your AWS config…');
  });
});

describe('buildTrayModel: the Google Cloud section', () => {
  const gcpState = (overrides: Partial<GcpState> = {}): GcpState => ({
    configDir: '/home/u/.config/gcloud',
    activeConfiguration: 'default',
    configurations: [
      { name: 'default', active: true, account: 'alice@example.com', project: 'acme-dev', region: null, zone: null },
      {
        name: 'prod',
        active: false,
        account: 'deployer@acme-prod.iam.gserviceaccount.com',
        project: 'acme-prod',
        region: 'us-central1',
        zone: null,
      },
    ],
    accounts: [
      { account: 'alice@example.com', type: 'authorized_user', tokenExpiresAt: null, status: 'valid' },
      {
        account: 'deployer@acme-prod.iam.gserviceaccount.com',
        type: 'service_account',
        tokenExpiresAt: null,
        status: 'valid',
      },
    ],
    adc: null,
    googleApplicationCredentials: null,
    keys: [],
    overrides: [],
    problems: [],
    ...overrides,
  });
  const withGcp = (base: Snapshot, gcp: GcpState | null): Snapshot => ({ ...base, gcp });
  const withAliceStatus = (status: GcpAccountStatus): GcpState => {
    const state = gcpState();
    return {
      ...state,
      accounts: state.accounts.map((a) => (a.account === 'alice@example.com' ? { ...a, status } : a)),
    };
  };

  it('shows the active configuration, account, project and status, and the tooltip names them', () => {
    const model = buildTrayModel(withGcp(ssoSnapshot('valid', 'valid'), gcpState()), NOW, utc);
    const all = labels(model.items);
    expect(all).toContain('Google Cloud');
    expect(all).toContain('alice@example.com — valid');
    expect(all).toContain('Project acme-dev · configuration default');
    expect(model.tooltip).toBe(
      'Cloud Identity Tray — prod-admin: expires at 14:10 (in 2h) · gcloud alice@example.com: valid',
    );
    expect(model.iconStatus).toBe('valid');
  });

  it('switches the active configuration from a submenu; the active one is marked, not clickable', () => {
    const model = buildTrayModel(withGcp(ssoSnapshot('valid', 'valid'), gcpState()), NOW, utc);
    const submenu = model.items.find(
      (i): i is Extract<TrayItem, { type: 'submenu' }> =>
        i.type === 'submenu' && i.label === 'Switch gcloud configuration',
    );
    expect(submenu?.items).toEqual([
      { type: 'label', label: '✓ default — alice@example.com' },
      {
        type: 'action',
        // 50 characters: the account gives up a whole word from its middle.
        label: 'prod — deployer@acme-prod.….gserviceaccount.com',
        action: { id: 'gcp-switch-configuration', arg: 'prod' },
      },
    ]);
  });

  it('lists at most MAX_MENU_GCP_CONFIGURATIONS configurations and points to the window for the rest', () => {
    const configurations = Array.from({ length: MAX_MENU_GCP_CONFIGURATIONS + 5 }, (_, i) => ({
      name: `c${i}`,
      active: i === 0,
      account: null,
      project: null,
      region: null,
      zone: null,
    }));
    const model = buildTrayModel(
      withGcp(ssoSnapshot('valid', 'valid'), gcpState({ activeConfiguration: 'c0', configurations })),
      NOW,
    );
    const submenu = model.items.find(
      (i): i is Extract<TrayItem, { type: 'submenu' }> =>
        i.type === 'submenu' && i.label === 'Switch gcloud configuration',
    );
    expect(submenu?.items).toHaveLength(MAX_MENU_GCP_CONFIGURATIONS + 1);
    expect(submenu?.items.at(-1)).toEqual({
      type: 'action',
      label: '5 more in the window…',
      action: { id: 'gcp-open' },
    });
  });

  it.each<[GcpAccountStatus, IdentityStatus]>([
    ['reauth-needed', 'expired'],
    ['revoked', 'signed-out'],
    ['expired', 'expired'],
    ['error', 'error'],
  ])('a %s active account makes the icon %s even with a valid AWS profile', (status, icon) => {
    const model = buildTrayModel(withGcp(ssoSnapshot('valid', 'valid'), withAliceStatus(status)), NOW);
    expect(model.iconStatus).toBe(icon);
  });

  it('offers the re-login command for an account that needs a sign-in', () => {
    const model = buildTrayModel(withGcp(ssoSnapshot('valid', 'valid'), withAliceStatus('reauth-needed')), NOW);
    expect(labels(model.items)).toContain('alice@example.com — sign-in needed');
    expect(actionsOf(model)).toContain('gcp-copy-login-command:alice@example.com');
    // The account's line opens the window on the Google Cloud tab.
    expect(actionsOf(model)).toContain('gcp-open:alice@example.com');
    const healthy = buildTrayModel(withGcp(ssoSnapshot('valid', 'valid'), gcpState()), NOW);
    expect(actionsOf(healthy)).not.toContain('gcp-copy-login-command:alice@example.com');
  });

  it('a worse AWS status still wins, and an unknown gcloud status never hides a known AWS one', () => {
    expect(buildTrayModel(withGcp(ssoSnapshot('expired', 'expired', -3), gcpState()), NOW).iconStatus).toBe('expired');
    expect(buildTrayModel(withGcp(ssoSnapshot('valid', 'valid'), withAliceStatus('unknown')), NOW).iconStatus).toBe(
      'valid',
    );
  });

  it('with no AWS profile at all, the icon is gcloud’s', () => {
    expect(buildTrayModel(withGcp(snapshot(), gcpState()), NOW).iconStatus).toBe('valid');
    expect(buildTrayModel(withGcp(snapshot(), withAliceStatus('revoked')), NOW).iconStatus).toBe('signed-out');
  });

  it('shows environment overrides as what gcloud uses', () => {
    const state = gcpState({
      overrides: [{ variable: 'CLOUDSDK_CORE_PROJECT', property: 'core/project', value: 'from-env' }],
    });
    expect(labels(buildTrayModel(withGcp(snapshot(), state), NOW).items)).toContain(
      'Project from-env · configuration default',
    );
  });

  it('an account the configuration names without credentials is "not signed in"', () => {
    const state = gcpState({ accounts: [] });
    const model = buildTrayModel(withGcp(snapshot({ profiles: [profile('default', { active: true })] }), state), NOW);
    expect(labels(model.items)).toContain('alice@example.com — not signed in');
    expect(model.iconStatus).toBe('signed-out');
  });

  it('says nothing about Google Cloud to someone who does not use it', () => {
    const empty = gcpState({
      accounts: [],
      configurations: [{ name: 'default', active: true, account: null, project: null, region: null, zone: null }],
    });
    const model = buildTrayModel(withGcp(ssoSnapshot('valid', 'valid'), empty), NOW);
    expect(labels(model.items)).not.toContain('Google Cloud');
    expect(model.tooltip).toBe('Cloud Identity Tray — prod-admin: expires at 14:10 (in 2h)');
  });

  it('has no time-dependent text of its own', () => {
    expect(nextTrayChange(withGcp(snapshot({ profiles: [profile('default')] }), gcpState()), NOW)).toBeNull();
  });
});
