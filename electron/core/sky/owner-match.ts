// Pure: which local identities can operate each cluster, decided exactly as SkyPilot decides it in
// sky/backends/backend_utils.py `check_owner_identity`:
//   for each current identity (a list), for i, (owner, current) in zip(owner_identity, identity):
//     owner = owner.replace('\n', '').replace('\\', ''); if owner == current: allowed
// An AWS identity is [UserId, Account] (sky/clouds/aws.py `_sts_get_caller_identity`), so another
// IAM user or role of the SAME account matches on element 1: SkyPilot allows it, warns, and records
// that identity as the new owner. A GCP identity is the one string `<account> [project_id=<p>]`
// (sky/clouds/gcp.py `_get_user_identities`): the same account in another project does not match.
// A cluster without an owner is claimed by whichever identity operates it next.
// Matches come best first and only usable identities are recommended; a verdict that rests on a
// remembered STS answer says how old it is (docs/interop-skypilot.md, "What the notes say";
// docs/identity-memory.md).
import { awsVerdict, gcpVerdict, type CloudVerdict } from './owner-verdicts';
import { identityInWords, verifiedAgo } from './identity-words';
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
  /** The time a remembered STS answer's age is counted to (default: the clock's). */
  now?: number;
}

const CLOUD_REPR: Record<string, string> = { aws: 'AWS', gcp: 'GCP' };

/** Can be used now (a profile whose status is not known counts), strictest first, asked before remembered. */
function rank(match: SkyIdentityMatch): number {
  return (match.usable === false ? 4 : 0) + (match.level === 'user' ? 0 : 2) + (match.rememberedAt ? 1 : 0);
}

/** The matches best first: what is recommended comes first, in the order given otherwise. */
function bestFirst(matches: SkyIdentityMatch[]): SkyIdentityMatch[] {
  return matches
    .map((match, index) => ({ match, index }))
    .sort((a, b) => rank(a.match) - rank(b.match) || a.index - b.index)
    .map(({ match }) => match);
}

/** Who else can operate it: only identities that can be used now; the others, once signed in again. */
function whoCan(matches: SkyIdentityMatch[]): string {
  const usable = matches.filter((m) => m.usable !== false && !m.active).map((m) => m.identity);
  const later = matches.filter((m) => m.usable === false && !m.active).map((m) => m.identity);
  const now = usable.length > 0 ? ` It can be operated as ${usable.join(', ')}.` : '';
  const then = later.length > 0 ? ` ${later.join(', ')} could too, once signed in again.` : '';
  return now || then ? now + then : ' No local identity that cloudid knows can operate it.';
}

function mismatchNote(cluster: SkyCluster, cloud: 'aws' | 'gcp', verdict: CloudVerdict): string {
  const owner = cluster.ownerIdentity ?? [];
  const said = `SkyPilot refuses: '${cluster.name}' (${CLOUD_REPR[cloud]}) is owned by ${identityInWords(owner, cloud)}, but the active identity is ${identityInWords(verdict.activeIdentity ?? [], cloud)}.`;
  let why = '';
  if (cloud === 'gcp') {
    const ownerParts = owner[0] ? splitGcpIdentity(owner[0]) : null;
    const activeParts = verdict.activeIdentity?.[0] ? splitGcpIdentity(verdict.activeIdentity[0]) : null;
    if (ownerParts && activeParts && ownerParts.account === activeParts.account)
      why = ` Same account, another project: SkyPilot compares account and project as one identity.`;
  }
  return said + why + whoCan(verdict.matches);
}

function ownerWords(cluster: SkyCluster): string | null {
  const owner = cluster.ownerIdentity;
  if (owner === null) return null;
  const cloud = cluster.cloud;
  if (cloud === 'aws') return identityInWords(owner, 'aws');
  return cloud === 'gcp' ? identityInWords(owner, 'gcp') : owner.join(', ');
}

/** The fix to recommend: the first usable identity that has one (matches come best first). */
function pick(matches: SkyIdentityMatch[]): string | null {
  return matches.find((m) => m.fix !== null && m.usable !== false)?.fix ?? null;
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
    ownerWords: ownerWords(cluster),
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
  for (const [, v] of verdicts) v.matches = bestFirst(v.matches);
  const matches = bestFirst(verdicts.flatMap(([, v]) => v.matches));
  /** A verdict that rests on a remembered answer says so, with its age: it is not a fresh one. */
  const rememberedBy = (v: CloudVerdict, r: SkyClusterOwnership): SkyClusterOwnership => {
    const remembered = v.activeRemembered;
    if (!remembered || r.operableByActive === null) return r;
    const said = `The active profile ${remembered.profile} is who STS said it was, ${verifiedAgo(remembered.at, options.now ?? Date.now())}; verifying again tells whether it still is.`;
    return { ...r, note: r.note ? `${r.note} ${said}` : said, activeRememberedAt: remembered.at };
  };

  if (cloud === null) {
    const activeVerdict = verdicts.find(([, v]) => v.active === true)?.[1] ?? null;
    const operable = options.skipIdentityCheck || activeVerdict ? true : null;
    const compared = result({
      matches,
      operableByActive: operable,
      activeIdentity: activeVerdict?.activeIdentityText ?? null,
      fix: operable ? null : pick(matches),
      note: `The owner's cloud is not recorded and its shape does not tell; every local AWS and GCP identity was compared.${skipNote}`,
    });
    return activeVerdict && !options.skipIdentityCheck ? rememberedBy(activeVerdict, compared) : compared;
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
      note: `SkyPilot refuses: '${cluster.name}' (AWS) is owned by ${identityInWords(owner, 'aws')}, but the active profile is in account ${account} (from its config).${matches.length > 0 ? whoCan(matches) : ''}`,
    });
  }
  return rememberedBy(verdict, decided(cluster, verdictCloud, verdict, matches, result));
}

/** The verdicts once the active identity is known from STS (asked now, or remembered). */
function decided(
  cluster: SkyCluster,
  verdictCloud: 'aws' | 'gcp',
  verdict: CloudVerdict,
  matches: SkyIdentityMatch[],
  result: (
    r: Omit<SkyClusterOwnership, 'name' | 'status' | 'launchedAt' | 'owner' | 'ownerText' | 'ownerWords' | 'cloud'>,
  ) => SkyClusterOwnership,
): SkyClusterOwnership {
  const owner = cluster.ownerIdentity ?? [];
  const activeIdentity = verdict.activeIdentityText;
  if (verdict.active && verdict.activeMatchLevel === 'account') {
    const account = verdict.activeIdentity?.[1] ?? '';
    const strict = matches.find((m) => m.level === 'user' && m.usable !== false);
    return result({
      matches,
      operableByActive: true,
      activeIdentity,
      fix: strict?.fix ?? null,
      note:
        `Same AWS account ${account} as the owner (${identityInWords(owner, 'aws')}), but another user or role: SkyPilot allows it with a warning and records the active identity as the new owner.` +
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
