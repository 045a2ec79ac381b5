// Pure: which system notifications a new snapshot deserves, given the previous one and what was
// already sent. Each piece of news is said once: "my-sso expires soon" once per token (a token is
// an identity plus its expiresAt), "my-sso expired" once per token, whatever else changes on disk
// and however often the same state is published. A renewed token is new news.
//
// What is worth a notification:
// - SSO sessions, one per session, never one per profile (100 profiles on one session are one
//   login). Sessions the tools renew silently (a refresh token and a live registration) are left
//   alone: botocore, the CLI and the JS SDK refresh them on next use, so "expiring" is not news.
// - The active profile, when its expiry is its own rather than its SSO session's, except
//   assume-role and web-identity profiles: the AWS tools assume those roles again by themselves.
// - A session that goes from a live token to no token at all ("signed out" by `aws sso logout`
//   or another tool) while we watch. At start, a signed-out session is not news: many people
//   have sessions configured that they rarely use.
// - A gcloud user credential (an account, or an `authorized_user` ADC file) that the reauth probe
//   found needing a new sign-in or revoked: it fails on next use, so it is news even at start.
//   Said once per account and status, with the fix; again at most weekly while it lasts (the
//   probe's answer is not in every snapshot, so "fixed, then broken again" cannot be told apart
//   from a restart).
import type { GcpState } from '../../shared/gcp-model';
import type { AwsProfile, IdentityStatus, Snapshot, SsoSession } from '../../shared/model';
import { escapeControlCharacters, oneLine } from '../../shared/visible-text';
import { reauthAdviceForAccount, reauthAdviceForAdc } from '../gcp/reauth-advice';
import { formatTimeLeft, statusFromExpiry } from './expiry';

export interface NotificationIntent {
  /** Stable identity of this piece of news; the same key is never planned twice. */
  key: string;
  kind: 'expiring' | 'expired' | 'signed-out' | 'gcp-reauth-needed' | 'gcp-revoked';
  target: { type: 'profile' | 'sso-session' | 'gcp-account' | 'gcp-adc'; name: string };
  title: string;
  body: string;
  expiresAt: string | null;
  /** The command that fixes it, when there is one (gcloud's re-login). */
  command?: string;
}

/** A token that expired longer ago than this when we first see it is old news, not a notification. */
export const STALE_EXPIRY_MS = 24 * 60 * 60 * 1000;
/** Sent keys are forgotten this long after their token expired (they can never be planned again). */
const FORGET_SENT_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

const PROFILE_KINDS_RENEWED_BY_TOOLS = new Set<AwsProfile['kind']>(['assume-role', 'web-identity']);

interface Watched {
  type: 'profile' | 'sso-session';
  name: string;
  status: IdentityStatus;
  /** Epoch ms, or null when unknown. */
  expiresAt: number | null;
  /** How to name it in a sentence: "SSO session my-sso", "your active profile prod". */
  label: string;
  /** Who is affected, for the body: "Used by prod (active), dev and 3 more profiles." */
  usedBy: string;
}

const parseInstant = (iso: string | null): number | null => {
  if (iso === null) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
};

/** The status at `now`, not at the snapshot's generation: a snapshot may be a little old. */
function statusAt(status: IdentityStatus, expiresAt: number | null, now: number, leadMs: number): IdentityStatus {
  const timed = status === 'valid' || status === 'expiring' || status === 'expired';
  return timed && expiresAt !== null ? statusFromExpiry(new Date(expiresAt), now, leadMs) : status;
}

function usedByPhrase(profiles: readonly string[], active: string): string {
  if (profiles.length === 0) return '';
  const ordered = profiles.includes(active) ? [active, ...profiles.filter((p) => p !== active)] : [...profiles];
  const shown = ordered.slice(0, 2).map((p) => (p === active ? `${p} (active)` : p));
  const rest = ordered.length - shown.length;
  if (rest === 0) return ` Used by ${shown.join(' and ')}.`;
  return ` Used by ${shown.join(', ')} and ${rest} more profile${rest === 1 ? '' : 's'}.`;
}

function silentlyRenewed(session: SsoSession, now: number): boolean {
  if (session.legacy || !session.refreshable) return false;
  const registration = parseInstant(session.registrationExpiresAt);
  return registration !== null && registration > now;
}

function watchedIdentities(snapshot: Snapshot, now: number): Watched[] {
  const leadMs = snapshot.leadTimeMinutes * 60_000;
  const active = snapshot.aws.activeProfile;
  const watched: Watched[] = [];
  const sessionNames = new Set<string>();
  for (const session of snapshot.aws.ssoSessions) {
    sessionNames.add(session.name);
    const expiresAt = parseInstant(session.expiresAt);
    let status = statusAt(session.status, expiresAt, now, leadMs);
    if ((status === 'expiring' || status === 'expired') && silentlyRenewed(session, now)) status = 'valid';
    watched.push({
      type: 'sso-session',
      name: session.name,
      status,
      expiresAt,
      label: session.legacy ? `The SSO login for ${session.startUrl ?? session.name}` : `SSO session ${session.name}`,
      usedBy: usedByPhrase(session.profiles, active),
    });
  }
  const profile = snapshot.aws.profiles.find((p) => p.active) ?? snapshot.aws.profiles.find((p) => p.name === active);
  const expiryIsSessions =
    profile &&
    (profile.kind === 'sso' || profile.kind === 'sso-legacy') &&
    profile.ssoSession !== null &&
    sessionNames.has(profile.ssoSession);
  if (profile && !expiryIsSessions && !PROFILE_KINDS_RENEWED_BY_TOOLS.has(profile.kind)) {
    const expiresAt = parseInstant(profile.expiresAt);
    watched.push({
      type: 'profile',
      name: profile.name,
      status: statusAt(profile.status, expiresAt, now, leadMs),
      expiresAt,
      label: `Your active profile ${profile.name}`,
      usedBy: '',
    });
  }
  return watched;
}

/** What can happen to an AWS identity's token. */
type AwsNewsKind = 'expiring' | 'expired' | 'signed-out';

const keyOf = (kind: AwsNewsKind, w: Pick<Watched, 'type' | 'name'>, expiresAt: number): string =>
  JSON.stringify([kind, w.type, w.name, new Date(expiresAt).toISOString()]);

function expiryOfKey(key: string): number | null {
  try {
    const parsed: unknown = JSON.parse(key);
    return Array.isArray(parsed) && typeof parsed[3] === 'string' ? parseInstant(parsed[3]) : null;
  } catch {
    return null;
  }
}

function intentFor(kind: AwsNewsKind, w: Watched, expiresAt: number, now: number): NotificationIntent {
  const what = w.type === 'sso-session' ? 'AWS SSO session' : 'AWS profile';
  const renew = w.type === 'sso-session' ? 'log in' : 'renew its credentials';
  const when = formatTimeLeft(new Date(expiresAt), now);
  const text = {
    expiring: { title: `${what} expiring`, body: `${w.label} ${when} — ${renew} to keep working.${w.usedBy}` },
    expired: { title: `${what} expired`, body: `${w.label} ${when} — ${renew} again to keep working.${w.usedBy}` },
    'signed-out': {
      title: `${what} signed out`,
      body: `${w.label} was signed out (its cached token was removed) — log in to use it again.${w.usedBy}`,
    },
  }[kind];
  return {
    key: keyOf(kind, w, expiresAt),
    kind,
    target: { type: w.type, name: w.name },
    title: text.title,
    body: text.body,
    expiresAt: new Date(expiresAt).toISOString(),
  };
}

/**
 * Plan the notifications for `next`. `sent` is what earlier calls returned (persist it to survive
 * restarts); the result's `sent` replaces it. With `prev` null (app start), an identity already
 * expiring or expired (within STALE_EXPIRY_MS) is announced once.
 */
export function planNotifications(
  prev: Snapshot | null,
  next: Snapshot,
  now: number,
  sent: ReadonlySet<string>,
): { intents: NotificationIntent[]; sent: Set<string> } {
  const out = new Set<string>();
  for (const key of sent) {
    const expiresAt = expiryOfKey(key);
    if (expiresAt === null || expiresAt >= now - FORGET_SENT_AFTER_MS) out.add(key);
  }
  const intents: NotificationIntent[] = [];
  const propose = (kind: AwsNewsKind, w: Watched, expiresAt: number): void => {
    const intent = intentFor(kind, w, expiresAt, now);
    if (out.has(intent.key)) return;
    out.add(intent.key);
    intents.push(intent);
  };

  const before = new Map(prev ? watchedIdentities(prev, now).map((w) => [`${w.type}\0${w.name}`, w] as const) : []);
  for (const w of watchedIdentities(next, now)) {
    if (w.status === 'expiring' && w.expiresAt !== null && w.expiresAt > now) {
      propose('expiring', w, w.expiresAt);
    } else if (w.status === 'expired' && w.expiresAt !== null && w.expiresAt >= now - STALE_EXPIRY_MS) {
      // Once expired, "expiring" for the same token is stale even if the clock is later set back.
      out.add(keyOf('expiring', w, w.expiresAt));
      propose('expired', w, w.expiresAt);
    } else if (w.status === 'signed-out' && w.type === 'sso-session') {
      const was = before.get(`${w.type}\0${w.name}`);
      if (
        was &&
        was.expiresAt !== null &&
        was.expiresAt > now &&
        (was.status === 'valid' || was.status === 'expiring')
      ) {
        propose('signed-out', w, was.expiresAt);
      }
    }
  }
  for (const intent of gcpIntents(next.gcp, now)) {
    // The key's last slot is when it was sent (so it is forgotten a week later): match the rest.
    const prefix = intent.key.slice(0, intent.key.lastIndexOf(','));
    if ([...out].some((key) => key.startsWith(`${prefix},`))) continue;
    out.add(intent.key);
    intents.push(intent);
  }
  // Titles and bodies carry names from users' files: their control characters are shown, never
  // handed to the OS (shared/visible-text.ts). Keys and targets keep the real names.
  return {
    intents: intents.map((i) => ({ ...i, title: oneLine(i.title), body: escapeControlCharacters(i.body) })),
    sent: out,
  };
}

/** gcloud user credentials that fail on next use, each with its fix (reauth-advice.ts). */
function gcpIntents(gcp: GcpState | null, now: number): NotificationIntent[] {
  if (!gcp) return [];
  const sentAt = new Date(now).toISOString();
  const intents: NotificationIntent[] = [];
  const add = (
    type: 'gcp-account' | 'gcp-adc',
    name: string,
    status: 'reauth-needed' | 'revoked',
    advice: NonNullable<ReturnType<typeof reauthAdviceForAccount>>,
  ): void => {
    const kind = status === 'revoked' ? 'gcp-revoked' : 'gcp-reauth-needed';
    intents.push({
      key: JSON.stringify([kind, type, name, sentAt]),
      kind,
      target: { type, name },
      title: advice.title,
      body: advice.body,
      expiresAt: null,
      command: advice.command,
    });
  };
  for (const account of gcp.accounts) {
    const advice = reauthAdviceForAccount(account);
    if (advice && (account.status === 'reauth-needed' || account.status === 'revoked'))
      add('gcp-account', account.account, account.status, advice);
  }
  const adcAdvice = reauthAdviceForAdc(gcp.adc);
  if (adcAdvice && gcp.adc && (gcp.adc.status === 'reauth-needed' || gcp.adc.status === 'revoked'))
    add('gcp-adc', gcp.adc.path, gcp.adc.status, adcAdvice);
  return intents;
}
