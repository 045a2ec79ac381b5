// The fake's own check against electron.d.ts: what Electron does not declare must fail, or the
// shell scenarios would pass against an API that does not exist.
import { describe, expect, it } from 'vitest';
import {
  asDeclared,
  checkEvent,
  checkOptions,
  declaredEvents,
  UndeclaredElectronApi,
  undeclaredUses,
} from '../support/electron-fake/declared-check';
import { parseElectronSurface } from '../support/electron-fake/electron-surface';
import { DeclaredEmitter } from '../support/electron-fake/fake-state';

describe('the electron.d.ts check', () => {
  it('accepts declared options, nested ones included, and rejects a made-up key at any depth', () => {
    expect(() =>
      checkOptions('BrowserWindowConstructorOptions', { width: 10, show: false, webPreferences: { sandbox: true } }),
    ).not.toThrow();
    expect(() => checkOptions('BrowserWindowConstructorOptions', { widht: 10 })).toThrow(UndeclaredElectronApi);
    expect(() => checkOptions('BrowserWindowConstructorOptions', { webPreferences: { sandboxed: true } })).toThrow(
      /webPreferences\.sandboxed/,
    );
    expect(() =>
      checkOptions('MenuItemConstructorOptions', { label: 'a', submenu: [{ label: 'b', onClick: () => undefined }] }),
    ).toThrow(/submenu\[0\]\.onClick/);
    expect(() =>
      checkOptions('NotificationConstructorOptions', { title: 't', actions: [{ type: 'button', text: 'Log in' }] }),
    ).not.toThrow();
    expect(undeclaredUses()).toContain(
      'BrowserWindowConstructorOptions.widht is not an option electron.d.ts declares for BrowserWindowConstructorOptions',
    );
  });

  it('knows each class its events, through what it extends, and rejects a made-up one', () => {
    expect(() => checkEvent('BrowserWindow', 'ready-to-show')).not.toThrow();
    expect(() => checkEvent('BrowserWindow', 'close')).not.toThrow();
    expect(() => checkEvent('App', 'second-instance')).not.toThrow();
    expect(() => checkEvent('WebContents', 'render-process-gone')).not.toThrow();
    expect(() => checkEvent('PowerMonitor', 'resume')).not.toThrow();
    expect(() => checkEvent('App', 'second-launch')).toThrow(/App declares no event 'second-launch'/);
    expect(() => new DeclaredEmitter('Tray').on('doubleclick', () => undefined)).toThrow(UndeclaredElectronApi);
  });

  it('marks the listener arguments electron.d.ts deprecates, and the fake leaves them out', () => {
    expect(declaredEvents('WebContents')?.get('will-navigate')).toEqual([1, 2, 3, 4, 5]);
    const emitter = new DeclaredEmitter('WebContents');
    let seen: unknown[] = [];
    emitter.on('will-navigate', (...args: unknown[]) => (seen = args));
    emitter.fire('will-navigate', { url: 'https://x.example/' }, 'https://x.example/', false, true, 1, 1);
    expect(seen).toEqual([{ url: 'https://x.example/' }, undefined, undefined, undefined, undefined, undefined]);
  });

  it('lets the app read only declared members of a fake object', () => {
    const tray = asDeclared('Tray', { setToolTip: () => undefined, secret: 1 });
    expect(() => tray.setToolTip()).not.toThrow();
    expect(() => tray.secret).toThrow(/Tray\.secret is not declared/);
  });

  it('reads members, events, deprecations and nested option types from d.ts text', () => {
    const surface = parseElectronSurface(`declare namespace Electron {
      class Gadget extends NodeEventEmitter {
        on(event: 'spin', listener: (event: Event, /** @deprecated */ speed: number) => void): this;
        turn(): void;
      }
      interface GadgetOptions extends BaseOptions { parts?: PartOptions[] | Gadget; }
    }`);
    expect(surface.Gadget).toMatchObject({
      kind: 'class',
      members: ['on', 'turn'],
      events: { spin: [1] },
      extends: ['NodeEventEmitter'],
    });
    expect(surface.GadgetOptions).toMatchObject({
      kind: 'interface',
      propertyTypes: { parts: ['PartOptions', 'Gadget'] },
      extends: ['BaseOptions'],
    });
  });
});
