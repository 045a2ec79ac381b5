// The one command shape (electron/cli/command.ts), for every `cloudid` command: `--help` on
// stdout with exit 0, a usage error on stderr with exit 2. In-process through the same modules
// and dispatchers main.ts loads, and once through main.ts itself.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Command, CommandContext } from '../../../../electron/cli/command';

const repo = path.join(import.meta.dirname, '..', '..', '..', '..');

const COMMANDS: [string[], () => Promise<{ run: Command }>][] = [
  [['status'], () => import('../../../../electron/cli/commands/status')],
  [['login'], () => import('../../../../electron/cli/commands/login')],
  [['logout'], () => import('../../../../electron/cli/commands/logout')],
  [['refresh'], () => import('../../../../electron/cli/commands/refresh')],
  [['console'], () => import('../../../../electron/cli/commands/console')],
  [['clusters'], () => import('../../../../electron/cli/commands/clusters')],
  [['gcp'], () => import('../../../../electron/cli/commands/gcp-command')],
  [['gcp', 'list'], () => import('../../../../electron/cli/commands/gcp-command')],
  [['gcp', 'import'], () => import('../../../../electron/cli/commands/gcp-command')],
  [['gcp', 'remove'], () => import('../../../../electron/cli/commands/gcp-command')],
  [['gcp', 'verify'], () => import('../../../../electron/cli/commands/gcp-command')],
  [['gcp', 'env'], () => import('../../../../electron/cli/commands/gcp-command')],
  [['sso'], () => import('../../../../electron/cli/commands/sso-command')],
  [['sso', 'sync'], () => import('../../../../electron/cli/commands/sso-command')],
];

let home: string;
beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'cloudid-shape-'));
});
afterAll(async () => rm(home, { recursive: true, force: true }));

async function run(command: Command, argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const ctx: CommandContext = {
    env: { HOME: home, PATH: '' },
    homeDir: home,
    stdout: { write: (c) => ((out += String(c)), true) },
    stderr: { write: (c) => ((err += String(c)), true) },
  };
  const code = await command(argv, ctx);
  return { code, out, err };
}

describe.each(COMMANDS)('cloudid %j', (words, load) => {
  const rest = words.slice(1);

  it('prints its help on stdout and exits 0', async () => {
    const { run: command } = await load();
    for (const flag of ['--help', '-h']) {
      const result = await run(command, [...rest, flag]);
      expect(result).toMatchObject({ code: 0, err: '' });
      expect(result.out).toMatch(new RegExp(`^Usage: cloudid ${words.join(' ')} `));
    }
  });

  it('answers an unknown option on stderr with exit 2, naming itself', async () => {
    const { run: command } = await load();
    const result = await run(command, [...rest, '--no-such-option', 'x']);
    expect(result).toMatchObject({ code: 2, out: '' });
    expect(result.err).toMatch(new RegExp(`^cloudid ${words.join(' ')}: .*\\n`));
  });
});

describe('cloudid itself', () => {
  function cloudid(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', path.join(repo, 'electron', 'cli', 'main.ts'), ...args],
        {
          cwd: repo,
          env: { PATH: '', HOME: home },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, out, err }));
    });
  }

  it('lists the commands on --help (exit 0), and on stderr with exit 2 when given none or an unknown one', async () => {
    const help = await cloudid(['--help']);
    expect(help).toMatchObject({ code: 0, err: '' });
    expect(help.out).toMatch(/^Usage: cloudid <command> \[options\]\n/);
    for (const args of [[], ['nope']]) {
      const wrong = await cloudid(args);
      expect(wrong).toMatchObject({ code: 2, out: '' });
      expect(wrong.err).toContain('Usage: cloudid <command> [options]');
    }
  });

  it('dispatches a group command: `cloudid gcp list --help`', async () => {
    const result = await cloudid(['gcp', 'list', '--help']);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toMatch(/^Usage: cloudid gcp list \[--json\]\n/);
  });
});
