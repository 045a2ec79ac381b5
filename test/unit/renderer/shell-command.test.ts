import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { exportProfile, profilePrefix, shellQuote } from '../../../renderer/src/lib/shell-command';

describe('shell commands for a profile', () => {
  it('leaves ordinary names bare', () => {
    expect(profilePrefix('prod-admin')).toBe('AWS_PROFILE=prod-admin');
    expect(exportProfile('team/dev.eu-west-1')).toBe('export AWS_PROFILE=team/dev.eu-west-1');
  });

  it('quotes names a shell would interpret', () => {
    expect(exportProfile('my profile')).toBe("export AWS_PROFILE='my profile'");
    expect(shellQuote("it's $HOME")).toBe(`'it'\\''s $HOME'`);
  });

  it('round-trips any name through a real POSIX shell', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !/[\0\r\n]/.test(s)), (name) => {
        const out = execFileSync('/bin/sh', ['-c', `${exportProfile(name)}; printf %s "$AWS_PROFILE"`], { encoding: 'utf8' });
        expect(out).toBe(name);
      }),
      { numRuns: 40 },
    );
  });
});
