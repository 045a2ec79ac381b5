// The tray's SkyPilot section, through buildTrayModel as the shell sees it.
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../../electron/shared/model';
import type { SkyClusterOwnership, SkyState } from '../../../../electron/shared/sky-model';
import { MAX_MENU_CLUSTERS, ownerShort } from '../../../../electron/core/tray/tray-clusters';
import { buildTrayModel, MAX_TOOLTIP_CHARS, type TrayItem } from '../../../../electron/core/tray/tray-model';
import { makeProfile, makeSnapshot } from '../../../support/snapshot-factory';

const NOW = Date.parse('2026-11-26T12:00:00Z');
const BOB = ['AIDABOB0000000000001', '999988887777'];
const FIX = 'AWS_PROFILE=bob sky ...';

function cluster(name: string, over: Partial<SkyClusterOwnership> = {}): SkyClusterOwnership {
  return {
    name,
    status: 'UP',
    launchedAt: '2026-11-25T09:46:40.000Z',
    owner: ['AIDAALICE0000000001', '111122223333'],
    ownerText: null,
    cloud: 'aws',
    matches: [{ cloud: 'aws', identity: 'default', level: 'user', active: true, fix: null }],
    operableByActive: true,
    activeIdentity: 'AIDAALICE0000000001 [account=111122223333]',
    fix: null,
    note: null,
    ...over,
  };
}

const notOperable = (name: string, over: Partial<SkyClusterOwnership> = {}): SkyClusterOwnership =>
  cluster(name, {
    status: 'STOPPED',
    owner: BOB,
    matches: [{ cloud: 'aws', identity: 'bob', level: 'user', active: false, fix: FIX }],
    operableByActive: false,
    fix: FIX,
    ...over,
  });

function sky(clusters: SkyClusterOwnership[], over: Partial<SkyState> = {}): SkyState {
  return {
    stateFile: '/home/u/.sky/state.db',
    available: true,
    reason: null,
    message: null,
    apiServer: null,
    identityCheckSkipped: false,
    activeIdentities: { aws: null, awsProfile: 'default', awsAccountHint: null, gcp: null },
    clusters,
    notOperable: clusters.filter((c) => c.operableByActive === false).length,
    problems: [],
    ...over,
  };
}

function withSky(state: SkyState | null): Snapshot {
  return {
    ...makeSnapshot({ profiles: [makeProfile({ name: 'default', status: 'long-lived' })], activeProfile: 'default' }),
    sky: state,
  };
}

/** The items between the clusters' heading and the next separator. */
function section(items: TrayItem[]): TrayItem[] {
  const start = items.findIndex((i) => i.type === 'label' && i.label.startsWith('SkyPilot cluster'));
  if (start < 0) return [];
  const end = items.findIndex((i, n) => n > start && i.type === 'separator');
  return items.slice(start, end);
}

const labels = (items: TrayItem[]): string[] => items.map((i) => ('label' in i ? i.label : '—'));

describe('the tray’s SkyPilot clusters', () => {
  it('lists each cluster with status and owner, marks one the active identity cannot operate, and copies its fix', () => {
    const model = buildTrayModel(withSky(sky([cluster('alice-train'), notOperable('bob-serve')])), NOW);
    const items = section(model.items);
    expect(labels(items)).toEqual([
      'SkyPilot clusters — 1 not operable',
      '⚠ bob-serve — stopped · bob',
      '    Copy fix “AWS_PROFILE=bob sky ...”',
      'alice-train — up · default',
    ]);
    expect(items[2]).toEqual({
      type: 'action',
      label: '    Copy fix “AWS_PROFILE=bob sky ...”',
      action: { id: 'copy-text', arg: FIX },
    });
    expect(items[1]).toMatchObject({ type: 'action', action: { id: 'show-clusters', arg: 'bob-serve' } });
    expect(model.tooltip).toContain('1 cluster not operable');
  });

  it('says nothing about clusters in the tooltip when all can be operated, or it is not known yet', () => {
    const model = buildTrayModel(withSky(sky([cluster('a'), cluster('b', { operableByActive: null })])), NOW);
    expect(model.tooltip).not.toContain('not operable');
    expect(labels(section(model.items))).toEqual(['SkyPilot clusters', 'a — up · default', 'b — up · default']);
    expect(model.items.some((i) => i.type === 'action' && i.action.id === 'copy-text')).toBe(false);
  });

  it('counts every cluster that cannot be operated in the tooltip, in plural', () => {
    const model = buildTrayModel(withSky(sky([notOperable('x'), notOperable('y'), cluster('z')])), NOW);
    expect(model.tooltip).toContain('2 clusters not operable');
    expect(model.tooltip.length).toBeLessThanOrEqual(MAX_TOOLTIP_CHARS);
  });

  it('caps the list, those needing a fix first, and points to the window for the rest', () => {
    const many = Array.from({ length: 20 }, (_, i) =>
      cluster(`c${String(i).padStart(2, '0')}`, { status: i % 2 ? 'STOPPED' : 'UP' }),
    );
    const model = buildTrayModel(withSky(sky([...many, notOperable('zz-theirs')])), NOW);
    const items = section(model.items);
    const clusterItems = items.filter(
      (i) => i.type === 'action' && i.action.id === 'show-clusters' && !i.label.includes('more'),
    );
    expect(clusterItems).toHaveLength(MAX_MENU_CLUSTERS);
    expect(labels(items)[1]).toBe('⚠ zz-theirs — stopped · bob');
    // Running ones before stopped ones.
    expect(labels(clusterItems).slice(1)).toEqual([
      'c00 — up · default',
      'c02 — up · default',
      'c04 — up · default',
      'c06 — up · default',
      'c08 — up · default',
      'c10 — up · default',
      'c12 — up · default',
    ]);
    expect(items.at(-1)).toEqual({
      type: 'action',
      label: `${21 - MAX_MENU_CLUSTERS} more in the window…`,
      action: { id: 'show-clusters' },
    });
  });

  it('warns when controllers would get credentials that expire, and opens the window for why', () => {
    const warning = { controllers: ['sky-jobs-controller-2ea485ea'], message: 'expires', instead: 'a key' };
    const state = sky([cluster('sky-jobs-controller-2ea485ea', { controller: 'jobs' })], {
      controllerWarnings: [
        { cloud: 'aws', ...warning },
        { cloud: 'gcp', ...warning },
      ],
    });
    const items = section(buildTrayModel(withSky(state), NOW).items);
    // Both clouds do not fit in a label: its end is cut after a whole word.
    expect(items[1]).toEqual({
      type: 'action',
      label: '⚠ Controllers: expiring AWS, Google Cloud…',
      action: { id: 'show-clusters' },
    });
    const awsOnly = sky([cluster('sky-jobs-controller-2ea485ea', { controller: 'jobs' })], {
      controllerWarnings: [{ cloud: 'aws', ...warning }],
    });
    expect(section(buildTrayModel(withSky(awsOnly), NOW).items)[1]).toEqual({
      type: 'action',
      label: '⚠ Controllers: expiring AWS credentials…',
      action: { id: 'show-clusters' },
    });
    expect(
      labels(section(buildTrayModel(withSky(sky([cluster('a')], { controllerWarnings: [] })), NOW).items)),
    ).toEqual(['SkyPilot cluster', 'a — up · default']);
  });

  it('shows no section without SkyPilot, with no clusters, or with no state.db; one warning when state.db cannot be read', () => {
    for (const state of [null, sky([]), sky([], { available: false, reason: 'missing', message: 'no state.db' })]) {
      const model = buildTrayModel(withSky(state), NOW);
      expect(section(model.items)).toEqual([]);
      expect(model.items.some((i) => 'label' in i && i.label.includes('SkyPilot'))).toBe(false);
    }
    const corrupt = buildTrayModel(
      withSky(sky([], { available: false, reason: 'corrupt', message: 'not a database' })),
      NOW,
    );
    expect(corrupt.items).toContainEqual({
      type: 'action',
      label: '⚠ Cannot read SkyPilot’s clusters…',
      action: { id: 'show-clusters' },
    });
  });

  it('cuts long names and commands in labels but copies the whole fix', () => {
    const longFix = `AWS_PROFILE=${'p'.repeat(100)} sky ...`;
    const model = buildTrayModel(withSky(sky([notOperable('n'.repeat(80), { fix: longFix })])), NOW);
    const copy = model.items.find((i) => i.type === 'action' && i.action.id === 'copy-text');
    expect(copy?.type === 'action' && copy.action.arg).toBe(longFix);
    expect(copy?.type === 'action' && Array.from(copy.label).length).toBeLessThanOrEqual(48);
    // Whole words around the cut: the one long word goes, not half of it.
    expect(copy?.type === 'action' && copy.label).toBe('    Copy fix “AWS_PROFILE=… sky ...”');
    // The name gives way, from its middle; the status and the owner stay whole.
    expect(labels(section(model.items))[1]).toMatch(/^⚠ n+…n+ — stopped · bob$/);
    expect(Array.from(labels(section(model.items))[1]!).length).toBe(48);
  });
});

describe('ownerShort', () => {
  it('names the local owner, else the owner’s account, else what the column holds', () => {
    expect(ownerShort(cluster('a'))).toBe('default');
    expect(ownerShort(cluster('a', { matches: [] }))).toBe('account 111122223333');
    expect(
      ownerShort(
        cluster('a', { matches: [{ cloud: 'aws', identity: 'ops', level: 'account', active: true, fix: null }] }),
      ),
    ).toBe('account 111122223333');
    expect(ownerShort(cluster('g', { cloud: 'gcp', matches: [], owner: ['carol@example.com [project_id=ml]'] }))).toBe(
      'carol@example.com',
    );
    expect(ownerShort(cluster('l', { matches: [], owner: 'AIDALEGACY' }))).toBe('AIDALEGACY');
    expect(ownerShort(cluster('n', { matches: [], owner: null }))).toBe('no owner');
  });
});
