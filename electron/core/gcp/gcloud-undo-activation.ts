// Puts back the account and project a configuration held before a key was activated in it
// (gcloud-activate.ts reads them first). The order matters: with no account set, gcloud does not
// ask Cloud Resource Manager whether the project exists (`gcloud config set project` checks only
// when core/account is set), so the account is unset, the project restored, then the account.
// Each command names the configuration, so it lands there even if the user switched since.
import { commandLine } from '../../shared/shell-commands';
import type { PreviousSettings } from './gcloud-activate';
import { runGcloudCommand, type GcloudRun, type GcloudRunnerOptions } from './gcloud-runner';

export interface UndoActivationResult {
  ok: boolean;
  steps: GcloudRun[];
  /** gcloud's error text of the failed step, or why nothing was run. */
  message: string | null;
}

/** The gcloud arguments that restore `previous`, in order. */
export function undoActivationArgs(previous: PreviousSettings): string[][] {
  const where = `--configuration=${previous.configuration}`;
  return [
    ['config', 'unset', 'account', where],
    previous.project === null
      ? ['config', 'unset', 'project', where]
      : ['config', 'set', 'project', previous.project, where],
    ...(previous.account === null ? [] : [['config', 'set', 'account', previous.account, where]]),
  ];
}

/** The same, as command lines a user can paste (for `cloudid gcp import`). */
export function undoActivationCommands(previous: PreviousSettings, gcloud = 'gcloud'): string[] {
  return undoActivationArgs(previous).map((args) => commandLine([gcloud, ...args]));
}

export async function undoActivation(
  previous: PreviousSettings,
  options: GcloudRunnerOptions,
): Promise<UndoActivationResult> {
  // A value gcloud would read as an option is not passed to it.
  if ([previous.account, previous.project].some((v) => v?.startsWith('-')))
    return { ok: false, steps: [], message: 'The previous account or project starts with “-”; set it back by hand.' };
  const steps: GcloudRun[] = [];
  for (const args of undoActivationArgs(previous)) {
    const run = await runGcloudCommand(args, options);
    steps.push(run);
    if (run.exitCode !== 0) return { ok: false, steps, message: run.error };
  }
  return { ok: true, steps, message: null };
}
