// The tray's `aws login` part: a section of login sessions with Log in / Log out by profile, and
// a one-click Log in beside an active login profile that needs one.
import { describe, expect, it } from 'vitest';
import { buildTrayModel, type TrayItem } from '../../../../electron/core/tray/tray-model';
import type { LoginSession } from '../../../../electron/shared/model';
import { FACTORY_NOW, makeProfile, makeSnapshot, minutesFrom } from '../../../support/snapshot-factory';

const ARN = 'arn:aws:iam::012345678901:user/alice';
const utc = (at: Date): string => at.toISOString().slice(11, 16);

function loginSession(name: string, overrides: Partial<LoginSession> = {}): LoginSession {
  return {
    name,
    status: 'valid',
    expiresAt: minutesFrom(10 * 60),
    credentialsExpireAt: minutesFrom(14),
    refreshable: true,
    accountId: '012345678901',
    cacheFile: `/home/u/.aws/login/cache/${name.length}.json`,
    profiles: ['console'],
    problems: [],
    ...overrides,
  };
}

const find = (items: readonly TrayItem[], label: string): TrayItem | undefined =>
  items.find((i) => i.type !== 'separator' && i.label.startsWith(label));

describe('buildTrayModel: aws login sessions', () => {
  it('lists each session by the short form of its ARN, with Log in again and Log out through its profile', () => {
    const snap = makeSnapshot({
      profiles: [makeProfile({ name: 'default', kind: 'static', status: 'long-lived' })],
      aws: { loginSessions: [loginSession(ARN)] },
    });
    const model = buildTrayModel(snap, FACTORY_NOW, utc);
    expect(find(model.items, 'AWS login session')).toEqual({ type: 'label', label: 'AWS login session' });
    const item = find(model.items, 'user/alice');
    expect(item).toMatchObject({ type: 'submenu', label: 'user/alice — expires at 22:00 (in 10h)' });
    expect(item?.type === 'submenu' ? item.items : []).toEqual([
      { type: 'action', label: 'Log in again…', action: { id: 'aws-login', arg: 'console' } },
      { type: 'action', label: 'Log out', action: { id: 'aws-logout', arg: 'console' } },
      { type: 'action', label: 'Show in window…', action: { id: 'open-window' } },
    ]);
  });

  it('offers only Log in for a signed-out session, and puts the active profile’s session first', () => {
    const other = 'arn:aws:sts::210987654321:assumed-role/Dev/bob';
    const snap = makeSnapshot({
      profiles: [makeProfile({ name: 'bob', kind: 'login', status: 'signed-out', expiresAt: null })],
      aws: {
        loginSessions: [
          loginSession(ARN, { status: 'expired', expiresAt: minutesFrom(-30), refreshable: false }),
          loginSession(other, { status: 'signed-out', expiresAt: null, profiles: ['bob'] }),
        ],
      },
    });
    const model = buildTrayModel(snap, FACTORY_NOW, utc);
    const menus = model.items.filter((i) => i.type === 'submenu' && i.label.includes('/'));
    expect(menus.map((m) => (m.type === 'submenu' ? m.label : ''))).toEqual([
      'assumed-role/Dev/bob — signed out',
      'user/alice — expired at 11:30',
    ]);
    const bob = menus[0];
    expect(bob?.type === 'submenu' ? bob.items[0] : null).toEqual({
      type: 'action',
      label: 'Log in…',
      action: { id: 'aws-login', arg: 'bob' },
    });
    expect(
      bob?.type === 'submenu' ? bob.items.some((i) => i.type === 'action' && i.action.id === 'aws-logout') : true,
    ).toBe(false);
    // The one-click fix beside the active profile.
    expect(model.items).toContainEqual({
      type: 'action',
      label: 'Log in with aws login…',
      action: { id: 'aws-login', arg: 'bob' },
    });
  });

  it('says nothing about login sessions when there are none', () => {
    const model = buildTrayModel(
      makeSnapshot({ profiles: [makeProfile({ name: 'default', kind: 'static', status: 'long-lived' })] }),
      FACTORY_NOW,
      utc,
    );
    expect(JSON.stringify(model.items)).not.toMatch(/login session|aws-login/);
  });
});
