// Pure: which local identities can operate each cluster, decided exactly as SkyPilot decides it in
// sky/backends/backend_utils.py `check_owner_identity`:
//   for each current identity (a list), for i, (owner, current) in zip(owner_identity, identity):
//     owner = owner.replace('\n', '').replace('\\', ''); if owner == current: allowed
// An AWS identity is [UserId, Account] (sky/clouds/aws.py `_sts_get_caller_identity`), so another
// IAM user or role of the SAME account matches on element 1: SkyPilot allows it, warns, and records
// that identity as the new owner. A GCP identity is the one string `<account> [project_id=<p>]`
// (sky/clouds/gcp.py `_get_user_identities`): the same account in another project does not match.
// A cluster without an owner is claimed by whichever identity operates it next.
import { awsProfileFix, gcpIdentityFix } from './sky-fix';
import { awsIdentityText, gcpIdentityText, ownerMatchIndex, splitGcpIdentity } from './sky-owner';
import type { GcpCandidate, LocalIdentities, SkyCluster, SkyClusterOwnership, SkyIdentityMatch } from './sky-types';

export interface MatchOptions {
  /** SKYPILOT_SKIP_CLOUD_IDENTITY_CHECK is true/1: SkyPilot skips the owner check entirely. */
  skipIdentityCheck?: boolean;
  /**
   * SkyPilot's active workspace (newer versions refuse a cluster of another workspace before
   * comparing identities), with the config file that sets it; omitted: not checked.
   */
  workspace?: { active: string; configFile: string };
}

interface CloudVerdict {
  matches: SkyIdentityMatch[];
  /** true/false when the active identity is known; null when it is not. */
  active: boolean | null;
  activeMatchLevel: SkyIdentityMatch['level'] | null;
  activeIdentity: string[] | null;
  activeIdentityText: string | null;
  unknownWhy: string | null;
  /** The active identity is known only by its account (from config, not STS). */
  accountOnly?: boolean;
}

/** Python's repr of a list of strings, as SkyPilot's error message prints it. */
export function pythonListRepr(items: readonly string[]): string {
  const quote = (s: string): string => (s.includes("'") && !s.includes('"') ? `"${s}"` : `'${s.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`);
  return `[${items.map(quote).join(', ')}]`;
}

/**
 * An unverified profile whose account is known from its config: UserIds are unique across AWS, so
 * the same UserId implies the same account; the account element alone decides whether SkyPilot
 * lets it through (-1 no, 1 yes). Undecidable for one-element legacy owners (only the UserId counts).
 */
function accountOnlyIndex(owner: readonly string[], account: string | null | undefined): number | null {
  if (!account || owner.length < 2) return null;
  return ownerMatchIndex([owner[1]!], [account]) === 0 ? 1 : -1;
}

function awsVerdict(owner: readonly string[], local: LocalIdentities): CloudVerdict {
  const matches: SkyIdentityMatch[] = [];
  for (const entry of local.aws.profiles) {
    const index = entry.identity ? ownerMatchIndex(owner, [entry.identity.userId, entry.identity.account]) : accountOnlyIndex(owner, entry.accountHint);
    if (index === null || index < 0) continue;
    matches.push({
      cloud: 'aws',
      identity: entry.profile,
      level: index === 0 ? 'user' : 'account',
      active: entry.active,
      fix: entry.active ? null : awsProfileFix(entry.profile, local.aws),
    });
  }
  const active = local.aws.profiles.find((p) => p.active);
  const unknown = (why: string): CloudVerdict => ({ matches, active: null, activeMatchLevel: null, activeIdentity: null, activeIdentityText: null, unknownWhy: why });
  if (local.aws.environmentKeysSet) return unknown('AWS_ACCESS_KEY_ID is set, so SkyPilot uses those keys, whose identity is not verified');
  if (!active) return unknown('no active AWS profile is known');
  if (!active.identity) {
    const byAccount = accountOnlyIndex(owner, active.accountHint);
    if (byAccount === null) return unknown(`the active AWS profile "${active.profile}" is not verified`);
    const account = owner[1] ?? '';
    return {
      matches,
      active: byAccount > 0,
      activeMatchLevel: byAccount > 0 ? 'account' : null,
      activeIdentity: [active.accountHint ?? ''],
      activeIdentityText: `? [account=${active.accountHint ?? account}]`,
      unknownWhy: null,
      accountOnly: true,
    };
  }
  const mine = matches.find((m) => m.identity === active.profile);
  const identity = [active.identity.userId, active.identity.account];
  return {
    matches,
    active: mine !== undefined,
    activeMatchLevel: mine?.level ?? null,
    activeIdentity: identity,
    activeIdentityText: awsIdentityText(active.identity.userId, active.identity.account),
    unknownWhy: null,
  };
}

function gcpVerdict(owner: readonly string[], local: LocalIdentities): CloudVerdict {
  const { active, others } = local.gcp;
  const matches: SkyIdentityMatch[] = [];
  const activeText = active.account && active.project ? gcpIdentityText(active.account, active.project) : null;
  const activeMatches = activeText !== null && ownerMatchIndex(owner, [activeText]) === 0;
  if (activeMatches && active.account) matches.push({ cloud: 'gcp', identity: active.account, level: 'user', active: true, fix: null });

  // Any account this machine holds credentials for can take the owner's project, if it may use it.
  const target = owner[0] === undefined ? null : splitGcpIdentity(owner[0]);
  if (target) {
    const exactConfiguration = others.find((c) => c.kind === 'configuration' && c.account === target.account && c.project === target.project);
    const candidates: GcpCandidate[] = [...others];
    if (active.account) candidates.push({ account: active.account, project: active.project, kind: 'account', configuration: null });
    const seen = new Set<string>(activeMatches && active.account ? [active.account] : []);
    for (const candidate of candidates) {
      if (candidate.account !== target.account || seen.has(candidate.account)) continue;
      seen.add(candidate.account);
      const configuration = exactConfiguration?.configuration ?? null;
      matches.push({
        cloud: 'gcp',
        identity: configuration ? `${candidate.account} (configuration ${configuration})` : candidate.account,
        level: 'user',
        active: false,
        fix: gcpIdentityFix({ account: target.account, project: target.project, configuration }, active),
      });
    }
  }
  if (!active.account) {
    return { matches, active: false, activeMatchLevel: null, activeIdentity: null, activeIdentityText: null, unknownWhy: active.problem ?? 'gcloud has no active account' };
  }
  if (!activeText) {
    return { matches, active: null, activeMatchLevel: null, activeIdentity: null, activeIdentityText: null, unknownWhy: active.problem ?? 'the GCP project SkyPilot would use is not known' };
  }
  return { matches, active: activeMatches, activeMatchLevel: activeMatches ? 'user' : null, activeIdentity: [activeText], activeIdentityText: activeText, unknownWhy: null };
}

const CLOUD_REPR: Record<string, string> = { aws: 'AWS', gcp: 'GCP' };

function mismatchNote(cluster: SkyCluster, cloud: 'aws' | 'gcp', verdict: CloudVerdict): string {
  const owner = cluster.ownerIdentity ?? [];
  const said = `SkyPilot refuses: '${cluster.name}' (${CLOUD_REPR[cloud]}) is owned by account ${pythonListRepr(owner)}, but the activated identity is ${pythonListRepr(verdict.activeIdentity ?? [])}.`;
  let why = '';
  if (cloud === 'gcp') {
    const ownerParts = owner[0] ? splitGcpIdentity(owner[0]) : null;
    const activeParts = verdict.activeIdentity?.[0] ? splitGcpIdentity(verdict.activeIdentity[0]) : null;
    if (ownerParts && activeParts && ownerParts.account === activeParts.account) why = ` Same account, another project: SkyPilot compares account and project as one identity.`;
  }
  const who = verdict.matches.length > 0 ? ` It can be operated as ${verdict.matches.map((m) => m.identity).join(', ')}.` : ' No local identity that cloudid knows can operate it.';
  return said + why + who;
}

function pick(matches: SkyIdentityMatch[]): string | null {
  const strict = matches.find((m) => m.level === 'user' && m.fix !== null);
  return (strict ?? matches.find((m) => m.fix !== null))?.fix ?? null;
}

export function matchCluster(cluster: SkyCluster, local: LocalIdentities, options: MatchOptions = {}): SkyClusterOwnership {
  const base = { name: cluster.name, status: cluster.status, launchedAt: cluster.launchedAt, owner: cluster.owner, ownerText: cluster.ownerText, cloud: cluster.cloud };
  const result = (r: Omit<SkyClusterOwnership, keyof typeof base>): SkyClusterOwnership => ({ ...base, ...r });
  const cloud = cluster.cloud;
  if (cloud !== null && cloud !== 'aws' && cloud !== 'gcp') {
    return result({ matches: [], operableByActive: null, activeIdentity: null, fix: null, note: `cloudid compares AWS and GCP identities only; SkyPilot checks this ${cloud} cluster against ${cloud}'s own identity.` });
  }
  const workspace = options.workspace;
  if (!options.skipIdentityCheck && workspace && cluster.workspace !== null && cluster.workspace !== workspace.active) {
    const others = cloud === 'aws' || cloud === 'gcp' ? matchCluster({ ...cluster, workspace: null }, local, { ...options, workspace: undefined }).matches : [];
    return result({
      matches: others,
      operableByActive: false,
      activeIdentity: null,
      fix: `Set \`active_workspace: ${cluster.workspace}\` in ${workspace.configFile}`,
      note: `SkyPilot refuses: The cluster '${cluster.name}' is in workspace '${cluster.workspace}', but the active workspace is '${workspace.active}'.`,
    });
  }
  const owner = cluster.ownerIdentity;
  const skipNote = options.skipIdentityCheck ? ' SKYPILOT_SKIP_CLOUD_IDENTITY_CHECK is set, so SkyPilot skips the owner check anyway.' : '';
  if (owner === null) {
    return result({
      matches: [],
      operableByActive: true,
      activeIdentity: null,
      fix: null,
      note: 'No owner is recorded (launched by an older SkyPilot): SkyPilot records whichever identity operates it next as its owner.',
    });
  }
  const verdicts: [('aws' | 'gcp'), CloudVerdict][] = [];
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
    return result({ matches, operableByActive: null, activeIdentity, fix: pick(matches), note: `Unknown whether the active identity can operate it: ${verdict.unknownWhy}.` });
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
    return result({ matches, operableByActive: false, activeIdentity: null, fix: pick(matches), note: `SkyPilot cannot tell the active ${CLOUD_REPR[verdictCloud]} identity: ${verdict.unknownWhy}.` });
  }
  return result({ matches, operableByActive: false, activeIdentity, fix: pick(matches), note: mismatchNote(cluster, verdictCloud, verdict) });
}

export function matchClusters(clusters: readonly SkyCluster[], local: LocalIdentities, options: MatchOptions = {}): SkyClusterOwnership[] {
  return clusters.map((cluster) => matchCluster(cluster, local, options));
}
