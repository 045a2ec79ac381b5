// Pure: which local identities can operate each cluster, decided exactly as SkyPilot decides it in
// sky/backends/backend_utils.py `check_owner_identity`:
//   for each current identity (a list), for i, (owner, current) in zip(owner_identity, identity):
//     owner = owner.replace('\n', '').replace('\\', ''); if owner == current: allowed
// An AWS identity is [UserId, Account] (sky/clouds/aws.py `_sts_get_caller_identity`), so another
// IAM user or role of the SAME account matches on element 1: SkyPilot allows it, warns, and records
// that identity as the new owner. A GCP identity is the one string `<account> [project_id=<p>]`
// (sky/clouds/gcp.py `_get_user_identities`): the same account in another project does not match.
// A cluster without an owner is claimed by whichever identity operates it next.
import { awsVerdict, gcpVerdict, type CloudVerdict } from './owner-verdicts';
import { splitGcpIdentity } from './sky-owner';
import type { LocalIdentities, SkyCluster, SkyClusterOwnership, SkyIdentityMatch } from './sky-types';

export interface MatchOptions {
  /** SKYPILOT_SKIP_CLOUD_IDENTITY_CHECK is true/1: SkyPilot skips the owner check entirely. */
  skipIdentityCheck?: boolean;
  /**
   * SkyPilot's active workspace (newer versions refuse a cluster of another workspace before
   * comparing identities), with the config file that sets it; omitted: not checked.
   */
  workspace?: { active: string; configFile: string };
}

/** Python's repr of a list of strings, as SkyPilot's error message prints it. */
export function pythonListRepr(items: readonly string[]): string {
  const quote = (s: string): string => {
    const escaped = s.replaceAll('\\', '\\\\').replaceAll('\n', '\\n').replaceAll('\r', '\\r').replaceAll('\t', '\\t');
    // Python picks double quotes only for a string with a single quote and no double quote.
    if (s.includes("'") && !s.includes('"')) return `"${escaped}"`;
    return `'${escaped.replaceAll("'", "\\'")}'`;
  };
  return `[${items.map(quote).join(', ')}]`;
}

const CLOUD_REPR: Record<string, string> = { aws: 'AWS', gcp: 'GCP' };

function mismatchNote(cluster: SkyCluster, cloud: 'aws' | 'gcp', verdict: CloudVerdict): string {
  const owner = cluster.ownerIdentity ?? [];
  const said = `SkyPilot refuses: '${cluster.name}' (${CLOUD_REPR[cloud]}) is owned by account ${pythonListRepr(owner)}, but the activated identity is ${pythonListRepr(verdict.activeIdentity ?? [])}.`;
  let why = '';
  if (cloud === 'gcp') {
    const ownerParts = owner[0] ? splitGcpIdentity(owner[0]) : null;
    const activeParts = verdict.activeIdentity?.[0] ? splitGcpIdentity(verdict.activeIdentity[0]) : null;
    if (ownerParts && activeParts && ownerParts.account === activeParts.account)
      why = ` Same account, another project: SkyPilot compares account and project as one identity.`;
  }
  const who =
    verdict.matches.length > 0
      ? ` It can be operated as ${verdict.matches.map((m) => m.identity).join(', ')}.`
      : ' No local identity that cloudid knows can operate it.';
  return said + why + who;
}

function pick(matches: SkyIdentityMatch[]): string | null {
  const strict = matches.find((m) => m.level === 'user' && m.fix !== null);
  return (strict ?? matches.find((m) => m.fix !== null))?.fix ?? null;
}

export function matchCluster(
  cluster: SkyCluster,
  local: LocalIdentities,
  options: MatchOptions = {},
): SkyClusterOwnership {
  const base = {
    name: cluster.name,
    status: cluster.status,
    launchedAt: cluster.launchedAt,
    owner: cluster.owner,
    ownerText: cluster.ownerText,
    cloud: cluster.cloud,
  };
  const result = (r: Omit<SkyClusterOwnership, keyof typeof base>): SkyClusterOwnership => ({ ...base, ...r });
  const cloud = cluster.cloud;
  if (cloud !== null && cloud !== 'aws' && cloud !== 'gcp') {
    return result({
      matches: [],
      operableByActive: null,
      activeIdentity: null,
      fix: null,
      note: `cloudid compares AWS and GCP identities only; SkyPilot checks this ${cloud} cluster against ${cloud}'s own identity.`,
    });
  }
  const workspace = options.workspace;
  if (!options.skipIdentityCheck && workspace && cluster.workspace !== null && cluster.workspace !== workspace.active) {
    const others =
      cloud === 'aws' || cloud === 'gcp'
        ? matchCluster({ ...cluster, workspace: null }, local, { ...options, workspace: undefined }).matches
        : [];
    return result({
      matches: others,
      operableByActive: false,
      activeIdentity: null,
      fix: `Set \`active_workspace: ${cluster.workspace}\` in ${workspace.configFile}`,
      note: `SkyPilot refuses: The cluster '${cluster.name}' is in workspace '${cluster.workspace}', but the active workspace is '${workspace.active}'.`,
    });
  }
  const owner = cluster.ownerIdentity;
  const skipNote = options.skipIdentityCheck
    ? ' SKYPILOT_SKIP_CLOUD_IDENTITY_CHECK is set, so SkyPilot skips the owner check anyway.'
    : '';
  if (owner === null) {
    return result({
      matches: [],
      operableByActive: true,
      activeIdentity: null,
      fix: null,
      note: 'No owner is recorded (launched by an older SkyPilot): SkyPilot records whichever identity operates it next as its owner.',
    });
  }
  const verdicts: ['aws' | 'gcp', CloudVerdict][] = [];
  if (cloud === 'aws' || cloud === null) verdicts.push(['aws', awsVerdict(owner, local)]);
  if (cloud === 'gcp' || cloud === null) verdicts.push(['gcp', gcpVerdict(owner, local)]);
  const matches = verdicts.flatMap(([, v]) => v.matches);

  if (cloud === null) {
    const anyActive = verdicts.some(([, v]) => v.active === true);
    const operable = options.skipIdentityCheck || anyActive ? true : null;
    return result({
      matches,
      operableByActive: operable,
      activeIdentity: verdicts.find(([, v]) => v.active === true)?.[1].activeIdentityText ?? null,
      fix: operable ? null : pick(matches),
      note: `The owner's cloud is not recorded and its shape does not tell; every local AWS and GCP identity was compared.${skipNote}`,
    });
  }
  const [verdictCloud, verdict] = verdicts[0]!;
  const activeIdentity = verdict.activeIdentityText;
  if (options.skipIdentityCheck) {
    return result({ matches, operableByActive: true, activeIdentity, fix: null, note: skipNote.trim() });
  }
  if (verdict.active === null) {
    return result({
      matches,
      operableByActive: null,
      activeIdentity,
      fix: pick(matches),
      note: `Unknown whether the active identity can operate it: ${verdict.unknownWhy}.`,
    });
  }
  if (verdict.accountOnly) {
    const account = verdict.activeIdentity?.[0] ?? '';
    const verifyHint = 'run `cloudid clusters --verify` to compare the user too';
    if (verdict.active) {
      return result({
        matches,
        operableByActive: true,
        activeIdentity,
        fix: null,
        note: `The active profile's account ${account} (from its config) owns it, so SkyPilot lets it through; if the user differs it warns and records the new owner (${verifyHint}).`,
      });
    }
    return result({
      matches,
      operableByActive: false,
      activeIdentity,
      fix: pick(matches),
      note: `SkyPilot refuses: '${cluster.name}' (AWS) is owned by account ${pythonListRepr(owner)}, but the active profile is in account ${account} (from its config).`,
    });
  }
  if (verdict.active && verdict.activeMatchLevel === 'account') {
    const account = verdict.activeIdentity?.[1] ?? '';
    const strict = matches.find((m) => m.level === 'user');
    return result({
      matches,
      operableByActive: true,
      activeIdentity,
      fix: strict?.fix ?? null,
      note:
        `Same AWS account ${account} as the owner ${pythonListRepr(owner)}, but another user or role: SkyPilot allows it with a warning and records the active identity as the new owner.` +
        (strict ? ` To keep the owner, use profile ${strict.identity}.` : ''),
    });
  }
  if (verdict.active) return result({ matches, operableByActive: true, activeIdentity, fix: null, note: null });
  if (!verdict.activeIdentity) {
    return result({
      matches,
      operableByActive: false,
      activeIdentity: null,
      fix: pick(matches),
      note: `SkyPilot cannot tell the active ${CLOUD_REPR[verdictCloud]} identity: ${verdict.unknownWhy}.`,
    });
  }
  return result({
    matches,
    operableByActive: false,
    activeIdentity,
    fix: pick(matches),
    note: mismatchNote(cluster, verdictCloud, verdict),
  });
}

export function matchClusters(
  clusters: readonly SkyCluster[],
  local: LocalIdentities,
  options: MatchOptions = {},
): SkyClusterOwnership[] {
  return clusters.map((cluster) => matchCluster(cluster, local, options));
}
