// `cloudid gcp <import | remove | verify> ...`: dispatches to one file per subcommand.
import { EXIT } from '../exit-codes';
import type { CliContext } from './cli-context';

export const GCP_HELP = `Usage: cloudid gcp <command> [options]

Commands:
  import <key.json> [--activate [--current-configuration]] [--remove-download] [--json]
  remove <key id>
  verify <key.json | key id> [--json]
  env <key id | key.json> [--apply]      GOOGLE_APPLICATION_CREDENTIALS in your shell profiles
  env --remove [--apply]
`;

const SUBCOMMANDS: Record<string, () => Promise<{ run(argv: string[], ctx: CliContext): Promise<number> }>> = {
  import: () => import('./gcp-import'),
  remove: () => import('./gcp-remove'),
  verify: () => import('./gcp-verify'),
  env: () => import('./gcp-env'),
};

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    (name ? ctx.stdout : ctx.stderr).write(GCP_HELP);
    return name ? EXIT.ok : EXIT.usage;
  }
  const load = SUBCOMMANDS[name];
  if (!load) {
    ctx.stderr.write(`cloudid gcp: unknown command "${name}"\n\n${GCP_HELP}`);
    return EXIT.usage;
  }
  return (await load()).run(rest, ctx);
}
