// The built app's life cycle on the Electron fake: what happens before and after 'ready', what
// the tray shows first, the window and its page, and quitting.
import { afterEach, describe, expect, it } from 'vitest';
import type { AwsHome } from '../support/aws-home';
import { cleanRun, runScenario } from './support/run-scenario';
import type { startAndQuit } from './scenarios/life-cycle';

const scenarios = 'test/shell/scenarios/life-cycle.ts';
const homes: AwsHome[] = [];
afterEach(async () => {
  await Promise.all(homes.splice(0).map((h) => h.cleanup()));
});

describe('life cycle', () => {
  it('sets up before ready, shows a tray at once, opens a hardened window only when asked, and quits cleanly', async () => {
    const report = await runScenario<Awaited<ReturnType<typeof startAndQuit>>>(scenarios, 'startAndQuit', {
      setUp: (home) => home.writeConfig('[profile dev]\nregion = eu-west-1\naws_access_key_id = AKIAEXAMPLE\n'),
    });
    homes.push(report.home);
    expect(cleanRun(report)).toEqual({ failure: null, unhandled: [], undeclared: [] });
    const r = report.result;
    expect(r.beforeReady).toEqual(
      expect.arrayContaining(['protocol.registerSchemesAsPrivileged', 'app.setPath', 'app.requestSingleInstanceLock']),
    );
    expect(r.listenersBeforeReady).toContain('web-contents-created');
    expect(r.privileged).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    expect(r.firstMenu).toEqual(['Reading your AWS config…', 'Open Cloud Identity Tray…', 'Quit']);
    expect(r.realMenu).toContain('Verify identities');
    expect(r.windowsBeforeAsked).toBe(0);
    expect([...r.handled].sort()).toEqual([...r.expectedChannels].sort());
    expect(r.windowOptions).toMatchObject({
      show: false,
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        preload: expect.stringMatching(/out\/preload\/index\.cjs$/),
      },
    });
    expect(r.windowShown).toBe(true);
    expect(r.pageMethods).toEqual(expect.arrayContaining(['getSnapshot', 'on']));
    expect(r.app.status).toBe(200);
    expect(r.app.type).toMatch(/text\/html/);
    expect(r.app.csp).toMatch(/default-src 'none'|default-src 'self'/);
    expect(r.missingStatus).toBe(404);
    expect(r.exitCode).toBe(0);
    expect(r.trayDestroyed).toBe(true);
    expect(r.handlersAfterQuit).toBe(0);
    expect(report.leftover).toBeNull();
    expect(report.endedOnItsOwn).toBe(true);
  });
});
