// The core reads the kubeconfig next to ~/.aws and gcloud, follows it live, and gives each
// context the status of the identity behind it: a login elsewhere changes the context too.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/app/core';
import { cacheStamp, makeAwsHome, type AwsHome } from '../../../support/aws-home';
import {
  KUBE_SECRETS,
  eksEntry,
  iamAuthenticatorEntry,
  kubeconfigText,
  tokenEntry,
  writeKubeconfig,
} from '../../../support/kubeconfig-fixtures';
import { snapshotWhere } from '../../../support/snapshot-wait';

let home: AwsHome | null = null;
let core: Core | null = null;
afterEach(async () => {
  await core?.stop();
  core = null;
  await home?.cleanup();
  home = null;
});

const SSO_CONFIG = `[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = eu-west-1

[profile prod]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = Admin
`;

describe('core with a kubeconfig', () => {
  it('links an EKS context to its profile and follows a login and a kubeconfig change', async () => {
    home = await makeAwsHome();
    await home.writeConfig(SSO_CONFIG);
    const kubeconfig = join(home.home, '.kube', 'config');
    await writeKubeconfig(
      kubeconfig,
      kubeconfigText([eksEntry('prod', { alias: 'prod-eks', profile: 'prod' }), tokenEntry('ci')], 'prod-eks'),
    );
    core = createCore({
      env: { HOME: home.home, PATH: '' },
      homeDir: home.home,
      settingsFile: home.settingsFile,
      detectCli: false,
      debounceMs: 80,
    });
    await core.start();

    const kube = core.snapshot().kube;
    expect(kube?.configFiles).toEqual([kubeconfig]);
    expect(kube?.contexts.map((c) => [c.name, c.current, c.provider, c.identity, c.status])).toEqual([
      ['prod-eks', true, 'eks', { cloud: 'aws', profile: 'prod' }, 'signed-out'],
      ['ci', false, 'other', null, 'unknown'],
    ]);
    expect(JSON.stringify(core.snapshot())).not.toContain(KUBE_SECRETS.token);

    // What `aws sso login --sso-session corp` leaves behind.
    await home.writeToken('corp', {
      startUrl: 'https://corp.awsapps.com/start',
      region: 'eu-west-1',
      accessToken: 'at',
      expiresAt: cacheStamp(Date.now() + 8 * 3_600_000),
    });
    const loggedIn = await snapshotWhere(core, (s) => s.kube?.contexts[0]?.status === 'valid');
    expect(loggedIn.kube?.contexts[0]?.identity).toEqual({ cloud: 'aws', profile: 'prod' });

    // What `kubectl config use-context ci` writes, then eksctl adding a cluster.
    await writeKubeconfig(
      kubeconfig,
      kubeconfigText(
        [
          eksEntry('prod', { alias: 'prod-eks', profile: 'prod' }),
          tokenEntry('ci'),
          iamAuthenticatorEntry('lab', 'lab'),
        ],
        'ci',
      ),
    );
    const switched = await snapshotWhere(core, (s) => s.kube?.currentContext === 'ci' && s.kube.contexts.length === 3);
    expect(switched.kube?.contexts.map((c) => `${c.name}:${c.status}`)).toEqual([
      'prod-eks:valid',
      'ci:unknown',
      'iam-root-account@lab.us-east-1.eksctl.io:error',
    ]);
    expect(switched.kube?.problems.map((p) => p.message)).toEqual([
      'context “iam-root-account@lab.us-east-1.eksctl.io” uses AWS profile “lab”, which is not in your AWS config',
    ]);
    expect(JSON.stringify(switched)).not.toContain(KUBE_SECRETS.envSecret);

    // kubectl with no config at all: no kube part.
    await rm(kubeconfig);
    await snapshotWhere(core, (s) => s.kube === null);
  });

  it('reads every file KUBECONFIG names, and a broken one is a problem, not a crash', async () => {
    home = await makeAwsHome();
    await home.writeConfig(SSO_CONFIG);
    const a = join(home.home, 'a.yaml');
    const b = join(home.home, 'b.yaml');
    await writeFile(a, '{{{ not yaml');
    await writeKubeconfig(b, kubeconfigText([eksEntry('prod', { alias: 'prod-eks', profile: 'prod' })]));
    core = createCore({
      env: { HOME: home.home, PATH: '', KUBECONFIG: `${a}:${b}` },
      homeDir: home.home,
      settingsFile: home.settingsFile,
      detectCli: false,
      watch: false,
    });
    await core.start();
    const kube = core.snapshot().kube;
    expect(kube?.configFiles).toEqual([a, b]);
    expect(kube?.contexts.map((c) => c.name)).toEqual(['prod-eks']);
    expect(kube?.problems).toEqual([
      expect.objectContaining({ severity: 'error', file: a, message: expect.stringContaining('is not valid YAML') }),
    ]);
  });

  it('can be told not to read the kubeconfig', async () => {
    home = await makeAwsHome();
    await writeKubeconfig(join(home.home, '.kube', 'config'), kubeconfigText([tokenEntry('ci')]));
    core = createCore({
      env: { HOME: home.home, PATH: '' },
      homeDir: home.home,
      settingsFile: home.settingsFile,
      detectCli: false,
      watch: false,
      kube: false,
    });
    await core.start();
    expect(core.snapshot().kube).toBeNull();
  });
});
