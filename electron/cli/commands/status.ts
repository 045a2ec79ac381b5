// `cloudid status [--json] [--verify | --verify-all]`. `--json` is first answered from the memo
// (status-memo.ts), which needs only what is imported here; everything else is status-report.ts,
// loaded when the memo does not answer.
import { appDataDir, settingsFile } from '../../core/app/app-paths';
import { takeHandedOverMemoKey, type MemoKey } from '../memo-file';
import { printRememberedStatus, statusMemoKey } from '../status-memo';
import { defineCommand, UsageError, type CommandContext } from '../command';

export const run = defineCommand({
  name: 'status',
  usage: 'cloudid status [--json] [--verify | --verify-all]',
  help: `Shows every AWS profile, which one is active, its status and when it expires;
gcloud's state; and each Kubernetes context with the AWS profile or gcloud
account behind it and that identity's status.
  --json         print the documented JSON (version 1) instead of a table
  --verify       ask STS who the active profile is, and whether gcloud's user
                 credentials still refresh (network)
  --verify-all   ask STS about every profile (network, bounded concurrency)

Exit status: 0 the active profile is usable (and every requested verification passed),
or there is no AWS configuration and AWS_PROFILE names none;
1 the active profile is expired, signed out, broken or missing, or a verification failed;
2 usage error.`,
  options: { json: { type: 'boolean' }, verify: { type: 'boolean' }, 'verify-all': { type: 'boolean' } },
  maxPositionals: 0,
  run: ({ values }, ctx) => {
    if (values.verify && values['verify-all']) throw new UsageError('choose one of --verify and --verify-all');
    return status(values, ctx);
  },
});

async function status(
  values: { json?: boolean; verify?: boolean; 'verify-all'?: boolean },
  ctx: CommandContext,
): Promise<number> {
  const plainJson = values.json === true && !values.verify && !values['verify-all'];
  const files = {
    settings: settingsFile(ctx.env, ctx.homeDir, process.platform),
    appData: appDataDir(ctx.env, ctx.homeDir, process.platform),
  };
  let memoKey: MemoKey | null = null;
  if (plainJson && ctx.cacheDir) {
    // The fast path has already looked (status-fast-path.ts) when it hands a key over.
    memoKey = takeHandedOverMemoKey('status');
    if (memoKey === null) {
      memoKey = statusMemoKey(ctx.env, ctx.homeDir);
      const remembered = printRememberedStatus({ ...ctx, cacheDir: ctx.cacheDir }, memoKey);
      if (remembered !== null) return remembered;
    }
  }
  return (await import('../status-report')).statusReport(values, ctx, { files, memoKey });
}
