// Events from outside the window, on the built app: a slow login shell, a second launch,
// quitting during start-up, AWS files changing, a token running out, waking from sleep.
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheStamp, type AwsHome } from '../support/aws-home';
import { scenarioRunner } from './support/run-scenario';
import type * as scenarios from './scenarios/app-events';

const run = scenarioRunner<typeof scenarios>(
  'test/shell/scenarios/app-events.ts',
  { setUp: (home) => home.writeConfig('[profile dev]\nregion = eu-west-1\n') },
  { anyExitCode: true },
);

/** A login shell whose profile takes `seconds` to run, as a slow ~/.bash_profile does. */
async function slowShell(home: AwsHome, seconds: number): Promise<string> {
  const path = join(home.home, 'slow-shell');
  await writeFile(path, `#!/bin/sh\nsleep ${seconds}\nexec /bin/sh "$@"\n`);
  await chmod(path, 0o755);
  return path;
}

describe('outside events', () => {
  it('shows the tray and answers a second launch while a slow login shell still runs', async () => {
    const { result } = await run('slowShellSecondInstance', {
      setUp: async (home) => {
        await home.writeConfig('[profile dev]\nregion = eu-west-1\n');
        await slowShell(home, 2);
      },
      env: (home) => ({ SHELL: join(home.home, 'slow-shell') }),
      timeoutMs: 20_000,
    });
    expect(result.trayAfterMs).toBeLessThan(500);
    expect(result.ipcChannels).toBeGreaterThan(0);
    expect(result.windowAfterSecondLaunch).toBe(true);
    expect(result.stillLoading).toBe(true);
  });

  it('quits cleanly from the loading menu: tray gone, handlers removed, nothing left running', async () => {
    const { result } = await run('quitFromLoadingMenu');
    expect(result).toEqual({ loading: true, exitCode: 0, trayDestroyed: true, handlers: 0 });
  });

  it('quitting while a slow ~/.bash_profile runs ends the login shell at once: nothing is left', async () => {
    const { result } = await run('quitDuringStartUp', {
      setUp: async (home) => {
        await home.writeConfig('[profile dev]\nregion = eu-west-1\n');
        await writeFile(join(home.home, '.bash_profile'), 'sleep 5\n');
      },
      env: { SHELL: '/bin/bash', SCENARIO_QUIT_AFTER_MS: '200' },
      endWithinMs: 2000,
    });
    expect(result).toMatchObject({ loading: true, exitCode: 0, trayDestroyed: true, handlers: 0 });
    // And the process ended within endWithinMs of that, with nothing open (run() checks both).
    expect(result.quitMs).toBeLessThan(1000);
  });

  it('quitting while the core starts (a slow login shell, then a slow `aws --version`) leaves no timer, watcher or worker', async () => {
    const { result, stderr } = await run('quitDuringStartUp', {
      setUp: async (home) => {
        await home.writeConfig('[profile dev]\nregion = eu-west-1\n');
        // ~/.profile: 1 s, then a folder with a slow `aws` on PATH; the core runs `aws --version`
        // while it starts, and the scenario quits once that has begun.
        await writeFile(join(home.home, '.profile'), 'sleep 1\nexport PATH="$HOME/bin:$PATH"\n');
        await mkdir(join(home.home, 'bin'));
        await writeFile(
          join(home.home, 'bin', 'aws'),
          '#!/bin/sh\ntouch "$HOME/aws-started"\nsleep 2\necho aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64\n',
        );
        await chmod(join(home.home, 'bin', 'aws'), 0o755);
      },
      env: (home) => ({ SHELL: '/bin/sh', SCENARIO_QUIT_WHEN_FILE: join(home.home, 'aws-started') }),
      endWithinMs: 2000,
    });
    expect(result).toMatchObject({ loading: true, exitCode: 0, trayDestroyed: true, handlers: 0 });
    expect(result.quitMs).toBeLessThan(1000);
    expect(stderr).not.toMatch(/failed/);
  });

  it('quitting while the core reads its settings: start() goes no further, no watcher is left', async () => {
    const { result } = await run('quitWhileCoreLoadsSettings', { endWithinMs: 2000 });
    expect(result).toMatchObject({ held: true, exitCode: 0, trayDestroyed: true });
    expect(result.quitMs).toBeLessThan(1000);
  });

  it('a second launch hands over to the first and quits before doing anything', async () => {
    const { result } = await run('secondLaunchQuits');
    expect(result).toEqual({ exitCode: 0, trays: 0, handlers: 0 });
  });

  it('rebuilds the menu and pushes a snapshot when ~/.aws/config changes', async () => {
    const { result } = await run('configChangeRebuildsMenu');
    expect(result.before.some((l) => l.startsWith('default'))).toBe(false);
    expect(result.after.some((l) => l.startsWith('default'))).toBe(true);
    expect(result.pushedProfiles).toEqual(expect.arrayContaining(['default', 'added-later']));
  });

  it('turns the tray to expired when an SSO token runs out, with one notification, without a menu per second', async () => {
    const { result } = await run('tokenExpiresSoon', {
      setUp: async (home) => {
        await home.writeConfig(
          '[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Admin\nregion = eu-west-1\n' +
            '[sso-session corp]\nsso_start_url = https://d-1234567890.awsapps.com/start\nsso_region = us-east-1\n',
        );
        await home.writeToken('corp', {
          startUrl: 'https://d-1234567890.awsapps.com/start',
          region: 'us-east-1',
          accessToken: 'token',
          expiresAt: cacheStamp(Date.now() + 10_000),
        });
      },
      env: { AWS_PROFILE: 'dev' },
      timeoutMs: 30_000,
    });
    expect(result.iconAtStart).not.toMatch(/expired/);
    expect(result.iconAfter).toMatch(/expired/);
    expect(result.notifications.filter((t) => /expired/i.test(t))).toHaveLength(1);
    expect(result.menusBuilt).toBeLessThanOrEqual(4);
  });

  it('re-renders the tray on resume, and copies the export line from the tray', async () => {
    const { result } = await run('resumeAndCopy', {
      setUp: (home) => home.writeConfig('[default]\nregion = eu-west-1\naws_access_key_id = AKIAEXAMPLE\n'),
    });
    expect(result.menusAfterResume).toBe(1);
    expect(result.copied).toBe('export AWS_PROFILE=default');
  });
});
