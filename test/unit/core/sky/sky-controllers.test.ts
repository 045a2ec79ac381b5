// Controllers (managed jobs, SkyServe) and the credentials SkyPilot would hand them.
import { describe, expect, it } from 'vitest';
import {
  controllerKind,
  controllerWarnings,
  type ControllerInputs,
} from '../../../../electron/core/sky/sky-controllers';
import type { LocalIdentities } from '../../../../electron/core/sky/sky-types';

const JOBS = 'sky-jobs-controller-2ea485ea';
const SERVE = 'sky-serve-controller-2ea485ea';
const file = '/home/me/.sky/config.yaml';

function local(
  awsKind: string | undefined,
  gcpType: string | null,
  account: string | null = 'me@example.com',
): LocalIdentities {
  return {
    aws: {
      profiles: [{ profile: 'dev', identity: null, active: true, ...(awsKind === undefined ? {} : { kind: awsKind }) }],
      defaultProfileVariableSet: false,
      environmentKeysSet: false,
    },
    gcp: {
      active: {
        account,
        project: 'ml',
        accountSource: 'gcloud-config',
        projectSource: 'gcloud-config',
        configurationVariableSet: false,
        problem: null,
        credentialType: gcpType,
      },
      others: [],
    },
  };
}

function inputs(over: Partial<ControllerInputs>): ControllerInputs {
  return {
    clusterNames: [JOBS, 'train'],
    local: local('sso', 'authorized_user'),
    uploadsLocalCredentials: { aws: true, gcp: true },
    configFile: file,
    workspace: null,
    ...over,
  };
}

describe('controllers', () => {
  it("knows SkyPilot's controller names, old spot controllers included", () => {
    expect(controllerKind(JOBS)).toBe('jobs');
    expect(controllerKind('sky-spot-controller-1a2b3c4d')).toBe('jobs');
    expect(controllerKind(SERVE)).toBe('serve');
    expect(controllerKind('sky-jobs-controller')).toBeNull();
    expect(controllerKind('my-sky-jobs-controller-2ea485ea')).toBeNull();
    expect(controllerKind('sky-jobs-controller-2ea485ea-x')).toBeNull();
  });

  it('warns about an SSO profile and gcloud user credentials, and says what to use instead', () => {
    const warnings = controllerWarnings(inputs({ clusterNames: [JOBS, SERVE, 'train'] }));
    expect(warnings.map((w) => [w.cloud, w.controllers])).toEqual([
      ['aws', [JOBS, SERVE]],
      ['gcp', [JOBS, SERVE]],
    ]);
    expect(warnings[0]?.message).toContain(
      'AWS profile "dev", which SkyPilot would use, is an IAM Identity Center (SSO) profile',
    );
    expect(warnings[0]?.instead).toContain(`\`remote_identity: SERVICE_ACCOUNT\` under \`aws:\` in ${file}`);
    expect(warnings[1]?.message).toContain('gcloud user credentials (authorized_user)');
    expect(warnings[1]?.instead).toContain('service-account key');
  });

  it('warns about an `aws login` profile too', () => {
    expect(controllerWarnings(inputs({ local: local('login', 'service_account') }))).toEqual([
      expect.objectContaining({ cloud: 'aws', message: expect.stringContaining('`aws login` profile') }),
    ]);
  });

  it('says nothing without a controller, for credentials that last, or when controllers do not get them', () => {
    expect(controllerWarnings(inputs({ clusterNames: ['train'] }))).toEqual([]);
    expect(controllerWarnings(inputs({ local: local('static', 'service_account') }))).toEqual([]);
    expect(controllerWarnings(inputs({ uploadsLocalCredentials: { aws: false, gcp: false } }))).toEqual([]);
    // No gcloud account: SkyPilot has no GCP identity to hand over.
    expect(controllerWarnings(inputs({ local: local(undefined, 'authorized_user', null) }))).toEqual([]);
  });

  it('does not blame a profile when keys in the environment decide', () => {
    const keys = local('sso', null);
    keys.aws.environmentKeysSet = true;
    keys.aws.profiles[0]!.active = false;
    expect(controllerWarnings(inputs({ local: keys }))).toEqual([]);
  });
});
