import { describe, expect, it } from 'vitest';
import {
  activationText,
  credentialTypeLabel,
  fileNameOf,
  importText,
  needsSignIn,
  singleDroppedFile,
  statusClass,
  undoText,
  verificationText,
} from '../../../../renderer/src/lib/gcp-labels';
import type { GcpAccountStatus, GcpImportedKey, GcpState } from '../../../../renderer/src/lib/gcp-types';

const key: GcpImportedKey = {
  keyId: 'a1b2c3',
  account: 'deployer@acme-prod.iam.gserviceaccount.com',
  project: 'acme-prod',
  path: '/home/u/.config/Cloud Identity Tray/keys/a1b2c3.json',
  importedAt: '2026-11-26T06:00:00.000Z',
};

describe('GCP wording', () => {
  it('names files by their last path segment, on POSIX and Windows', () => {
    expect(fileNameOf('/home/u/Downloads/acme-prod-1234.json')).toBe('acme-prod-1234.json');
    expect(fileNameOf('C:\\Users\\u\\Downloads\\key.json')).toBe('key.json');
  });

  it('says which file was refused and keeps the validator’s reason word for word', () => {
    const text = importText({
      status: 'rejected',
      source: '/d/client_secret.json',
      reason: 'oauth-client-secret',
      message: 'This is an OAuth client secret.',
    });
    expect(text).toEqual({
      tone: 'bad',
      title: 'client_secret.json was not imported',
      detail: 'This is an OAuth client secret.',
    });
    const noKeychain = importText({
      status: 'keychain-unavailable',
      source: '/d/k.json',
      message: 'The OS keychain is not available.',
    });
    expect(noKeychain.title).toContain('no keychain');
    expect(noKeychain.tone).toBe('bad');
  });

  it('describes an import with the account and project, and a deleted download', () => {
    const text = importText({ status: 'imported', key, source: '/d/k.json', sourceRemoved: true, activation: null });
    expect(text.title).toBe('Imported deployer@acme-prod.iam.gserviceaccount.com (project acme-prod)');
    expect(text.detail).toContain('k.json was deleted');
    expect(
      importText({
        status: 'duplicate',
        key: { ...key, project: null },
        source: '/d/k.json',
        sourceRemoved: false,
        activation: null,
      }).title,
    ).toBe('Already imported: deployer@acme-prod.iam.gserviceaccount.com');
  });

  it('says what an activation in the current configuration replaced, and what an undo put back', () => {
    const previous = { configuration: 'default', account: 'me@example.com', project: 'my-proj' };
    expect(
      activationText({
        ok: true,
        account: key.account,
        project: 'acme-prod',
        configuration: 'default',
        createdConfiguration: false,
        previous,
        undoId: 'u1',
        message: null,
        commands: [],
      }).title,
    ).toBe(
      'gcloud now uses deployer@acme-prod.iam.gserviceaccount.com, project acme-prod in configuration “default”. It replaced me@example.com and project my-proj for every terminal and SkyPilot.',
    );
    expect(undoText({ ok: true, restored: previous, message: null, commands: [] }).title).toBe(
      'Undone: configuration “default” has me@example.com and project my-proj again.',
    );
    expect(
      undoText({
        ok: true,
        restored: { configuration: 'x', account: null, project: null },
        message: null,
        commands: [],
      }).title,
    ).toBe('Undone: configuration “x” has no account and no project again.');
    expect(undoText({ ok: false, restored: null, message: 'gone', commands: [] })).toMatchObject({ tone: 'bad' });
  });

  it('describes an activation in the words a user wants, and shows gcloud’s own error on failure', () => {
    const ok = activationText({
      ok: true,
      account: key.account,
      project: 'acme-prod',
      configuration: 'deployer-acme-prod',
      createdConfiguration: true,
      previous: null,
      undoId: null,
      message: null,
      commands: [],
    });
    expect(ok.tone).toBe('ok');
    expect(ok.title).toBe(
      'gcloud now uses deployer@acme-prod.iam.gserviceaccount.com, project acme-prod in configuration “deployer-acme-prod”. It is a new configuration, now active; your other configurations are as they were.',
    );
    const failed = activationText({
      ok: false,
      account: key.account,
      project: null,
      configuration: null,
      createdConfiguration: false,
      previous: null,
      undoId: null,
      message: 'ERROR: (gcloud.auth.activate-service-account) Invalid JWT Signature.',
      commands: [],
    });
    expect(failed).toMatchObject({
      tone: 'bad',
      detail: 'ERROR: (gcloud.auth.activate-service-account) Invalid JWT Signature.',
    });
    expect(
      activationText({
        ok: true,
        account: 'a@b.iam.gserviceaccount.com',
        project: null,
        configuration: 'default',
        createdConfiguration: false,
        previous: null,
        undoId: null,
        message: 'WARNING: x',
        commands: [],
      }).tone,
    ).toBe('warn');
  });

  it('describes a verification', () => {
    expect(verificationText({ ok: true, keyId: 'k', account: key.account, expiresAt: null }).tone).toBe('ok');
    expect(
      verificationText({
        ok: false,
        keyId: 'k',
        account: key.account,
        kind: 'key-disabled',
        message: 'deleted or disabled',
      }),
    ).toEqual({
      tone: 'bad',
      title: 'This key does not work',
      detail: 'deleted or disabled',
    });
  });

  it('marks reauth-needed and revoked as needing a sign-in, with the error colour', () => {
    expect(needsSignIn('reauth-needed')).toBe(true);
    expect(needsSignIn('revoked')).toBe(true);
    expect(needsSignIn('expired')).toBe(false);
    expect(statusClass('revoked')).toBe('status-error');
    expect(statusClass('valid')).toBe('status-valid');
  });

  it('labels credential types and keeps unknown ones as they are', () => {
    expect(credentialTypeLabel('service_account')).toBe('Service account');
    expect(credentialTypeLabel('authorized_user')).toBe('User account');
    expect(credentialTypeLabel('something_new')).toBe('something_new');
    expect(credentialTypeLabel(null)).toBe('Unreadable credential');
  });

  it('takes exactly one dropped file', () => {
    expect(singleDroppedFile([])).toEqual({ message: expect.stringContaining('Nothing to import') });
    expect(singleDroppedFile([{ name: 'a' }, { name: 'b' }])).toEqual({
      message: '2 files were dropped; drop one service-account key at a time.',
    });
    expect(singleDroppedFile([{ name: 'a' }])).toEqual({ file: { name: 'a' } });
  });
});

describe('shell-profile edit wording', async () => {
  const { profileEditText } = await import('../../../../renderer/src/lib/gcp-shell-profile-text');
  it('says what happens to each file', () => {
    expect(profileEditText({ action: 'add', currentKeyPath: null })).toBe('add the block at the end');
    expect(profileEditText({ action: 'replace', currentKeyPath: '/k/old.json' })).toBe(
      'replace the block (it sets /k/old.json now)',
    );
    expect(profileEditText({ action: 'create', currentKeyPath: null })).toBe('create this file with the block');
    expect(profileEditText({ action: 'remove', currentKeyPath: '/k/old.json' })).toBe('remove the block');
    expect(profileEditText({ action: 'unchanged', currentKeyPath: '/k/a.json' })).toBe('already as wanted, unchanged');
    expect(profileEditText({ action: 'refused', currentKeyPath: null })).toBe('cannot be edited, left as it is');
  });
});

describe('sign-in alerts and the probe summary', async () => {
  const { probeSummary, signInAlerts } = await import('../../../../renderer/src/lib/gcp-labels');
  const state = (aliceStatus: GcpAccountStatus, adc: GcpState['adc'] = null): GcpState => ({
    configDir: '/c',
    activeConfiguration: 'default',
    configurations: [],
    accounts: [
      { account: 'alice@example.com', type: 'authorized_user', tokenExpiresAt: null, status: aliceStatus },
      { account: 'ci@p.iam.gserviceaccount.com', type: 'service_account', tokenExpiresAt: null, status: 'valid' },
    ],
    adc,
    googleApplicationCredentials: null,
    keys: [],
    overrides: [],
    problems: [],
  });

  it('raises one alert per account that needs a sign-in, with its re-login command', () => {
    expect(signInAlerts(state('valid'))).toEqual([]);
    expect(signInAlerts(state('reauth-needed'))).toEqual([
      {
        id: 'account:alice@example.com',
        title: 'Sign in again: alice@example.com',
        reason: expect.stringContaining('Reauthentication is needed'),
        command: 'gcloud auth login alice@example.com',
      },
    ]);
    expect(signInAlerts(state('revoked'))[0]?.title).toBe('Signed out: alice@example.com');
  });

  it('raises one for an ADC file that needs a sign-in, with the application-default command', () => {
    const alerts = signInAlerts(
      state('valid', {
        path: '/c/application_default_credentials.json',
        type: 'authorized_user',
        account: null,
        status: 'revoked',
      }),
    );
    expect(alerts).toEqual([expect.objectContaining({ id: 'adc', command: 'gcloud auth application-default login' })]);
  });

  it('sums up a probe in one line', () => {
    expect(probeSummary(state('valid'))).toBe('Checked just now: every user sign-in still refreshes.');
    expect(probeSummary(state('reauth-needed'))).toBe('Checked just now: one sign-in needs attention (above).');
    const adc = { path: '/c/adc.json', type: 'authorized_user', account: null, status: 'reauth-needed' as const };
    expect(probeSummary(state('revoked', adc))).toBe('Checked just now: 2 sign-ins need attention (above).');
    expect(probeSummary({ ...state('valid'), accounts: [] })).toContain('no user sign-in to check');
  });
});

describe('the block in the shell profiles now', async () => {
  const { blockStateOf } = await import('../../../../renderer/src/lib/gcp-shell-profile-text');
  it('lists the profiles holding the block and the key paths they set, once each', () => {
    const edit = (path: string, action: 'remove' | 'unchanged', currentKeyPath: string | null) => ({
      shell: 'bash' as const,
      path,
      action,
      currentKeyPath,
      lines: [],
      problem: null,
    });
    expect(blockStateOf({ edits: [] })).toEqual({ files: [], keyPaths: [] });
    expect(
      blockStateOf({
        edits: [
          edit('/h/.bashrc', 'remove', '/k/a.json'),
          edit('/h/.zshrc', 'remove', '/k/a.json'),
          edit('/h/.config/fish/config.fish', 'unchanged', null),
        ],
      }),
    ).toEqual({ files: ['/h/.bashrc', '/h/.zshrc'], keyPaths: ['/k/a.json'] });
  });
});
