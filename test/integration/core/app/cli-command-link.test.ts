// "Install the cloudid command" (electron/core/app/cli-command-link.ts) in a temp HOME, with the
// real standalone bundle: the installed launcher is run as a terminal would run it.
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStandaloneCli } from '../../../../scripts/cli-bundle.mjs';
import {
  cliCommandState,
  installCliCommand,
  refreshCliCommand,
  type CliCommandOptions,
} from '../../../../electron/core/app/cli-command-link';

const run = promisify(execFile);
let work = '';
let bundleDir = '';
let caseNumber = 0;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cloudid-link-'));
  bundleDir = join(work, 'resources', 'cli');
  await buildStandaloneCli(bundleDir, { version: '4.5.6-link' });
}, 60_000);
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

async function newHome(): Promise<string> {
  const home = join(work, `home-${++caseNumber}`);
  await mkdir(home, { recursive: true });
  return home;
}

const nodeDir = dirname(process.execPath);

function options(home: string, extra: Partial<CliCommandOptions> = {}): CliCommandOptions {
  return {
    platform: 'linux',
    env: { PATH: `${join(home, '.local', 'bin')}:${nodeDir}:/usr/bin:/bin`, SHELL: '/bin/bash' },
    homeDir: home,
    bundleDir,
    stableCopyDir: null,
    ...extra,
  };
}

describe('installing the cloudid command', () => {
  it('puts a launcher in ~/.local/bin that runs the bundled CLI from any folder', async () => {
    const home = await newHome();
    const opts = options(home);
    const link = join(home, '.local', 'bin', 'cloudid');
    expect(await cliCommandState(opts)).toMatchObject({ offered: true, installed: false, path: link });

    const state = await installCliCommand(opts);
    expect(state).toEqual({
      offered: true,
      installed: true,
      path: link,
      message: 'cloudid is installed at ~/.local/bin/cloudid.',
      pathSetup: null,
    });
    expect((await stat(link)).mode & 0o777).toBe(0o755);

    const elsewhere = join(home, 'projects');
    await mkdir(join(home, '.aws'), { recursive: true });
    await mkdir(elsewhere);
    await writeFile(join(home, '.aws', 'config'), '[profile dev]\nregion = eu-west-1\n');
    await writeFile(
      join(home, '.aws', 'credentials'),
      '[dev]\naws_access_key_id = AKIALINKTEST00000001\naws_secret_access_key = not-a-secret-for-the-link-test\n',
    );
    const env = {
      PATH: opts.env.PATH,
      HOME: home,
      AWS_PROFILE: 'dev',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };
    expect((await run('cloudid', ['--version'], { cwd: elsewhere, env })).stdout).toBe('cloudid 4.5.6-link\n');
    const status = JSON.parse((await run('cloudid', ['status', '--json'], { cwd: elsewhere, env })).stdout) as {
      aws: { profiles: Array<{ name: string }> };
    };
    expect(status.aws.profiles.map((p) => p.name)).toEqual(['dev']);

    // Installing again is harmless.
    expect(await installCliCommand(opts)).toEqual(state);
  });

  it('says when node is not on PATH, instead of a bare "not found"', async () => {
    const home = await newHome();
    await installCliCommand(options(home));
    const failed = await run(join(home, '.local', 'bin', 'cloudid'), ['--version'], {
      env: { PATH: '/nonexistent' },
    }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(127);
    expect(failed?.stderr).toContain('cloudid runs with Node.js, which is not on PATH');
  });

  it("gives the line to add, for the user's shell, when ~/.local/bin is not on PATH", async () => {
    const home = await newHome();
    const withoutLocalBin = (shell: string, platform: NodeJS.Platform = 'linux') =>
      options(home, { platform, env: { PATH: `${nodeDir}:/usr/bin`, SHELL: shell } });
    const installed = await installCliCommand(withoutLocalBin('/bin/bash'));
    expect(installed).toMatchObject({
      installed: true,
      pathSetup: { file: '~/.bashrc', line: 'export PATH="$HOME/.local/bin:$PATH"' },
    });
    expect((await cliCommandState(withoutLocalBin('/usr/bin/zsh'))).pathSetup).toEqual({
      file: '~/.zshrc',
      line: 'export PATH="$HOME/.local/bin:$PATH"',
    });
    expect((await cliCommandState(withoutLocalBin('/bin/bash', 'darwin'))).pathSetup).toEqual({
      file: '~/.bash_profile',
      line: 'export PATH="$HOME/.local/bin:$PATH"',
    });
    expect((await cliCommandState(withoutLocalBin('/usr/bin/fish'))).pathSetup).toEqual({
      file: '~/.config/fish/config.fish',
      line: 'fish_add_path ~/.local/bin',
    });
    expect((await cliCommandState(withoutLocalBin('/bin/dash'))).pathSetup).toEqual({
      file: '~/.profile',
      line: 'export PATH="$HOME/.local/bin:$PATH"',
    });
    // ~/.local/bin written with a tilde or a trailing slash is on PATH all the same.
    expect(
      (await cliCommandState(options(home, { env: { PATH: `~/.local/bin/:${nodeDir}`, SHELL: '/bin/bash' } })))
        .pathSetup,
    ).toBeNull();
  });

  it('never overwrites a cloudid it did not install, file or link, and says so', async () => {
    const home = await newHome();
    const link = join(home, '.local', 'bin', 'cloudid');
    await mkdir(dirname(link), { recursive: true });
    await writeFile(link, '#!/bin/sh\necho mine\n', { mode: 0o755 });
    const state = await installCliCommand(options(home));
    expect(state).toMatchObject({
      installed: false,
      message: expect.stringContaining(
        '~/.local/bin/cloudid was not installed by the app, so the app leaves it as it is',
      ),
    });
    expect(await readFile(link, 'utf8')).toBe('#!/bin/sh\necho mine\n');

    await rm(link);
    await symlink('../lib/node_modules/cloud-identity-tray-cli/dist/bin/cloudid.mjs', link);
    expect(await installCliCommand(options(home))).toMatchObject({
      installed: false,
      message: expect.stringContaining('is a link to ../lib/node_modules/cloud-identity-tray-cli/dist/bin/cloudid.mjs'),
    });
  });

  it('points out another cloudid that comes first on PATH', async () => {
    const home = await newHome();
    const other = join(home, 'other-bin');
    await mkdir(other);
    await writeFile(join(other, 'cloudid'), '#!/bin/sh\n', { mode: 0o755 });
    const state = await installCliCommand(
      options(home, { env: { PATH: `${other}:${join(home, '.local', 'bin')}:${nodeDir}`, SHELL: '/bin/bash' } }),
    );
    expect(state).toMatchObject({
      installed: true,
      message: expect.stringContaining(`But ${join(other, 'cloudid')} comes first on your PATH`),
    });
  });

  it('an AppImage: copies the bundle out of its mount, and refreshes the copy at launch', async () => {
    const home = await newHome();
    const mount = join(work, `mount-${caseNumber}`);
    await buildStandaloneCli(mount, { version: '1.0.0-old' });
    const stableCopyDir = join(home, '.local', 'share', 'cloud-identity-tray', 'cli');
    const state = await installCliCommand(options(home, { bundleDir: mount, stableCopyDir }));
    expect(state.installed).toBe(true);
    expect(await readFile(join(home, '.local', 'bin', 'cloudid'), 'utf8')).toContain(
      `exec node '${join(stableCopyDir, 'bin', 'cloudid.mjs')}' "$@"`,
    );
    await rm(mount, { recursive: true });
    const env = { PATH: options(home).env.PATH, HOME: home };
    expect((await run('cloudid', ['--version'], { env })).stdout).toBe('cloudid 1.0.0-old\n');

    // The next version of the AppImage, mounted elsewhere.
    await refreshCliCommand(options(home, { bundleDir, stableCopyDir }));
    expect((await run('cloudid', ['--version'], { env })).stdout).toBe('cloudid 4.5.6-link\n');
  });

  it('refresh at launch installs nothing the user has not asked for', async () => {
    const home = await newHome();
    await refreshCliCommand(options(home, { stableCopyDir: join(home, 'copy') }));
    await expect(stat(join(home, '.local', 'bin', 'cloudid'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(stat(join(home, 'copy'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('a launcher of another copy of the app shows as not installed until installed again', async () => {
    const home = await newHome();
    const otherCopy = join(work, `other-copy-${caseNumber}`);
    await buildStandaloneCli(otherCopy, { version: '0.0.1' });
    await installCliCommand(options(home, { bundleDir: otherCopy }));
    expect(await cliCommandState(options(home))).toMatchObject({
      installed: false,
      message: expect.stringContaining('runs another copy'),
    });
    expect(await installCliCommand(options(home))).toMatchObject({ installed: true });
  });

  it('is not offered on Windows, nor by a build without the bundle', async () => {
    const home = await newHome();
    expect(await installCliCommand(options(home, { platform: 'win32' }))).toMatchObject({
      offered: false,
      message: expect.stringContaining('not offered on Windows yet'),
    });
    expect(await installCliCommand(options(home, { bundleDir: join(work, 'no-such-bundle') }))).toMatchObject({
      offered: false,
      installed: false,
    });
    await expect(stat(join(home, '.local'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('reports a ~/.local/bin it cannot write to', async () => {
    const home = await newHome();
    await mkdir(join(home, '.local'), { recursive: true });
    await writeFile(join(home, '.local', 'bin'), 'a file where the folder should be');
    await chmod(join(home, '.local', 'bin'), 0o644);
    expect(await installCliCommand(options(home))).toMatchObject({
      installed: false,
      message: expect.stringContaining('Could not install cloudid at ~/.local/bin/cloudid'),
    });
  });
});
