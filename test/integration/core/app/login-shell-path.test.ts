import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loginShellPath } from '../../../../electron/core/app/login-shell-path';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('loginShellPath', () => {
  it('reads the PATH a real login shell sets up, ignoring what its rc files print', async () => {
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
    await expect(loginShellPath({ shell: join(dir, 'missing'), fallback: '/fb', platform: 'linux' })).resolves.toBe(
      '/fb',
    );
    await expect(loginShellPath({ shell: '/bin/false', fallback: '/fb', platform: 'linux' })).resolves.toBe('/fb');
    await expect(loginShellPath({ shell: hanging, fallback: '/fb', platform: 'linux', timeoutMs: 300 })).resolves.toBe(
      '/fb',
    );
    await expect(loginShellPath({ shell: undefined, fallback: '/fb', platform: 'linux' })).resolves.toBe('/fb');
    await expect(loginShellPath({ shell: '/bin/bash', fallback: '/fb', platform: 'win32' })).resolves.toBe('/fb');
  });
});

describe('loginShellPath, stopped', () => {
  it('kills the shell and what its profile runs at once when aborted, and answers the fallback', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cloudid-shell-'));
    const pidFile = join(dir, 'sleep.pid');
    // The profile's own child, as a slow ~/.bash_profile would start: it records its pid.
    await writeFile(join(dir, '.bash_profile'), `sh -c 'echo $$ > "${pidFile}"; exec sleep 5'\n`);
    const previousHome = process.env.HOME;
    process.env.HOME = dir;
    try {
      const controller = new AbortController();
      const answer = loginShellPath({
        shell: '/bin/bash',
        fallback: '/fb',
        platform: 'linux',
        timeoutMs: 10_000,
        signal: controller.signal,
      });
      await waitForFile(pidFile);
      const started = Date.now();
      controller.abort();
      await expect(answer).resolves.toBe('/fb');
      expect(Date.now() - started).toBeLessThan(500);
      const pid = Number((await readFile(pidFile, 'utf8')).trim());
      await waitUntil(() => !isAlive(pid));
      expect(isAlive(pid)).toBe(false);
    } finally {
      process.env.HOME = previousHome;
    }
  });

  it('answers the fallback without starting a shell when already aborted', async () => {
    await expect(
      loginShellPath({ shell: '/bin/bash', fallback: '/fb', platform: 'linux', signal: AbortSignal.abort() }),
    ).resolves.toBe('/fb');
  });

  it('on a timeout, kills the whole group too: a hanging profile does not hold the answer', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cloudid-shell-'));
    await writeFile(join(dir, '.bash_profile'), 'sleep 5\n');
    const previousHome = process.env.HOME;
    process.env.HOME = dir;
    try {
      const started = Date.now();
      await expect(
        loginShellPath({ shell: '/bin/bash', fallback: '/fb', platform: 'linux', timeoutMs: 300 }),
      ).resolves.toBe('/fb');
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      process.env.HOME = previousHome;
    }
  });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(done: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}

async function waitForFile(path: string): Promise<void> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const text = await readFile(path, 'utf8').catch(() => '');
    if (text.trim() !== '' || Date.now() > deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
