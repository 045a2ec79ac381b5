import { describe, expect, it } from 'vitest';
import { matchKeyRef } from '../../../../electron/cli/commands/gcp-key-ref';

const KEYS = [
  { keyId: '0a1b2c3d4e5f', account: 'deploy@proj.iam.gserviceaccount.com' },
  { keyId: '0a1bffff0000', account: 'ci@proj.iam.gserviceaccount.com' },
  { keyId: '9f9f9f9f9f9f', account: 'ci@proj.iam.gserviceaccount.com' },
];

describe('which imported key an argument names', () => {
  it('takes the exact id, a unique start of it, or the only key of an account', () => {
    expect(matchKeyRef(KEYS, '0a1b2c3d4e5f')).toEqual({ ok: true, keyId: '0a1b2c3d4e5f' });
    expect(matchKeyRef(KEYS, '0a1b2')).toEqual({ ok: true, keyId: '0a1b2c3d4e5f' });
    expect(matchKeyRef(KEYS, '9')).toEqual({ ok: true, keyId: '9f9f9f9f9f9f' });
    expect(matchKeyRef(KEYS, 'Deploy@proj.iam.gserviceaccount.com')).toEqual({ ok: true, keyId: '0a1b2c3d4e5f' });
  });

  it('refuses a start that several ids share, naming them', () => {
    expect(matchKeyRef(KEYS, '0a1b')).toEqual({
      ok: false,
      message: '0a1b starts 2 key ids (0a1b2c3d4e5f, 0a1bffff0000): give more of it',
    });
  });

  it('refuses an account with several keys, naming them', () => {
    expect(matchKeyRef(KEYS, 'ci@proj.iam.gserviceaccount.com')).toEqual({
      ok: false,
      message: 'ci@proj.iam.gserviceaccount.com has 2 imported keys: give one id (0a1bffff0000, 9f9f9f9f9f9f)',
    });
  });

  it('says when nothing matches', () => {
    expect(matchKeyRef(KEYS, 'zz')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^no imported key has an id starting zz/),
    });
    expect(matchKeyRef(KEYS, 'x@y.z')).toEqual({ ok: false, message: 'no imported key is of the account x@y.z' });
    expect(matchKeyRef(KEYS, '')).toMatchObject({ ok: false });
  });
});
