import { chmod, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { activateServiceAccount, configurationNameFor } from '../../../../electron/core/gcp/gcloud-activate';
import { isGcpProjectId } from '../../../../electron/core/gcp/gcp-project-id';
import { CONFIG_NAME_PATTERN } from '../../../../electron/core/gcp/gcloud-config-dir';
import { gcloudErrorText } from '../../../../electron/core/gcp/gcloud-runner';
import fc from 'fast-check';

describe('configurationNameFor', () => {
  it('names a configuration after the service account', () => {
    expect(configurationNameFor('deployer@acme-prod.iam.gserviceaccount.com')).toBe('deployer-acme-prod');
    expect(configurationNameFor('123456789012-compute@developer.gserviceaccount.com')).toBe(
      'sa-123456789012-compute-developer',
    );
    expect(configurationNameFor('Ci.Bot@My_Proj.iam.gserviceaccount.com')).toBe('ci-bot-my-proj');
  });

  it('always produces a name gcloud accepts', () => {
    fc.assert(fc.property(fc.string(), (account) => CONFIG_NAME_PATTERN.test(configurationNameFor(account))));
  });
});

describe('project ids', () => {
  it("accepts GCP's project ids, domain-scoped ones included", () => {
    for (const id of ['acme-prod', 'my-project-123456', 'a12345', 'example.com:legacy-proj', 'x'.repeat(30)])
      expect(isGcpProjectId(id), id).toBe(true);
  });

  it('refuses options, shell text, control characters and ids outside the rules', () => {
    for (const id of [
      '--impersonate-service-account=evil@x.iam.gserviceaccount.com',
      '-p',
      'Acme-Prod',
      'ab',
      'x'.repeat(31),
      'proj-',
      '1project',
      'proj;rm -rf',
      'proj\x1b]52;c;aGk=\x07',
      'proj\nx',
      '',
    ]) {
      expect(isGcpProjectId(id), JSON.stringify(id)).toBe(false);
    }
  });

  it('does not run gcloud at all for a key whose project_id breaks the rules', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cloudid-activate-'));
    const log = join(dir, 'calls');
    const gcloudPath = join(dir, 'gcloud');
    await writeFile(gcloudPath, `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\n`);
    await chmod(gcloudPath, 0o755);
    const result = await activateServiceAccount({
      keyFile: join(dir, 'k.json'),
      account: 'sa@p.iam.gserviceaccount.com',
      projectId: '--impersonate-service-account=evil@x.iam.gserviceaccount.com',
      gcloudPath,
      env: { PATH: '/usr/bin:/bin' },
    });
    expect(result).toMatchObject({ ok: false, steps: [] });
    expect(result.message).toMatch(/not a valid Google Cloud project id/);
    await expect(readFile(log, 'utf8')).rejects.toThrow();
  });
});

describe('gcloudErrorText', () => {
  it("keeps gcloud's ERROR line and what follows, dropping earlier noise", () => {
    const stderr =
      'WARNING: something\nERROR: (gcloud.auth.activate-service-account) There was a problem refreshing auth tokens: invalid_grant: Invalid JWT Signature.\nPlease run:\n';
    expect(gcloudErrorText(stderr)).toBe(
      'ERROR: (gcloud.auth.activate-service-account) There was a problem refreshing auth tokens: invalid_grant: Invalid JWT Signature.\nPlease run:',
    );
    expect(gcloudErrorText('')).toBe('gcloud failed without saying why');
  });
});
