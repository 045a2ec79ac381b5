// What `cloudid clusters` prints, from SkyPilot's part of a snapshot (with the command's own
// problems): the table and notes, or the JSON document, and the exit status. Kept apart from the
// command, which loads the whole core, so that a remembered analysis (clusters-memo.ts) is printed
// by this file and a few small ones (clusters-fast-path.ts).
import { identityInWords, verifiedAgo } from '../core/sky/identity-words';
import type { SkyState } from '../core/sky/sky-snapshot';
import type { SkyActiveWorkspace, SkyClusterOwnership } from '../core/sky/sky-types';
import { EXIT } from './exit-codes';
import { jsonLine } from './json-output';
import { formatTable, type Cell } from './text-table';
import { paint, terminalStyle, type TerminalStyle, type Tone } from './terminal-style';
import { oneLine, writeStyled, type TerminalOutput } from './terminal-text';
import { whenText } from './time-text';

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

/** The table and its notes, as of `now` (launch times and the age of remembered answers are relative). */
export function clustersText(state: SkyState, style: TerminalStyle, now: number): string {
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

/** The JSON document (version 1 of `--json`, described in the command's help). */
export function clustersJson(state: SkyState, verified: boolean) {
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

/** 1 when some cluster cannot be operated by the active identity, or state.db cannot be read. */
export function clustersExitCode(state: SkyState): number {
  const unreadable = !state.available && state.reason !== 'missing';
  return unreadable || state.notOperable > 0 ? EXIT.unusable : EXIT.ok;
}

/**
 * Prints the analysis as this run is asked to (the whole text is made before anything is
 * written); the command's exit status.
 */
export function printClusters(
  state: SkyState,
  options: { json: boolean; verified: boolean },
  out: { env: NodeJS.ProcessEnv; stdout: TerminalOutput },
): number {
  if (options.json) out.stdout.write(jsonLine(clustersJson(state, options.verified)));
  else writeStyled(out.stdout, clustersText(state, terminalStyle(out.env, out.stdout), Date.now()));
  return clustersExitCode(state);
}
