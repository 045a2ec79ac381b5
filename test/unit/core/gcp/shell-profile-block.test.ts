import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BLOCK_BEGIN,
  BLOCK_END,
  credentialsBlockPath,
  findBlocks,
  removeCredentialsBlock,
  setCredentialsBlock,
  UnsafeKeyPathError,
  type ShellKind,
} from '../../../../electron/core/gcp/shell-profile-block';

const shells: ShellKind[] = ['bash', 'zsh', 'fish'];
// Profile-like text: lines (possibly CRLF) that never contain our markers, ending in a newline.
const line = fc.string({ maxLength: 40 }).filter((s) => !/[\r\n]/.test(s) && !s.includes('cloud-identity-tray'));
const profile = fc
  .tuple(fc.array(line, { maxLength: 12 }), fc.boolean())
  .map(([lines, crlf]) => lines.map((l) => l + (crlf ? '\r\n' : '\n')).join(''));
// eslint-disable-next-line no-control-regex -- control characters are what it leaves out
const keyPath = fc.string({ minLength: 1, maxLength: 60 }).filter((s) => !/[\x00-\x1f\x7f]/.test(s));

describe('setCredentialsBlock / removeCredentialsBlock', () => {
  it('leaves every byte outside the block identical, and the block sets the path', () => {
    fc.assert(
      fc.property(
        profile,
        profile,
        fc.constantFrom(...shells),
        keyPath,
        keyPath,
        (before, after, shell, oldPath, newPath) => {
          const withOld = setCredentialsBlock(before, shell, oldPath) + after;
          const edited = setCredentialsBlock(withOld, shell, newPath);
          const span = findBlocks(edited, shell)[0];
          expect(span).toBeDefined();
          if (!span) return;
          expect(edited.slice(0, span.start)).toBe(before);
          expect(edited.slice(span.end)).toBe(after);
          expect(credentialsBlockPath(edited, shell)).toBe(newPath);
        },
      ),
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
        expect(removeCredentialsBlock(setCredentialsBlock(text, shell, path), shell)).toBe(text);
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
    expect(setCredentialsBlock('', 'bash', path)).toContain(
      `export GOOGLE_APPLICATION_CREDENTIALS='/home/o'\\''neil/$(rm -rf ~)/key "1".json'`,
    );
    expect(setCredentialsBlock('', 'fish', path)).toContain(
      `set -gx GOOGLE_APPLICATION_CREDENTIALS '/home/o\\'neil/$(rm -rf ~)/key "1".json'`,
    );
    for (const shell of shells) expect(credentialsBlockPath(setCredentialsBlock('', shell, path), shell)).toBe(path);
  });

  it('leaves an unterminated block (a user edit) alone and appends a complete one', () => {
    const text = `${BLOCK_BEGIN}\nexport X=1\n`;
    const edited = setCredentialsBlock(text, 'bash', '/k');
    expect(edited.startsWith(text)).toBe(true);
    expect(findBlocks(edited, 'bash')).toHaveLength(1);
  });

  it('collapses duplicate blocks into the first one', () => {
    const one = setCredentialsBlock('', 'bash', '/a');
    const text = `x\n${one}y\n${one}z\n`;
    expect(setCredentialsBlock(text, 'bash', '/b')).toBe(`x\n${setCredentialsBlock('', 'bash', '/b')}y\nz\n`);
  });
});

describe('a key path that attacks the block', () => {
  // What a version that did not refuse control characters wrote for a key named like this.
  const name = `/home/u/evil\n${BLOCK_END}\ntouch /tmp/cloudid-pwned\n#.json`;
  const legacy = (shell: ShellKind): string => {
    const assignment =
      shell === 'fish'
        ? `set -gx GOOGLE_APPLICATION_CREDENTIALS '${name}'`
        : `export GOOGLE_APPLICATION_CREDENTIALS='${name}'`;
    return `alias k=kubectl\n${BLOCK_BEGIN}\n# note\n${assignment}\n${BLOCK_END}\nexport AFTER=1\n`;
  };

  it('is refused: no block is written for a path with a control character', () => {
    for (const shell of shells) {
      for (const bad of [name, '/k\r.json', '/k\t.json', '/k\u001b[2J.json', '/k\u007f.json']) {
        expect(() => setCredentialsBlock('', shell, bad)).toThrow(UnsafeKeyPathError);
      }
    }
  });

  it('finds the end marker only outside the quoted path, so replacing leaves no command behind', () => {
    for (const shell of shells) {
      const text = legacy(shell);
      expect(findBlocks(text, shell)).toHaveLength(1);
      expect(credentialsBlockPath(text, shell)).toBe(name);
      const replaced = setCredentialsBlock(text, shell, '/keys/good.json');
      expect(replaced).not.toContain('touch /tmp/cloudid-pwned');
      expect(replaced).toBe(`alias k=kubectl\n${setCredentialsBlock('', shell, '/keys/good.json')}export AFTER=1\n`);
      expect(removeCredentialsBlock(text, shell)).toBe('alias k=kubectl\nexport AFTER=1\n');
    }
  });

  it("reads fish's \\' inside quotes and POSIX's '\\'' the way each shell does", () => {
    const path = `/o'neil\n${BLOCK_END}\nrm -rf ~\n#`;
    const fish = `${BLOCK_BEGIN}\nset -gx GOOGLE_APPLICATION_CREDENTIALS '${path.replace(/'/g, "\\'")}'\n${BLOCK_END}\n`;
    const posix = `${BLOCK_BEGIN}\nexport GOOGLE_APPLICATION_CREDENTIALS='${path.replace(/'/g, "'\\''")}'\n${BLOCK_END}\n`;
    expect(removeCredentialsBlock(fish, 'fish')).toBe('');
    expect(removeCredentialsBlock(posix, 'bash')).toBe('');
    expect(credentialsBlockPath(posix, 'zsh')).toBe(path);
  });
});
