// Files that attack (GitHub issue 10, section 3), as a user meets them: the built `cloudid` run in
// a temporary HOME on hostile input. One row per kind of input: how to make it, the command, the
// exit status and message expected, and which of the user's files may change (every other file
// must be byte for byte as it was). To add a case, add a row.
// The keychain rows need the D-Bus session scripts/test.sh sets up.
import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { chmod, chown, lstat, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRepositoryCli, REPO } from '../../../scripts/cli-bundle.mjs';
import { BLOCK_BEGIN, BLOCK_END } from '../../../electron/core/gcp/shell-profile-block';
import { serviceAccountKey } from '../../support/gcloud-fixtures';

const NOBODY = 65534;
/** A run that takes longer than this hung (a FIFO opened for reading waits for a writer forever). */
const HANG_MS = 20_000;

interface Home {
  dir: string;
  path: (...parts: string[]) => string;
  write: (name: string, content: string | Buffer) => Promise<string>;
  /** A named pipe that no one writes to: opening it to read waits forever. */
  fifo: (name: string) => Promise<string>;
}

interface Run {
  /** Null when the command hung and was killed. */
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall time, start to exit. */
  ms: number;
}

interface BadInput {
  name: string;
  /** Makes the input inside a fresh HOME (running cloudid itself if need be); returns the arguments. */
  make: (home: Home, run: (args: string[]) => Promise<Run>) => Promise<string[]>;
  exit: number;
  stderr?: RegExp;
  stdout?: RegExp;
  /** Files (relative to HOME; a name ending in / is a folder) the command may change; every other file stays byte for byte. */
  changes?: string[];
  /** Run as `nobody` (root writes anything: a read-only file needs another user). */
  asNobody?: boolean;
  /** Files (relative to HOME) that stay root's when the HOME is given to `nobody`. */
  keepOwner?: string[];
  /** Environment beyond HOME and the app's folders inside it. */
  env?: (home: Home) => NodeJS.ProcessEnv;
  /** Further checks of what the command left behind. */
  after?: (home: Home, run: Run) => Promise<void>;
}

let cliDir = '';
beforeAll(async () => {
  // Built from the source under test, beside out/cli so its packages resolve from node_modules.
  cliDir = join(REPO, 'out', `cli-bad-input-${randomUUID()}`);
  await buildRepositoryCli(cliDir);
}, 120_000);
afterAll(async () => {
  if (cliDir) await rm(cliDir, { recursive: true, force: true });
});

async function makeHome(): Promise<Home> {
  const dir = await mkdtemp(join(tmpdir(), 'cloudid-bad-input-'));
  await chmod(dir, 0o755);
  const path = (...parts: string[]): string => join(dir, ...parts);
  return {
    dir,
    path,
    fifo: async (name) => {
      const target = path(name);
      await mkdir(join(target, '..'), { recursive: true });
      execFileSync('mkfifo', [target]);
      return target;
    },
    write: async (name, content) => {
      const target = path(name);
      await mkdir(join(target, '..'), { recursive: true });
      await writeFile(target, content);
      return target;
    },
  };
}

/** Every entry under `dir`: a regular file's bytes, else its kind (a FIFO is never opened). */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const entries = new Map<string, string>();
  const walk = async (at: string): Promise<void> => {
    for (const name of await readdir(at)) {
      const full = join(at, name);
      const info = await lstat(full);
      const key = relative(dir, full);
      if (info.isDirectory()) await walk(full);
      else if (info.isFile()) entries.set(key, (await readFile(full)).toString('base64'));
      else entries.set(key, info.isSymbolicLink() ? 'symlink' : info.isFIFO() ? 'fifo' : 'other');
    }
  };
  await walk(dir);
  return entries;
}

function cloudid(home: Home, args: string[], asNobody: boolean, extraEnv: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH ?? '',
      HOME: home.dir,
      SHELL: '/bin/bash',
      XDG_CONFIG_HOME: home.path('.config'),
      XDG_CACHE_HOME: home.path('.cache'),
      CLOUDSDK_CONFIG: home.path('gcloud'),
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ...extraEnv,
    };
    for (const name of ['DBUS_SESSION_BUS_ADDRESS', 'GNOME_KEYRING_CONTROL', 'XDG_DATA_HOME'])
      if (process.env[name]) env[name] = process.env[name];
    const child = spawn(process.execPath, [join(cliDir, 'cloudid.mjs'), ...args], {
      cwd: home.dir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(asNobody ? { uid: NOBODY, gid: NOBODY } : {}),
    });
    let stdout = '';
    let stderr = '';
    let hung = false;
    const started = performance.now();
    const timer = setTimeout(() => {
      hung = true;
      child.kill('SIGKILL');
    }, HANG_MS);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: hung ? null : code, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/** A usable AWS default profile, so that `status` exits 0 unless the input at hand breaks it. */
async function awsDefault(home: Home): Promise<void> {
  await home.write(
    '.aws/credentials',
    '[default]\naws_access_key_id = AKIABADINPUT00000001\naws_secret_access_key = not-a-real-secret-for-bad-input-tests\n',
  );
}

/** Every problem message in `cloudid status --json` output. */
function problemMessages(json: string): string[] {
  const messages: string[] = [];
  JSON.parse(json, (key, value: unknown) => {
    if (key === 'message' && typeof value === 'string') messages.push(value);
    if (key === 'problems' && Array.isArray(value)) for (const p of value) if (typeof p === 'string') messages.push(p);
    return value;
  });
  return messages;
}

/** Bytes in a folder and below. */
async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(dir).catch(() => [])) {
    const info = await lstat(join(dir, name));
    total += info.isDirectory() ? await folderBytes(join(dir, name)) : info.size;
  }
  return total;
}

const HUGE = 15_000_000;

/** A valid key file in HOME; returns its path and JSON. */
async function keyFile(home: Home, name: string, overrides: Parameters<typeof serviceAccountKey>[0] = {}) {
  const key = serviceAccountKey(overrides);
  return { key, path: await home.write(name, JSON.stringify(key, null, 2)) };
}

/** Imports old.json, then writes new.json: another account's key under the imported key's id. */
async function keyWithAnImportedId(home: Home, run: (args: string[]) => Promise<Run>): Promise<string> {
  const first = await keyFile(home, 'old.json', { project_id: 'old-proj' });
  expect((await run(['gcp', 'import', first.path])).code).toBe(0);
  const other = await keyFile(home, 'new.json', {
    project_id: 'new-proj',
    private_key_id: first.key.private_key_id,
    keyIndex: 1,
  });
  return other.path;
}

const NEWLINE_NAME = `evil\n# <<< cloud-identity-tray: GOOGLE_APPLICATION_CREDENTIALS <<<\ntouch /tmp/cloudid-pwned\n#.json`;

const rows: BadInput[] = [
  {
    name: 'a key file whose name holds a newline and the block end marker (gcp env)',
    make: async (home) => {
      await home.write('.bashrc', 'alias k=kubectl\n');
      const { path } = await keyFile(home, NEWLINE_NAME);
      return ['gcp', 'env', path, '--apply'];
    },
    exit: 1,
    stderr: /control character/,
  },
  {
    name: 'a block written before control characters were refused, its path holding the end marker (gcp env --remove)',
    make: async (home) => {
      const bad = home.path(NEWLINE_NAME);
      await home.write(
        '.bashrc',
        `alias k=kubectl\n${BLOCK_BEGIN}\n# note\nexport GOOGLE_APPLICATION_CREDENTIALS='${bad}'\n${BLOCK_END}\nexport AFTER=1\n`,
      );
      return ['gcp', 'env', '--remove', '--apply'];
    },
    exit: 0,
    changes: ['.bashrc', '.bashrc.cloudid-backup'],
    after: async (home) =>
      expect(await readFile(home.path('.bashrc'), 'utf8')).toBe('alias k=kubectl\nexport AFTER=1\n'),
  },
  {
    name: 'a ~/.bashrc that is not UTF-8 beside a ~/.zshrc that is (gcp env)',
    make: async (home) => {
      await home.write('.bashrc', Buffer.from('# caf\xe9 latin-1\nalias k=kubectl\n', 'latin1'));
      await home.write('.zshrc', 'alias k=kubectl\n');
      return ['gcp', 'env', (await keyFile(home, 'key.json')).path, '--apply'];
    },
    exit: 1,
    stderr: /\.bashrc was not edited: it is not UTF-8 text\./,
    stdout: /Wrote .*\.zshrc/,
    changes: ['.zshrc', '.zshrc.cloudid-backup'],
  },
  {
    name: 'a read-only ~/.bashrc linked in by a dotfile manager, beside a writable ~/.zshrc (gcp env)',
    make: async (home) => {
      // A folder only root may write, as the Nix store or a dotfile manager's checkout.
      const store = home.path('store');
      await mkdir(store, { mode: 0o755 });
      await writeFile(join(store, 'bashrc'), 'alias k=kubectl\n', { mode: 0o444 });
      await symlink(join(store, 'bashrc'), home.path('.bashrc'));
      await home.write('.zshrc', 'alias k=kubectl\n');
      return ['gcp', 'env', (await keyFile(home, 'key.json')).path, '--apply'];
    },
    asNobody: true,
    keepOwner: ['store', 'store/bashrc'],
    exit: 1,
    stderr: /\.bashrc was not written: permission denied/,
    stdout: /Wrote .*\.zshrc/,
    changes: ['.zshrc', '.zshrc.cloudid-backup'],
  },
  {
    name: 'a ~/.bashrc that bash cannot parse (gcp env)',
    make: async (home) => {
      await home.write('.bashrc', 'if true; then\n  alias k=kubectl\n');
      return ['gcp', 'env', (await keyFile(home, 'key.json')).path, '--apply'];
    },
    exit: 1,
    stderr: /\.bashrc was not edited: bash cannot parse it as it is/,
  },
  {
    name: 'a key file that starts with a UTF-8 byte-order mark (gcp import)',
    make: async (home) => {
      const key = serviceAccountKey();
      await home.write(
        'key.json',
        Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(key, null, 2))]),
      );
      return ['gcp', 'import', home.path('key.json'), '--json'];
    },
    exit: 0,
    stdout: /^\{"version":1,"status":"imported",/,
    after: async (_home, run) => {
      // The copy gcloud and Node will read is JSON from its first byte.
      const stored = (JSON.parse(run.stdout) as { key: { path: string } }).key.path;
      const bytes = await readFile(stored);
      expect(bytes[0]).toBe(0x7b);
      expect(JSON.parse(bytes.toString('utf8'))).toMatchObject({ type: 'service_account' });
    },
  },
  {
    name: 'a different key file with the private_key_id of an imported key (gcp import)',
    make: async (home, run) => {
      return ['gcp', 'import', await keyWithAnImportedId(home, run)];
    },
    exit: 1,
    stderr:
      /same id .* stored one is for deployer@old-proj\.iam\.gserviceaccount\.com \(project old-proj\), this file is for deployer@new-proj\.iam\.gserviceaccount\.com \(project new-proj\)[^]*--replace/,
  },
  {
    name: 'the same, with --replace: the key and what status says about it are the new file',
    make: async (home, run) => {
      return ['gcp', 'import', await keyWithAnImportedId(home, run), '--replace'];
    },
    exit: 0,
    stdout: /Replaced the stored key with deployer@new-proj\.iam\.gserviceaccount\.com \(project new-proj\)/,
    changes: ['.config/Cloud Identity Tray/'],
    after: async (home) => {
      await awsDefault(home);
      const status = await cloudid(home, ['status', '--json'], false);
      const keys = (JSON.parse(status.stdout) as { gcp: { keys: Array<{ account: string; project: string | null }> } })
        .gcp.keys;
      expect(keys.map((k) => [k.account, k.project])).toEqual([
        ['deployer@new-proj.iam.gserviceaccount.com', 'new-proj'],
      ]);
      expect(await readFile(home.path('new.json'))).toEqual(
        await readFile(
          join(
            home.path('.config', 'Cloud Identity Tray', 'keys'),
            (await readdir(home.path('.config', 'Cloud Identity Tray', 'keys')))[0] ?? '',
          ),
        ),
      );
    },
  },
  {
    name: 'a 15 MB unterminated [ header line in ~/.aws/config (status --json)',
    make: async (home) => {
      await home.write('.aws/config', `[default]\nregion = us-east-1\n\n[${'a'.repeat(HUGE)}\n`);
      await awsDefault(home);
      return ['status', '--json'];
    },
    exit: 1, // the line is an error of the default profile's section
    stdout: /\\"\[a{59}…\\" is not a section header for the AWS SDK for JavaScript/,
    after: async (home, run) => {
      expect(run.stdout.length).toBeLessThan(100_000);
      expect(Math.max(...problemMessages(run.stdout).map((m) => m.length))).toBeLessThan(1_000);
      expect(await folderBytes(home.path('.cache'))).toBeLessThan(1_000_000);
    },
  },
  {
    name: 'the same line, shown as text (status)',
    make: async (home) => {
      await home.write('.aws/config', `[default]\nregion = us-east-1\n\n[${'a'.repeat(HUGE)}\n`);
      await awsDefault(home);
      return ['status'];
    },
    exit: 1,
    stdout: /"\[a{59}…" is not a section header/,
    after: async (_home, run) => expect(run.stdout.length).toBeLessThan(100_000),
  },
  {
    name: 'a 15 MB role_arn value and source_profile name (status --json)',
    make: async (home) => {
      await home.write(
        '.aws/config',
        `[profile r]\nrole_arn = arn:${'x'.repeat(HUGE / 2)}\nsource_profile = ${'y'.repeat(HUGE / 2)}\n`,
      );
      await awsDefault(home);
      return ['status', '--json'];
    },
    exit: 0,
    stdout: /role_arn \\"arn:x{56}…\\" of profile \\"r\\" is not a role ARN/,
    after: async (_home, run) =>
      expect(Math.max(...problemMessages(run.stdout).map((m) => m.length))).toBeLessThan(1_000),
  },
  {
    name: 'a source_profile chain of 5,000 links (status --json)',
    make: async (home) => {
      let text = '';
      for (let i = 0; i < 5_000; i++)
        text += `[profile p${i}]\nrole_arn = arn:aws:iam::123456789012:role/R\nsource_profile = ${i === 4_999 ? 'default' : `p${i + 1}`}\n`;
      await home.write('.aws/config', text);
      await awsDefault(home);
      return ['status', '--json'];
    },
    exit: 0,
    stdout: /"name":"p4999"/,
    // It took 57 s; a whole `cloudid status` is now a fraction of a second (the bench times the chain alone).
    after: async (_home, run) => expect(run.ms).toBeLessThan(10_000),
  },
  {
    name: "a file where the app's key folder goes (gcp import)",
    make: async (home) => {
      await home.write('.config/Cloud Identity Tray/keys', 'not a folder\n');
      return ['gcp', 'import', (await keyFile(home, 'key.json')).path];
    },
    exit: 1,
    stderr: /The key was not stored: .*keys could not be written \(a file stands where a folder is needed\)\./,
    after: async (home) => expect(await readdir(home.path('.config', 'Cloud Identity Tray'))).toEqual(['keys']),
  },
  {
    name: 'a key file whose name holds a newline (gcp import)',
    make: async (home) => ['gcp', 'import', (await keyFile(home, 'key\nname.json')).path],
    exit: 1,
    stderr: /has a control character .* in it; rename the file/,
  },
  {
    name: 'a FIFO as ~/.aws/config (sso sync)',
    make: async (home) => {
      await home.fifo('.aws/config');
      return ['sso', 'sync', 'corp'];
    },
    exit: 1,
    stderr: /\.aws\/config cannot be read: it is a named pipe \(FIFO\), not a regular file\./,
  },
  {
    name: 'a FIFO as ~/.aws/config (login)',
    make: async (home) => {
      await home.fifo('.aws/config');
      return ['login', 'corp', '--no-browser'];
    },
    exit: 1,
    stderr: /\.aws\/config is not a regular file/,
  },
  {
    name: 'a FIFO given as the key to verify (gcp verify)',
    make: async (home) => ['gcp', 'verify', await home.fifo('key.json')],
    exit: 1,
    stderr: /key\.json is not a file, and no imported key has an id starting /,
  },
  {
    name: "a folder where an imported key's copy was (gcp remove)",
    make: async (home, run) => {
      const { key, path } = await keyFile(home, 'key.json');
      expect((await run(['gcp', 'import', path])).code).toBe(0);
      const copy = home.path('.config', 'Cloud Identity Tray', 'keys', `${key.private_key_id}.json`);
      await rm(copy);
      await mkdir(join(copy, 'inside'), { recursive: true });
      return ['gcp', 'remove', key.private_key_id];
    },
    exit: 1,
    stderr: /cloudid gcp remove: .*\.json could not be changed: it is a folder\./,
  },
  {
    name: "a FIFO as an SSO session's token cache file (status --json)",
    make: async (home) => {
      await home.write(
        '.aws/config',
        '[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\n\n[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Dev\n',
      );
      await awsDefault(home);
      // The AWS CLI's name for the session's token file: sha1 of the session name.
      await home.fifo(`.aws/sso/cache/${createHash('sha1').update('corp').digest('hex')}.json`);
      return ['status', '--json'];
    },
    exit: 0,
    stdout: /The SSO token cache path is not a regular file/,
  },
  {
    name: 'a FIFO as the token file of the session to refresh (refresh)',
    make: async (home) => {
      await home.write(
        '.aws/config',
        '[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\n',
      );
      await home.fifo(`.aws/sso/cache/${createHash('sha1').update('corp').digest('hex')}.json`);
      return ['refresh', 'corp'];
    },
    exit: 1,
  },
  {
    name: 'a FIFO as an aws login token file (status --json)',
    make: async (home) => {
      await home.write(
        '.aws/config',
        '[profile console]\nlogin_session = arn:aws:iam::111122223333:user/me\nregion = eu-west-1\n',
      );
      await awsDefault(home);
      await mkdir(home.path('.aws', 'login', 'cache'), { recursive: true });
      // The AWS CLI's name for the session's login cache file: sha256 of login_session.
      await home.fifo(
        `.aws/login/cache/${createHash('sha256').update('arn:aws:iam::111122223333:user/me').digest('hex')}.json`,
      );
      return ['status', '--json'];
    },
    exit: 0,
    stdout: /"name":"console"/,
  },
  {
    name: 'a FIFO as the token file of the session to sync (sso sync)',
    make: async (home) => {
      await home.write(
        '.aws/config',
        '[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\n',
      );
      await home.fifo(`.aws/sso/cache/${createHash('sha1').update('corp').digest('hex')}.json`);
      return ['sso', 'sync', 'corp'];
    },
    exit: 1,
    stderr: /not logged in to corp/,
  },
  {
    name: 'a FIFO given as the key to import (gcp import)',
    make: async (home) => ['gcp', 'import', await home.fifo('key.json')],
    exit: 1,
    stderr: /key\.json is a named pipe \(FIFO\), not a key file/,
  },
  {
    name: 'a FIFO given as the key for the shell profiles (gcp env)',
    make: async (home) => {
      await home.write('.bashrc', 'alias k=kubectl\n');
      return ['gcp', 'env', await home.fifo('key.json'), '--apply'];
    },
    exit: 1,
    stderr: /key\.json is a named pipe \(FIFO\), not a key file/,
  },
  {
    name: 'a FIFO as ~/.bashrc (gcp env)',
    make: async (home) => {
      await home.fifo('.bashrc');
      await home.write('.zshrc', 'alias k=kubectl\n');
      return ['gcp', 'env', (await keyFile(home, 'key.json')).path, '--apply'];
    },
    exit: 1,
    stderr: /\.bashrc was not edited: it is a named pipe \(FIFO\), not a regular file\./,
    changes: ['.zshrc', '.zshrc.cloudid-backup'],
  },
  {
    name: "a FIFO as gcloud's application default credentials (status)",
    make: async (home) => {
      await home.fifo('gcloud/application_default_credentials.json');
      await awsDefault(home);
      return ['status', '--json'];
    },
    exit: 0,
    stdout: /application default credentials file is a named pipe \(FIFO\), not a regular file/,
  },
  {
    name: 'a FIFO as GOOGLE_APPLICATION_CREDENTIALS (status)',
    make: async (home) => {
      await home.fifo('adc.json');
      await awsDefault(home);
      return ['status', '--json'];
    },
    env: (home) => ({ GOOGLE_APPLICATION_CREDENTIALS: home.path('adc.json') }),
    exit: 0,
    stdout: /GOOGLE_APPLICATION_CREDENTIALS points to a file that is a named pipe \(FIFO\), not a regular file/,
  },
  {
    name: "a FIFO as gcloud's active configuration (status)",
    make: async (home) => {
      await home.fifo('gcloud/active_config');
      await awsDefault(home);
      return ['status', '--json'];
    },
    exit: 0,
    stdout: /Cannot read the active configuration name \(it is a named pipe \(FIFO\), not a regular file\)/,
  },
  {
    name: "a FIFO as gcloud's credentials.db (status)",
    make: async (home) => {
      await home.fifo('gcloud/credentials.db');
      await awsDefault(home);
      return ['status', '--json'];
    },
    exit: 0,
    stdout: /credentials\.db.*it is a named pipe \(FIFO\), not a regular file/,
  },
  {
    name: "a FIFO as SkyPilot's state.db (clusters)",
    make: async (home) => {
      await home.fifo('.sky/state.db');
      return ['clusters', '--json'];
    },
    exit: 1, // the documented status when state.db cannot be read
    stdout: /it is a named pipe \(FIFO\), not a regular file/,
  },
];

describe('cloudid on files that attack', { timeout: 60_000 }, () => {
  it.each(rows.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
    const home = await makeHome();
    try {
      const args = await row.make(home, (setupArgs) => cloudid(home, setupArgs, false, row.env?.(home)));
      if (row.asNobody) await chownTree(home.dir, NOBODY, new Set((row.keepOwner ?? []).map((f) => home.path(f))));
      const before = await snapshot(home.dir);
      const run = await cloudid(home, args, row.asNobody ?? false, row.env?.(home));
      expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(row.exit);
      if (row.stderr) expect(run.stderr).toMatch(row.stderr);
      if (row.stdout) expect(run.stdout).toMatch(row.stdout);
      const after = await snapshot(home.dir);
      const allowed = (file: string): boolean =>
        (row.changes ?? []).some((c) => (c.endsWith('/') ? file.startsWith(c) : file === c));
      for (const [file, content] of before)
        if (!allowed(file)) expect(after.get(file), `${file} changed`).toBe(content);
      // New files only where the app keeps its own (.config, .cache) or where the row allows.
      const created = [...after.keys()].filter(
        (file) => !before.has(file) && !allowed(file) && !/^\.(config|cache)\//.test(file),
      );
      expect(created).toEqual([]);
      await row.after?.(home, run);
    } finally {
      await rm(home.dir, { recursive: true, force: true });
    }
  });
});

async function chownTree(dir: string, uid: number, keep: Set<string>): Promise<void> {
  if (!keep.has(dir)) await chown(dir, uid, uid);
  for (const name of await readdir(dir)) {
    const full = join(dir, name);
    const info = await lstat(full);
    if (info.isSymbolicLink()) continue;
    if (info.isDirectory()) await chownTree(full, uid, keep);
    else if (!keep.has(full)) await chown(full, uid, uid);
  }
}
