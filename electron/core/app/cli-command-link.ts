// "Install the `cloudid` command" (Settings): puts a small launcher at ~/.local/bin/cloudid that
// runs the app's own copy of the CLI (the standalone bundle of scripts/cli-bundle.mjs, shipped in
// the app's resources by build/electron-builder.yml) with the user's Node.js, the way editors
// install their command-line launcher. A launcher script rather than a symlink: it names what
// it runs even when the app moves, and its marker line tells the app's own file from anyone
// else's, which is never overwritten.
//
// Why the user's `node` and not the app's Electron as Node: the packaged app keeps the runAsNode
// fuse off (build/electron-builder.yml), so its signed binary cannot be turned into a plain
// Node by anyone, and the keychain items it created stay out of reach of other programs.
import { access, constants, cp, lstat, readFile, readlink, rename, rm } from 'node:fs/promises';
import { basename, delimiter, join, resolve } from 'node:path';
import { writeFileAtomic } from '../fs/safe-file-writer';
import { PRODUCT_NAME } from './app-paths';
import type { CliCommandState } from '../../shared/model';
import { errnoCode, isErrno } from '../fs/errno';

export interface CliCommandOptions {
  platform: NodeJS.Platform;
  /** PATH (the login shell's, so it is what a terminal sees) and SHELL. */
  env: NodeJS.ProcessEnv;
  homeDir: string;
  /** The app's standalone CLI, the folder holding bin/cloudid.mjs; null when this build has none. */
  bundleDir: string | null;
  /**
   * Where to copy the bundle first, when bundleDir does not outlive the app: an AppImage's
   * files are mounted under /tmp only while it runs. Null: run it where it is.
   */
  stableCopyDir: string | null;
}

const MARKER = `# The cloudid command of ${PRODUCT_NAME}, installed from its Settings. The app rewrites this file;`;

function cliCommandPath(homeDir: string): string {
  return join(homeDir, '.local', 'bin', 'cloudid');
}

/** A word for sh inside single quotes. */
function shellQuote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

function launcherScript(cliEntry: string): string {
  return [
    '#!/bin/sh',
    MARKER,
    '# to remove the command, delete it.',
    'if ! command -v node >/dev/null 2>&1; then',
    "  echo 'cloudid runs with Node.js, which is not on PATH: install Node.js (https://nodejs.org or your package manager).' >&2",
    '  exit 127',
    'fi',
    `exec node ${shellQuote(cliEntry)} "$@"`,
    '',
  ].join('\n');
}

function tilde(path: string, homeDir: string): string {
  return path === homeDir || path.startsWith(`${homeDir}/`) ? `~${path.slice(homeDir.length)}` : path;
}

/** The line that puts ~/.local/bin on PATH, in the startup file of the user's shell. */
function pathSetupFor(opts: CliCommandOptions): { file: string; line: string } {
  const shell = basename(opts.env.SHELL ?? '');
  if (shell === 'fish') return { file: '~/.config/fish/config.fish', line: 'fish_add_path ~/.local/bin' };
  const line = 'export PATH="$HOME/.local/bin:$PATH"';
  if (shell === 'zsh') return { file: '~/.zshrc', line };
  if (shell === 'bash') return { file: opts.platform === 'darwin' ? '~/.bash_profile' : '~/.bashrc', line };
  return { file: '~/.profile', line };
}

function pathDirs(opts: CliCommandOptions): string[] {
  return (opts.env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => dir !== '')
    .map((dir) => resolve(dir.replace(/^~(?=$|\/)/, opts.homeDir)));
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return (await lstat(path)).isDirectory() === false;
  } catch {
    return false;
  }
}

type Existing = { kind: 'missing' } | { kind: 'ours'; text: string } | { kind: 'foreign'; description: string };

async function existing(path: string): Promise<Existing> {
  let stats;
  try {
    stats = await lstat(path);
  } catch (error) {
    // ENOTDIR: something in the way of ~/.local/bin itself; the install says what when it fails.
    const code = errnoCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    return { kind: 'foreign', description: `cannot be read (${code ?? String(error)})` };
  }
  if (stats.isSymbolicLink())
    return { kind: 'foreign', description: `is a link to ${await readlink(path).catch(() => 'somewhere unreadable')}` };
  if (!stats.isFile()) return { kind: 'foreign', description: 'is not a file' };
  const text = await readFile(path, 'utf8').catch(() => '');
  return text.split('\n')[1] === MARKER
    ? { kind: 'ours', text }
    : { kind: 'foreign', description: 'was not installed by the app' };
}

function cliEntry(opts: CliCommandOptions): string | null {
  const root = opts.stableCopyDir ?? opts.bundleDir;
  return root === null ? null : join(root, 'bin', 'cloudid.mjs');
}

/** What is at ~/.local/bin/cloudid now, and whether terminals will find it. */
export async function cliCommandState(opts: CliCommandOptions): Promise<CliCommandState> {
  const path = cliCommandPath(opts.homeDir);
  const shown = tilde(path, opts.homeDir);
  if (opts.platform === 'win32') {
    return {
      offered: false,
      installed: false,
      path: null,
      message: 'Installing the cloudid command is not offered on Windows yet.',
      pathSetup: null,
    };
  }
  const entry = cliEntry(opts);
  if (opts.bundleDir === null || !(await readable(join(opts.bundleDir, 'bin', 'cloudid.mjs')))) {
    return {
      offered: false,
      installed: false,
      path,
      message: 'This build of the app has no cloudid bundle to install (build it with `npm run build`).',
      pathSetup: null,
    };
  }
  const found = await existing(path);
  const pathSetup = pathDirs(opts).includes(resolve(join(opts.homeDir, '.local', 'bin'))) ? null : pathSetupFor(opts);
  if (found.kind === 'foreign') {
    return {
      offered: true,
      installed: false,
      path,
      message: `${shown} ${found.description}, so the app leaves it as it is. Move it away to install the app's cloudid.`,
      pathSetup: null,
    };
  }
  if (found.kind === 'missing') {
    return {
      offered: true,
      installed: false,
      path,
      message: `Puts cloudid in ${tilde(join(opts.homeDir, '.local', 'bin'), opts.homeDir)}, for your terminals and scripts.`,
      pathSetup,
    };
  }
  if (entry === null || found.text !== launcherScript(entry)) {
    return {
      offered: true,
      installed: false,
      path,
      message: `${shown} runs another copy of the app's cloudid; install again to run this one.`,
      pathSetup,
    };
  }
  const shadow = await shadowingCommand(opts, path);
  const where = `cloudid is installed at ${shown}.`;
  const message = shadow ? `${where} But ${shadow} comes first on your PATH, so terminals run that one.` : where;
  return { offered: true, installed: true, path, message, pathSetup };
}

async function readable(path: string): Promise<boolean> {
  try {
    await access(path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

/** Another `cloudid` in a PATH folder before ours. */
async function shadowingCommand(opts: CliCommandOptions, ours: string): Promise<string | null> {
  const oursDir = resolve(join(opts.homeDir, '.local', 'bin'));
  for (const dir of pathDirs(opts)) {
    if (dir === oursDir) return null;
    const candidate = join(dir, 'cloudid');
    if (candidate !== ours && (await isExecutable(candidate))) return candidate;
  }
  return null;
}

/** Copies the bundle to its stable folder: a fresh copy beside it, then swapped in. */
async function copyBundle(from: string, to: string): Promise<void> {
  const fresh = `${to}.new-${process.pid}`;
  const old = `${to}.old-${process.pid}`;
  await rm(fresh, { recursive: true, force: true });
  await cp(from, fresh, { recursive: true });
  await rename(to, old).catch((error: unknown) => {
    if (!isErrno(error, 'ENOENT')) throw error;
  });
  await rename(fresh, to);
  await rm(old, { recursive: true, force: true });
}

/** Installs or refreshes ~/.local/bin/cloudid; never touches a file of that name it did not write. */
export async function installCliCommand(opts: CliCommandOptions): Promise<CliCommandState> {
  const before = await cliCommandState(opts);
  const entry = cliEntry(opts);
  if (!before.offered || before.path === null || entry === null || opts.bundleDir === null) return before;
  const found = await existing(before.path);
  if (found.kind === 'foreign') return before;
  try {
    if (opts.stableCopyDir !== null) await copyBundle(opts.bundleDir, opts.stableCopyDir);
    await writeFileAtomic(before.path, launcherScript(entry), { mode: 0o755 });
  } catch (error) {
    const reason = errnoCode(error) ?? (error instanceof Error ? error.message : String(error));
    return {
      ...before,
      installed: false,
      message: `Could not install cloudid at ${tilde(before.path, opts.homeDir)} (${reason}).`,
    };
  }
  return cliCommandState(opts);
}

/**
 * At launch: an installed launcher of the app's that runs a copy (an AppImage's) gets a fresh
 * copy, so the command stays the app's version; anything else is left alone.
 */
export async function refreshCliCommand(opts: CliCommandOptions): Promise<void> {
  if (opts.stableCopyDir === null || opts.platform === 'win32') return;
  const found = await existing(cliCommandPath(opts.homeDir));
  if (found.kind === 'ours') await installCliCommand(opts);
}
