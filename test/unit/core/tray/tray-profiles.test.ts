// Issue 11 §4: any profile can be picked from the tray (the recent ones, then "More…"), with its
// two copy lines; "Refresh now" where the session can refresh; a failed verification marked.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildTrayModel, type TrayItem } from '../../../../electron/core/tray/tray-model';
import { PICKER_LABEL, pickerProfiles, profileLine } from '../../../../electron/core/tray/tray-profiles';
import type { AwsProfile, IdentityCheck, SsoSession } from '../../../../electron/shared/model';
import {
  FACTORY_NOW,
  makeProfile,
  makeSession,
  makeSnapshot,
  makeSsoProfile,
  type SnapshotSpec,
} from '../../../support/snapshot-factory';

const utc = (at: Date): string => at.toISOString().slice(11, 16);
type Submenu = Extract<TrayItem, { type: 'submenu' }>;

const show = (item: TrayItem): string =>
  item.type === 'action'
    ? `${item.label} => ${item.action.id}${item.action.arg === undefined ? '' : `:${item.action.arg}`}`
    : item.type === 'separator'
      ? '---'
      : item.label;

function model(spec: SnapshotSpec, recent: readonly string[] = []) {
  return buildTrayModel(makeSnapshot(spec), FACTORY_NOW, utc, recent);
}

function picker(spec: SnapshotSpec, recent: readonly string[] = []): Submenu | undefined {
  return model(spec, recent).items.find((i): i is Submenu => i.type === 'submenu' && i.label === PICKER_LABEL);
}

const entry = (menu: Submenu | undefined, name: RegExp): Submenu | undefined =>
  menu?.items.find((i): i is Submenu => i.type === 'submenu' && name.test(i.label));

const statics = (n: number): AwsProfile[] => Array.from({ length: n }, (_, i) => makeProfile({ name: `p${i}` }));

describe('the profile picker', () => {
  it('lists the recent profiles first, newest first, then the others in config order, and More… for the rest', () => {
    const menu = picker({ profiles: statics(14), activeProfile: 'p0' }, ['p12', 'gone', 'p3', 'p12']);
    expect(menu?.items.map(show)).toEqual([
      'p12 — long-lived keys',
      'p3 — long-lived keys',
      '✓ p0 — long-lived keys',
      'p1 — long-lived keys',
      'p2 — long-lived keys',
      'p4 — long-lived keys',
      'p5 — long-lived keys',
      'p6 — long-lived keys',
      'p7 — long-lived keys',
      'p8 — long-lived keys',
      'More… => open-window',
    ]);
  });

  it('falls back to config order with no recent profile, and has no More… when all are listed', () => {
    const menu = picker({ profiles: statics(3), activeProfile: 'p1' });
    expect(menu?.items.map(show)).toEqual(['p0 — long-lived keys', '✓ p1 — long-lived keys', 'p2 — long-lived keys']);
    const many = { profiles: statics(30), configFile: '/home/u/.aws/config' };
    expect(pickerProfiles(many, []).map((p) => p.name)).toEqual(statics(10).map((p) => p.name));
  });

  it('means by config order the config file’s sections by line, then the credentials file’s', () => {
    const at = (file: string, line: number) => ({ source: { file: `/home/u/.aws/${file}`, line } });
    // The snapshot lists profiles by name; the files say another order.
    const profiles = [
      makeProfile({ name: 'alpha', ...at('config', 9) }),
      makeProfile({ name: 'beta', ...at('credentials', 1) }),
      makeProfile({ name: 'gamma', source: null }),
      makeProfile({ name: 'omega', ...at('credentials', 4) }),
      makeProfile({ name: 'zeta', ...at('config', 2) }),
    ];
    const configFile = '/home/u/.aws/config';
    expect(pickerProfiles({ profiles, configFile }, []).map((p) => p.name)).toEqual([
      'zeta',
      'alpha',
      'beta',
      'omega',
      'gamma',
    ]);
    expect(pickerProfiles({ profiles, configFile }, ['omega'], 3).map((p) => p.name)).toEqual([
      'omega',
      'zeta',
      'alpha',
    ]);
  });

  it('is absent without profiles', () => {
    expect(picker({ profiles: [] })).toBeUndefined();
  });

  it('gives each profile its two copy lines and its card, acting on the full name', () => {
    const name = 'team-data-platform-production-administrator-access';
    const menu = picker({ profiles: [makeProfile({ name }), makeProfile({ name: 'dev' })], activeProfile: 'dev' });
    const item = entry(menu, /^team-data-/);
    expect(item?.label).toBe('team-data-platform-…-access — long-lived keys');
    expect(item?.items.map(show)).toEqual([
      `Copy “AWS_PROFILE=team-data-platform-…-access” => copy-profile-prefix:${name}`,
      `Copy “export AWS_PROFILE=team-data-…-access” => copy-profile-export:${name}`,
      `Show in window… => show-profile:${name}`,
    ]);
  });

  it('marks a profile whose last verification failed, as the active row does', () => {
    const failed: IdentityCheck = {
      profile: 'ops',
      checkedAt: new Date(FACTORY_NOW - 60_000).toISOString(),
      identity: null,
      error: { kind: 'access-denied', message: 'AccessDenied' },
    };
    const menu = picker({
      profiles: [makeProfile({ name: 'dev' }), makeProfile({ name: 'ops', lastCheck: failed })],
      activeProfile: 'dev',
    });
    expect(entry(menu, /ops/)?.label).toBe('⚠ ops — verification failed (long-lived keys)');
    expect(entry(menu, /dev/)?.label).toBe('✓ dev — long-lived keys');
  });

  it('keeps every label within 48 characters, whatever the names', () => {
    const names = [
      'x'.repeat(500),
      'a-'.repeat(200),
      '👩‍👩‍👧'.repeat(60),
      "it's \u001b[31mred\u001b[0m & more\nlines",
      'arn:aws:iam::123456789012:role/service-role/very-long-role-name-for-a-lambda-function',
    ];
    const all = model({ profiles: names.map((name) => makeProfile({ name })), activeProfile: names[0] }, names);
    const labels = (items: readonly TrayItem[]): string[] =>
      items.flatMap((i) =>
        i.type === 'separator' ? [] : i.type === 'submenu' ? [i.label, ...labels(i.items)] : [i.label],
      );
    for (const label of labels(all.items)) expect(Array.from(label).length).toBeLessThanOrEqual(48);
    // Control characters are shown, not passed to the menu.
    expect(labels(all.items).join('\n').includes('\u001b')).toBe(false);
  });
});

describe('the copy lines', () => {
  const odd = ["it's dev", 'a b', '$(touch /tmp/pwned)', 'x;y', 'back\\slash', 'quote"d', '-dash', 'ünï'];

  it('are offered for the active profile too, acting on its full name', () => {
    const items = model({ profiles: [makeProfile({ name: "it's dev" })] }).items.map(show);
    expect(items).toContain(`Copy “AWS_PROFILE='it'\\''s dev'” => copy-profile-prefix:it's dev`);
    expect(items).toContain(`Copy “export AWS_PROFILE='it'\\''s dev'” => copy-profile-export:it's dev`);
  });

  it('put exactly the line on the clipboard, quoted so a POSIX shell gets the name back', () => {
    expect(profileLine('copy-profile-prefix', 'dev')).toBe('AWS_PROFILE=dev');
    expect(profileLine('copy-profile-export', 'dev')).toBe('export AWS_PROFILE=dev');
    expect(profileLine('copy-profile-export', "it's dev")).toBe("export AWS_PROFILE='it'\\''s dev'");
    for (const name of odd) {
      // The prefix before a command, and the export for the rest of the shell: sh itself says what it read.
      const prefix = `${profileLine('copy-profile-prefix', name)} printenv AWS_PROFILE`;
      const exported = `${profileLine('copy-profile-export', name)}; printenv AWS_PROFILE`;
      for (const line of [prefix, exported]) {
        expect(execFileSync('/bin/sh', ['-c', line], { encoding: 'utf8', env: { PATH: process.env.PATH } })).toBe(
          `${name}\n`,
        );
      }
    }
  });
});

describe('Refresh now', () => {
  const corp = (overrides: Partial<SsoSession> = {}): SsoSession =>
    makeSession({ name: 'corp', refreshable: true, ...overrides });
  const refreshes = (items: readonly TrayItem[]): string[] =>
    items.flatMap((i) =>
      i.type === 'submenu'
        ? refreshes(i.items).map((r) => `${i.label} > ${r}`)
        : i.type === 'action' && i.action.id === 'sso-refresh'
          ? [`${i.label}:${i.action.arg}`]
          : [],
    );

  it('is offered for a session that can refresh: beside the active profile, in its session and its picker entry', () => {
    const items = model({ sessions: [corp()], profiles: [makeSsoProfile('prod', 'corp')] }).items;
    expect(refreshes(items)).toEqual([
      'Refresh now:corp',
      `${PICKER_LABEL} > ✓ prod — valid > Refresh now:corp`,
      'corp — expires at 20:00 (in 8h) > Refresh now:corp',
    ]);
  });

  it.each([
    ['without a refresh token', { refreshable: false }],
    ['signed out', { status: 'signed-out' as const, expiresAt: null }],
    ['of a legacy profile (the tools never refresh those)', { legacy: true }],
    ['without a start URL', { startUrl: null }],
  ])('is not offered for a session %s', (_, overrides) => {
    const session = corp(overrides);
    const items = model({ sessions: [session], profiles: [makeSsoProfile('prod', session.name)] }).items;
    expect(refreshes(items)).toEqual([]);
  });

  it('is not offered for a profile without an SSO session', () => {
    expect(refreshes(model({ profiles: [makeProfile({ name: 'keys' })] }).items)).toEqual([]);
  });
});
