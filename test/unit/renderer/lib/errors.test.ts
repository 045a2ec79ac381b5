import { describe, expect, it } from 'vitest';
import { errorMessage } from '../../../../renderer/src/lib/errors';

describe('errorMessage', () => {
  it('unwraps errors rethrown by Electron across IPC', () => {
    expect(
      errorMessage(new Error("Error invoking remote method 'cloudid:op:verifyProfile': Error: profile nope not found")),
    ).toBe('profile nope not found');
  });

  it('keeps plain messages and copes with non-errors', () => {
    expect(errorMessage(new Error('timed out'))).toBe('timed out');
    expect(errorMessage('text')).toBe('text');
    expect(errorMessage(42)).toBe('Unknown error');
    expect(errorMessage(new Error(''))).toBe('Unknown error');
  });
});
