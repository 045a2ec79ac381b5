import { describe, expect, it } from 'vitest';
import {
  activeVerifiedText,
  adviceLabel,
  noneCanOperate,
  otherIdentities,
  ownerHereText,
} from '../../../../renderer/src/lib/clusters-advice';
import { groupByOwner, type SkyClusterOwnership } from '../../../../renderer/src/lib/clusters-view';

const ALICE = ['AIDAALICE0000000001', '111122223333'];
const NOW = Date.parse('2026-12-07T14:00:00.000Z');

function cluster(over: Partial<SkyClusterOwnership> & { name: string }): SkyClusterOwnership {
  return {
    status: 'UP',
    launchedAt: '2026-11-20T10:00:00.000Z',
    owner: ALICE,
    ownerText: JSON.stringify(ALICE),
    cloud: 'aws',
    matches: [],
    operableByActive: false,
    activeIdentity: null,
    fix: null,
    note: null,
    ...over,
  };
}

describe('clusters advice', () => {
  it('offers only identities that can be used now, and the others once signed in again', () => {
    const c = cluster({
      name: 'train',
      matches: [
        {
          cloud: 'aws',
          identity: 'alice',
          level: 'user',
          active: false,
          fix: 'AWS_PROFILE=alice sky ...',
          usable: true,
        },
        { cloud: 'aws', identity: 'alice-sso', level: 'user', active: false, fix: 'x', usable: false },
        { cloud: 'aws', identity: 'carol', level: 'account', active: true, fix: null },
      ],
    });
    const others = otherIdentities(c);
    expect(others.now.map((m) => m.identity)).toEqual(['alice']);
    expect(others.afterSignIn.map((m) => m.identity)).toEqual(['alice-sso']);
    expect(noneCanOperate(c)).toBe(false);
  });

  it('says none can operate it only when no identity could, even after signing in', () => {
    expect(noneCanOperate(cluster({ name: 'a' }))).toBe(true);
    const later = cluster({
      name: 'b',
      matches: [{ cloud: 'aws', identity: 'alice-sso', level: 'user', active: false, fix: 'x', usable: false }],
    });
    expect(noneCanOperate(later)).toBe(false);
  });

  it('says how old a remembered answer is, and nothing for one asked now', () => {
    const remembered = cluster({ name: 'r', operableByActive: true, activeRememberedAt: '2026-12-07T12:00:00.000Z' });
    expect(activeVerifiedText(remembered, NOW)).toBe('verified 2h ago');
    expect(activeVerifiedText(cluster({ name: 'f', operableByActive: true }), NOW)).toBeNull();
    expect(
      adviceLabel(
        {
          cloud: 'aws',
          identity: 'alice',
          level: 'user',
          active: false,
          fix: null,
          rememberedAt: '2026-12-07T13:30:00.000Z',
        },
        NOW,
      ),
    ).toBe('AWS profile alice, verified 30m ago');
  });

  it('does not say no local identity is the owner without saying that some can operate its clusters', () => {
    const [group] = groupByOwner([
      cluster({
        name: 'train',
        operableByActive: true,
        matches: [{ cloud: 'aws', identity: 'bob', level: 'account', active: true, fix: null }],
      }),
    ]);
    expect(ownerHereText(group!)).toBe(
      'None of your local identities is this owner, but some can operate its clusters: see each one.',
    );
    const [strangers] = groupByOwner([cluster({ name: 'x' })]);
    expect(ownerHereText(strangers!)).toBe('None of your local identities is this owner.');
  });

  it('names the local owner, and says when it must sign in again first', () => {
    const [group] = groupByOwner([
      cluster({
        name: 'train',
        matches: [{ cloud: 'aws', identity: 'alice-sso', level: 'user', active: false, fix: 'x', usable: false }],
      }),
    ]);
    expect(ownerHereText(group!)).toBe('This owner here: AWS profile alice-sso (sign in again first)');
  });
});
