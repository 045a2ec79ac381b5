// `cloudid status [--json] [--verify | --verify-all]`
import { lstatSync } from 'node:fs';
import type { AwsCliReport, AwsProfile } from '../../shared/model';
import { appDataDir, settingsFile } from '../../core/app/app-paths';
import { detectAwsClis } from '../../core/aws/aws-cli-detect';
import { openAwsCliVersionCache } from '../../core/aws/aws-cli-version-cache';
import { snapshotDeadline } from '../../core/identity/expiry';
import { loadSettings } from '../../core/app/settings-store';
import { readGcpState } from '../../core/gcp/gcp-state';
import { kubeSnapshot } from '../../core/kube/kube-snapshot';
import { kubeconfigFiles } from '../../core/kube/kubeconfig-merge';
import { awsJson, statusJsonFrame } from '../status-json';
import { readStatusMemo, statusMemoHeader, statusMemoKey, writeStatusMemo, type StatusMemoKey } from '../status-memo';
import { statusTable } from '../status-table';
import { statusVerdict } from '../status-verdict';
import { EXIT } from '../exit-codes';
import { defineCommand, UsageError, type CommandContext } from '../command';
import { paint, terminalStyle, type TerminalStyle } from '../terminal-style';
import { writeStyled } from '../terminal-text';

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
  let memoKey: StatusMemoKey | null = null;
  let cli: AwsCliReport | null = null;
  if (plainJson && ctx.cacheDir) {
    cli = await detectAwsClis({
      path: ctx.env.PATH,
      platform: process.platform,
      env: ctx.env,
      versionCache: await openAwsCliVersionCache(ctx.cacheDir),
    });
    memoKey = statusMemoKey(ctx.env, ctx.homeDir, files.settings, cli);
    const remembered = await printRemembered(ctx, memoKey, files);
    if (remembered !== null) return remembered;
  }

  // Loaded only here: a remembered status never pays for the core.
  const { createCore } = await import('../../core/app/core');
  const core = createCore({
    env: ctx.env,
    homeDir: ctx.homeDir,
    settingsFile: files.settings,
    watch: false,
    detectCli: true,
    knownCli: cli ?? undefined,
    verifyActive: false,
    cacheDir: ctx.cacheDir,
    appDataDir: files.appData,
    sky: false,
    requestTimeoutMs: ctx.requestTimeoutMs,
  });
  await core.start();
  try {
    if (values['verify-all']) await core.verifyAll();
    else if (values.verify) await core.verifyProfile(core.snapshot().aws.activeProfile);
    if (values.verify || values['verify-all']) await core.probeGcp();
    const snapshot = core.snapshot();
    const checked = values['verify-all']
      ? snapshot.aws.profiles
      : snapshot.aws.profiles.filter((p) => p.active && values.verify);
    const verdict = statusVerdict(snapshot, checked);
    const usable = verdict.ok;
    if (!values.json) {
      const style = terminalStyle(ctx.env, ctx.stdout);
      writeStyled(
        ctx.stdout,
        `${statusTable(snapshot, Date.now(), style, (name) => core.rememberedIdentity(name))}\n${paintVerdict(verdict.line, style)}\n`,
      );
      return usable ? EXIT.ok : EXIT.unusable;
    }
    const awsText = JSON.stringify(awsJson(snapshot.aws));
    const frame = statusJsonFrame(snapshot, snapshot.gcp, snapshot.kube);
    ctx.stdout.write(frame.before + awsText + frame.after);
    const header = memoKey ? statusMemoHeader(memoKey, snapshot, core.awsDeadlines(), usable) : null;
    if (header && ctx.cacheDir) await writeStatusMemo(ctx.cacheDir, header, awsText);
    return usable ? EXIT.ok : EXIT.unusable;
  } finally {
    await core.stop();
  }
}

/** Prints the remembered document with a fresh gcloud part and times; null when there is none. */
async function printRemembered(
  ctx: CommandContext,
  key: StatusMemoKey,
  files: { settings: string; appData: string },
): Promise<number | null> {
  const now = Date.now();
  const memo = ctx.cacheDir ? readStatusMemo(ctx.cacheDir, key.key, now) : null;
  if (!memo) return null;
  const { settings } = await loadSettings(files.settings);
  const gcp = await readGcpState({
    env: ctx.env,
    homeDir: ctx.homeDir,
    platform: process.platform,
    now: new Date(now),
    leadTimeMinutes: settings.leadTimeMinutes,
    appDataDir: files.appData,
  });
  // The kubeconfig is not in the memo's key: it is read afresh, like gcloud's files. The YAML
  // parser costs tens of milliseconds to load, so only when there is a kubeconfig to read.
  const anyKubeconfig = kubeconfigFiles(ctx.env, ctx.homeDir).files.some(
    (file) => lstatSync(file, { throwIfNoEntry: false }) !== undefined,
  );
  const kube = anyKubeconfig
    ? await (await import('../../core/kube/kube-reader')).readKubeconfig(ctx.env, ctx.homeDir)
    : null;
  const toDates = (times: number[]): Date[] => times.map((ms) => new Date(ms));
  const aws = { expiries: toDates(memo.header.awsExpiries), refreshEnds: toDates(memo.header.refreshEnds) };
  const deadline = snapshotDeadline(aws, gcp.accounts, now, settings.leadTimeMinutes * 60_000);
  const frame = statusJsonFrame(
    {
      generatedAt: new Date(now).toISOString(),
      leadTimeMinutes: settings.leadTimeMinutes,
      nextDeadline: deadline ? deadline.toISOString() : null,
    },
    gcp,
    kube
      ? kubeSnapshot(
          kube,
          kube.contexts.some((c) => c.identity?.cloud === 'aws') ? rememberedStatuses(memo.aws) : new Map(),
          gcp,
        )
      : null,
  );
  ctx.stdout.write(frame.before);
  ctx.stdout.write(memo.aws);
  ctx.stdout.write(frame.after);
  return memo.header.activeUsable ? EXIT.ok : EXIT.unusable;
}

/** Each profile's status in a remembered `aws` part; parsed only when a kube context needs it. */
function rememberedStatuses(awsText: Buffer): Map<string, AwsProfile['status']> {
  const aws = JSON.parse(awsText.toString('utf8')) as { profiles: { name: string; status: AwsProfile['status'] }[] };
  return new Map(aws.profiles.map((p) => [p.name, p.status]));
}

/** The verdict's mark (✓, ! or ✗) in its colour. */
function paintVerdict(line: string, style: TerminalStyle): string {
  const mark = line.charAt(0);
  const tone = mark === '✓' ? 'good' : mark === '!' ? 'warn' : mark === '✗' ? 'bad' : null;
  return `${paint(style, tone, mark)}${line.slice(1)}`;
}
