// "Start at login": a tray app that warns before credentials expire must be running after a
// reboot. macOS and Windows keep the login item themselves (Electron's app.setLoginItemSettings,
// passed in as `loginItems`, so this file never imports electron); Linux desktops start what
// they find in the XDG autostart folder
// (https://specifications.freedesktop.org/autostart-spec/latest/), so there the app writes and
// removes its own .desktop file, through the one safe writer.
import { readFile, unlink } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { writeFileAtomic } from '../fs/safe-file-writer';
import { PRODUCT_NAME } from './app-paths';
import type { StartAtLoginState } from '../../shared/model';
import { errnoCode, isErrno } from '../fs/errno';

/** The part of Electron's `app` this needs: its login-item methods, same names and shapes. */
export interface LoginItemSettingsApi {
  getLoginItemSettings(options?: { path?: string; args?: string[] }): { openAtLogin: boolean; status?: string };
  setLoginItemSettings(settings: { openAtLogin: boolean; path?: string; args?: string[] }): void;
}

/** What the OS runs at login: the AppImage, or the installed binary (plus the app folder in development). */
export interface LaunchCommand {
  executable: string;
  args: string[];
}

export interface StartAtLoginOptions {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  homeDir: string;
  launch: LaunchCommand;
  loginItems: LoginItemSettingsApi;
}

export interface StartAtLogin {
  /** Whether the app starts at login now, as the OS (or the autostart file) says. */
  read(): Promise<StartAtLoginState>;
  /** Turns it on or off; a failure is in `problem`, never thrown. */
  apply(enabled: boolean): Promise<StartAtLoginState>;
  /** Linux: rewrites the app's own enabled entry when the launch command moved (a new AppImage path). */
  refresh(): Promise<StartAtLoginState>;
}

const AUTOSTART_FILE_NAME = 'cloud-identity-tray.desktop';
/** Marks an autostart file as the app's own: only such a file is ever rewritten or removed. */
const OWNER_KEY = 'X-Cloud-Identity-Tray-Autostart';

/** `$XDG_CONFIG_HOME/autostart/…`; the spec says a relative XDG_CONFIG_HOME is ignored. */
export function autostartFile(env: NodeJS.ProcessEnv, homeDir: string): string {
  const configHome =
    env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(homeDir, '.config');
  return join(configHome, 'autostart', AUTOSTART_FILE_NAME);
}

// Characters that make an Exec argument need quotes, from the Desktop Entry spec's "The Exec key"
// (https://specifications.freedesktop.org/desktop-entry-spec/latest/exec-variables.html).
const RESERVED = /[\s"'\\><~|&;$*?#()`]/;

/** One argument as the Exec key's quoting rules want it (before the string-value escapes). */
function execArgument(arg: string): string {
  const literal = arg.replaceAll('%', '%%'); // a lone % would start a field code
  if (literal !== '' && !RESERVED.test(literal)) return literal;
  return `"${literal.replace(/["`$\\]/g, (c) => `\\${c}`)}"`;
}

/** The Exec value as written in the file: quoted arguments, then the string-value escapes on top. */
function execValue(command: LaunchCommand): string {
  const line = [command.executable, ...command.args].map(execArgument).join(' ');
  return line.replace(/[\\\n\t\r]/g, (c) => ({ '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r' })[c] ?? c);
}

function desktopEntry(command: LaunchCommand): string {
  return [
    `# Written by ${PRODUCT_NAME}; turn "Start at login" off in its Settings to remove it.`,
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.5',
    `Name=${PRODUCT_NAME}`,
    'Comment=AWS and GCP identities and when they expire',
    `Exec=${execValue(command)}`,
    'Terminal=false',
    'Hidden=false',
    'X-GNOME-Autostart-enabled=true',
    `${OWNER_KEY}=true`,
    '',
  ].join('\n');
}

/** The keys of the [Desktop Entry] group (enough to tell ours from a foreign file, and on from off). */
function desktopEntryKeys(text: string): Map<string, string> {
  const keys = new Map<string, string>();
  let inGroup = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('[')) {
      inGroup = line === '[Desktop Entry]';
      continue;
    }
    const equals = line.indexOf('=');
    if (inGroup && equals > 0) keys.set(line.slice(0, equals).trim(), line.slice(equals + 1).trim());
  }
  return keys;
}

function reason(error: unknown): string {
  const code = errnoCode(error);
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'the file system is read-only';
  return code ?? (error instanceof Error ? error.message : String(error));
}

function createXdgAutostart(file: string, launch: LaunchCommand): StartAtLogin {
  const wanted = desktopEntry(launch);
  type Found =
    | { kind: 'missing' }
    | { kind: 'unreadable'; problem: string }
    | { kind: 'found'; text: string; ours: boolean; enabled: boolean };

  async function inspect(): Promise<Found> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if (isErrno(error, 'ENOENT')) return { kind: 'missing' };
      return { kind: 'unreadable', problem: `${file} could not be read (${reason(error)}).` };
    }
    const keys = desktopEntryKeys(text);
    // Hidden=true means "deleted" to the autostart spec; GNOME also honours its own key.
    const enabled = keys.get('Hidden') !== 'true' && keys.get('X-GNOME-Autostart-enabled') !== 'false';
    return { kind: 'found', text, ours: keys.get(OWNER_KEY) === 'true', enabled };
  }

  const foreign = (): string =>
    `${file} was not written by ${PRODUCT_NAME}, so the app leaves it as it is. Remove it to let the app manage "Start at login".`;

  async function read(): Promise<StartAtLoginState> {
    const found = await inspect();
    if (found.kind === 'missing') return { enabled: false, entry: file, problem: null };
    if (found.kind === 'unreadable') return { enabled: false, entry: file, problem: found.problem };
    return { enabled: found.enabled, entry: file, problem: found.ours ? null : foreign() };
  }

  async function write(): Promise<StartAtLoginState> {
    try {
      await writeFileAtomic(file, wanted, { mode: 0o644 });
      return { enabled: true, entry: file, problem: null };
    } catch (error) {
      return {
        enabled: false,
        entry: file,
        problem: `Could not write ${file} (${reason(error)}); the app will not start at login.`,
      };
    }
  }

  return {
    read,
    async apply(enabled) {
      const found = await inspect();
      if (found.kind === 'unreadable') return { enabled: false, entry: file, problem: found.problem };
      if (found.kind === 'found' && !found.ours) return { enabled: found.enabled, entry: file, problem: foreign() };
      if (enabled) return write();
      if (found.kind === 'missing') return { enabled: false, entry: file, problem: null };
      try {
        await unlink(file);
        return { enabled: false, entry: file, problem: null };
      } catch (error) {
        if (isErrno(error, 'ENOENT')) return { enabled: false, entry: file, problem: null };
        return {
          enabled: true,
          entry: file,
          problem: `Could not remove ${file} (${reason(error)}); the app still starts at login.`,
        };
      }
    },
    async refresh() {
      const found = await inspect();
      // Only the app's own entry, only while on: one the user switched off in their desktop's
      // startup settings, or removed, stays that way.
      if (found.kind === 'found' && found.ours && found.enabled && found.text !== wanted) return write();
      return read();
    },
  };
}

function createLoginItem(opts: StartAtLoginOptions): StartAtLogin {
  // Windows keys its Run entry by the executable and arguments; macOS takes neither.
  const target = opts.platform === 'win32' ? { path: opts.launch.executable, args: opts.launch.args } : {};
  const read = async (): Promise<StartAtLoginState> => {
    try {
      const current = opts.loginItems.getLoginItemSettings(target);
      const problem =
        current.status === 'requires-approval'
          ? 'macOS asks you to allow it: System Settings › General › Login Items, then turn on Cloud Identity Tray.'
          : null;
      return { enabled: current.openAtLogin, entry: null, problem };
    } catch (error) {
      return { enabled: false, entry: null, problem: `The login items could not be read (${reason(error)}).` };
    }
  };
  return {
    read,
    async apply(enabled) {
      try {
        opts.loginItems.setLoginItemSettings({ openAtLogin: enabled, ...target });
      } catch (error) {
        const state = await read();
        return {
          ...state,
          problem: `The login item could not be ${enabled ? 'added' : 'removed'} (${reason(error)}).`,
        };
      }
      const state = await read();
      if (state.enabled !== enabled && state.problem === null) {
        return { ...state, problem: `The system did not ${enabled ? 'add' : 'remove'} the login item.` };
      }
      return state;
    },
    refresh: read,
  };
}

export function createStartAtLogin(opts: StartAtLoginOptions): StartAtLogin {
  if (opts.platform === 'darwin' || opts.platform === 'win32') return createLoginItem(opts);
  return createXdgAutostart(autostartFile(opts.env, opts.homeDir), opts.launch);
}

/**
 * At each launch. On the first launch (the setting was never saved) the app turns itself on and
 * records that; after that the user's choice stands: "off" is never undone, and "on" only keeps
 * the Linux entry pointing at the current launch command.
 */
export async function startAtLoginOnLaunch(opts: {
  setting: boolean | null;
  startAtLogin: StartAtLogin;
  /** False in development: `npm start` should not register a dev Electron at login. */
  firstLaunchTurnsOn: boolean;
  saveSetting(enabled: boolean): Promise<void>;
}): Promise<StartAtLoginState | null> {
  if (opts.setting === null) {
    if (!opts.firstLaunchTurnsOn) return null;
    const state = await opts.startAtLogin.apply(true);
    if (state.problem === null) await opts.saveSetting(true);
    return state;
  }
  if (opts.setting) return opts.startAtLogin.refresh();
  return null;
}
