import { describe, expect, it } from 'vitest';
import {
  ALL_CLOUDS,
  UNKNOWN_CLOUD,
  cloudChoices,
  clusterStatus,
  describeOwner,
  filterByCloud,
  groupByOwner,
  launchedAgo,
  matchLabel,
  operability,
  summarize,
  type SkyClusterOwnership,
} from '../../../../renderer/src/lib/clusters-view';

const ALICE = ['AIDAALICE0000000001', '111122223333'];
const BOB = ['AIDABOB00000000000001', '999988887777'];

function cluster(over: Partial<SkyClusterOwnership> & { name: string }): SkyClusterOwnership {
  return {
    status: 'UP',
    launchedAt: '2026-11-20T10:00:00.000Z',
    owner: ALICE,
    ownerText: JSON.stringify(over.owner ?? ALICE),
    cloud: 'aws',
    matches: [],
    operableByActive: true,
    activeIdentity: null,
    fix: null,
    note: null,
    ...over,
  };
}

const mine = (name: string): SkyClusterOwnership =>
  cluster({ name, matches: [{ cloud: 'aws', identity: 'default', level: 'user', active: true, fix: null }] });
const theirs = (name: string, operableByActive: boolean | null = false): SkyClusterOwnership =>
  cluster({
    name,
    owner: BOB,
    operableByActive,
    fix: 'export AWS_PROFILE=bob',
    matches: [{ cloud: 'aws', identity: 'bob', level: 'user', active: false, fix: 'export AWS_PROFILE=bob' }],
  });

describe('describeOwner', () => {
  it('reads an AWS [UserId, Account] owner as its account and user or role', () => {
    expect(describeOwner(ALICE)).toEqual({ title: 'AWS account 111122223333', detail: 'user AIDAALICE0000000001' });
    expect(describeOwner(['AROAROLE000000000001:botocore-session', '111122223333'])).toEqual({
      title: 'AWS account 111122223333',
      detail: 'role AROAROLE000000000001:botocore-session',
    });
  });

  it('reads a GCP identity as the account and its project', () => {
    expect(describeOwner(['alice@example.com [project_id=ml-prod]'])).toEqual({
      title: 'alice@example.com',
      detail: 'project ml-prod',
    });
  });

  it('keeps legacy plain-string owners, says when there is none, and never throws on odd JSON', () => {
    expect(describeOwner('AIDALEGACY0000000001')).toEqual({ title: 'AWS user AIDALEGACY0000000001', detail: null });
    expect(describeOwner(null)).toEqual({ title: 'No owner recorded', detail: null });
    expect(describeOwner([])).toEqual({ title: 'No owner recorded', detail: null });
    expect(describeOwner({ a: 1 })).toEqual({ title: '{"a":1}', detail: null });
    expect(describeOwner(['x', 'y', 'z'])).toEqual({ title: 'x · y · z', detail: null });
  });
});

describe('groupByOwner', () => {
  it('puts clusters of one owner together, with the local identities that are that owner', () => {
    const groups = groupByOwner([mine('b'), theirs('t1'), mine('a'), theirs('t2')]);
    expect(groups.map((g) => [g.owner.title, g.clusters.map((c) => c.name)])).toEqual([
      ['AWS account 999988887777', ['t1', 't2']],
      ['AWS account 111122223333', ['a', 'b']],
    ]);
    expect(groups[0]?.localOwners.map((m) => m.identity)).toEqual(['bob']);
    expect(groups[0]?.activeOwns).toBe(false);
    expect(groups[0]?.notOperable).toBe(2);
    expect(groups[1]?.activeOwns).toBe(true);
    expect(groups[1]?.notOperable).toBe(0);
  });

  it('orders by attention: not operable, then to verify, then fine; unowned clusters after named owners', () => {
    const unowned = cluster({ name: 'old', owner: null, ownerText: null });
    const toVerify = cluster({ name: 'v', owner: ['AIDAX0000000000000001', '222233334444'], operableByActive: null });
    const groups = groupByOwner([unowned, mine('m'), toVerify, theirs('t')]);
    expect(groups.map((g) => g.clusters[0]?.name)).toEqual(['t', 'v', 'm', 'old']);
  });

  it('lists an account-level match as operable but not as the owner', () => {
    const c = cluster({
      name: 'x',
      matches: [{ cloud: 'aws', identity: 'ops', level: 'account', active: true, fix: null }],
    });
    const [group] = groupByOwner([c]);
    expect(group?.localOwners).toEqual([]);
    expect(group?.activeOwns).toBe(false);
  });
});

describe('the cloud filter', () => {
  const clusters = [
    mine('a'),
    cluster({ name: 'g', cloud: 'gcp' }),
    cluster({ name: 'k', cloud: 'kubernetes' }),
    cluster({ name: 'n', cloud: null }),
    mine('b'),
  ];

  it('offers each cloud present once with its count, the unrecorded one last', () => {
    expect(cloudChoices(clusters)).toEqual([
      { key: 'aws', label: 'AWS', count: 2 },
      { key: 'gcp', label: 'Google Cloud', count: 1 },
      { key: 'kubernetes', label: 'Kubernetes', count: 1 },
      { key: UNKNOWN_CLOUD, label: 'Cloud not recorded', count: 1 },
    ]);
  });

  it('keeps only the chosen cloud, or everything', () => {
    expect(filterByCloud(clusters, 'aws').map((c) => c.name)).toEqual(['a', 'b']);
    expect(filterByCloud(clusters, UNKNOWN_CLOUD).map((c) => c.name)).toEqual(['n']);
    expect(filterByCloud(clusters, ALL_CLOUDS)).toHaveLength(5);
    expect(filterByCloud(clusters, 'azure')).toEqual([]);
  });
});

describe('operability', () => {
  it('offers verification only where STS can decide it (AWS, or a cloud not recorded)', () => {
    expect(operability(mine('a'))).toBe('operable');
    expect(operability(theirs('t'))).toBe('not-operable');
    expect(operability(theirs('t', null))).toBe('verify');
    expect(operability(cluster({ name: 'n', cloud: null, operableByActive: null }))).toBe('verify');
    expect(operability(cluster({ name: 'k', cloud: 'kubernetes', operableByActive: null }))).toBe('unknown');
    expect(operability(cluster({ name: 'g', cloud: 'gcp', operableByActive: null }))).toBe('unknown');
  });

  it('counts what needs attention', () => {
    expect(
      summarize([
        mine('a'),
        theirs('b'),
        theirs('c', null),
        cluster({ name: 'k', cloud: 'kubernetes', operableByActive: null }),
      ]),
    ).toEqual({
      total: 4,
      notOperable: 1,
      toVerify: 1,
    });
  });
});

describe('wording', () => {
  it('names SkyPilot statuses and keeps unknown ones as they are', () => {
    expect(clusterStatus('UP')).toEqual({ label: 'Up', tone: 'up' });
    expect(clusterStatus('STOPPED').tone).toBe('stopped');
    expect(clusterStatus('INIT').tone).toBe('init');
    expect(clusterStatus('AUTOSTOPPING')).toEqual({ label: 'AUTOSTOPPING', tone: 'other' });
    expect(clusterStatus(null).tone).toBe('other');
  });

  it('names a matching identity with its cloud and how it matches', () => {
    expect(matchLabel({ cloud: 'aws', identity: 'dev', level: 'user', active: true, fix: null })).toBe(
      'AWS profile dev (active)',
    );
    expect(matchLabel({ cloud: 'aws', identity: 'ops', level: 'account', active: false, fix: 'x' })).toBe(
      'AWS profile ops (same account, another user)',
    );
    expect(
      matchLabel({ cloud: 'gcp', identity: 'a@b.c (configuration w)', level: 'user', active: false, fix: 'x' }),
    ).toBe('Google account a@b.c (configuration w)');
  });
});

describe('launchedAgo', () => {
  const NOW = Date.parse('2026-11-26T12:00:00Z');
  const ago = (ms: number): string => new Date(NOW - ms).toISOString();
  const DAY = 24 * 3600 * 1000;

  it('counts minutes, hours and days within a month, then months, then years', () => {
    expect(launchedAgo(ago(20_000), NOW)).toBe('just now');
    expect(launchedAgo(ago(5 * 60_000), NOW)).toBe('5m ago');
    expect(launchedAgo(ago(3 * DAY + 4 * 3600_000), NOW)).toBe('3d 4h ago');
    expect(launchedAgo(ago(30 * DAY), NOW)).toBe('30d ago');
    expect(launchedAgo(ago(31 * DAY), NOW)).toBe('1 month ago');
    expect(launchedAgo(ago(200 * DAY), NOW)).toBe('6 months ago');
    expect(launchedAgo(ago(400 * DAY), NOW)).toBe('1 year ago');
    expect(launchedAgo(ago(1158 * DAY), NOW)).toBe('3 years ago');
    expect(launchedAgo('not a date', NOW)).toBe('at an unknown time');
  });
});
