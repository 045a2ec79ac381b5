// Runs the real `aws` commands on this machine: a pip-installed AWS CLI v1 (a pyenv shim, first
// on the default PATH) and Debian's AWS CLI v2 at /usr/bin/aws.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectAwsClis } from '../../../../electron/core/aws/aws-cli-detect';

const V2 = '/usr/bin/aws';
// Real CLIs start slowly on a busy two-core machine; this is a ceiling, not an expectation.
const REAL_CLI_TIMEOUT_MS = 20_000;

let tmp: string;
let v1Path: string;
let v1Dir: string;
/** /usr/bin without `aws`: the tools a shim needs (bash, env, coreutils) but no v2. */
let toolsDir: string;

/** The pip-installed v1 on this machine's PATH, found independently of the code under test. */
function findV1(): string {
  const candidates = execFileSync('bash', ['-c', 'which -a aws'], { encoding: 'utf8', env: process.env })
    .split('\n')
    .filter((line) => line.trim() !== '');
  for (const candidate of candidates) {
    try {
      const out = execFileSync(candidate, ['--version'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: REAL_CLI_TIMEOUT_MS,
      });
      if (/aws-cli\/1\./.test(out)) return candidate;
    } catch {
      // Not runnable: try the next one.
    }
  }
  throw new Error(
    `No AWS CLI v1 found on PATH (which -a aws: ${candidates.join(', ') || 'nothing'}). ` +
      'These tests need the pip-installed v1 (e.g. the pyenv shim) that this machine is set up with.',
  );
}

async function script(dir: string, body: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'aws');
  await writeFile(file, `#!/bin/sh\n${body}\n`);
  await chmod(file, 0o755);
  return dir;
}

/** Whether a process whose command line contains `needle` is still alive after a short grace. */
async function stillRunning(needle: string): Promise<boolean> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const table = execFileSync('ps', ['-eo', 'args='], { encoding: 'utf8' });
    if (!table.split('\n').some((line) => line.includes(needle))) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'aws-cli-detect-'));
  v1Path = findV1();
  v1Dir = path.dirname(v1Path);
  toolsDir = path.join(tmp, 'tools');
  await mkdir(toolsDir);
  for (const name of await readdir('/usr/bin')) {
    if (name !== 'aws') await symlink(path.join('/usr/bin', name), path.join(toolsDir, name));
  }
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('detectAwsClis on this machine', () => {
  it('finds v1 then v2 in PATH order and names the v2 in the warning', async () => {
    const report = await detectAwsClis({
      path: `${v1Dir}:/usr/bin:/bin`,
      platform: 'linux',
      timeoutMs: REAL_CLI_TIMEOUT_MS,
    });
    expect(report.found.map((f) => [f.path, f.major])).toEqual([
      [v1Path, 1],
      [V2, 2],
    ]);
    expect(report.found[0]?.version).toMatch(/^1\.\d+\.\d+$/);
    expect(report.found[1]?.version).toMatch(/^2\.\d+\.\d+$/);
    expect(report.warning).toContain(`AWS CLI v2 is installed at ${V2}`);
    expect(report.warning).toContain(v1Path);
  });

  it('is quiet with v2 alone, and lists /usr/bin/aws once although /bin points at /usr/bin', async () => {
    const report = await detectAwsClis({ path: '/usr/bin:/bin', platform: 'linux', timeoutMs: REAL_CLI_TIMEOUT_MS });
    expect(report.found).toHaveLength(1);
    expect(report.found[0]).toMatchObject({ path: V2, major: 2, error: null });
    expect(report.warning).toBeNull();
  });

  it('runs the v1 shim with the given PATH and warns that no v2 is installed', async () => {
    const report = await detectAwsClis({
      path: `${v1Dir}:${toolsDir}`,
      platform: 'linux',
      timeoutMs: REAL_CLI_TIMEOUT_MS,
    });
    expect(report.found).toHaveLength(1);
    expect(report.found[0]).toMatchObject({ path: v1Path, major: 1, error: null });
    expect(report.warning).toContain('No AWS CLI v2 was found on PATH');
    expect(report.warning).toContain('awscli-exe-linux-x86_64.zip');
  });

  it('says so when there is no aws at all', async () => {
    const empty = path.join(tmp, 'empty');
    await mkdir(empty);
    const report = await detectAwsClis({ path: empty, platform: 'linux' });
    expect(report.found).toEqual([]);
    expect(report.warning).toContain('No `aws` command was found on PATH');
  });

  it('reports an aws that hangs as an error entry and still reports the others', async () => {
    // A grandchild (sleep under sh) holds the output pipes, as python does under a pyenv shim.
    const hang = await script(path.join(tmp, 'hang'), '/bin/sleep 59.137');
    const report = await detectAwsClis({ path: `${hang}:/usr/bin`, platform: 'linux', timeoutMs: 1_500 });
    expect(report.found.map((f) => f.path)).toEqual([path.join(hang, 'aws'), V2]);
    expect(report.found[0]).toMatchObject({ version: null, major: null });
    expect(report.found[0]?.error).toMatch(/did not finish within 1500 ms/);
    // With 1.5 s the real v2 may or may not have started; either way it is an entry, not a throw.
    expect(report.warning).toContain(path.join(hang, 'aws'));
    expect(await stillRunning('sleep 59.137')).toBe(false);
  });

  it('reports garbage output and a failing exit status as errors', async () => {
    const garbage = await script(path.join(tmp, 'garbage'), 'echo "hello from a fake aws"');
    const failing = await script(path.join(tmp, 'failing'), 'echo "boom" >&2; exit 3');
    const report = await detectAwsClis({ path: `${garbage}:${failing}`, platform: 'linux' });
    expect(report.found).toEqual([
      {
        path: path.join(garbage, 'aws'),
        version: null,
        major: null,
        error: '`aws --version` printed no AWS CLI version: hello from a fake aws',
      },
      {
        path: path.join(failing, 'aws'),
        version: null,
        major: null,
        error: '`aws --version` exited with status 3: boom',
      },
    ]);
    expect(report.warning).toContain('No AWS CLI v2 was found on PATH');
  });

  it('reads a version printed on stderr, as very old v1 does', async () => {
    const old = await script(
      path.join(tmp, 'old'),
      'echo "aws-cli/1.10.1 Python/2.7.12 Linux/4.4.0 botocore/1.4.1" >&2',
    );
    const report = await detectAwsClis({ path: old, platform: 'linux' });
    expect(report.found[0]).toMatchObject({ version: '1.10.1', major: 1, error: null });
  });

  it('runs each aws with the PATH it was found on, as the terminal would', async () => {
    const probe = path.join(tmp, 'path-probe');
    const searchPath = `${probe}:${toolsDir}`;
    await script(
      probe,
      `if [ "$PATH" = "${searchPath}" ]; then echo "aws-cli/2.0.1 Python/3 probe"; else echo "PATH was $PATH"; fi`,
    );
    const report = await detectAwsClis({
      path: searchPath,
      platform: 'linux',
      env: { ...process.env, PATH: '/somewhere/else' },
    });
    expect(report.found).toEqual([{ path: path.join(probe, 'aws'), version: '2.0.1', major: 2, error: null }]);
  });

  it('skips files that are not executable and directories named aws', async () => {
    const notExec = path.join(tmp, 'not-exec');
    await mkdir(notExec);
    await writeFile(path.join(notExec, 'aws'), '#!/bin/sh\necho aws-cli/2.0.0\n', { mode: 0o644 });
    const dirNamedAws = path.join(tmp, 'dir-named');
    await mkdir(path.join(dirNamedAws, 'aws'), { recursive: true });
    const report = await detectAwsClis({
      path: `${notExec}:${dirNamedAws}:/usr/bin`,
      platform: 'linux',
      timeoutMs: REAL_CLI_TIMEOUT_MS,
    });
    expect(report.found.map((f) => f.path)).toEqual([V2]);
  });

  it('reads an official-installer v2 from its folder without running it', async () => {
    // The binary would say something else and leave a trace if it ran.
    const ran = path.join(tmp, 'installer-ran.log');
    const versionDir = path.join(tmp, 'installer', 'aws-cli', 'v2', '2.22.5');
    await script(path.join(versionDir, 'dist'), `echo ran >> "${ran}"; echo "aws-cli/2.0.0 Python/3 fake"`);
    await mkdir(path.join(versionDir, 'bin'));
    await symlink('../dist/aws', path.join(versionDir, 'bin', 'aws'));
    await symlink(versionDir, path.join(tmp, 'installer', 'aws-cli', 'v2', 'current'));
    const bin = path.join(tmp, 'installer', 'bin');
    await mkdir(bin);
    await symlink(path.join(tmp, 'installer', 'aws-cli', 'v2', 'current', 'bin', 'aws'), path.join(bin, 'aws'));
    const report = await detectAwsClis({ path: bin, platform: 'linux' });
    expect(report.found).toEqual([{ path: path.join(bin, 'aws'), version: '2.22.5', major: 2, error: null }]);
    expect(existsSync(ran)).toBe(false);
  });

  it('runs `aws --version` when the installation says nothing readable', async () => {
    const fake = await script(path.join(tmp, 'no-install'), 'echo "aws-cli/2.0.0 Python/3.11.2 Linux/6 exe/x86_64"');
    const report = await detectAwsClis({ path: fake, platform: 'linux' });
    expect(report.found).toEqual([{ path: path.join(fake, 'aws'), version: '2.0.0', major: 2, error: null }]);
  });

  it('deduplicates a symlink to a CLI already seen and keeps the first PATH spelling', async () => {
    const links = path.join(tmp, 'links');
    await mkdir(links);
    await symlink(V2, path.join(links, 'aws'));
    const report = await detectAwsClis({
      path: `${links}:/usr/bin`,
      platform: 'linux',
      timeoutMs: REAL_CLI_TIMEOUT_MS,
    });
    expect(report.found.map((f) => [f.path, f.major])).toEqual([[path.join(links, 'aws'), 2]]);
    expect(report.warning).toBeNull();
  });
});
