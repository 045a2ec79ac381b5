// Reading an `aws`'s version from its installation. The real installs on this machine (pip's v1
// under pyenv, Debian's v2 at /usr/bin/aws) are checked against what they print when run; the
// official installer's layout, venvs, pyenv's choices and doubtful cases are built in a temp dir.
import { execFileSync } from 'node:child_process';
import { constants as fsConstants } from 'node:fs';
import { access, chmod, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAwsVersion } from '../../../../electron/core/aws/aws-cli-detect';
import {
  readInstalledAwsVersion,
  type InstallVersionOptions,
} from '../../../../electron/core/aws/aws-cli-install-version';

const REAL_CLI_TIMEOUT_MS = 20_000;
const PIP_WRAPPER = (python: string): string =>
  `#!${python}\n# -*- coding: utf-8 -*-\nimport re\nimport sys\nfrom awscli.clidriver import main\nif __name__ == '__main__':\n    sys.argv[0] = re.sub(r'(-script\\.pyw|\\.exe)?$', '', sys.argv[0])\n    sys.exit(main())\n`;
/** awscli's own bin/aws (v1, and Debian's v2), shortened to the lines that matter. */
const AWSCLI_SCRIPT = (python: string): string =>
  `#!${python}\nimport sys\nimport os\nimport awscli.clidriver\n\n\ndef main():\n    return awscli.clidriver.main()\n`;
/** What `pyenv rehash` writes (pyenv 2.x). */
const PYENV_SHIM = (root: string): string =>
  `#!/usr/bin/env bash\nset -e\n[ -n "$PYENV_DEBUG" ] && set -x\n\nprogram="\${0##*/}"\n\nexport PYENV_ROOT="${root}"\nSHIM_PATH=\${0%/*}\nif [[ $SHIM_PATH != "${root}/shims" ]]; then\n  export _PYENV_SHIM_PATH="$SHIM_PATH"\nfi\nexec "${root}/libexec/pyenv" exec "$program" "$@"\n`;

let tmp: string;
let home: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'aws-install-version-'));
  home = path.join(tmp, 'home');
  await mkdir(home);
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function put(file: string, text: string | Buffer, mode = 0o644): Promise<string> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
  await chmod(file, mode);
  return file;
}

async function link(target: string, at: string): Promise<string> {
  await mkdir(path.dirname(at), { recursive: true });
  await symlink(target, at);
  return at;
}

const initPy = (version: string): string =>
  `# Copyright Amazon.com\nimport os\n\n__version__ = '${version}'\n\n_awscli_data_path = []\n`;

/** A Python installed under `prefix` as python.org, pyenv and Debian lay it out: enough for the landmark. */
async function fakePython(prefix: string, minor: number): Promise<string> {
  const real = await put(
    path.join(prefix, 'bin', `python3.${minor}`),
    Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0]),
    0o755,
  );
  await link(`python3.${minor}`, path.join(prefix, 'bin', 'python3'));
  await link(`python3.${minor}`, path.join(prefix, 'bin', 'python'));
  await put(path.join(prefix, 'lib', `python3.${minor}`, 'os.py'), '# stdlib\n');
  return real;
}

const opts = (extra: Partial<InstallVersionOptions> = {}): InstallVersionOptions => ({
  path: '/usr/bin:/bin',
  env: { HOME: home, PATH: '/usr/bin:/bin' },
  cwd: home,
  platform: 'linux',
  ...extra,
});

/** What the real binary prints, run with the same environment and directory. */
function printed(file: string, env: NodeJS.ProcessEnv, cwd: string): { version: string; major: number } | null {
  const out = execFileSync(file, ['--version'], {
    encoding: 'utf8',
    env,
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: REAL_CLI_TIMEOUT_MS,
  });
  return parseAwsVersion(out);
}

describe('the real installs on this machine', () => {
  const env = { ...process.env };
  const realOpts = (cwd: string, extra: NodeJS.ProcessEnv = {}): InstallVersionOptions => ({
    path: env.PATH,
    env: { ...env, ...extra },
    cwd,
    platform: 'linux',
  });
  const onPath = (): string[] =>
    execFileSync('bash', ['-c', 'which -a aws'], { encoding: 'utf8', env })
      .split('\n')
      .filter((line) => line.trim() !== '');

  it('reads what each aws on PATH prints, for pip v1 under pyenv and Debian v2', async () => {
    const answers = [];
    for (const file of onPath()) {
      const expected = printed(file, env, home);
      expect(expected).not.toBeNull();
      const read = await readInstalledAwsVersion(file, realOpts(home));
      expect({ file, read }).toEqual({ file, read: expected });
      answers.push(read?.major);
    }
    expect(answers).toContain(1);
    expect(answers).toContain(2);
    expect(await readInstalledAwsVersion('/usr/bin/aws', realOpts(home))).toEqual(printed('/usr/bin/aws', env, home));
  }, 60_000);

  it('follows the pyenv shim where pyenv goes: PYENV_VERSION and .python-version', async () => {
    const shim = onPath().find((file) => file.endsWith('/shims/aws'));
    expect(shim, 'this machine has a pyenv shim for aws on PATH').toBeDefined();
    if (!shim) return;
    // `system`: pyenv runs the next aws on PATH, Debian's v2.
    const system = await readInstalledAwsVersion(shim, realOpts(home, { PYENV_VERSION: 'system' }));
    expect(system?.major).toBe(2);
    expect(system).toEqual(printed(shim, { ...env, PYENV_VERSION: 'system' }, home));
    // A project pinning a Python without the CLI: pyenv falls back to the system's aws too.
    const project = path.join(tmp, 'real-project');
    const sub = path.join(project, 'src');
    await mkdir(sub, { recursive: true });
    const versionsDir = path.join(path.dirname(path.dirname(shim)), 'versions');
    const hasAws = async (v: string): Promise<boolean> =>
      access(path.join(versionsDir, v, 'bin', 'aws'), fsConstants.X_OK).then(
        () => true,
        () => false,
      );
    const versions = await readdir(versionsDir);
    const aws = await Promise.all(versions.map(hasAws));
    const withoutAws = versions.find((_, i) => !aws[i]);
    expect(withoutAws).toBeDefined();
    await writeFile(path.join(project, '.python-version'), `${withoutAws}\n`);
    const pinned = await readInstalledAwsVersion(shim, realOpts(sub));
    expect(pinned).toEqual(printed(shim, env, sub));
    // A prefix (`3`) is resolved by pyenv-latest: not something files can answer for sure.
    await writeFile(path.join(project, '.python-version'), '3\n');
    expect(await readInstalledAwsVersion(shim, realOpts(sub))).toBeNull();
  }, 60_000);
});

describe('the official v2 installer', () => {
  it('reads the versioned folder through bin -> v2/current/bin/aws -> ../dist/aws', async () => {
    const root = path.join(tmp, 'installer', 'aws-cli');
    const versionDir = path.join(root, 'v2', '2.15.30');
    await put(path.join(versionDir, 'dist', 'aws'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0]), 0o755);
    await link('../dist/aws', path.join(versionDir, 'bin', 'aws'));
    await link(versionDir, path.join(root, 'v2', 'current'));
    const onPath = await link(
      path.join(root, 'v2', 'current', 'bin', 'aws'),
      path.join(tmp, 'installer', 'bin', 'aws'),
    );
    expect(await readInstalledAwsVersion(onPath, opts())).toEqual({ version: '2.15.30', major: 2 });
    // On Windows the MSI's folder names no version.
    expect(await readInstalledAwsVersion(onPath, opts({ platform: 'win32' }))).toBeNull();
  });

  it('says nothing for a folder that is not a plain version, or a binary elsewhere', async () => {
    const root = path.join(tmp, 'installer-odd', 'aws-cli');
    await put(path.join(root, 'v2', '2.15.30-patched', 'dist', 'aws'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0]), 0o755);
    await link(path.join(root, 'v2', '2.15.30-patched'), path.join(root, 'v2', 'current'));
    const odd = await link(
      path.join(root, 'v2', 'current', 'dist', 'aws'),
      path.join(tmp, 'installer-odd', 'bin', 'aws'),
    );
    expect(await readInstalledAwsVersion(odd, opts())).toBeNull();
    // The macOS .pkg layout: /usr/local/aws-cli/aws, no version in any folder.
    const pkg = await put(path.join(tmp, 'pkg', 'aws-cli', 'aws'), Buffer.from([0xcf, 0xfa, 0xed, 0xfe, 0]), 0o755);
    expect(await readInstalledAwsVersion(pkg, opts())).toBeNull();
  });
});

describe('pip installs', () => {
  it("reads a venv's site-packages, and ignores its base unless the venv includes it", async () => {
    const base = path.join(tmp, 'venv-case', 'base');
    const python = await fakePython(base, 12);
    await put(path.join(base, 'lib', 'python3.12', 'site-packages', 'awscli', '__init__.py'), initPy('1.20.0'));
    const venv = path.join(tmp, 'venv-case', 'venv');
    const cfg = path.join(venv, 'pyvenv.cfg');
    await put(cfg, `home = ${path.dirname(python)}\ninclude-system-site-packages = false\nversion = 3.12.1\n`);
    await link(python, path.join(venv, 'bin', 'python'));
    await put(path.join(venv, 'lib', 'python3.12', 'site-packages', 'awscli', '__init__.py'), initPy('1.33.0'));
    const aws = await put(path.join(venv, 'bin', 'aws'), PIP_WRAPPER(path.join(venv, 'bin', 'python')), 0o755);
    expect(await readInstalledAwsVersion(aws, opts())).toEqual({ version: '1.33.0', major: 1 });

    // With the base's packages visible two versions could be imported: the caller asks the CLI.
    await writeFile(cfg, `home = ${path.dirname(python)}\ninclude-system-site-packages = true\n`);
    expect(await readInstalledAwsVersion(aws, opts())).toBeNull();
  });

  it('reads the user site for ~/.local/bin/aws, and doubts when the system has another version', async () => {
    const usr = path.join(tmp, 'user-case', 'usr');
    await fakePython(usr, 11);
    const userHome = path.join(tmp, 'user-case', 'home');
    await put(
      path.join(userHome, '.local', 'lib', 'python3.11', 'site-packages', 'awscli', '__init__.py'),
      initPy('1.29.4'),
    );
    const aws = await put(
      path.join(userHome, '.local', 'bin', 'aws'),
      AWSCLI_SCRIPT(path.join(usr, 'bin', 'python3')),
      0o755,
    );
    const userOpts = opts({ env: { HOME: userHome } });
    expect(await readInstalledAwsVersion(aws, userOpts)).toEqual({ version: '1.29.4', major: 1 });

    // Debian's dist-packages with the same version agree; with another they do not.
    const debian = path.join(usr, 'lib', 'python3', 'dist-packages', 'awscli', '__init__.py');
    await put(debian, initPy('1.29.4'));
    expect(await readInstalledAwsVersion(aws, userOpts)).toEqual({ version: '1.29.4', major: 1 });
    await put(debian, initPy('2.9.19'));
    expect(await readInstalledAwsVersion(aws, userOpts)).toBeNull();
  });

  it("finds the interpreter of `#!/usr/bin/env python3` on the PATH given, and of pip's sh trampoline", async () => {
    const prefix = path.join(tmp, 'env-case', 'py');
    await fakePython(prefix, 13);
    await put(path.join(prefix, 'lib', 'python3.13', 'site-packages', 'awscli', '__init__.py'), initPy('1.36.2'));
    const viaEnv = await put(path.join(tmp, 'env-case', 'bin', 'aws'), AWSCLI_SCRIPT('/usr/bin/env python3'), 0o755);
    const searchPath = `${path.join(prefix, 'bin')}:/usr/bin:/bin`;
    expect(await readInstalledAwsVersion(viaEnv, opts({ path: searchPath }))).toEqual({ version: '1.36.2', major: 1 });

    const long = path.join(prefix, 'bin', 'python3');
    const trampoline = await put(
      path.join(tmp, 'env-case', 'long', 'aws'),
      `#!/bin/sh\n'''exec' "${long}" "$0" "$@"\n' '''\n# -*- coding: utf-8 -*-\nimport re\nimport sys\nfrom awscli.clidriver import main\n`,
      0o755,
    );
    expect(await readInstalledAwsVersion(trampoline, opts())).toEqual({ version: '1.36.2', major: 1 });
  });
});

describe('pyenv', () => {
  let root: string;
  let shim: string;
  const pyenvOpts = (extra: Partial<InstallVersionOptions> = {}): InstallVersionOptions =>
    opts({ path: `${path.join(root, 'shims')}:/usr/bin:/bin`, ...extra });

  beforeAll(async () => {
    root = path.join(tmp, 'pyenv');
    await put(path.join(root, 'libexec', 'pyenv'), '#!/usr/bin/env bash\nexit 1\n', 0o755);
    shim = await put(path.join(root, 'shims', 'aws'), PYENV_SHIM(root), 0o755);
    for (const [version, minor, cli] of [
      ['3.11.9', 11, '1.30.0'],
      ['3.12.4', 12, '1.40.0'],
    ] as const) {
      const prefix = path.join(root, 'versions', version);
      await fakePython(prefix, minor);
      await put(path.join(prefix, 'lib', `python3.${minor}`, 'site-packages', 'awscli', '__init__.py'), initPy(cli));
      await put(path.join(prefix, 'bin', 'aws'), AWSCLI_SCRIPT(path.join(prefix, 'bin', 'python')), 0o755);
    }
    await fakePython(path.join(root, 'versions', '3.13.0'), 13); // no CLI in this one
    await put(path.join(root, 'version'), '3.11.9\n');
  });

  it('uses the global version file, then .python-version up the tree, then PYENV_VERSION', async () => {
    expect(await readInstalledAwsVersion(shim, pyenvOpts())).toEqual({ version: '1.30.0', major: 1 });

    const project = path.join(tmp, 'pyenv-project');
    const deep = path.join(project, 'a', 'b');
    await mkdir(deep, { recursive: true });
    await writeFile(path.join(project, '.python-version'), '3.12.4\n');
    expect(await readInstalledAwsVersion(shim, pyenvOpts({ cwd: deep }))).toEqual({ version: '1.40.0', major: 1 });
    // PYENV_DIR moves where pyenv starts looking.
    expect(await readInstalledAwsVersion(shim, pyenvOpts({ env: { HOME: home, PYENV_DIR: deep } }))).toEqual({
      version: '1.40.0',
      major: 1,
    });

    expect(
      await readInstalledAwsVersion(shim, pyenvOpts({ cwd: deep, env: { HOME: home, PYENV_VERSION: '3.11.9' } })),
    ).toEqual({ version: '1.30.0', major: 1 });
    // Several versions: the first that has the command wins.
    expect(
      await readInstalledAwsVersion(shim, pyenvOpts({ env: { HOME: home, PYENV_VERSION: '3.13.0:3.12.4' } })),
    ).toEqual({ version: '1.40.0', major: 1 });
  });

  it('falls through to the system aws on PATH, skipping the shims', async () => {
    const sysDir = path.join(tmp, 'pyenv-system', 'aws-cli', 'v2', '2.17.1');
    await put(path.join(sysDir, 'dist', 'aws'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0]), 0o755);
    const bin = path.join(tmp, 'pyenv-system', 'bin');
    await link(path.join(sysDir, 'dist', 'aws'), path.join(bin, 'aws'));
    const searchPath = `${path.join(root, 'shims')}:${bin}`;
    expect(
      await readInstalledAwsVersion(shim, opts({ path: searchPath, env: { HOME: home, PYENV_VERSION: 'system' } })),
    ).toEqual({ version: '2.17.1', major: 2 });
    expect(
      await readInstalledAwsVersion(shim, opts({ path: searchPath, env: { HOME: home, PYENV_VERSION: '3.13.0' } })),
    ).toEqual({ version: '2.17.1', major: 2 });
    // Nothing anywhere: pyenv would fail, so no answer.
    expect(
      await readInstalledAwsVersion(
        shim,
        opts({ path: path.join(root, 'shims'), env: { HOME: home, PYENV_VERSION: '3.13.0' } }),
      ),
    ).toBeNull();
  });

  it('says nothing for versions pyenv resolves by prefix, missing versions, comments and unknown hooks', async () => {
    for (const version of ['3.12', 'miniconda3-latest']) {
      expect(
        await readInstalledAwsVersion(shim, pyenvOpts({ env: { HOME: home, PYENV_VERSION: version } })),
      ).toBeNull();
    }
    const commented = path.join(tmp, 'pyenv-commented');
    await put(path.join(commented, '.python-version'), '# pinned for the CI\n3.12.4\n');
    expect(await readInstalledAwsVersion(shim, pyenvOpts({ cwd: commented }))).toBeNull();

    const hook = await put(
      path.join(root, 'plugins', 'pyenv-custom', 'etc', 'pyenv.d', 'which', 'redirect.bash'),
      'PYENV_COMMAND_PATH=/elsewhere\n',
    );
    expect(await readInstalledAwsVersion(shim, pyenvOpts())).toBeNull();
    await rm(hook);
    expect(await readInstalledAwsVersion(shim, pyenvOpts())).toEqual({ version: '1.30.0', major: 1 });
  });
});

describe('doubtful or foreign files', () => {
  it('returns null rather than guess', async () => {
    const prefix = path.join(tmp, 'garbage', 'py');
    await fakePython(prefix, 12);
    const site = path.join(prefix, 'lib', 'python3.12', 'site-packages');
    const python = path.join(prefix, 'bin', 'python3');
    const bin = path.join(tmp, 'garbage', 'bin');
    const cases: Array<[string, string | Buffer]> = [
      ['shell script', '#!/bin/sh\necho aws-cli/2.0.0\n'],
      ['binary outside the installer layout', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1])],
      ['python script that is not the CLI', `#!${python}\nimport sys\nprint("aws-cli/2.0.0")\n`],
      ['perl', '#!/usr/bin/perl\nimport awscli.clidriver\n'],
      ['env -S', '#!/usr/bin/env -S python3 -u\nimport awscli.clidriver\n'],
      ['python -c', `#!${python} -c\nimport awscli.clidriver\n`],
      ['no awscli package', AWSCLI_SCRIPT(python)],
    ];
    for (const [name, body] of cases) {
      const file = await put(path.join(bin, name.replace(/\W+/g, '-'), 'aws'), body, 0o755);
      expect({ name, read: await readInstalledAwsVersion(file, opts()) }).toEqual({ name, read: null });
    }

    const aws = await put(path.join(bin, 'cli', 'aws'), AWSCLI_SCRIPT(python), 0o755);
    const init = path.join(site, 'awscli', '__init__.py');
    await put(init, '__version__ = get_version()\n');
    expect(await readInstalledAwsVersion(aws, opts())).toBeNull();
    await put(init, initPy('2.0.0dev1'));
    expect(await readInstalledAwsVersion(aws, opts())).toBeNull();
    await put(init, initPy('1.32.0'));
    expect(await readInstalledAwsVersion(aws, opts())).toEqual({ version: '1.32.0', major: 1 });
    // PYTHONPATH or a .pth file can put another awscli in front.
    await put(path.join(tmp, 'garbage', 'pp', 'awscli', '__init__.py'), initPy('1.10.0'));
    expect(
      await readInstalledAwsVersion(aws, opts({ env: { HOME: home, PYTHONPATH: path.join(tmp, 'garbage', 'pp') } })),
    ).toBeNull();
    await put(path.join(site, 'dev.pth'), `${path.join(tmp, 'garbage', 'pp')}\n`);
    expect(await readInstalledAwsVersion(aws, opts())).toBeNull();
    await put(
      path.join(site, 'dev.pth'),
      'import __editable___awscli_1_32_0_finder; __editable___awscli_1_32_0_finder.install()\n',
    );
    expect(await readInstalledAwsVersion(aws, opts())).toBeNull();
    await rm(path.join(site, 'dev.pth'));
    expect(await readInstalledAwsVersion(aws, opts({ env: { HOME: home, PYTHONHOME: prefix } }))).toBeNull();

    // A symlink loop and a missing file are errors, answered as null.
    await link(path.join(bin, 'loop', 'b'), path.join(bin, 'loop', 'a'));
    await link(path.join(bin, 'loop', 'a'), path.join(bin, 'loop', 'b'));
    expect(await readInstalledAwsVersion(path.join(bin, 'loop', 'a'), opts())).toBeNull();
    expect(await readInstalledAwsVersion(path.join(bin, 'nothing', 'aws'), opts())).toBeNull();
  });
});
