// The one shape of every `cloudid` command: one argument parser (node:util parseArgs), `--help` on
// stdout with exit 0, usage errors on stderr with exit 2, and one JSON style. main.ts and the `gcp`
// and `sso` dispatchers call what defineCommand returns; tests call it with their own context.
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { EXIT } from './exit-codes';
import type { TerminalOutput } from './terminal-text';

/** What every command gets: the process's environment and streams, injectable for tests. */
export interface CommandContext {
  env: NodeJS.ProcessEnv;
  homeDir: string;
  /** Human output is filtered through terminal-text.ts (main.ts); tests pass their own. */
  stdout: TerminalOutput;
  stderr: TerminalOutput;
  /** The app's cache folder (for `aws --version` answers). */
  cacheDir?: string;
  openUrl?: (url: string) => Promise<void>;
  /** Each network request's deadline (electron/core/net/deadline.ts); tests pass a short one. */
  requestTimeoutMs?: number;
}

/** A command as main.ts and the dispatchers run it. */
export type Command = (argv: string[], ctx: CommandContext) => Promise<number>;

/** Thrown by a command's `run` when the arguments parse but do not make sense together. */
export class UsageError extends Error {
  override name = 'UsageError';
}

type Values<O extends ParseArgsOptionsConfig> = {
  [K in keyof O]?: O[K]['type'] extends 'string' ? string : boolean;
};

export interface CommandArgs<O extends ParseArgsOptionsConfig> {
  values: Values<O>;
  positionals: string[];
}

export interface CommandSpec<O extends ParseArgsOptionsConfig> {
  /** As typed after `cloudid`: `status`, `gcp verify`. */
  name: string;
  /** The synopsis, one or more lines, each starting with `cloudid`. */
  usage: string;
  /** What `--help` shows after the synopsis: what it does, its options, its exit status. */
  help: string;
  options: O;
  /** Whether words other than options are accepted (at most `maxPositionals`, default any). */
  maxPositionals?: number;
  run(args: CommandArgs<O>, ctx: CommandContext): Promise<number>;
}

/** `--help` or `-h` anywhere before a `--`. */
function asksForHelp(argv: readonly string[]): boolean {
  for (const arg of argv) {
    if (arg === '--') return false;
    if (arg === '--help' || arg === '-h') return true;
  }
  return false;
}

/** `Usage: ` and the synopsis, its later lines aligned under the first. */
const usageLines = (usage: string): string => `Usage: ${usage.trim().replace(/\n\s*/g, '\n       ')}\n`;

function helpText(spec: Pick<CommandSpec<ParseArgsOptionsConfig>, 'usage' | 'help'>): string {
  return `${usageLines(spec.usage)}\n${spec.help.trim()}\n`;
}

/** A usage error as every command prints it: what is wrong, the synopsis, where the rest is. */
function writeUsageError(ctx: CommandContext, name: string, usage: string, message: string): number {
  ctx.stderr.write(
    `cloudid ${name}: ${message}\n${usageLines(usage)}Run \`cloudid ${name} --help\` for its options.\n`,
  );
  return EXIT.usage;
}

export function defineCommand<O extends ParseArgsOptionsConfig>(spec: CommandSpec<O>): Command {
  return async (argv, ctx) => {
    if (asksForHelp(argv)) {
      ctx.stdout.write(helpText(spec));
      return EXIT.ok;
    }
    let args: CommandArgs<O>;
    try {
      const parsed = parseArgs({ args: argv, options: spec.options, strict: true, allowPositionals: true });
      args = { values: parsed.values, positionals: parsed.positionals };
    } catch (error) {
      return writeUsageError(ctx, spec.name, spec.usage, parseErrorText(error));
    }
    const max = spec.maxPositionals;
    if (max !== undefined && args.positionals.length > max) {
      const extra = args.positionals.slice(max).map((p) => JSON.stringify(p));
      return writeUsageError(ctx, spec.name, spec.usage, `unexpected argument ${extra.join(' ')}`);
    }
    try {
      return await spec.run(args, ctx);
    } catch (error) {
      if (error instanceof UsageError) return writeUsageError(ctx, spec.name, spec.usage, error.message);
      throw error;
    }
  };
}

/** parseArgs's message without its advice about `--` (the synopsis follows it). */
function parseErrorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\. To specify a positional argument starting with a '-'.*$/s, '');
}

export interface Subcommand {
  /** One line of the group's help: the synopsis after the group's name, then what it does. */
  synopsis: string;
  load: () => Promise<{ run: Command }>;
}

/** `cloudid gcp …`, `cloudid sso …`: one word chooses a command, which parses the rest. */
export function defineCommandGroup(spec: {
  name: string;
  summary: string;
  subcommands: Record<string, Subcommand>;
}): Command {
  const lines = Object.entries(spec.subcommands).map(([word, sub]) => `  ${word} ${sub.synopsis}`);
  const usage = `cloudid ${spec.name} <command> [options]`;
  const help = `Usage: ${usage}\n\n${spec.summary}\n\nCommands:\n${lines.join('\n')}\n\nRun \`cloudid ${spec.name} <command> --help\` for a command's options.\n`;
  return async (argv, ctx) => {
    const [word, ...rest] = argv;
    if (word === '--help' || word === '-h' || word === 'help') {
      ctx.stdout.write(help);
      return EXIT.ok;
    }
    const sub =
      word === undefined ? undefined : Object.hasOwn(spec.subcommands, word) ? spec.subcommands[word] : undefined;
    if (!sub) {
      const what = word === undefined ? 'which command?' : `unknown command ${JSON.stringify(word)}`;
      ctx.stderr.write(`cloudid ${spec.name}: ${what}\n\n${help}`);
      return EXIT.usage;
    }
    return (await sub.load()).run(rest, ctx);
  };
}
