// The identity SkyPilot would compute, from the app's AWS and gcloud state: botocore's profile
// order, keys in the environment, and google-auth's project order (env, key file, ADC, gcloud).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GcpState } from '../../../../electron/core/gcp/gcp-state';
import {
  accountOfRoleArn,
  awsIdentitiesFrom,
  gcpIdentitiesFrom,
  skypilotAwsProfile,
} from '../../../../electron/core/sky/local-identities';

let tmp = '';
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'cloudid-sky-identities-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

function gcpState(overrides: Partial<GcpState> = {}): GcpState {
  return {
    configDir: '/nowhere/gcloud',
    activeConfiguration: 'default',
    configurations: [
      { name: 'default', active: true, account: 'me@example.com', project: 'ml-dev', region: null, zone: null },
      { name: 'prod', active: false, account: 'me@example.com', project: 'ml-prod', region: null, zone: null },
      { name: 'ghost', active: false, account: 'gone@example.com', project: 'x', region: null, zone: null },
    ],
    accounts: [{ account: 'me@example.com', type: 'authorized_user', tokenExpiresAt: null, status: 'valid' }],
    adc: { path: '/nowhere/adc.json', type: 'authorized_user', account: null, status: 'valid' },
    googleApplicationCredentials: null,
    keys: [],
    overrides: [],
    problems: [],
    ...overrides,
  };
}

describe('AWS', () => {
  it("follows botocore's order: AWS_DEFAULT_PROFILE, then AWS_PROFILE, then default", () => {
    expect(skypilotAwsProfile({ AWS_PROFILE: 'a', AWS_DEFAULT_PROFILE: 'b' })).toEqual({
      profile: 'b',
      source: 'AWS_DEFAULT_PROFILE',
      defaultProfileVariableSet: true,
    });
    expect(skypilotAwsProfile({ AWS_PROFILE: 'a' }).profile).toBe('a');
    expect(skypilotAwsProfile({}).profile).toBe('default');
  });

  it('marks no profile active when keys in the environment win, and knows accounts from config', () => {
    const profiles = [
      { name: 'default', identity: null, accountId: null, roleArn: null },
      { name: 'sso', identity: null, accountId: '111122223333', roleArn: null },
      { name: 'role', identity: null, accountId: null, roleArn: 'arn:aws:iam::444455556666:role/Admin' },
    ];
    const plain = awsIdentitiesFrom(profiles, {});
    expect(plain.profiles.map((p) => [p.profile, p.active, p.accountHint])).toEqual([
      ['default', true, null],
      ['sso', false, '111122223333'],
      ['role', false, '444455556666'],
    ]);
    const withKeys = awsIdentitiesFrom(profiles, { AWS_ACCESS_KEY_ID: 'AKIA...', AWS_SECRET_ACCESS_KEY: 's' });
    expect(withKeys.environmentKeysSet).toBe(true);
    expect(withKeys.profiles.some((p) => p.active)).toBe(false);
    expect(accountOfRoleArn('arn:aws-us-gov:iam::123456789012:role/x')).toBe('123456789012');
    expect(accountOfRoleArn('not an arn')).toBeNull();
  });
});

describe('GCP', () => {
  it("uses gcloud's account and, for user ADC, gcloud's project; offers credentialed configurations only", async () => {
    const gcp = await gcpIdentitiesFrom(gcpState(), {});
    expect(gcp.active).toEqual({
      account: 'me@example.com',
      accountSource: 'gcloud-config',
      project: 'ml-dev',
      projectSource: 'gcloud-config',
      configurationVariableSet: false,
      problem: null,
      workspace: null,
      // google.auth.default() finds gcloud's user ADC: credentials that expire (sky-controllers.ts).
      credentialType: 'authorized_user',
    });
    expect(gcp.others).toEqual([
      { account: 'me@example.com', project: 'ml-prod', kind: 'configuration', configuration: 'prod' },
      { account: 'me@example.com', project: null, kind: 'account', configuration: null },
    ]);
  });

  it('takes GOOGLE_CLOUD_PROJECT over GCLOUD_PROJECT over everything else', async () => {
    expect(
      (await gcpIdentitiesFrom(gcpState(), { GOOGLE_CLOUD_PROJECT: 'a', GCLOUD_PROJECT: 'b' })).active,
    ).toMatchObject({ project: 'a', projectSource: 'GOOGLE_CLOUD_PROJECT' });
    expect((await gcpIdentitiesFrom(gcpState(), { GCLOUD_PROJECT: 'b' })).active).toMatchObject({
      project: 'b',
      projectSource: 'GCLOUD_PROJECT',
    });
  });

  it("takes a GOOGLE_APPLICATION_CREDENTIALS key's project, or an ADC key's", async () => {
    const gac = gcpState({
      googleApplicationCredentials: {
        path: '/k.json',
        valid: true,
        account: 'sa@p.iam.gserviceaccount.com',
        project: 'key-project',
        problem: null,
      },
    });
    expect((await gcpIdentitiesFrom(gac, {})).active).toMatchObject({
      project: 'key-project',
      projectSource: 'GOOGLE_APPLICATION_CREDENTIALS',
    });
    const adcKey = path.join(tmp, 'adc.json');
    await writeFile(
      adcKey,
      JSON.stringify({
        type: 'service_account',
        project_id: 'adc-project',
        client_email: 'sa@adc-project.iam.gserviceaccount.com',
      }),
    );
    const adc = gcpState({
      adc: {
        path: adcKey,
        type: 'service_account',
        account: 'sa@adc-project.iam.gserviceaccount.com',
        status: 'valid',
      },
    });
    expect((await gcpIdentitiesFrom(adc, {})).active).toMatchObject({
      project: 'adc-project',
      projectSource: 'application-default-key',
    });
  });

  it('says why there is no identity: no ADC, no project, no account', async () => {
    expect((await gcpIdentitiesFrom(gcpState({ adc: null }), {})).active).toMatchObject({
      project: null,
      problem: expect.stringMatching(/no application default credentials/),
    });
    const noAccount = gcpState({
      configurations: [{ name: 'default', active: true, account: null, project: 'p', region: null, zone: null }],
    });
    expect((await gcpIdentitiesFrom(noAccount, {})).active).toMatchObject({
      account: null,
      problem: 'gcloud has no active account',
    });
  });

  it('names the variables that pin account, project or configuration', async () => {
    const pinned = gcpState({
      overrides: [
        { variable: 'CLOUDSDK_CORE_ACCOUNT', property: 'core/account', value: 'me@example.com' },
        { variable: 'CLOUDSDK_CORE_PROJECT', property: 'core/project', value: 'ml-dev' },
      ],
    });
    expect((await gcpIdentitiesFrom(pinned, { CLOUDSDK_ACTIVE_CONFIG_NAME: 'default' })).active).toMatchObject({
      accountSource: 'CLOUDSDK_CORE_ACCOUNT',
      projectSource: 'CLOUDSDK_CORE_PROJECT',
      configurationVariableSet: true,
    });
  });
});
