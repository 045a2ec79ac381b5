// Each cloud's half of SkyPilot's owner check: which local identities match the owner, and whether
// the active one does. The comparison itself is sky-owner's ownerMatchIndex (SkyPilot's zip loop).
import { awsProfileFix, gcpIdentityFix } from './sky-fix';
import { awsIdentityText, gcpIdentityText, ownerMatchIndex, splitGcpIdentity } from './sky-owner';
import type { GcpCandidate, LocalIdentities, SkyIdentityMatch } from './sky-types';

export interface CloudVerdict {
  matches: SkyIdentityMatch[];
  /** true/false when the active identity is known; null when it is not. */
  active: boolean | null;
  activeMatchLevel: SkyIdentityMatch['level'] | null;
  activeIdentity: string[] | null;
  activeIdentityText: string | null;
  unknownWhy: string | null;
  /** The active identity is known only by its account (from config, not STS). */
  accountOnly?: boolean;
  /** The active identity is a remembered STS answer for its profile, given at `at`. */
  activeRemembered?: { profile: string; at: string };
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

export function awsVerdict(owner: readonly string[], local: LocalIdentities): CloudVerdict {
  const matches: SkyIdentityMatch[] = [];
  for (const entry of local.aws.profiles) {
    const index = entry.identity
      ? ownerMatchIndex(owner, [entry.identity.userId, entry.identity.account])
      : accountOnlyIndex(owner, entry.accountHint);
    if (index === null || index < 0) continue;
    matches.push({
      cloud: 'aws',
      identity: entry.profile,
      level: index === 0 ? 'user' : 'account',
      active: entry.active,
      fix: entry.active ? null : awsProfileFix(entry.profile, local.aws),
      ...(entry.identity && entry.rememberedAt ? { rememberedAt: entry.rememberedAt } : {}),
      ...(entry.usable === undefined ? {} : { usable: entry.usable }),
    });
  }
  const active = local.aws.profiles.find((p) => p.active);
  const unknown = (why: string): CloudVerdict => ({
    matches,
    active: null,
    activeMatchLevel: null,
    activeIdentity: null,
    activeIdentityText: null,
    unknownWhy: why,
  });
  if (local.aws.environmentKeysSet)
    return unknown('AWS_ACCESS_KEY_ID is set, so SkyPilot uses those keys, whose identity is not verified');
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
    ...(active.rememberedAt ? { activeRemembered: { profile: active.profile, at: active.rememberedAt } } : {}),
  };
}

export function gcpVerdict(owner: readonly string[], local: LocalIdentities): CloudVerdict {
  const { active, others } = local.gcp;
  const matches: SkyIdentityMatch[] = [];
  const activeText = active.account && active.project ? gcpIdentityText(active.account, active.project) : null;
  const activeMatches = activeText !== null && ownerMatchIndex(owner, [activeText]) === 0;
  if (activeMatches && active.account)
    matches.push({ cloud: 'gcp', identity: active.account, level: 'user', active: true, fix: null });

  // Any account this machine holds credentials for can take the owner's project, if it may use it.
  const target = owner[0] === undefined ? null : splitGcpIdentity(owner[0]);
  if (target) {
    const exactConfiguration = others.find(
      (c) => c.kind === 'configuration' && c.account === target.account && c.project === target.project,
    );
    const candidates: GcpCandidate[] = [...others];
    if (active.account)
      candidates.push({ account: active.account, project: active.project, kind: 'account', configuration: null });
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
    return {
      matches,
      active: false,
      activeMatchLevel: null,
      activeIdentity: null,
      activeIdentityText: null,
      unknownWhy: active.problem ?? 'gcloud has no active account',
    };
  }
  if (!activeText) {
    return {
      matches,
      active: null,
      activeMatchLevel: null,
      activeIdentity: null,
      activeIdentityText: null,
      unknownWhy: active.problem ?? 'the GCP project SkyPilot would use is not known',
    };
  }
  return {
    matches,
    active: activeMatches,
    activeMatchLevel: activeMatches ? 'user' : null,
    activeIdentity: [activeText],
    activeIdentityText: activeText,
    unknownWhy: null,
  };
}
