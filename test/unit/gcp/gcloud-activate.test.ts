import { describe, expect, it } from 'vitest';
import { configurationNameFor } from '../../../electron/core/gcp/gcloud-activate';
import { CONFIG_NAME_PATTERN } from '../../../electron/core/gcp/gcloud-config-dir';
import { gcloudErrorText } from '../../../electron/core/gcp/gcloud-runner';
import fc from 'fast-check';

describe('configurationNameFor', () => {
  it('names a configuration after the service account', () => {
    expect(configurationNameFor('deployer@acme-prod.iam.gserviceaccount.com')).toBe('deployer-acme-prod');
    expect(configurationNameFor('123456789012-compute@developer.gserviceaccount.com')).toBe('sa-123456789012-compute-developer');
    expect(configurationNameFor('Ci.Bot@My_Proj.iam.gserviceaccount.com')).toBe('ci-bot-my-proj');
  });

  it("always produces a name gcloud accepts", () => {
    fc.assert(fc.property(fc.string(), (account) => CONFIG_NAME_PATTERN.test(configurationNameFor(account))));
  });
});

describe('gcloudErrorText', () => {
  it("keeps gcloud's ERROR line and what follows, dropping earlier noise", () => {
    const stderr = 'WARNING: something\nERROR: (gcloud.auth.activate-service-account) There was a problem refreshing auth tokens: invalid_grant: Invalid JWT Signature.\nPlease run:\n';
    expect(gcloudErrorText(stderr)).toBe('ERROR: (gcloud.auth.activate-service-account) There was a problem refreshing auth tokens: invalid_grant: Invalid JWT Signature.\nPlease run:');
    expect(gcloudErrorText('')).toBe('gcloud failed without saying why');
  });
});
