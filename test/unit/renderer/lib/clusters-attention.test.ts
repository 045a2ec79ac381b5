import { describe, expect, it } from 'vitest';
import type { KubeContext, KubeState } from '../../../../electron/shared/kube-model';
import type { SkyState } from '../../../../electron/shared/sky-model';
import { clustersAttention } from '../../../../renderer/src/lib/clusters-attention';
import { makeSnapshot } from '../../../support/snapshot-factory';

const context = (
  name: string,
  status: KubeContext['status'],
  provider: KubeContext['provider'] = 'eks',
): KubeContext => ({
  name,
  cluster: name,
  server: null,
  user: name,
  current: false,
  provider,
  auth: 'aws eks get-token',
  identity: provider === 'other' ? null : { cloud: 'aws', profile: 'prod' },
  status,
  file: '/home/u/.kube/config',
});
const kube = (contexts: KubeContext[]): KubeState => ({
  configFiles: ['/home/u/.kube/config'],
  currentContext: null,
  contexts,
  problems: [],
});
const sky = (notOperable: number): SkyState => ({ notOperable }) as SkyState;

describe('clustersAttention', () => {
  it('counts clusters not operable as before when no context needs a login', () => {
    expect(clustersAttention(null)).toEqual({ count: 0, label: '0 not operable by the active identity' });
    expect(
      clustersAttention({
        ...makeSnapshot(),
        sky: sky(1),
        kube: kube([context('ok', 'valid'), context('kind', 'unknown', 'other')]),
      }),
    ).toEqual({
      count: 1,
      label: '1 not operable by the active identity',
    });
  });

  it('adds the Kubernetes contexts whose identity needs a login', () => {
    const two = kube([context('a', 'expired'), context('b', 'reauth-needed'), context('c', 'expiring')]);
    expect(clustersAttention({ ...makeSnapshot(), kube: two })).toEqual({
      count: 2,
      label: '2 Kubernetes contexts need a login',
    });
    expect(clustersAttention({ ...makeSnapshot(), sky: sky(1), kube: kube([context('a', 'signed-out')]) })).toEqual({
      count: 2,
      label: '1 not operable by the active identity, 1 Kubernetes context needs a login',
    });
  });
});
