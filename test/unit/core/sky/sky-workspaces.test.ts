// SkyPilot workspaces: the config as documented (docs.skypilot.co admin/workspaces.html "Defining
// workspaces"), a project's .sky.yaml laid over it, and the workspace's identity in the owner check.
import { describe, expect, it } from 'vitest';
import { awsIdentitiesFrom } from '../../../../electron/core/sky/local-identities';
import { matchCluster } from '../../../../electron/core/sky/owner-match';
import { parseYaml } from '../../../../electron/core/fs/yaml-parse';
import { skyUserConfigOf } from '../../../../electron/core/sky/sky-config';
import { skyConfigFile } from '../../../../electron/core/sky/sky-paths';
import { gcpIdentityFix } from '../../../../electron/core/sky/sky-fix';
import { effectiveSkyConfig, type SkyProjectConfig } from '../../../../electron/core/sky/sky-project-config';
import { parseOwner } from '../../../../electron/core/sky/sky-owner';
import type { GcpActiveIdentity, LocalIdentities, SkyCluster } from '../../../../electron/core/sky/sky-types';
import { skyWatchTargets } from '../../../../electron/core/sky/sky-watch';

/** The settings in a config's text. */
const parseSkyUserConfig = (yaml: string, file: string) => skyUserConfigOf(file, parseYaml(yaml, file));

const file = '/home/me/.sky/config.yaml';
// The documented example, verbatim in shape (team-c's odd indentation included).
const documented = [
  'workspaces:',
  '  team-a:',
  '    # Use both AWS and GCP.',
  '    gcp:',
  '      project_id: project-id-for-team-a',
  '    aws:',
  '      profile: team-a-profile',
  '',
  '  team-b:',
  '    # Use GCP only with a different project ID.',
  '    gcp:',
  '      project_id: project-id-for-team-b',
  '      capabilities:',
  '        - storage',
  '    aws:',
  '      disabled: true',
  '',
  '  team-c:',
  '      private: true',
  '      allowed_users:',
  '      - alice@example.com',
  '      - bob@example.com',
  'active_workspace: team-a',
  '',
].join('\n');

function project(settings: Partial<SkyProjectConfig>): SkyProjectConfig {
  return { file: '/src/ml/.sky.yaml', activeWorkspace: null, uploadsLocalCredentials: {}, problems: [], ...settings };
}

describe('workspaces in ~/.sky/config.yaml', () => {
  it("reads each workspace's AWS profile and GCP project from the documented example", () => {
    const config = parseSkyUserConfig(documented, file);
    expect(config.problems).toEqual([]);
    expect(config.activeWorkspace).toBe('team-a');
    expect(config.workspaces).toEqual([
      { name: 'team-a', awsProfile: 'team-a-profile', gcpProjectId: 'project-id-for-team-a' },
      { name: 'team-b', awsProfile: null, gcpProjectId: 'project-id-for-team-b' },
      { name: 'team-c', awsProfile: null, gcpProjectId: null },
    ]);
  });

  it('reads a profile that is not text as unset, and says so', () => {
    const config = parseSkyUserConfig('workspaces:\n  w:\n    aws:\n      profile: [a, b]\n', file);
    expect(config.workspaces).toEqual([{ name: 'w', awsProfile: null, gcpProjectId: null }]);
    expect(config.problems).toEqual([
      expect.objectContaining({ message: expect.stringContaining('workspaces.w.aws.profile') }),
    ]);
    expect(parseSkyUserConfig('workspaces: [a, b]\n', file).problems).toEqual([
      expect.objectContaining({ severity: 'warning' }),
    ]);
  });

  it('says whether controllers get the local credentials (remote_identity)', () => {
    expect(parseSkyUserConfig('aws:\n  remote_identity: SERVICE_ACCOUNT\n', file).uploadsLocalCredentials).toEqual({
      aws: false,
      gcp: true,
    });
    expect(parseSkyUserConfig('gcp:\n  remote_identity: NO_UPLOAD\n', file).uploadsLocalCredentials).toEqual({
      aws: true,
      gcp: false,
    });
    const list =
      'aws:\n  remote_identity:\n    - sky-serve-controller-*: SERVICE_ACCOUNT\n    - "*": LOCAL_CREDENTIALS\n';
    expect(parseSkyUserConfig(list, file).uploadsLocalCredentials.aws).toBe(true);
  });
});

describe('a project .sky.yaml over the user config', () => {
  const user = parseSkyUserConfig(documented, file);

  it('takes active_workspace from the project, the identity from the user config', () => {
    const effective = effectiveSkyConfig(user, project({ activeWorkspace: 'team-b' }));
    expect(effective.workspace).toEqual({
      name: 'team-b',
      setIn: '/src/ml/.sky.yaml',
      definedIn: file,
      awsProfile: null,
      gcpProjectId: 'project-id-for-team-b',
      projectConfigFile: '/src/ml/.sky.yaml',
    });
    expect(effective.problems).toEqual([]);
  });

  it('keeps the user config when the project sets no workspace', () => {
    expect(effectiveSkyConfig(user, project({})).workspace).toMatchObject({
      name: 'team-a',
      setIn: file,
      awsProfile: 'team-a-profile',
    });
    expect(effectiveSkyConfig(user, null).workspace).toMatchObject({ name: 'team-a', projectConfigFile: null });
  });

  it('warns about a workspace that is not defined, as SkyPilot refuses it', () => {
    const effective = effectiveSkyConfig(user, project({ activeWorkspace: 'team-z' }));
    expect(effective.workspace).toMatchObject({ name: 'team-z', definedIn: null, awsProfile: null });
    expect(effective.problems).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('Workspace team-z does not exist'),
        file: '/src/ml/.sky.yaml',
      }),
    ]);
    // `default` always exists.
    expect(effectiveSkyConfig(parseSkyUserConfig('', file), null).problems).toEqual([]);
  });

  it("lets the project's remote_identity win", () => {
    expect(
      effectiveSkyConfig(user, project({ uploadsLocalCredentials: { aws: false } })).uploadsLocalCredentials,
    ).toEqual({ aws: false, gcp: true });
  });
});

describe('where the configs are', () => {
  it('expands ~ in SKYPILOT_GLOBAL_CONFIG and watches the project config that is read', () => {
    expect(skyConfigFile('/home/me', { SKYPILOT_GLOBAL_CONFIG: '~/team/sky.yaml' })).toBe('/home/me/team/sky.yaml');
    expect(skyWatchTargets('/home/me', {}, '/src/ml').map((t) => t.path)).toContain('/src/ml/.sky.yaml');
    expect(skyWatchTargets('/home/me', { SKYPILOT_PROJECT_CONFIG: '/etc/p.yaml' }, null).map((t) => t.path)).toContain(
      '/etc/p.yaml',
    );
    expect(skyWatchTargets('/home/me', {}).some((t) => t.path.endsWith('.sky.yaml'))).toBe(false);
  });
});

describe("the workspace's identity decides who operates a cluster", () => {
  const ACCOUNT = '111122223333';
  const OTHER = '444455556666';
  const workspace = effectiveSkyConfig(parseSkyUserConfig(documented, file), null).workspace;
  const profiles = [
    {
      name: 'team-a-profile',
      identity: { account: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/a`, userId: 'AIDATEAMA0000000001' },
    },
    {
      name: 'personal',
      identity: { account: OTHER, arn: `arn:aws:iam::${OTHER}:user/me`, userId: 'AIDAPERSONAL0000002' },
    },
  ];

  it('uses the workspace profile over AWS_PROFILE and over keys in the environment', () => {
    const env = { AWS_PROFILE: 'personal', AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE', AWS_SECRET_ACCESS_KEY: 'x' };
    const aws = awsIdentitiesFrom(profiles, env, workspace);
    expect(aws.profiles.filter((p) => p.active).map((p) => p.profile)).toEqual(['team-a-profile']);
    expect(aws.environmentKeysSet).toBe(false);
    expect(aws.workspace).toEqual({ name: 'team-a', profile: 'team-a-profile', configFile: file });
    // Without the workspace, the variable decides (and the keys beat it).
    expect(awsIdentitiesFrom(profiles, { AWS_PROFILE: 'personal' }).profiles.find((p) => p.active)?.profile).toBe(
      'personal',
    );
  });

  it('fixes a mismatch by editing the workspace, since a variable would change nothing', () => {
    const owner = parseOwner(JSON.stringify(['AIDAPERSONAL0000002', OTHER]));
    const cluster: SkyCluster = {
      name: 'mine',
      status: 'UP',
      launchedAt: null,
      owner: owner.value,
      ownerText: JSON.stringify(owner.value),
      ownerIdentity: owner.identity,
      cloud: 'aws',
      cloudSource: 'column',
      region: null,
      workspace: 'team-a',
      userHash: null,
    };
    const local: LocalIdentities = {
      aws: awsIdentitiesFrom(profiles, { AWS_PROFILE: 'personal' }, workspace),
      gcp: { active: gcpActive({}), others: [] },
    };
    const result = matchCluster(cluster, local, { workspace: { active: 'team-a', configFile: file } });
    expect(result.operableByActive).toBe(false);
    expect(result.fix).toBe(`Set \`profile: personal\` under \`workspaces: team-a: aws:\` in ${file}`);
  });

  it("fixes a GCP project that the workspace sets in the workspace's config", () => {
    const active = gcpActive({
      account: 'me@example.com',
      project: 'project-id-for-team-a',
      projectSource: 'workspace',
      workspace: { name: 'team-a', configFile: file },
    });
    expect(gcpIdentityFix({ account: 'me@example.com', project: 'ml-prod', configuration: 'prod' }, active)).toBe(
      `Set \`project_id: ml-prod\` under \`workspaces: team-a: gcp:\` in ${file}`,
    );
    expect(gcpIdentityFix({ account: 'you@example.com', project: 'ml-prod', configuration: null }, active)).toBe(
      `gcloud config set account you@example.com, and set \`project_id: ml-prod\` under \`workspaces: team-a: gcp:\` in ${file}`,
    );
  });
});

function gcpActive(active: Partial<GcpActiveIdentity>): GcpActiveIdentity {
  return {
    account: null,
    project: null,
    accountSource: 'gcloud-config',
    projectSource: 'gcloud-config',
    configurationVariableSet: false,
    problem: null,
    ...active,
  };
}
