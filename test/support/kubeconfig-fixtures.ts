// TEST ONLY. Kubeconfig files as kubectl writes them (`kubectl config view --raw` order: keys
// sorted, lists of `- cluster:`/`- context:` bodies with `name` after them, `preferences: {}`),
// with the user entries `aws eks update-kubeconfig`, eksctl (aws-iam-authenticator),
// `gcloud container clusters get-credentials`, kind (client certificate) and an OIDC login write.
// The secrets in them are fake and must never reach the snapshot: the tests look for them.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Fake secret material; a test fails if any of these appears in the app's output. */
export const KUBE_SECRETS = {
  token: 'kube-token-SECRET-0123456789abcdef',
  clientKey: 'LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktU0VDUkVULS0tLS0K',
  password: 'kube-password-SECRET',
  envSecret: 'aws-secret-from-exec-env-SECRET',
  refreshToken: 'oidc-refresh-SECRET',
} as const;

const CA =
  'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUMvakNDQWVhZ0F3SUJBZ0lCQURBTkJna3Foa2lHOXcwQkFRc0ZBREFWTVJNd0VRWURWUVFERXdwcmRXSmwKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=';

export interface KubeEntry {
  /** The context, cluster and user name (kubectl's writers use one name for all three). */
  name: string;
  server: string;
  /** The `user:` body, indented as under `users: - name: x\n  user:`. */
  user: string;
}

/** `aws eks update-kubeconfig --name <cluster> --region <region> [--profile <profile>]`. */
export function eksEntry(
  cluster: string,
  opts: { account?: string; region?: string; profile?: string; alias?: string } = {},
): KubeEntry {
  const region = opts.region ?? 'us-west-2';
  const arn = `arn:aws:eks:${region}:${opts.account ?? '111122223333'}:cluster/${cluster}`;
  const env = opts.profile
    ? `      env:\n      - name: AWS_PROFILE\n        value: ${opts.profile}\n`
    : '      env: null\n';
  const user = `    exec:
      apiVersion: client.authentication.k8s.io/v1beta1
      args:
      - --region
      - ${region}
      - eks
      - get-token
      - --cluster-name
      - ${cluster}
      - --output
      - json
      command: aws
${env}      interactiveMode: IfAvailable
      provideClusterInfo: false
`;
  return {
    name: opts.alias ?? arn,
    server: `https://0123456789ABCDEF0123456789ABCDEF.gr7.${region}.eks.amazonaws.com`,
    user,
  };
}

/** eksctl's older user: aws-iam-authenticator with AWS_PROFILE and another variable in `env`. */
export function iamAuthenticatorEntry(cluster: string, profile: string): KubeEntry {
  const user = `    exec:
      apiVersion: client.authentication.k8s.io/v1beta1
      args:
      - token
      - -i
      - ${cluster}
      command: aws-iam-authenticator
      env:
      - name: AWS_STS_REGIONAL_ENDPOINTS
        value: regional
      - name: AWS_SECRET_ACCESS_KEY
        value: ${KUBE_SECRETS.envSecret}
      - name: AWS_PROFILE
        value: ${profile}
      interactiveMode: IfAvailable
      provideClusterInfo: false
`;
  return {
    name: `iam-root-account@${cluster}.us-east-1.eksctl.io`,
    server: 'https://FEDCBA9876543210.yl4.us-east-1.eks.amazonaws.com',
    user,
  };
}

/** `gcloud container clusters get-credentials <cluster> --zone <zone> --project <project>`. */
export function gkeEntry(project: string, zone: string, cluster: string): KubeEntry {
  const user = `    exec:
      apiVersion: client.authentication.k8s.io/v1beta1
      command: gke-gcloud-auth-plugin
      installHint: Install gke-gcloud-auth-plugin for use with kubectl by following
        https://cloud.google.com/kubernetes-engine/docs/how-to/cluster-access-for-kubectl#install_plugin
      provideClusterInfo: true
`;
  return { name: `gke_${project}_${zone}_${cluster}`, server: 'https://34.118.230.17', user };
}

/** kind's admin user: a client certificate and its key, inline. */
export function kindEntry(cluster: string): KubeEntry {
  const user = `    client-certificate-data: ${CA}
    client-key-data: ${KUBE_SECRETS.clientKey}
`;
  return { name: `kind-${cluster}`, server: 'https://127.0.0.1:40427', user };
}

/** A service-account token user. */
export function tokenEntry(name: string): KubeEntry {
  return { name, server: 'https://k8s.example.internal:6443', user: `    token: ${KUBE_SECRETS.token}\n` };
}

/** The oidc auth-provider with a refresh token, and basic auth's password next to it elsewhere. */
export function oidcEntry(name: string): KubeEntry {
  const user = `    auth-provider:
      config:
        client-id: kubernetes
        id-token: eyJhbGciOiJSUzI1NiJ9.e30.c2ln
        idp-issuer-url: https://dex.example.com
        refresh-token: ${KUBE_SECRETS.refreshToken}
      name: oidc
`;
  return { name, server: 'https://oidc-cluster.example.com:6443', user };
}

/** A kubeconfig file's text, as kubectl writes it. */
export function kubeconfigText(entries: KubeEntry[], currentContext: string | null = entries[0]?.name ?? null): string {
  const list = (items: string[]): string => (items.length ? `\n${items.join('')}` : ' null\n');
  const clusters = entries.map(
    (e) => `- cluster:\n    certificate-authority-data: ${CA}\n    server: ${e.server}\n  name: ${e.name}\n`,
  );
  const contexts = entries.map((e) => `- context:\n    cluster: ${e.name}\n    user: ${e.name}\n  name: ${e.name}\n`);
  const users = entries.map((e) => `- name: ${e.name}\n  user:\n${e.user}`);
  return `apiVersion: v1\nclusters:${list(clusters)}contexts:${list(contexts)}current-context: ${currentContext ?? '""'}\nkind: Config\npreferences: {}\nusers:${list(users)}`;
}

export async function writeKubeconfig(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text, { mode: 0o600 });
}
