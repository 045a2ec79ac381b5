// The window and the page's IPC, on the built app: who may call, what happens after a failed
// load or a crashed renderer, and where navigation goes.
import { afterEach, describe, expect, it } from 'vitest';
import type { AwsHome } from '../support/aws-home';
import { cleanRun, runScenario } from './support/run-scenario';
import type * as scenarios from './scenarios/window-and-ipc';

const file = 'test/shell/scenarios/window-and-ipc.ts';
const homes: AwsHome[] = [];
afterEach(async () => {
  await Promise.all(homes.splice(0).map((h) => h.cleanup()));
});

async function run<K extends keyof typeof scenarios>(name: K) {
  const report = await runScenario<Awaited<ReturnType<(typeof scenarios)[K]>>>(file, name, {
    setUp: (home) => home.writeConfig('[profile dev]\nregion = eu-west-1\n'),
  });
  homes.push(report.home);
  expect(cleanRun(report)).toEqual({ failure: null, unhandled: [], undeclared: [] });
  expect(report.exitCode).toBe(0);
  expect(report.leftover).toBeNull();
  return report;
}

describe('the page and IPC', () => {
  it("answers the app's page and refuses a foreign page, a subframe and a missing frame", async () => {
    const { result } = await run('ipcFromFrames');
    expect(result.fromApp).toEqual({ ok: true, value: 'object' });
    for (const refused of [result.fromForeign, result.fromSubframe, result.fromNoFrame]) {
      expect(refused).toEqual({
        ok: false,
        error: expect.stringMatching(/refused: the call did not come from the app's window/),
      });
    }
    expect(result.badInput.ok).toBe(false);
  });

  it('opens a fresh window after the page failed to load', async () => {
    const { result, stderr } = await run('failedLoadThenOpen');
    expect(result).toEqual({ windows: 2, firstDestroyed: true, shown: true });
    expect(stderr).toMatch(/did not load \(ERR_FILE_NOT_FOUND, -6\)/);
  });

  it('opens a fresh window after the renderer crashed', async () => {
    const { result } = await run('crashedRendererThenOpen');
    expect(result).toEqual({ windows: 2, reopened: true, answers: true });
  });

  it("sends an identity provider's link to the browser, nothing else, and survives a browser that fails to open", async () => {
    const { result, stderr } = await run('navigationGoesToTheBrowser');
    expect(result.allowedIdp).toBe(false);
    expect(result.allowedOther).toBe(false);
    expect(result.opened).toEqual(['https://d-1234567890.awsapps.com/start']);
    expect(stderr).toMatch(
      /Could not open https:\/\/d-1234567890\.awsapps\.com\/start in the browser: no browser is configured/,
    );
  });
});
