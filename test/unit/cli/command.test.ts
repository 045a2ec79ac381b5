import { describe, expect, it } from 'vitest';
import { defineCommand, defineCommandGroup, UsageError, type CommandContext } from '../../../electron/cli/command';

function capture(): { ctx: CommandContext; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    ctx: {
      env: {},
      homeDir: '/nonexistent',
      stdout: { write: (c) => ((out += String(c)), true) },
      stderr: { write: (c) => ((err += String(c)), true) },
    },
    out: () => out,
    err: () => err,
  };
}

const ran: { values: unknown; positionals: string[] }[] = [];
const greet = defineCommand({
  name: 'greet',
  usage: `cloudid greet <name> [--loud]
cloudid greet --all`,
  help: 'Greets.\n  --loud   louder',
  options: { loud: { type: 'boolean' }, all: { type: 'boolean' }, times: { type: 'string' } },
  maxPositionals: 1,
  run: ({ values, positionals }) => {
    if (values.all && positionals.length > 0) throw new UsageError('--all takes no name');
    ran.push({ values, positionals });
    return Promise.resolve(0);
  },
});

describe('defineCommand', () => {
  it('parses options and words with parseArgs and runs the command', async () => {
    const c = capture();
    expect(await greet(['ann', '--loud', '--times=2'], c.ctx)).toBe(0);
    expect(ran.at(-1)).toEqual({ values: { loud: true, times: '2' }, positionals: ['ann'] });
  });

  it('prints --help on stdout, with every synopsis line, and exits 0 whatever else is given', async () => {
    for (const argv of [['--help'], ['-h'], ['ann', '--bogus', '--help']]) {
      const c = capture();
      expect(await greet(argv, c.ctx)).toBe(0);
      expect(c.out()).toBe(
        'Usage: cloudid greet <name> [--loud]\n       cloudid greet --all\n\nGreets.\n  --loud   louder\n',
      );
      expect(c.err()).toBe('');
    }
  });

  it('answers a usage error on stderr with exit 2: what is wrong, the synopsis, where help is', async () => {
    const c = capture();
    expect(await greet(['--bogus'], c.ctx)).toBe(2);
    expect(c.out()).toBe('');
    expect(c.err()).toBe(
      "cloudid greet: Unknown option '--bogus'\nUsage: cloudid greet <name> [--loud]\n       cloudid greet --all\n" +
        'Run `cloudid greet --help` for its options.\n',
    );
  });

  it('counts words and takes UsageError from the command as a usage error', async () => {
    const extra = capture();
    expect(await greet(['ann', 'bob'], extra.ctx)).toBe(2);
    expect(extra.err()).toMatch(/^cloudid greet: unexpected argument "bob"\n/);
    const thrown = capture();
    expect(await greet(['ann', '--all'], thrown.ctx)).toBe(2);
    expect(thrown.err()).toMatch(/^cloudid greet: --all takes no name\n/);
    const value = capture();
    expect(await greet(['--times'], value.ctx)).toBe(2);
    expect(value.err()).toMatch(/^cloudid greet: Option '--times <value>' argument missing\n/);
  });

  it('lets any other error through, for main.ts to report as an internal error', async () => {
    const broken = defineCommand({
      name: 'broken',
      usage: 'cloudid broken',
      help: '',
      options: {},
      run: () => Promise.reject(new Error('boom')),
    });
    await expect(broken([], capture().ctx)).rejects.toThrow('boom');
  });
});

describe('defineCommandGroup', () => {
  const group = defineCommandGroup({
    name: 'things',
    summary: 'Things.',
    subcommands: { greet: { synopsis: '<name>   say hello', load: () => Promise.resolve({ run: greet }) } },
  });

  it('runs the chosen command with the rest of the arguments', async () => {
    const c = capture();
    expect(await group(['greet', 'zoe'], c.ctx)).toBe(0);
    expect(ran.at(-1)?.positionals).toEqual(['zoe']);
  });

  it('lists its commands on --help (exit 0) and refuses a missing or unknown one (exit 2)', async () => {
    const help = capture();
    expect(await group(['--help'], help.ctx)).toBe(0);
    expect(help.out()).toContain('Commands:\n  greet <name>   say hello\n');
    for (const argv of [[], ['nope'], ['constructor']]) {
      const c = capture();
      expect(await group(argv, c.ctx)).toBe(2);
      expect(c.out()).toBe('');
      expect(c.err()).toMatch(/^cloudid things: (which command\?|unknown command ".*")\n/);
    }
  });
});
