import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BLOCK_BEGIN,
  BLOCK_END,
  credentialsBlockPath,
  findBlocks,
  removeCredentialsBlock,
  setCredentialsBlock,
  type ShellKind,
} from '../../../electron/core/gcp/shell-profile-block';

const shells: ShellKind[] = ['bash', 'zsh', 'fish'];
// Profile-like text: lines (possibly CRLF) that never contain our markers, ending in a newline.
const line = fc.string({ maxLength: 40 }).filter((s) => !/[\r\n]/.test(s) && !s.includes('cloud-identity-tray'));
const profile = fc.tuple(fc.array(line, { maxLength: 12 }), fc.boolean()).map(([lines, crlf]) => lines.map((l) => l + (crlf ? '\r\n' : '\n')).join(''));
const keyPath = fc.string({ minLength: 1, maxLength: 60 }).filter((s) => !/[\r\n\0]/.test(s));

describe('setCredentialsBlock / removeCredentialsBlock', () => {
  it('leaves every byte outside the block identical, and the block sets the path', () => {
    fc.assert(
      fc.property(profile, profile, fc.constantFrom(...shells), keyPath, keyPath, (before, after, shell, oldPath, newPath) => {
        const withOld = setCredentialsBlock(before, shell, oldPath) + after;
        const edited = setCredentialsBlock(withOld, shell, newPath);
        const span = findBlocks(edited)[0];
        expect(span).toBeDefined();
        if (!span) return;
        expect(edited.slice(0, span.start)).toBe(before);
        expect(edited.slice(span.end)).toBe(after);
        expect(credentialsBlockPath(edited)).toBe(newPath);
      }),
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(profile, fc.constantFrom(...shells), keyPath, (text, shell, path) => {
        const once = setCredentialsBlock(text, shell, path);
        expect(setCredentialsBlock(once, shell, path)).toBe(once);
      }),
    );
  });

  it('is removable: removing gives back the original file', () => {
    fc.assert(
      fc.property(profile, fc.constantFrom(...shells), keyPath, (text, shell, path) => {
        expect(removeCredentialsBlock(setCredentialsBlock(text, shell, path))).toBe(text);
      }),
    );
  });

  it("keeps the file's CRLF line endings", () => {
    const text = 'alias ll="ls -l"\r\n';
    expect(setCredentialsBlock(text, 'bash', '/k.json')).toBe(
      `alias ll="ls -l"\r\n${BLOCK_BEGIN}\r\n# Added by Cloud Identity Tray; remove it from the app (or delete these lines).\r\nexport GOOGLE_APPLICATION_CREDENTIALS='/k.json'\r\n${BLOCK_END}\r\n`,
    );
  });

  it('adds a line break before the block when the file lacks a final one', () => {
    expect(setCredentialsBlock('export A=1', 'zsh', '/k')).toMatch(/^export A=1\n# >>> /);
  });

  it('quotes paths so the shell cannot expand them', () => {
    const path = `/home/o'neil/$(rm -rf ~)/key "1".json`;
    expect(setCredentialsBlock('', 'bash', path)).toContain(`export GOOGLE_APPLICATION_CREDENTIALS='/home/o'\\''neil/$(rm -rf ~)/key "1".json'`);
    expect(setCredentialsBlock('', 'fish', path)).toContain(`set -gx GOOGLE_APPLICATION_CREDENTIALS '/home/o\\'neil/$(rm -rf ~)/key "1".json'`);
    for (const shell of shells) expect(credentialsBlockPath(setCredentialsBlock('', shell, path))).toBe(path);
  });

  it('leaves an unterminated block (a user edit) alone and appends a complete one', () => {
    const text = `${BLOCK_BEGIN}\nexport X=1\n`;
    const edited = setCredentialsBlock(text, 'bash', '/k');
    expect(edited.startsWith(text)).toBe(true);
    expect(findBlocks(edited)).toHaveLength(1);
  });

  it('collapses duplicate blocks into the first one', () => {
    const one = setCredentialsBlock('', 'bash', '/a');
    const text = `x\n${one}y\n${one}z\n`;
    expect(setCredentialsBlock(text, 'bash', '/b')).toBe(`x\n${setCredentialsBlock('', 'bash', '/b')}y\nz\n`);
  });
});
