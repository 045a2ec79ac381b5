import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { profileExportLine } from '../../../electron/core/tray/profile-export-line';

describe('profileExportLine', () => {
  it('leaves ordinary names bare', () => {
    expect(profileExportLine('prod-admin')).toBe('export AWS_PROFILE=prod-admin');
    expect(profileExportLine('team/dev@123.x')).toBe('export AWS_PROFILE=team/dev@123.x');
  });

  it('single-quotes names a shell would interpret', () => {
    expect(profileExportLine('my profile')).toBe("export AWS_PROFILE='my profile'");
    expect(profileExportLine("o'neil")).toBe(`export AWS_PROFILE='o'\\''neil'`);
    expect(profileExportLine('$(rm -rf ~)')).toBe("export AWS_PROFILE='$(rm -rf ~)'");
  });

  it('gives sh exactly the name back, whatever it is (property, real /bin/sh)', () => {
    // Profile names have no line breaks or NUL (the contract refuses them).
    const name = fc.string({ minLength: 1, maxLength: 40, unit: 'binary' }).filter((s) => !/[\r\n\0]/.test(s));
    const names = fc.sample(name, { numRuns: 60, seed: 7 }).concat(['a b', "'", '"', '\\', '`id`', '$HOME', '*', '-n', '!', ';ls']);
    const script = names.map((n) => `${profileExportLine(n)}; printf '%s\\0' "$AWS_PROFILE"`).join('\n');
    const out = execFileSync('/bin/sh', ['-c', script], { encoding: 'utf8', env: {} });
    expect(out.split('\0').slice(0, -1)).toEqual(names);
  });
});
