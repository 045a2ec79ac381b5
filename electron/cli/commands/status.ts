// `cloudid status [--json] [--verify | --verify-all]`
import { parseArgs } from 'node:util';
import type { AwsProfile, Snapshot } from '../../shared/model';
import { appDataDir, settingsFile } from '../../core/app/app-paths';
import { createCore } from '../../core/app/core';
import { statusJson } from '../status-json';
import { statusTable } from '../status-table';
import { EXIT, type CommandContext } from '../exit-codes';

export const STATUS_HELP = `Usage: cloudid status [--json] [--verify | --verify-all]

Shows every AWS profile, which one is active, its status and when it expires.
  --json         print the documented JSON (version 1) instead of a table
  --verify       ask STS who the active profile is, and whether gcloud's user
                 credentials still refresh (network)
  --verify-all   ask STS about every profile (network, bounded concurrency)

Exit status: 0 the active profile is usable (and every requested verification passed);
1 the active profile is expired, signed out, broken or missing, or a verification failed;
2 usage error.
`;

const UNUSABLE = new Set(['expired', 'signed-out', 'error']);

function activeIsUsable(snapshot: Snapshot): boolean {
  const active = snapshot.aws.profiles.find((p) => p.active);
  return active !== undefined && !UNUSABLE.has(active.status);
}

const verificationFailed = (profiles: AwsProfile[]): boolean => profiles.some((p) => p.lastCheck?.error);

export async function run(argv: string[], ctx: CommandContext): Promise<number> {
  let values: { json?: boolean; verify?: boolean; 'verify-all'?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { json: { type: 'boolean' }, verify: { type: 'boolean' }, 'verify-all': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    ctx.stderr.write(`cloudid status: ${(error as Error).message}\n\n${STATUS_HELP}`);
    return EXIT.usage;
  }
  if (values.help) {
    ctx.stdout.write(STATUS_HELP);
    return EXIT.ok;
  }
  if (values.verify && values['verify-all']) {
    ctx.stderr.write('cloudid status: choose one of --verify and --verify-all\n');
    return EXIT.usage;
  }

  const core = createCore({
    env: ctx.env,
    homeDir: ctx.homeDir,
    settingsFile: settingsFile(ctx.env, ctx.homeDir, process.platform),
    watch: false,
    detectCli: true,
    verifyActive: false,
    cacheDir: ctx.cacheDir,
    appDataDir: appDataDir(ctx.env, ctx.homeDir, process.platform),
  });
  await core.start();
  try {
    if (values['verify-all']) await core.verifyAll();
    else if (values.verify) await core.verifyProfile(core.snapshot().aws.activeProfile);
    if (values.verify || values['verify-all']) await core.probeGcp();
    const snapshot = core.snapshot();
    ctx.stdout.write(values.json ? `${JSON.stringify(statusJson(snapshot))}\n` : statusTable(snapshot, Date.now()));
    const checked = values['verify-all'] ? snapshot.aws.profiles : snapshot.aws.profiles.filter((p) => p.active && values.verify);
    return activeIsUsable(snapshot) && !verificationFailed(checked) ? EXIT.ok : EXIT.unusable;
  } finally {
    await core.stop();
  }
}
