// The version of an `aws` on PATH read from its installation's files, without running anything:
// `aws --version` starts Python (or a frozen Python) and costs most of a second per CLI. Three
// layouts are understood; anything else, or anything ambiguous, answers null and the caller runs
// `aws --version` instead. A wrong answer is worse than a slow one, so every doubt is a null.
//
// 1. The official v2 installer (Linux and macOS zip): `<root>/v2/<version>/dist/aws`, reached
//    through `<bin>/aws -> <root>/v2/current/bin/aws -> ../dist/aws` and `current -> <version>`;
//    the folder is named after what that binary's `--version` printed at install time
//    (https://github.com/aws/aws-cli/blob/v2/exe/assets/install). The macOS .pkg
//    (scripts/installers/make-macpkg there) and the Windows MSI have no version in their paths.
// 2. A Python script importing `awscli.clidriver` (pip's `bin/aws`, a console-script wrapper,
//    Debian's /usr/bin/aws): the `awscli` package its interpreter would import.
// 3. A pyenv shim: the script pyenv would run, chosen as pyenv chooses
//    (https://github.com/pyenv/pyenv/blob/master/libexec/pyenv-version-file and its siblings
//    pyenv-version-name, pyenv-which, pyenv-exec), then 2.
import { constants as fsConstants } from 'node:fs';
import { access, open, readdir, readFile, realpath, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AwsVersion } from './aws-cli-detect';
import { isErrno } from '../fs/errno';

export interface InstallVersionOptions {
  /** The PATH the user's shell has: for `#!/usr/bin/env python3` and pyenv's `system`. */
  path: string | undefined;
  /** The environment `aws` would run with (PYENV_VERSION, PYTHONPATH, HOME...). */
  env: NodeJS.ProcessEnv;
  /** The directory `aws` would run in: pyenv looks for `.python-version` there and above. */
  cwd: string;
  platform: NodeJS.Platform;
}

/** Shims and `#!/usr/bin/env` lead from one file to another; a loop must end somewhere. */
const MAX_HOPS = 8;
const HEAD_BYTES = 8 * 1024;
const INSTALLER_LAYOUT = /\/v2\/(\d+\.\d+\.\d+)\/dist\/aws$/;
const VERSION_LINE = /^__version__\s*=\s*(['"])(\d+\.\d+\.\d+)\1\s*$/m;
/** The two ways an `aws` script starts the CLI: awscli's own bin/aws and pip's entry-point wrapper. */
const IMPORTS_CLIDRIVER = /^(?:import awscli\.clidriver|from awscli\.clidriver import main)\s*$/m;
/** pip (distlib) writes this instead of a shebang when the interpreter's path is too long. */
const SH_TRAMPOLINE = /^'''exec' (?:"([^"]+)"|(\S+)) "\$0" "\$@"$/;
/** Hooks pyenv-virtualenv and pyenv ship that only act when `aws` was not found, or on pip. */
const HARMLESS_PYENV_HOOKS = new Set([
  'which/conda.bash',
  'which/python-config.bash',
  'which/system-site-packages.bash',
  'exec/pip-rehash.bash',
]);

function versionOf(text: string): AwsVersion | null {
  const version = VERSION_LINE.exec(text)?.[2];
  return version ? { version, major: Number(version.split('.')[0]) } : null;
}

/** The version of the CLI that `file` (an `aws` found on PATH) would run, or null if unsure. */
export async function readInstalledAwsVersion(file: string, opts: InstallVersionOptions): Promise<AwsVersion | null> {
  if (opts.platform === 'win32') return null;
  try {
    return await fromFile(file, opts, 0);
  } catch {
    return null;
  }
}

async function fromFile(file: string, opts: InstallVersionOptions, hops: number): Promise<AwsVersion | null> {
  if (hops > MAX_HOPS) return null;
  const real = await realpath(file);
  const installed = INSTALLER_LAYOUT.exec(real)?.[1];
  if (installed) return { version: installed, major: Number(installed.split('.')[0]) };
  const head = await readHead(real);
  if (head === null) return null;
  const pyenvRoot = await pyenvShimRoot(head);
  if (pyenvRoot) {
    const target = await pyenvTarget(pyenvRoot, path.basename(file), file, opts);
    return target ? fromFile(target.file, { ...opts, path: target.path }, hops + 1) : null;
  }
  if (!IMPORTS_CLIDRIVER.test(head)) return null;
  const interpreter = await interpreterOf(head, opts);
  return interpreter ? fromPythonScript(real, interpreter, opts) : null;
}

/** The start of a text file; null for a binary or an unreadable file. */
async function readHead(file: string): Promise<string | null> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    const bytes = buffer.subarray(0, bytesRead);
    return bytes.includes(0) ? null : bytes.toString('utf8');
  } finally {
    await handle.close();
  }
}

/** The interpreter a script names, with PATH looked up for `env`; null for anything unusual. */
async function interpreterOf(head: string, opts: InstallVersionOptions): Promise<string | null> {
  const lines = head.split('\n');
  const shebang = /^#!\s*(\S+)((?:[ \t]+\S+)*)\s*$/.exec(lines[0] ?? '');
  if (!shebang?.[1]) return null;
  const program = shebang[1];
  const args = (shebang[2] ?? '').trim().split(/\s+/).filter(Boolean);
  if (program === '/bin/sh' && args.length === 0) {
    const trampoline = SH_TRAMPOLINE.exec(lines[1] ?? '');
    const python = trampoline?.[1] ?? trampoline?.[2];
    return python && isPythonName(path.basename(python)) && path.isAbsolute(python) ? python : null;
  }
  if (path.basename(program) === 'env') {
    // `#!/usr/bin/env python3`: the first python3 on PATH, as the kernel's exec of env finds it.
    if (args.length !== 1 || !args[0] || !isPythonName(args[0])) return null;
    const found = await firstOnPath(args[0], opts.path, []);
    if (!found) return null;
    const head = await readHead(await realpath(found)).catch(() => null);
    const pyenvRoot = head === null ? null : await pyenvShimRoot(head);
    return pyenvRoot ? ((await pyenvTarget(pyenvRoot, args[0], found, opts))?.file ?? null) : found;
  }
  // Options that only narrow where Python looks (-s, -E, -I) keep the answer an over-estimate.
  if (!isPythonName(path.basename(program)) || !args.every((a) => /^-[EsIBuO]+$/.test(a))) return null;
  return program;
}

function isPythonName(name: string): boolean {
  return /^python(?:3(?:\.\d+)?)?$/.test(name);
}

async function firstOnPath(name: string, searchPath: string | undefined, skip: string[]): Promise<string | null> {
  for (const dir of (searchPath ?? '').split(':')) {
    if (!path.isAbsolute(dir) || skip.includes(path.resolve(dir))) continue;
    const found = await executable(path.join(dir, name));
    if (found) return found;
  }
  return null;
}

/**
 * The version of `awscli` a Python script would import. Python looks in the script's own
 * directory, PYTHONPATH, the user site and the interpreter's site directories (and what their
 * .pth files add), first hit wins. Rather than model that order, every place is read: one
 * version found everywhere is the answer, two different ones are a doubt.
 */
async function fromPythonScript(
  script: string,
  interpreter: string,
  opts: InstallVersionOptions,
): Promise<AwsVersion | null> {
  if (opts.env.PYTHONHOME) return null;
  const sites = await siteDirs(interpreter, opts);
  if (!sites) return null;
  const pythonPath = opts.env.PYTHONPATH ? opts.env.PYTHONPATH.split(':').map((p) => path.resolve(opts.cwd, p)) : [];
  const places = [path.dirname(script), ...pythonPath, ...sites];
  for (const site of sites) {
    const added = await pthDirs(site);
    if (!added) return null;
    places.push(...added);
  }
  const versions = new Set<string>();
  for (const place of new Set(places)) {
    const init = await readFile(path.join(place, 'awscli', '__init__.py'), 'utf8').catch((error: unknown) => {
      if (isErrno(error, 'ENOENT', 'ENOTDIR')) return undefined;
      throw error;
    });
    if (init === undefined) continue;
    const found = versionOf(init);
    if (!found) return null;
    versions.add(found.version);
  }
  const [only] = versions;
  return versions.size === 1 && only ? { version: only, major: Number(only.split('.')[0]) } : null;
}

/**
 * Every site directory the interpreter might use: its own (a venv's, or the prefix's in the
 * layouts of python.org, pyenv and Debian), the user's, and for a venv that includes system
 * site packages, its base's. Null when the interpreter is not laid out as expected.
 */
async function siteDirs(interpreter: string, opts: InstallVersionOptions): Promise<string[] | null> {
  const real = await realpath(interpreter);
  const venv = await findVenv(interpreter);
  const base = path.dirname(path.dirname(real));
  const minor = /^python3\.(\d+)$/.exec(path.basename(real))?.[1] ?? (await onlyStdlibMinor(base));
  if (minor === null || !(await exists(path.join(base, 'lib', `python3.${minor}`, 'os.py')))) return null;
  const py = `python3.${minor}`;
  const prefixSites = (prefix: string): string[] => [
    path.join(prefix, 'lib', py, 'site-packages'),
    path.join(prefix, 'lib64', py, 'site-packages'),
    path.join(prefix, 'lib', py, 'dist-packages'),
    path.join(prefix, 'lib', 'python3', 'dist-packages'),
    path.join(prefix, 'local', 'lib', py, 'dist-packages'),
  ];
  const home = opts.env.HOME || os.homedir();
  const userSites = [
    path.join(opts.env.PYTHONUSERBASE || path.join(home, '.local'), 'lib', py, 'site-packages'),
    path.join(home, 'Library', 'Python', `3.${minor}`, 'lib', 'python', 'site-packages'),
  ];
  const dirs = venv
    ? [path.join(venv.root, 'lib', py, 'site-packages'), path.join(venv.root, 'lib64', py, 'site-packages')]
    : [];
  if (!venv || venv.systemSitePackages) dirs.push(...prefixSites(base), ...userSites);
  const present = await Promise.all(dirs.map(async (dir) => ((await exists(dir)) ? dir : null)));
  return present.filter((dir): dir is string => dir !== null);
}

/** A venv is marked by pyvenv.cfg next to, or one above, the interpreter's unresolved path. */
async function findVenv(interpreter: string): Promise<{ root: string; systemSitePackages: boolean } | null> {
  for (const dir of [path.dirname(interpreter), path.dirname(path.dirname(interpreter))]) {
    const cfg = await readFile(path.join(dir, 'pyvenv.cfg'), 'utf8').catch(() => null);
    if (cfg === null) continue;
    return { root: dir, systemSitePackages: /^\s*include-system-site-packages\s*=\s*true\s*$/im.test(cfg) };
  }
  return null;
}

/** When the interpreter is called just `python3`: the minor version if only one stdlib is there. */
async function onlyStdlibMinor(prefix: string): Promise<string | null> {
  const names = await readdir(path.join(prefix, 'lib')).catch(() => []);
  const minors = names.map((n) => /^python3\.(\d+)$/.exec(n)?.[1]).filter((m): m is string => m !== undefined);
  return minors.length === 1 ? (minors[0] ?? null) : null;
}

/** Directories .pth files add; null if one runs code that mentions awscli (an editable install). */
async function pthDirs(site: string): Promise<string[] | null> {
  const added: string[] = [];
  for (const name of (await readdir(site)).filter((n) => n.endsWith('.pth'))) {
    const text = await readFile(path.join(site, name), 'utf8').catch(() => '');
    for (const line of text.split('\n').map((l) => l.trim())) {
      if (line === '' || line.startsWith('#')) continue;
      if (/^import[ \t]/.test(line)) {
        if (line.includes('awscli')) return null;
        continue;
      }
      added.push(path.resolve(site, line));
    }
  }
  return added;
}

/**
 * PYENV_ROOT if `head` is a shim as `pyenv rehash` writes them: it runs `pyenv exec <its own
 * name>` wherever it is linked from, so its content, not its folder, says what it is.
 */
async function pyenvShimRoot(head: string): Promise<string | null> {
  const root = /^export PYENV_ROOT="([^"$`\\]+)"$/m.exec(head)?.[1];
  if (!root || !head.startsWith('#!/usr/bin/env bash\n')) return null;
  const execLine = `exec "${root}/libexec/pyenv" exec "$program" "$@"`;
  if (!head.split('\n').includes(execLine) || !/^program="\$\{0##\*\/\}"$/m.test(head)) return null;
  return (await executable(path.join(root, 'libexec', 'pyenv'))) ? root : null;
}

/**
 * What `pyenv exec <command>` would run, and the PATH it would run it with (pyenv-exec puts a
 * pyenv version's bin first); null when plugins or version prefixes make it unsure.
 */
async function pyenvTarget(
  root: string,
  command: string,
  shim: string,
  opts: InstallVersionOptions,
): Promise<{ file: string; path: string | undefined } | null> {
  if (!(await onlyHarmlessPyenvHooks(root, opts.env))) return null;
  const selected = await pyenvVersions(root, opts);
  if (selected === null) return null;
  // pyenv-which tries each selected version in order, then always the system's command.
  for (const version of [...selected, 'system']) {
    if (version === 'system') {
      const found = await firstOnPath(command, opts.path, [path.join(root, 'shims'), path.dirname(shim)]);
      if (found) return { file: found, path: opts.path };
      continue;
    }
    let dir = path.join(root, 'versions', version);
    if (!(await exists(dir))) {
      dir = path.join(root, 'versions', version.replace(/^python-/, ''));
      // A prefix such as `3.11` is resolved by pyenv-latest against what is installed: unsure.
      if (!version.startsWith('python-') || !(await exists(dir))) return null;
    }
    const found = await executable(path.join(dir, 'bin', command));
    if (found) return { file: found, path: [path.dirname(found), opts.path].filter(Boolean).join(':') };
  }
  return null;
}

/** `file` if it is a file this user may run, as a shell's PATH search asks. */
async function executable(file: string): Promise<string | null> {
  if (!(await stat(file).catch(() => null))?.isFile()) return null;
  return access(file, fsConstants.X_OK).then(
    () => file,
    () => null,
  );
}

/** The versions pyenv-version-name would print, in order; [] for `system`. */
async function pyenvVersions(root: string, opts: InstallVersionOptions): Promise<string[] | null> {
  let names = opts.env.PYENV_VERSION;
  if (!names) {
    const file = await pyenvVersionFile(root, opts);
    if (file === null) return null;
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text !== null && /^\s*#/m.test(text)) return null; // comments are read differently across pyenv releases
    // pyenv-version-file-read: the first word of each line, joined with `:`.
    names = (text ?? '')
      .split(/\r?\n/)
      .map((line) => line.trim().split(/\s+/)[0] ?? '')
      .filter(Boolean)
      .join(':');
  }
  return names.split(':').filter(Boolean);
}

/** `.python-version` in PYENV_DIR or the working directory or a parent, else the global file. */
async function pyenvVersionFile(root: string, opts: InstallVersionOptions): Promise<string | null> {
  const pyenvDir = opts.env.PYENV_DIR ? path.resolve(opts.cwd, opts.env.PYENV_DIR) : opts.cwd;
  if (!(await stat(pyenvDir).catch(() => null))?.isDirectory()) return null; // pyenv aborts
  const starts = [pyenvDir, opts.cwd];
  for (const start of new Set(starts)) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      const file = path.join(dir, '.python-version');
      if (await exists(file)) return file;
      if (dir === path.dirname(dir)) break;
    }
  }
  return path.join(root, 'version');
}

/** Whether every `which`, `exec` and `version-name` hook pyenv would source is one known to leave `aws` alone. */
async function onlyHarmlessPyenvHooks(root: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  const plugins = await readdir(path.join(root, 'plugins')).catch(() => []);
  const hookDirs = [
    ...(env.PYENV_HOOK_PATH ?? '').split(':').filter(Boolean),
    path.join(root, 'pyenv.d'),
    '/usr/etc/pyenv.d',
    '/usr/local/etc/pyenv.d',
    '/etc/pyenv.d',
    '/usr/lib/pyenv/hooks',
    ...plugins.map((plugin) => path.join(root, 'plugins', plugin, 'etc', 'pyenv.d')),
  ];
  for (const dir of hookDirs) {
    for (const event of ['which', 'exec', 'version-name']) {
      const hooks = await readdir(path.join(dir, event)).catch(() => []);
      if (hooks.some((hook) => hook.endsWith('.bash') && !HARMLESS_PYENV_HOOKS.has(`${event}/${hook}`))) return false;
    }
  }
  return true;
}

async function exists(file: string): Promise<boolean> {
  return (await stat(file).catch(() => null)) !== null;
}
