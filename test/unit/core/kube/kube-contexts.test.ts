// A kubeconfig as kubectl writes it becomes contexts with a provider and the identity behind each,
// merged across files as kubectl merges them, linked to the AWS and gcloud statuses of the
// snapshot, and with no secret of the file kept anywhere.
import { describe, expect, it } from 'vitest';
import type { GcpState } from '../../../../electron/shared/gcp-model';
import { parseYaml } from '../../../../electron/core/fs/yaml-parse';
import { classifyUser } from '../../../../electron/core/kube/kube-user-auth';
import { kubeconfigFromYaml, serverWithoutUserinfo } from '../../../../electron/core/kube/kubeconfig-file';
import { kubeconfigFiles, mergeKubeconfigs } from '../../../../electron/core/kube/kubeconfig-merge';
import { entryLines } from '../../../../electron/core/kube/kubeconfig-lines';
import { kubeSnapshot } from '../../../../electron/core/kube/kube-snapshot';
import { kubeContextLine } from '../../../../electron/shared/kube-words';
import {
  KUBE_SECRETS,
  eksEntry,
  gkeEntry,
  iamAuthenticatorEntry,
  kindEntry,
  kubeconfigText,
  oidcEntry,
  tokenEntry,
} from '../../../support/kubeconfig-fixtures';

function fileOf(text: string, path: string, env: NodeJS.ProcessEnv = {}) {
  const parsed = parseYaml(text, path);
  if (!parsed.ok) throw new Error(parsed.problem.message);
  return kubeconfigFromYaml(parsed.value, path, env, entryLines(text));
}

function readOf(texts: string[], env: NodeJS.ProcessEnv = {}) {
  const problems = [];
  const files = [];
  for (const [i, text] of texts.entries()) {
    const parsed = fileOf(text, `/home/u/.kube/config-${i}`, env);
    problems.push(...parsed.problems);
    files.push(parsed.file);
  }
  return mergeKubeconfigs(
    files.map((f) => f.path),
    files,
    problems,
  );
}

const gcp = (overrides: Partial<GcpState> = {}): GcpState => ({
  configDir: '/home/u/.config/gcloud',
  activeConfiguration: 'default',
  configurations: [
    { name: 'default', active: true, account: 'dev@example.com', project: 'p', region: null, zone: null },
    { name: 'ops', active: false, account: 'ops@example.com', project: 'p', region: null, zone: null },
  ],
  accounts: [
    { account: 'dev@example.com', type: 'authorized_user', tokenExpiresAt: null, status: 'reauth-needed' },
    { account: 'ops@example.com', type: 'authorized_user', tokenExpiresAt: null, status: 'valid' },
  ],
  adc: null,
  googleApplicationCredentials: null,
  keys: [],
  overrides: [],
  problems: [],
  ...overrides,
});

describe('classifyUser', () => {
  const user = (entry: { user: string }, env: NodeJS.ProcessEnv = {}) => {
    const text = kubeconfigText([{ name: 'x', server: 'https://x', user: entry.user }]);
    return fileOf(text, '/k', env).file.users.get('x');
  };

  it('reads the AWS profile of `aws eks get-token` from the exec env, else kubectl’s own, else default', () => {
    expect(user(eksEntry('prod', { profile: 'prod' }), { AWS_PROFILE: 'dev' })).toEqual({
      provider: 'eks',
      auth: 'aws eks get-token',
      identity: { cloud: 'aws', profile: 'prod' },
    });
    expect(user(eksEntry('prod'), { AWS_PROFILE: 'dev' })?.identity).toEqual({ cloud: 'aws', profile: 'dev' });
    expect(user(eksEntry('prod'), { AWS_DEFAULT_PROFILE: 'old' })?.identity).toEqual({ cloud: 'aws', profile: 'old' });
    expect(user(eksEntry('prod'))?.identity).toEqual({ cloud: 'aws', profile: 'default' });
  });

  it('prefers a --profile argument over AWS_PROFILE, as the AWS CLI does', () => {
    const entry = eksEntry('prod', { profile: 'from-env' });
    const withArg = {
      user: entry.user.replace('      - json\n', '      - json\n      - --profile\n      - from-arg\n'),
    };
    expect(user(withArg)?.identity).toEqual({ cloud: 'aws', profile: 'from-arg' });
    const withEquals = { user: entry.user.replace('      - json\n', '      - json\n      - --profile=eq\n') };
    expect(user(withEquals)?.identity).toEqual({ cloud: 'aws', profile: 'eq' });
  });

  it('knows aws-iam-authenticator, gke-gcloud-auth-plugin and the rest', () => {
    expect(user(iamAuthenticatorEntry('c', 'eks-admin'))).toEqual({
      provider: 'eks',
      auth: 'aws-iam-authenticator',
      identity: { cloud: 'aws', profile: 'eks-admin' },
    });
    expect(user(gkeEntry('proj', 'us-central1-a', 'c'))).toEqual({
      provider: 'gke',
      auth: 'gke-gcloud-auth-plugin',
      identity: { cloud: 'gcp', account: null, configuration: null },
    });
    expect(user(kindEntry('dev'))).toEqual({ provider: 'other', auth: 'client certificate', identity: null });
    expect(user(tokenEntry('sa'))).toEqual({ provider: 'other', auth: 'token', identity: null });
    expect(user(oidcEntry('corp'))).toEqual({ provider: 'other', auth: 'OIDC', identity: null });
    expect(classifyUser({ exec: { command: '/opt/bin/kubelogin', args: ['get-token'] } }, {})).toEqual({
      provider: 'other',
      auth: 'exec kubelogin',
      identity: null,
    });
    expect(classifyUser({ exec: { command: 'C:\\bin\\aws.exe', args: ['eks', 'get-token'] } }, {}).provider).toBe(
      'eks',
    );
    expect(classifyUser('not a mapping', {})).toEqual({ provider: 'other', auth: 'none', identity: null });
  });

  it('keeps no secret of the user entry', () => {
    const text = kubeconfigText([iamAuthenticatorEntry('c', 'p'), kindEntry('k'), tokenEntry('t'), oidcEntry('o')]);
    const json = JSON.stringify([...fileOf(text, '/k').file.users.values()]);
    for (const secret of Object.values(KUBE_SECRETS)) expect(json).not.toContain(secret);
  });
});

describe('serverWithoutUserinfo', () => {
  it('drops a user:password from the API server URL and leaves other URLs as written', () => {
    expect(serverWithoutUserinfo('https://admin:hunter2@k8s.example.com:6443')).toBe('https://k8s.example.com:6443/');
    expect(serverWithoutUserinfo('https://k8s.example.com:6443')).toBe('https://k8s.example.com:6443');
    expect(serverWithoutUserinfo('not a url admin:pw@host')).toBe('host');
    expect(serverWithoutUserinfo(42)).toBeNull();
  });
});

describe('merging kubeconfig files', () => {
  it('lets the first file that defines a name win, and takes current-context from the first that sets it', () => {
    const first = kubeconfigText([eksEntry('prod', { alias: 'prod', profile: 'prod' })], null);
    const second = kubeconfigText(
      [eksEntry('prod', { alias: 'prod', profile: 'other' }), gkeEntry('proj', 'us-central1-a', 'gke1')],
      'prod',
    );
    const read = readOf([first, second]);
    expect(read.currentContext).toBe('prod');
    expect(read.contexts.map((c) => [c.name, c.current, c.provider, c.file])).toEqual([
      ['prod', true, 'eks', '/home/u/.kube/config-0'],
      ['gke_proj_us-central1-a_gke1', false, 'gke', '/home/u/.kube/config-1'],
    ]);
    expect(read.contexts[0]?.identity).toEqual({ cloud: 'aws', profile: 'prod' });
    expect(read.problems).toEqual([]);
  });

  it('reports a context whose user or cluster no file defines, and a current-context that does not exist', () => {
    const text = `apiVersion: v1
clusters: []
contexts:
- context:
    cluster: nowhere
    user: nobody
  name: broken
current-context: gone
kind: Config
users: []
`;
    const read = readOf([text]);
    expect(read.contexts).toEqual([
      expect.objectContaining({ name: 'broken', server: null, provider: 'other', identity: null }),
    ]);
    expect(read.problems.map((p) => p.message)).toEqual([
      'context “broken” names cluster “nowhere”, which no kubeconfig file defines',
      'context “broken” names user “nobody”, which no kubeconfig file defines',
      'current-context “gone” is not a context any kubeconfig file defines',
    ]);
    // The context's own line, where a user can fix it.
    expect(read.problems.map((p) => p.line)).toEqual([4, 4, undefined]);
  });

  it('skips nameless entries and sections that are not lists, and keeps the rest', () => {
    const text = `apiVersion: v1
clusters: {}
contexts:
- context: {}
- context:
    user: u
  name: ok
kind: Config
users:
- name: u
  user:
    token: ${KUBE_SECRETS.token}
`;
    const read = readOf([text]);
    expect(read.contexts.map((c) => c.name)).toEqual(['ok']);
    expect(read.problems.map((p) => p.message)).toEqual([
      '`clusters` is not a list, so none of its entries can be used',
      'entry 1 of `contexts` has no name, so it was skipped',
      'context “ok” names no cluster',
    ]);
    expect(read.problems.map((p) => p.line)).toEqual([undefined, 4, 5]);
  });

  it('splits KUBECONFIG like PATH, dropping empty entries and repeats', () => {
    expect(kubeconfigFiles({ KUBECONFIG: '/a:/b::/a' }, '/home/u', ':')).toEqual({
      files: ['/a', '/b'],
      explicit: true,
    });
    expect(kubeconfigFiles({ KUBECONFIG: '' }, '/home/u', ':')).toEqual({
      files: ['/home/u/.kube/config'],
      explicit: false,
    });
  });
});

describe('kubeSnapshot', () => {
  const read = readOf([
    kubeconfigText(
      [
        eksEntry('prod', { alias: 'prod-eks', profile: 'prod' }),
        eksEntry('stage', { alias: 'stage-eks', profile: 'missing' }),
        gkeEntry('proj', 'us-central1-a', 'gke1'),
        kindEntry('local'),
      ],
      'prod-eks',
    ),
  ]);

  it('gives each context its linked identity’s status in one line', () => {
    const kube = kubeSnapshot(read, new Map([['prod', 'expired']]), gcp());
    expect(kube.contexts.map(kubeContextLine)).toEqual([
      'prod-eks → profile prod → expired, log in',
      'stage-eks → profile missing → error',
      'gke_proj_us-central1-a_gke1 → gcloud dev@example.com → sign-in needed, log in',
      'kind-local → client certificate → not linked',
    ]);
    expect(kube.contexts[0]).toMatchObject({
      current: true,
      status: 'expired',
      identity: { cloud: 'aws', profile: 'prod' },
    });
    expect(kube.problems.map((p) => p.message)).toEqual([
      'context “stage-eks” uses AWS profile “missing”, which is not in your AWS config',
    ]);
  });

  it('follows gcloud’s account override, and a plugin told which configuration to use', () => {
    const overridden = gcp({
      overrides: [{ variable: 'CLOUDSDK_CORE_ACCOUNT', property: 'core/account', value: 'ops@example.com' }],
    });
    expect(kubeSnapshot(read, new Map(), overridden).contexts[2]).toMatchObject({
      identity: { cloud: 'gcp', account: 'ops@example.com' },
      status: 'valid',
    });
    const configured = {
      ...read,
      contexts: read.contexts.map((c) =>
        c.provider === 'gke' ? { ...c, identity: { cloud: 'gcp' as const, account: null, configuration: 'ops' } } : c,
      ),
    };
    expect(kubeSnapshot(configured, new Map(), gcp()).contexts[2]).toMatchObject({
      identity: { cloud: 'gcp', account: 'ops@example.com' },
      status: 'valid',
    });
  });

  it('says signed out when gcloud has no account, and unknown when gcloud is not read', () => {
    const none = gcp({
      configurations: [{ name: 'default', active: true, account: null, project: null, region: null, zone: null }],
    });
    expect(kubeSnapshot(read, new Map(), none).contexts[2]).toMatchObject({ identity: null, status: 'signed-out' });
    expect(kubeSnapshot(read, new Map(), null).contexts[2]).toMatchObject({ identity: null, status: 'unknown' });
  });
});
