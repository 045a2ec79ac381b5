// source_profile chains, resolved the way botocore resolves them when a profile is loaded
// (botocore/credentials.py, AssumeRoleProvider._resolve_source_credentials: the whole chain
// eagerly; only the STS calls wait): a source profile with static keys, or without role_arn, ends
// the chain (its own providers answer); one with role_arn continues it. A profile may name itself
// only when it has static keys ("source its own keys").
//
// In linear time for the whole file: each profile's chain is its source's chain with one more
// name in front, unless the chain comes back to the profile (then it is a loop). A chain of 5,000
// profiles is walked once, not once per profile; names in messages are abbreviated
// (`a → b → c → … (4,994 more) → y → z`), so no message grows with the chain.
import { excerpt } from '../../shared/excerpt';
import { hasAssumeRoleConfig, hasStaticCredentials, profileKind } from './aws-config-kind';
import type { RawProfile } from './aws-config-sections';

export interface SourceChainContext {
  profiles: ReadonlyMap<string, RawProfile>;
  configFile: string;
  credentialsFile: string;
  /** Each profile's chain once walked; without it nothing is remembered between calls. */
  chains?: Map<RawProfile, SourceChain>;
}

export interface SourceChain {
  /** The first assume-role profile credentials are sourced through (see nextSourceLink), or null. */
  firstLink: RawProfile | null;
  /** The profile whose own credentials (keys, SSO, process...) start the chain, if one does. */
  end: RawProfile | null;
  /** Why the chain cannot give credentials, or null. */
  failure: string | null;
}

/** A chain as walked, with what a chain through it needs to know. */
interface Walk extends SourceChain {
  /** The last profile looked at when the walk stopped at a profile (an end, or a role without a source). */
  terminal: RawProfile | null;
  /** The roles of the loop the walk ended in, if it did. */
  cycle: ReadonlySet<RawProfile> | null;
  /** For a failure: what it says, kept apart so that a longer chain can put a name in front. */
  why: Failure | null;
}

type Failure =
  | { kind: 'missing'; name: string; via: NameList }
  | { kind: 'loop'; path: NameList; self: boolean }
  | { kind: 'no-credentials'; source: string };

/** A list of names shown in full up to FULL_NAMES, else its first 3, last 2 and how many between. */
interface NameList {
  first: string[];
  last: string[];
  count: number;
}

const FULL_NAMES = 6;

const fullList = (names: string[]): NameList => ({ first: names, last: [], count: names.length });

function withFirst(name: string, list: NameList): NameList {
  if (list.count < FULL_NAMES) return fullList([name, ...list.first]);
  if (list.count === FULL_NAMES)
    return { first: [name, ...list.first.slice(0, 2)], last: list.first.slice(-2), count: list.count + 1 };
  return { first: [name, ...list.first.slice(0, 2)], last: list.last, count: list.count + 1 };
}

function listText(list: NameList): string {
  const names = (part: string[]): string => part.map((n) => excerpt(n)).join(' → ');
  if (list.count <= FULL_NAMES) return names(list.first);
  return `${names(list.first)} → … (${(list.count - list.first.length - list.last.length).toLocaleString('en-US')} more) → ${names(list.last)}`;
}

function failureText(failure: Failure, ctx: SourceChainContext): string {
  switch (failure.kind) {
    case 'missing': {
      const via = failure.via.count > 1 ? ` (via ${listText(failure.via)})` : '';
      return `source_profile "${excerpt(failure.name)}"${via} does not exist in ${ctx.configFile} or ${ctx.credentialsFile}`;
    }
    case 'loop':
      return `source_profile loops: ${listText(failure.path)}${failure.self ? ' (a profile may name itself only when it has its own aws_access_key_id)' : ''}`;
    case 'no-credentials':
      return `source_profile "${excerpt(failure.source)}" has no credentials of its own (no access key, SSO account and role, process, web identity or login)`;
  }
}

/** What botocore's profile providers would answer for a profile used as a source. */
function givesCredentials(profile: RawProfile): boolean {
  const kind = profileKind(profile.values, profile.credentialsValues, true);
  if (kind === 'unknown') return false;
  if (kind === 'sso' || kind === 'sso-legacy')
    return profile.values.has('sso_account_id') || profile.values.has('sso_role_name');
  return true;
}

/** A source profile the chain goes through (an assume-role profile without keys of its own). */
const isLink = (profile: RawProfile): boolean =>
  !hasStaticCredentials(profile.values) && hasAssumeRoleConfig(profile.values);

/** A link the chain goes on from: it names a source_profile and no credential_source. */
const continues = (profile: RawProfile): boolean =>
  isLink(profile) && !profile.values.has('credential_source') && profile.values.has('source_profile');

function walk(ctx: SourceChainContext, fields: Partial<Walk> & { failure?: never }, why: Failure | null = null): Walk {
  return {
    firstLink: fields.firstLink ?? null,
    end: fields.end ?? null,
    terminal: fields.terminal ?? null,
    cycle: fields.cycle ?? null,
    why,
    failure: why === null ? null : failureText(why, ctx),
  };
}

/** The chain ends at `source`, whose own providers answer, or fail when it has nothing. */
function ending(source: RawProfile, ctx: SourceChainContext): Walk {
  const why: Failure | null = givesCredentials(source) ? null : { kind: 'no-credentials', source: source.name };
  return walk(ctx, { end: source, terminal: source }, why);
}

/**
 * The walk from `start` when it is decided without the source's own walk, else the source that
 * continues it.
 */
function firstStep(start: RawProfile, ctx: SourceChainContext): Walk | { through: RawProfile } {
  const sourceName = start.values.get('source_profile')?.value;
  if (sourceName === undefined) return walk(ctx, {});
  const source = ctx.profiles.get(sourceName);
  if (source === undefined) return walk(ctx, {}, { kind: 'missing', name: sourceName, via: fullList([start.name]) });
  if (source === start) {
    if (hasStaticCredentials(source.values)) return ending(source, ctx);
    return walk(ctx, {}, { kind: 'loop', path: fullList([start.name, start.name]), self: true });
  }
  if (!isLink(source)) return ending(source, ctx);
  if (!continues(source)) return walk(ctx, { firstLink: source, terminal: source });
  return { through: source };
}

/** `start`'s walk from its source's: one more name in front, or a loop when it comes back to `start`. */
function extend(start: RawProfile, source: RawProfile, after: Walk, ctx: SourceChainContext): Walk {
  if (after.terminal === start) {
    // The chain comes back to the start, which is no link (else it would be in the loop): botocore
    // finds the start's name again before it looks at its keys.
    const path = withFirst(start.name, withFirst(source.name, tailToTerminal(source, start, ctx)));
    return walk(ctx, { firstLink: source }, { kind: 'loop', path, self: false });
  }
  const shared = { firstLink: source, end: after.end, terminal: after.terminal, cycle: after.cycle };
  if (after.why === null) return walk(ctx, shared);
  const why: Failure =
    after.why.kind === 'missing'
      ? { ...after.why, via: withFirst(start.name, after.why.via) }
      : after.why.kind === 'loop'
        ? { ...after.why, path: withFirst(start.name, after.why.path) }
        : after.why;
  return walk(ctx, shared, why);
}

/**
 * The names after `source` up to and including `terminal` (the start a chain came back to). Only
 * called once per such start, and it stops after FULL_NAMES names plus the last two.
 */
function tailToTerminal(source: RawProfile, terminal: RawProfile, ctx: SourceChainContext): NameList {
  const names: string[] = [];
  let count = 0;
  let previous = '';
  for (let at = nextOf(source, ctx); at !== undefined; at = at === terminal ? undefined : nextOf(at, ctx)) {
    count++;
    if (names.length < FULL_NAMES) names.push(at.name);
    if (at === terminal) break;
    previous = at.name;
  }
  if (count <= FULL_NAMES) return fullList(names);
  return { first: names.slice(0, 3), last: [previous, terminal.name], count };
}

const nextOf = (profile: RawProfile, ctx: SourceChainContext): RawProfile | undefined => {
  const name = profile.values.get('source_profile')?.value;
  return name === undefined ? undefined : ctx.profiles.get(name);
};

/** The walks of a loop of links: each member's path goes once round, from itself back to itself. */
function loopWalks(members: RawProfile[], ctx: SourceChainContext): Map<RawProfile, Walk> {
  const cycle = new Set(members);
  const walks = new Map<RawProfile, Walk>();
  const n = members.length;
  members.forEach((member, i) => {
    const at = (k: number): string => (members[(i + k) % n] as RawProfile).name;
    const count = n + 1;
    const path: NameList =
      count <= FULL_NAMES
        ? fullList(Array.from({ length: count }, (_, k) => at(k)))
        : { first: [at(0), at(1), at(2)], last: [at(n - 1), at(n)], count };
    const next = members[(i + 1) % n] as RawProfile;
    walks.set(member, walk(ctx, { firstLink: next, cycle }, { kind: 'loop', path, self: n === 1 }));
  });
  return walks;
}

/**
 * The chain of `start`, remembered in `ctx.chains`. Iterative: a chain of any length takes no
 * stack, and every profile on it is resolved on the way back.
 */
export function sourceChainOf(start: RawProfile, ctx: SourceChainContext): SourceChain {
  const memo = ctx.chains ?? new Map<RawProfile, SourceChain>();
  const known = (p: RawProfile): Walk | undefined => memo.get(p) as Walk | undefined;
  const done = known(start);
  if (done !== undefined) return done;
  // Profiles whose walk waits for their source's, in order; `pending` holds the source of each.
  const stack: RawProfile[] = [];
  const sources: RawProfile[] = [];
  const onStack = new Map<RawProfile, number>();
  let at = start;
  for (;;) {
    if (known(at) !== undefined) break;
    const step = firstStep(at, ctx);
    if (!('through' in step)) {
      memo.set(at, step);
      break;
    }
    onStack.set(at, stack.length);
    stack.push(at);
    sources.push(step.through);
    const from = onStack.get(step.through);
    if (from !== undefined) {
      // Round in a loop of links: each member's walk is the loop seen from itself.
      for (const [member, w] of loopWalks(stack.slice(from), ctx)) memo.set(member, w);
      stack.length = from;
      sources.length = from;
      break;
    }
    at = step.through;
  }
  for (let i = stack.length - 1; i >= 0; i--) {
    const profile = stack[i] as RawProfile;
    const source = sources[i] as RawProfile;
    memo.set(profile, extend(profile, source, known(source) as Walk, ctx));
  }
  return known(start) as Walk;
}

/** The link after `link` in a chain (null at the chain's end): its source, when that is a link too. */
export function nextSourceLink(link: RawProfile, ctx: SourceChainContext): RawProfile | null {
  if (!continues(link)) return null;
  const source = nextOf(link, ctx);
  return source !== undefined && source !== link && isLink(source) ? source : null;
}
