// The desktop operations over the shell's services (electron/core/app/desktop-handlers.ts): the
// start-at-login setting is saved only when the system did what was asked.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../../electron/core/app/core';
import { createDesktopHandlers } from '../../../../electron/core/app/desktop-handlers';
import type { ShellServices } from '../../../../electron/core/app/operation-handlers';
import type { StartAtLogin } from '../../../../electron/core/app/start-at-login';
import type { Settings, StartAtLoginState } from '../../../../electron/shared/model';

function setUp(answer: (enabled: boolean) => StartAtLoginState, shellHas = true) {
  const saved: Array<Partial<Settings>> = [];
  const core = { updateSettings: async (patch: Partial<Settings>) => void saved.push(patch) } as unknown as Core;
  const startAtLogin: StartAtLogin = {
    read: async () => answer(false),
    apply: async (enabled) => answer(enabled),
    refresh: async () => answer(false),
  };
  const shell: ShellServices = { copyText: () => undefined, ...(shellHas ? { startAtLogin } : {}) };
  return { saved, handlers: createDesktopHandlers({ core, shell, emit: () => undefined }) };
}

describe('setStartAtLogin', () => {
  it('saves the choice once the system did it', async () => {
    const { saved, handlers } = setUp((enabled) => ({ enabled, entry: '/x.desktop', problem: null }));
    expect(await handlers.setStartAtLogin({ enabled: false })).toEqual({
      enabled: false,
      entry: '/x.desktop',
      problem: null,
    });
    expect(saved).toEqual([{ startAtLogin: false }]);
  });

  it('saves nothing when the system could not, and passes the reason on', async () => {
    const { saved, handlers } = setUp(() => ({
      enabled: false,
      entry: '/x.desktop',
      problem: 'Could not write /x.desktop (permission denied)',
    }));
    expect((await handlers.setStartAtLogin({ enabled: true })).problem).toContain('permission denied');
    expect(saved).toEqual([]);
  });

  it('without the shell service, says it is not available and saves nothing', async () => {
    const { saved, handlers } = setUp(() => ({ enabled: true, entry: null, problem: null }), false);
    expect(await handlers.setStartAtLogin({ enabled: true })).toMatchObject({
      enabled: false,
      problem: expect.stringContaining('not available'),
    });
    expect(await handlers.getCliCommand()).toMatchObject({ offered: false });
    expect(saved).toEqual([]);
  });
});
