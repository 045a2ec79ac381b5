// `cloudid clusters [--json] [--verify] [--project-dir DIR]`: SkyPilot's clusters, who owns each, and whether the
// identity SkyPilot would use right now may operate it (SkyPilot's own owner check, done first).
// The identities come from the same core as the app's, with the same settings (the lead time).
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { appDataDir, settingsFile } from '../../core/app/app-paths';
import { createCore } from '../../core/app/core';
import { identityInWords, verifiedAgo } from '../../core/sky/identity-words';
import { skyIdentityProblems } from '../../core/sky/sky-identity-problems';
import type { SkyState } from '../../core/sky/sky-snapshot';
import type { SkyActiveWorkspace, SkyClusterOwnership } from '../../core/sky/sky-types';
import type { IdentityCheck, Problem } from '../../shared/model';
import { defineCommand, UsageError, type CommandContext } from '../command';
import { EXIT } from '../exit-codes';
import { jsonLine } from '../json-output';
import { formatTable, type Cell } from '../text-table';
import { paint, terminalStyle, type TerminalStyle, type Tone } from '../terminal-style';
import { oneLine, writeStyled } from '../terminal-text';
import { whenText } from '../time-text';

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

const ACTIVE_MARK = (value: boolean | null): Cell =>
  value === true ? { text: 'yes', tone: 'good' } : value === false ? { text: 'NO', tone: 'bad' } : '?';

/** SkyPilot's ClusterStatus (sky/utils/status_lib.py). */
const STATUS_TONE: Record<string, Tone> = { UP: 'good', INIT: 'warn', STOPPED: 'dim' };

/** SkyPilot's `<UserId> [account=<Account>]` (sky-snapshot.ts) in words, as the notes say owners. */
function awsInWords(identity: string): string {
  const printed = /^(\S+) \[account=(\d{12})\]$/.exec(identity);
  return printed ? identityInWords([printed[1] ?? '', printed[2] ?? ''], 'aws') : identity;
}

function awsText(active: SkyState['activeIdentities'], now: number): string {
  if (active.aws) {
    const words = awsInWords(active.aws);
    // An answer remembered from an earlier check says how old it is (docs/identity-memory.md).
    return active.awsRememberedAt ? `${words} (${verifiedAgo(active.awsRememberedAt, now)})` : words;
  }
  if (!active.awsProfile) return 'unknown (keys in the environment, or no profile)';
  const account = active.awsAccountHint ? `, account ${active.awsAccountHint} from its config` : '';
  return `profile ${active.awsProfile} (not verified${account})`;
}

const ownerText = (cluster: SkyClusterOwnership): string => cluster.ownerWords ?? cluster.ownerText ?? '-';

function text(state: SkyState, style: TerminalStyle, now: number): string {
  const lines: string[] = [];
  if (!state.available) {
    lines.push(`SkyPilot state: ${state.message ?? state.stateFile}`);
  } else {
    lines.push(
      `SkyPilot state: ${state.stateFile} (${state.clusters.length} cluster${state.clusters.length === 1 ? '' : 's'})`,
    );
    lines.push(
      `Active identities: AWS ${awsText(state.activeIdentities, now)} · GCP ${state.activeIdentities.gcp ? identityInWords([state.activeIdentities.gcp], 'gcp') : 'unknown'}`,
    );
    if (state.workspace) lines.push(oneLine(workspaceText(state.workspace)));
    if (state.identityCheckSkipped) lines.push('SKYPILOT_SKIP_CLOUD_IDENTITY_CHECK is set: SkyPilot checks no owner.');
  }
  if (state.clusters.length > 0) {
    const header = ['NAME', 'STATUS', 'LAUNCHED', 'CLOUD', 'OWNER', 'CAN OPERATE', 'ACTIVE'];
    const rows = state.clusters.map((c): Cell[] => [
      c.name,
      { text: c.status ?? '-', tone: STATUS_TONE[c.status ?? ''] ?? null },
      whenText(c.launchedAt, now, style.timeZone) || '-',
      c.cloud ?? '?',
      ownerText(c),
      c.matches
        .map(
          (m) =>
            `${m.identity}${m.level === 'account' ? ' (same account)' : ''}${m.usable === false ? ' (sign in first)' : ''}`,
        )
        .join(', ') || '-',
      ACTIVE_MARK(c.operableByActive),
    ]);
    lines.push('', ...formatTable([header, ...rows], style, { shrink: [0, 4, 5] }));
    const explained = state.clusters.filter((c) => c.note || c.fix);
    if (explained.length > 0) lines.push('');
    for (const c of explained) {
      const mark = c.operableByActive === false ? paint(style, 'bad', '!') : '-';
      lines.push(`${mark} ${oneLine(c.name)}: ${c.note ?? ''}`.trimEnd());
      if (c.fix) lines.push(`    fix: ${c.fix}`);
    }
  }
  for (const warning of state.controllerWarnings ?? []) {
    lines.push(
      `${paint(style, 'warn', 'warning')}${oneLine(`: controllers ${warning.controllers.join(', ')}: ${warning.message}`)}`,
    );
    lines.push(oneLine(`    instead: ${warning.instead}`));
  }
  for (const problem of state.problems)
    lines.push(`${paint(style, problem.severity === 'error' ? 'bad' : 'warn', problem.severity)}: ${problem.message}`);
  return `${lines.join('\n')}\n`;
}

/** `Workspace: team-a (active_workspace in FILE) · AWS profile team-a-profile · GCP project p`. */
function workspaceText(workspace: SkyActiveWorkspace): string {
  const chosen = workspace.setIn ? `active_workspace in ${workspace.setIn}` : "SkyPilot's default";
  const sets = [
    workspace.awsProfile ? `AWS profile ${workspace.awsProfile}` : null,
    workspace.gcpProjectId ? `GCP project ${workspace.gcpProjectId}` : null,
  ].filter((s) => s !== null);
  return `Workspace: ${workspace.name} (${chosen})${sets.length > 0 ? ` · sets ${sets.join(', ')}` : ''}`;
}

function json(state: SkyState, verified: boolean) {
  return {
    stateFile: state.stateFile,
    available: state.available,
    reason: state.reason,
    message: state.message,
    apiServer: state.apiServer,
    verified,
    identityCheckSkipped: state.identityCheckSkipped,
    activeIdentities: state.activeIdentities,
    workspace: state.workspace ?? null,
    controllerWarnings: state.controllerWarnings ?? [],
    clusters: state.clusters,
    problems: state.problems,
  };
}

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
    // Relative to where cloudid runs, as `sky` takes .sky.yaml from where it runs.
    ...(projectDir === undefined ? {} : { skyProjectDir: path.resolve(projectDir) }),
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
    if (values.json) ctx.stdout.write(jsonLine(json(withProblems, Boolean(values.verify))));
    else writeStyled(ctx.stdout, text(withProblems, terminalStyle(ctx.env, ctx.stdout), Date.now()));
    const unreadable = !state.available && state.reason !== 'missing';
    return unreadable || state.notOperable > 0 ? EXIT.unusable : EXIT.ok;
  } finally {
    await core.stop();
  }
}
