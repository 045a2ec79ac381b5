// Start at login and the cloudid command in the built app (test/shell/scenarios/desktop.ts).
import { describe, expect, it } from 'vitest';
import { scenarioRunner } from './support/run-scenario';
import type * as scenarios from './scenarios/desktop';

const run = scenarioRunner<typeof scenarios>('test/shell/scenarios/desktop.ts', {
  setUp: (home) => home.writeConfig('[profile dev]\nregion = eu-west-1\n'),
});

/** The keys of a desktop entry's [Desktop Entry] group, unescaped as the spec says. */
function desktopEntry(text: string): Map<string, string> {
  const keys = new Map<string, string>();
  let inGroup = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('[')) inGroup = line === '[Desktop Entry]';
    const match = inGroup ? /^([A-Za-z0-9-]+)=(.*)$/.exec(line) : null;
    if (match)
      keys.set(
        match[1]!,
        match[2]!.replace(/\\([\\nstr])/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r', s: ' ' })[c] ?? c),
      );
  }
  return keys;
}

describe('start at login and the cloudid command', () => {
  it('Linux: the first packaged launch writes the autostart entry, the page turns it off, and installs cloudid', async () => {
    const { result, home } = await run('linuxFirstLaunchThenOff');
    expect(result.file).toBe(`${home.home}/.config/autostart/cloud-identity-tray.desktop`);
    const entry = desktopEntry(result.written);
    expect(entry.get('Type')).toBe('Application');
    expect(entry.get('Name')).toBe('Cloud Identity Tray');
    // The packaged binary alone: no app folder argument, as in development.
    expect(entry.get('Exec')).toBe(result.execPath);
    expect(result.settingAfterLaunch).toBe(true);
    expect(result.shown).toEqual({ enabled: true, entry: result.file, problem: null });
    expect(result.off).toEqual({ enabled: false, entry: result.file, problem: null });
    expect(result.fileAfterOff).toBe(false);
    expect(result.settingAfterOff).toBe(false);
    expect(result.loginItemCalls).toEqual([]);
    expect(result.cli).toMatchObject({ offered: true, installed: false });
    expect(result.installed).toMatchObject({ offered: true, installed: true, path: `${home.home}/.local/bin/cloudid` });
    expect(result.launcher).toContain(`exec node '`);
    expect(result.launcher).toContain(`/cli/bin/cloudid.mjs' "$@"`);
  });

  it('macOS: the first packaged launch adds the login item through Electron, the page removes it', async () => {
    const { result } = await run('macFirstLaunchThenOff');
    expect(result.atLaunch).toEqual([
      { call: 'app.setLoginItemSettings', args: [{ openAtLogin: true }] },
      { call: 'app.getLoginItemSettings', args: [{}] },
    ]);
    expect(result.shown).toEqual({ enabled: true, entry: null, problem: null });
    expect(result.off).toEqual({ enabled: false, entry: null, problem: null });
    expect(result.all).toContainEqual({ call: 'app.setLoginItemSettings', args: [{ openAtLogin: false }] });
    expect(result.settingAfterOff).toBe(false);
    expect(result.autostartFile).toBe(false);
  });

  it('Windows: the login item is keyed by the executable, added at first launch and removed from the page', async () => {
    const { result } = await run('windowsFirstLaunchThenOff');
    const target = { path: result.execPath, args: [] };
    expect(result.atLaunch).toEqual([
      { call: 'app.setLoginItemSettings', args: [{ openAtLogin: true, ...target }] },
      { call: 'app.getLoginItemSettings', args: [target] },
    ]);
    expect(result.shown).toEqual({ enabled: true, entry: null, problem: null });
    expect(result.off).toEqual({ enabled: false, entry: null, problem: null });
    expect(result.all).toContainEqual({ call: 'app.setLoginItemSettings', args: [{ openAtLogin: false, ...target }] });
    expect(result.loginItems).toEqual([[JSON.stringify([result.execPath, []]), false]]);
    expect(result.settingAfterOff).toBe(false);
    expect(result.autostartFile).toBe(false);
  });
});
