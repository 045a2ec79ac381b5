import { describe, expect, it } from 'vitest';
import { reauthAdviceForAccount, reauthAdviceForAdc } from '../../../../electron/core/gcp/reauth-advice';

const account = (status: 'valid' | 'reauth-needed' | 'revoked') => ({
  account: 'me@example.com',
  type: 'authorized_user',
  tokenExpiresAt: null,
  status,
});

describe('reauth advice', () => {
  it('gives the re-login command and the key alternative for reauth and revoked accounts', () => {
    expect(reauthAdviceForAccount(account('reauth-needed'))).toMatchObject({
      id: 'gcp:me@example.com:reauth-needed',
      command: 'gcloud auth login me@example.com',
      alternative: 'import-service-account-key',
      body: expect.stringContaining('Reauthentication is needed'),
    });
    expect(reauthAdviceForAccount(account('revoked'))?.title).toBe('Signed out: me@example.com');
    expect(reauthAdviceForAccount(account('valid'))).toBeNull();
  });

  it('advises application-default login for the ADC file', () => {
    expect(
      reauthAdviceForAdc({
        path: '/h/.config/gcloud/application_default_credentials.json',
        type: 'authorized_user',
        account: null,
        status: 'reauth-needed',
      })?.command,
    ).toBe('gcloud auth application-default login');
    expect(reauthAdviceForAdc(null)).toBeNull();
  });
});
