// The tray's Kubernetes lines: the current context and those that need a sign-in, each as
// "context → identity → status", with the fix the app can start.
import { describe, expect, it } from 'vitest';
import type { KubeContext, KubeState } from '../../../../electron/shared/kube-model';
import { buildTrayModel } from '../../../../electron/core/tray/tray-model';
import { MAX_MENU_CONTEXTS } from '../../../../electron/core/tray/tray-kube';
import { FACTORY_NOW, makeProfile, makeSession, makeSnapshot, makeSsoProfile } from '../../../support/snapshot-factory';

const context = (over: Partial<KubeContext> & { name: string }): KubeContext => ({
  cluster: over.name,
  server: 'https://k8s.example.com',
  user: over.name,
  current: false,
  provider: 'other',
  auth: 'token',
  identity: null,
  status: 'unknown',
  file: '/home/u/.kube/config',
  ...over,
});

const kubeOf = (contexts: KubeContext[]): KubeState => ({
  configFiles: ['/home/u/.kube/config'],
  currentContext: contexts.find((c) => c.current)?.name ?? null,
  contexts,
  problems: [],
});

const base = makeSnapshot({
  sessions: [
    makeSession({ name: 'corp', status: 'expired', startUrl: 'https://corp.awsapps.com/start', region: 'eu-west-1' }),
  ],
  profiles: [
    makeSsoProfile('prod', 'corp', { status: 'expired' }),
    makeProfile({ name: 'dev', kind: 'static', status: 'long-lived' }),
  ],
  activeProfile: 'dev',
});

const menu = (kube: KubeState | null) => buildTrayModel({ ...base, kube }, FACTORY_NOW);
const labels = (kube: KubeState | null) => menu(kube).items.flatMap((i) => ('label' in i ? [i.label] : []));

describe('tray Kubernetes lines', () => {
  it('shows the current context and those that need a login, with the login that fixes them', () => {
    const kube = kubeOf([
      context({
        name: 'dev-eks',
        current: true,
        provider: 'eks',
        auth: 'aws eks get-token',
        identity: { cloud: 'aws', profile: 'dev' },
        status: 'long-lived',
      }),
      context({
        name: 'prod-eks',
        provider: 'eks',
        auth: 'aws eks get-token',
        identity: { cloud: 'aws', profile: 'prod' },
        status: 'expired',
      }),
      context({
        name: 'gke1',
        provider: 'gke',
        auth: 'gke-gcloud-auth-plugin',
        identity: { cloud: 'gcp', account: 'dev@example.com' },
        status: 'reauth-needed',
      }),
      context({ name: 'kind-local', auth: 'client certificate' }),
    ]);
    const model = menu(kube);
    const start = model.items.findIndex((i) => 'label' in i && i.label === 'Kubernetes');
    expect(model.items.slice(start, start + 7)).toEqual([
      { type: 'label', label: 'Kubernetes' },
      { type: 'action', label: 'dev-eks → profile dev → long-lived keys', action: { id: 'show-clusters' } },
      { type: 'action', label: '⚠ prod-eks → profile prod → expired', action: { id: 'show-clusters' } },
      { type: 'action', label: '    Log in to corp…', action: { id: 'sso-login', arg: 'corp' } },
      {
        type: 'action',
        label: '⚠ gke1 → gcloud dev@example.com → sign-in needed',
        action: { id: 'show-clusters' },
      },
      {
        type: 'action',
        label: '    Copy “gcloud auth login dev@example.com”',
        action: { id: 'gcp-copy-login-command', arg: 'dev@example.com' },
      },
      { type: 'action', label: '1 more context in the window…', action: { id: 'show-clusters' } },
    ]);
    expect(labels(kube)).not.toContain('kind-local → client certificate → not linked');
  });

  it('says in the tooltip when the current context cannot work', () => {
    const kube = kubeOf([
      context({
        name: 'prod-eks',
        current: true,
        provider: 'eks',
        identity: { cloud: 'aws', profile: 'prod' },
        status: 'expired',
      }),
    ]);
    expect(menu(kube).tooltip).toContain('kube prod-eks: expired');
    const gke = kubeOf([
      context({
        name: 'gke1',
        current: true,
        provider: 'gke',
        identity: { cloud: 'gcp', account: 'a@example.com' },
        status: 'reauth-needed',
      }),
    ]);
    expect(menu(gke).tooltip).toContain('kube gke1: sign-in needed');
    expect(menu(kubeOf([context({ name: 'ok', current: true })])).tooltip).not.toContain('kube');
  });

  it('lists a capped number of contexts, and nothing without a kubeconfig', () => {
    const many = kubeOf(
      Array.from({ length: 20 }, (_, i) =>
        context({ name: `c${i}`, provider: 'eks', identity: { cloud: 'aws', profile: 'prod' }, status: 'expired' }),
      ),
    );
    const lines = labels(many).filter((l) => l.includes(' → '));
    expect(lines).toHaveLength(MAX_MENU_CONTEXTS);
    expect(labels(many)).toContain(`${20 - MAX_MENU_CONTEXTS} more contexts in the window…`);
    expect(labels(null).some((l) => l.startsWith('Kubernetes'))).toBe(false);
    expect(labels(kubeOf([])).some((l) => l.startsWith('Kubernetes'))).toBe(false);
  });
});
