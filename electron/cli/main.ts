// `cloudid`: the terminal face of the same core the tray app runs.
import { homedir } from 'node:os';
import { appCacheDir } from '../core/app/app-paths';
import type { Command, CommandContext } from './command';
import { EXIT } from './exit-codes';
import { standardOutputs } from './fd-output';

/** package.json's version, put here by the bundler (scripts/cli-bundle.mjs); absent when run from source. */
declare const __CLOUDID_VERSION__: string | undefined;
const VERSION = typeof __CLOUDID_VERSION__ === 'string' ? __CLOUDID_VERSION__ : 'development build (run from source)';

const USAGE = `Usage: cloudid <command> [options]

Commands:
  status [--json] [--verify | --verify-all]        every AWS identity, its status and expiry
  login <profile|sso-session> [--use-device-code] [--no-browser]
                                                   log in to AWS IAM Identity Center (SSO)
  logout <profile|sso-session>                     delete that session's cached token
  refresh <profile|sso-session>                    renew the session's token now
  console <profile> [--print] [--destination URL]  open the AWS console signed in as the profile
  sso sync <sso-session|profile> [--apply] [--json]  a profile for every account and role
  gcp list|import|remove|verify|env ...            Google Cloud service-account keys
  clusters [--json] [--verify] [--project-dir DIR]
                                                   SkyPilot clusters, their owners, who can operate each

Run \`cloudid <command> --help\` for a command's options.
`;

// Loaded on use: `status` must not pay for the others (it is timed as a whole process).
const COMMANDS: Record<string, () => Promise<{ run: Command }>> = {
  status: () => import('./commands/status'),
  login: () => import('./commands/login'),
  logout: () => import('./commands/logout'),
  refresh: () => import('./commands/refresh'),
  console: () => import('./commands/console'),
  sso: () => import('./commands/sso-command'),
  gcp: () => import('./commands/gcp-command'),
  clusters: () => import('./commands/clusters'),
};

const { stdout, stderr } = standardOutputs();

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    stdout.write(USAGE);
    return EXIT.ok;
  }
  if (!name) {
    stderr.write(USAGE);
    return EXIT.usage;
  }
  if (name === '--version') {
    stdout.write(`cloudid ${VERSION}\n`);
    return EXIT.ok;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    stderr.write(`cloudid: unknown command "${name}"\n\n${USAGE}`);
    return EXIT.usage;
  }
  const env = process.env;
  const homeDir = env.HOME || homedir();
  const ctx: CommandContext = {
    env,
    homeDir,
    stdout,
    stderr,
    cacheDir: appCacheDir(env, homeDir, process.platform),
    // Loaded when a command opens a page: most commands never start a process.
    openUrl: async (url) => (await import('./commands/browser-opener')).openInBrowser(url),
  };
  return (await load()).run(rest, ctx);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    stderr.write(`cloudid: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = EXIT.internal;
  },
);
