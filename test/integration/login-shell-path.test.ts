import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loginShellPath } from '../../electron/core/app/login-shell-path';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('loginShellPath', () => {
  it("reads the PATH a real login shell sets up, ignoring what its rc files print", async () => {
    dir = await mkdtemp(join(tmpdir(), 'cloudid-shell-'));
    // bash -l reads ~/.bash_profile: make one that prints noise and prepends a folder.
    await writeFile(join(dir, '.bash_profile'), 'echo "welcome!"\nexport PATH="/opt/from-profile/bin:$PATH"\n');
    const previousHome = process.env.HOME;
    process.env.HOME = dir;
    try {
      const path = await loginShellPath({ shell: '/bin/bash', fallback: '/fallback', platform: 'linux' });
      expect(path?.split(':')[0]).toBe('/opt/from-profile/bin');
      expect(path).not.toContain('welcome');
    } finally {
      process.env.HOME = previousHome;
    }
  });

  it('falls back when the shell is missing, fails, or hangs', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cloudid-shell-'));
    const hanging = join(dir, 'hang.sh');
    await writeFile(hanging, '#!/bin/sh\nsleep 30\n');
    await chmod(hanging, 0o755);
    await expect(loginShellPath({ shell: join(dir, 'missing'), fallback: '/fb', platform: 'linux' })).resolves.toBe('/fb');
    await expect(loginShellPath({ shell: '/bin/false', fallback: '/fb', platform: 'linux' })).resolves.toBe('/fb');
    await expect(loginShellPath({ shell: hanging, fallback: '/fb', platform: 'linux', timeoutMs: 300 })).resolves.toBe('/fb');
    await expect(loginShellPath({ shell: undefined, fallback: '/fb', platform: 'linux' })).resolves.toBe('/fb');
    await expect(loginShellPath({ shell: '/bin/bash', fallback: '/fb', platform: 'win32' })).resolves.toBe('/fb');
  });
});
