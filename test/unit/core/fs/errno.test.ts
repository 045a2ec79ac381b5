import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { errnoCode, isErrno } from '../../../../electron/core/fs/errno';

describe('errnoCode', () => {
  it('reads the code of a real file-system error', async () => {
    const error: unknown = await readFile('/nonexistent/cloudid/file').catch((e: unknown) => e);
    expect(errnoCode(error)).toBe('ENOENT');
  });

  it('gives undefined for values without a string code', () => {
    for (const value of [
      undefined,
      null,
      'ENOENT',
      42,
      new Error('plain'),
      { code: 1 },
      Object.assign(new Error('x'), { code: null }),
    ]) {
      expect(errnoCode(value)).toBeUndefined();
    }
  });
});

describe('isErrno', () => {
  it('matches any of the given codes and nothing else', () => {
    const busy = Object.assign(new Error('busy'), { code: 'EBUSY' });
    expect(isErrno(busy, 'EPERM', 'EACCES', 'EBUSY')).toBe(true);
    expect(isErrno(busy, 'ENOENT')).toBe(false);
    expect(isErrno(busy)).toBe(false);
    expect(isErrno(new Error('EBUSY'), 'EBUSY')).toBe(false);
    expect(isErrno(undefined, 'ENOENT')).toBe(false);
  });
});
