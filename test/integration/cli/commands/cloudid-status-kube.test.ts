// `cloudid status` shows each Kubernetes context with the identity behind it and that identity's
// status, in the table and in the JSON (`kube`), also when the document is remembered between runs
// (electron/cli/status-memo.ts), whose key holds the kubeconfig files.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run as statusCommand } from '../../../../electron/cli/commands/status';
import { statusMemoFile } from '../../../../electron/cli/status-memo';
import { cacheStamp, makeAwsHome, type AwsHome } from '../../../support/aws-home';
import { writeConfiguration } from '../../../support/gcloud-fixtures';
import {
  KUBE_SECRETS,
  eksEntry,
  gkeEntry,
  kindEntry,
  kubeconfigText,
  oidcEntry,
  writeKubeconfig,
} from '../../../support/kubeconfig-fixtures';

let home: AwsHome;
let cacheDir: string;
let now: number;

class Collect extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

beforeEach(async () => {
  home = await makeAwsHome();
  cacheDir = await mkdtemp(join(tmpdir(), 'cloudid-kube-cache-'));
  // Ahead of the files' real times, so a run may be remembered (not "just changed").
  now = Date.now() + 10_000;
  vi.useFakeTimers({ toFake: ['Date'], now });
  await home.writeConfig(`[profile dev]
region = us-east-1

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = eu-west-1

[profile prod]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = Admin
`);
  await home.writeCredentials('[dev]\naws_access_key_id = AKIADEV0000000000001\naws_secret_access_key = dev-secret\n');
  await home.writeToken('corp', {
    startUrl: 'https://corp.awsapps.com/start',
    region: 'eu-west-1',
    accessToken: 'at',
    expiresAt: cacheStamp(now - 3_600_000),
  });
  const gcloud = join(home.home, '.config', 'gcloud');
  await mkdir(gcloud, { recursive: true });
  await writeConfiguration(gcloud, 'default', '[core]\naccount = dev@example.com\nproject = p\n');
  await writeFile(join(gcloud, 'active_config'), 'default');
});
afterEach(async () => {
  vi.useRealTimers();
  await home.cleanup();
  await rm(cacheDir, { recursive: true, force: true });
});

async function status(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; text: string }> {
  const stdout = new Collect();
  const stderr = new Collect();
  const code = await statusCommand(args, {
    env: { HOME: home.home, PATH: '', AWS_PROFILE: 'dev', ...env },
    homeDir: home.home,
    stdout,
    stderr,
    cacheDir,
  });
  expect(stderr.text).toBe('');
  return { code, text: stdout.text };
}

const kubeconfig = (): string => join(home.home, '.kube', 'config');

async function writeDefaultKubeconfig(): Promise<void> {
  const text = kubeconfigText(
    [
      eksEntry('prod', { alias: 'prod-eks', profile: 'prod' }),
      eksEntry('dev', { alias: 'dev-eks' }),
      gkeEntry('proj', 'us-central1-a', 'gke1'),
      kindEntry('local'),
      oidcEntry('corp-oidc'),
    ],
    'prod-eks',
  );
  await writeKubeconfig(kubeconfig(), text);
}

describe('cloudid status with a kubeconfig', () => {
  it('prints each context → identity → status, and `kube` in the JSON', async () => {
    await writeDefaultKubeconfig();
    const table = await status([]);
    expect(table.code).toBe(0);
    expect(table.text).toContain(`Kubernetes:      ${kubeconfig()} (current context: prod-eks)`);
    expect(table.text).toMatch(/^\*\s+prod-eks\s+eks\s+profile prod\s+expired, log in\s+prod-eks$/m);
    expect(table.text).toMatch(/^\s+dev-eks\s+eks\s+profile dev\s+long-lived keys\s+dev-eks$/m);
    expect(table.text).toMatch(/^\s+gke_proj_us-central1-a_gke1\s+gke\s+gcloud dev@example\.com\s+signed out, log in/m);
    expect(table.text).toMatch(/^\s+kind-local\s+other\s+client certificate\s+not linked/m);

    const { kube } = JSON.parse((await status(['--json'])).text) as { kube: Record<string, unknown> };
    expect(kube).toEqual({
      configFiles: [kubeconfig()],
      currentContext: 'prod-eks',
      contexts: [
        {
          name: 'prod-eks',
          cluster: 'prod-eks',
          server: 'https://0123456789ABCDEF0123456789ABCDEF.gr7.us-west-2.eks.amazonaws.com',
          user: 'prod-eks',
          current: true,
          provider: 'eks',
          identity: { cloud: 'aws', profile: 'prod' },
          status: 'expired',
        },
        {
          name: 'dev-eks',
          cluster: 'dev-eks',
          server: 'https://0123456789ABCDEF0123456789ABCDEF.gr7.us-west-2.eks.amazonaws.com',
          user: 'dev-eks',
          current: false,
          provider: 'eks',
          identity: { cloud: 'aws', profile: 'dev' },
          status: 'long-lived',
        },
        {
          name: 'gke_proj_us-central1-a_gke1',
          cluster: 'gke_proj_us-central1-a_gke1',
          server: 'https://34.118.230.17',
          user: 'gke_proj_us-central1-a_gke1',
          current: false,
          provider: 'gke',
          identity: { cloud: 'gcp', account: 'dev@example.com' },
          status: 'signed-out',
        },
        {
          name: 'kind-local',
          cluster: 'kind-local',
          server: 'https://127.0.0.1:40427',
          user: 'kind-local',
          current: false,
          provider: 'other',
          identity: null,
          status: 'unknown',
        },
        {
          name: 'corp-oidc',
          cluster: 'corp-oidc',
          server: 'https://oidc-cluster.example.com:6443',
          user: 'corp-oidc',
          current: false,
          provider: 'other',
          identity: null,
          status: 'unknown',
        },
      ],
      problems: [],
    });
    for (const secret of Object.values(KUBE_SECRETS)) expect(table.text + JSON.stringify(kube)).not.toContain(secret);
  });

  it('says `kube: null` without a kubeconfig, and problems for a bad one, never a crash', async () => {
    expect(JSON.parse((await status(['--json'])).text).kube).toBeNull();
    expect((await status([])).text).not.toContain('Kubernetes:');

    const broken = join(home.home, 'broken.yaml');
    await writeFile(broken, 'apiVersion: v1\nclusters: [\n');
    const huge = join(home.home, 'huge.yaml');
    await writeFile(huge, `apiVersion: v1\nkind: Config\n# ${'x'.repeat(5 * 1024 * 1024)}\n`);
    await writeDefaultKubeconfig();
    const KUBECONFIG = [broken, huge, join(home.home, 'missing.yaml'), kubeconfig()].join(':');
    const run = await status(['--json'], { KUBECONFIG });
    expect(run.code).toBe(0);
    const { kube } = JSON.parse(run.text) as {
      kube: { configFiles: string[]; contexts: { name: string }[]; problems: string[] };
    };
    expect(kube.configFiles).toEqual([broken, huge, kubeconfig()]);
    expect(kube.contexts.map((c) => c.name)).toContain('prod-eks');
    expect(kube.problems).toEqual([
      expect.stringMatching(/^.*broken\.yaml:3: .*broken\.yaml is not valid YAML \(line 3\)/),
      expect.stringMatching(/huge\.yaml is 5\.0 MB, larger than the 4\.0 MB limit/),
    ]);
    expect((await status([], { KUBECONFIG })).text).toMatch(/\[kube\] .*broken\.yaml is not valid YAML/);
  });

  it('remembers the contexts with the rest of the document, and works it all out again when a kubeconfig changes', async () => {
    await writeDefaultKubeconfig();
    const first = await status(['--json']);
    // Tamper with the remembered document: a run that shows it used the memo.
    const memo = await readFile(statusMemoFile(cacheDir), 'utf8');
    await writeFile(
      statusMemoFile(cacheDir),
      memo.replace('"activeProfileNotes":[]', '"activeProfileNotes":["TAMPERED"]'),
    );
    const again = await status(['--json']);
    expect(again.text).toContain('TAMPERED');
    expect(JSON.parse(again.text).kube).toEqual(JSON.parse(first.text).kube);

    await writeKubeconfig(kubeconfig(), kubeconfigText([eksEntry('prod', { alias: 'only', profile: 'prod' })], 'only'));
    const changed = JSON.parse((await status(['--json'])).text) as {
      aws: { activeProfileNotes: string[] };
      kube: { contexts: { name: string; status: string }[] };
    };
    expect(changed.aws.activeProfileNotes).toEqual([]);
    expect(changed.kube.contexts).toEqual([expect.objectContaining({ name: 'only', status: 'expired' })]);
  });
});
