// `cloudid clusters [--json] [--verify] [--project-dir DIR]`: SkyPilot's clusters, who owns each, and whether the
// identity SkyPilot would use right now may operate it (SkyPilot's own owner check, done first).
// The identities come from the same core as the app's, with the same settings (the lead time).
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { appDataDir, settingsFile } from '../../core/app/app-paths';
import { createCore } from '../../core/app/core';
import { skyIdentityProblems } from '../../core/sky/sky-identity-problems';
import type { SkyState } from '../../core/sky/sky-snapshot';
import type { IdentityCheck, Problem } from '../../shared/model';
import { clustersMemoKey, rememberClusters, rememberedClusters } from '../clusters-memo';
import { printClusters } from '../clusters-output';
import { defineCommand, UsageError, type CommandContext } from '../command';
import { takeHandedOverMemoKey, type MemoKey } from '../memo-file';
import { oneLine } from '../terminal-text';

const USAGE = 'cloudid clusters [--json] [--verify] [--project-dir DIR]';

const HELP = `Lists SkyPilot's clusters from ~/.sky/state.db (read-only), who owns each, which local
identities can operate it, and whether the identity SkyPilot would use now can.
  --json     print JSON (version 1): name, status, launchedAt, owner (raw), matches,
             operableByActive, fix, note, controller per cluster; the active
             workspace; controllerWarnings
  --verify   ask STS who every AWS profile is first (network), and remember the
             answers; without it, AWS ownership is decided from the answers
             remembered for the same credentials ("verified 2h ago"), else from
             the account in a profile's config, when known
  --project-dir DIR
             judge as \`sky\` run in DIR would: DIR/.sky.yaml may set active_workspace
             (SKYPILOT_PROJECT_CONFIG, when set, is read instead)

The active AWS profile is the active SkyPilot workspace's \`aws: profile:\` (in
~/.sky/config.yaml, or SKYPILOT_GLOBAL_CONFIG), else botocore's: AWS_DEFAULT_PROFILE, then
AWS_PROFILE, else "default". The GCP identity is gcloud's active account with the
workspace's \`gcp: project_id:\`, else google-auth's project.
Managed-jobs and SkyServe controllers get the local credentials: a warning says when those
expire (an SSO or \`aws login\` profile, gcloud user credentials) and what to use instead.

Exit status: 0 every cluster can be operated by the active identity (or it cannot be told);
1 some cluster cannot be operated by the active identity, or state.db cannot be read;
2 usage error.`;

async function isFolder(dir: string): Promise<boolean> {
  try {
    return dir !== '' && (await stat(dir)).isDirectory();
  } catch {
    return false;
  }
}

/** One line per failed profile, or one summary line when many failed (SSO profiles signed out). */
function verificationProblems(checks: IdentityCheck[]): Problem[] {
  const failed = checks.filter((c) => c.error);
  if (failed.length <= 3) {
    return failed.map((c) => ({
      severity: 'warning',
      message: `AWS profile "${c.profile}" could not be verified: ${c.error?.message ?? ''}`,
    }));
  }
  const names = failed.map((c) => c.profile);
  const shown = names.slice(0, 5).join(', ') + (names.length > 5 ? `, and ${names.length - 5} more` : '');
  return [
    {
      severity: 'warning',
      message: `${failed.length} AWS profiles could not be verified (${shown}); \`cloudid status --verify-all\` says why`,
    },
  ];
}

export const run = defineCommand({
  name: 'clusters',
  usage: USAGE,
  help: HELP,
  options: { json: { type: 'boolean' }, verify: { type: 'boolean' }, 'project-dir': { type: 'string' } },
  maxPositionals: 0,
  run: ({ values }, ctx) => listClusters(values, ctx),
});

async function listClusters(
  values: { json?: boolean; verify?: boolean; 'project-dir'?: string },
  ctx: CommandContext,
): Promise<number> {
  const projectDir = values['project-dir'];
  if (projectDir !== undefined && !(await isFolder(projectDir)))
    throw new UsageError(`--project-dir ${oneLine(JSON.stringify(projectDir))} is not a folder`);
  // Relative to where cloudid runs, as `sky` takes .sky.yaml from where it runs.
  const skyProjectDir = projectDir === undefined ? null : path.resolve(projectDir);
  const print = { json: values.json === true, verified: values.verify === true };
  let memoKey: MemoKey | null = null;
  if (!values.verify && ctx.cacheDir) {
    // The fast path has already looked (clusters-fast-path.ts) when it hands a key over.
    memoKey = takeHandedOverMemoKey('clusters');
    if (memoKey === null) {
      memoKey = clustersMemoKey(ctx.env, ctx.homeDir, skyProjectDir);
      const remembered = rememberedClusters(ctx.cacheDir, memoKey);
      if (remembered) return printClusters(remembered, print, ctx);
    }
  }
  const platform = process.platform;
  const core = createCore({
    env: ctx.env,
    homeDir: ctx.homeDir,
    settingsFile: settingsFile(ctx.env, ctx.homeDir, platform),
    appDataDir: appDataDir(ctx.env, ctx.homeDir, platform),
    cacheDir: ctx.cacheDir,
    watch: false,
    detectCli: false,
    verifyActive: false,
    kube: false,
    ...(skyProjectDir === null ? {} : { skyProjectDir }),
  });
  await core.start();
  try {
    // Ask STS only when some cluster could be an AWS one: no clusters, no network.
    const needsAws = core.snapshot().sky?.clusters.some((c) => c.cloud === 'aws' || c.cloud === null) ?? false;
    const checks = values.verify && needsAws ? await core.verifyAll() : [];
    const snapshot = core.snapshot();
    const state = snapshot.sky;
    // The core reads SkyPilot and gcloud unless told not to; this one was not.
    if (!state) throw new Error('the core read no SkyPilot state');
    const withProblems: SkyState = {
      ...state,
      problems: [...state.problems, ...skyIdentityProblems(snapshot, ctx.env), ...verificationProblems(checks)],
    };
    const exitCode = printClusters(withProblems, print, ctx);
    if (memoKey && ctx.cacheDir) {
      // From when the key was taken: a deadline between then and the snapshot leaves nothing to reuse.
      await rememberClusters(ctx.cacheDir, memoKey, {
        state: withProblems,
        at: Date.parse(snapshot.generatedAt),
        deadline: core.deadlineAfter(memoKey.takenAt),
        remembered: core.rememberedAnswers().map((answer) => answer.checkedAt),
      });
    }
    return exitCode;
  } finally {
    await core.stop();
  }
}
