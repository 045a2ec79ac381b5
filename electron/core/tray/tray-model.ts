// The tray menu as a pure function of the snapshot. The shell (electron/main/tray.ts) turns this
// into an Electron Menu and maps each action ID to a handler; everything that decides what the
// menu says lives here, so it is tested without Electron.
//
// The menu stays short whatever the size of the user's config: the active profile, a capped list
// of SSO sessions, and a way into the window, which is where thousands of profiles belong.
import type { GcpAccountStatus, GcpState } from '../../shared/gcp-model';
import type { AwsProfile, IdentityStatus, LoginSession, Snapshot, SsoSession } from '../../shared/model';
import { compareUrgency, worstStatus } from '../identity/expiry';
import { DAY, HOUR } from '../../shared/time-words';
import { shellQuote } from '../../shared/shell-commands';
import { AWS_STATUS_LABEL, GCP_STATUS_LABEL, inSentence } from '../../shared/status-words';
import { describeClusters } from './tray-clusters';
import { describeKube } from './tray-kube';
import { failedCheck as failedCheckOf, failedCheckWords, statusBesideCheck } from '../../shared/verification';
import { MAX_MENU_LABEL_CHARS, menuLabel, menuLines, shortenMiddle, whole } from './menu-label';
import { canRefreshNow, copyProfileItems, profilePicker, refreshItem } from './tray-profiles';

export const APP_NAME = 'Cloud Identity Tray';

/** How many SSO sessions the menu lists before pointing to the window. */
export const MAX_MENU_SESSIONS = 8;
/** Longest name in the tooltip; longer ones are shortened in the middle. */
const MAX_TOOLTIP_NAME_CHARS = MAX_MENU_LABEL_CHARS;
/** How many gcloud configurations the switch submenu lists. */
export const MAX_MENU_GCP_CONFIGURATIONS = 20;
/** Windows truncates a notification-area tooltip at 127 characters (NOTIFYICONDATA.szTip). */
export const MAX_TOOLTIP_CHARS = 127;

export type TrayIconStatus = IdentityStatus;

export type TrayActionId =
  | 'open-window'
  | 'verify-all'
  | 'quit'
  | 'show-profile'
  | 'copy-profile-export'
  /** Put `AWS_PROFILE=<arg>` on the clipboard: the profile for one command. */
  | 'copy-profile-prefix'
  /** Renew the SSO session named by `arg` now with its refresh token (no browser). */
  | 'sso-refresh'
  | 'open-cli-help'
  | 'gcp-open'
  | 'gcp-switch-configuration'
  | 'gcp-copy-login-command'
  /** Log in to / out of the SSO session named by `arg` (its sso-session name or legacy start URL). */
  | 'sso-login'
  | 'sso-logout'
  /** `aws login` / `aws logout` with the profile named by `arg` (a login_session profile). */
  | 'aws-login'
  | 'aws-logout'
  /** Open the AWS console in the browser signed in as the profile named by `arg`. */
  | 'open-console'
  /** Put `arg` (a fix command from the snapshot, never a secret) on the clipboard. */
  | 'copy-text'
  | 'show-clusters';

export interface TrayAction {
  id: TrayActionId;
  /** The profile, gcloud configuration or gcloud account the action acts on. */
  arg?: string;
}

export type TrayItem =
  | { type: 'label'; label: string }
  | { type: 'separator' }
  | { type: 'action'; label: string; action: TrayAction }
  | { type: 'submenu'; label: string; items: TrayItem[] };

export interface TrayModel {
  iconStatus: TrayIconStatus;
  tooltip: string;
  items: TrayItem[];
}

/** A local wall-clock time for the menu, e.g. "14:30". */
export type TrayClock = (at: Date) => string;

/** 24-hour local time: the same width in every locale, and no seconds to tick. */
export const localClock: TrayClock = (at) =>
  `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;

/**
 * The menu for `snapshot` at `now`. `recent` is the profiles the user picked or used lately, newest
 * first (recent-profiles.ts), for the profile picker.
 */
export function buildTrayModel(
  snapshot: Snapshot,
  now: number,
  clock: TrayClock = localClock,
  recent: readonly string[] = [],
): TrayModel {
  const { aws } = snapshot;
  const profile = aws.profiles.find((p) => p.name === aws.activeProfile) ?? null;
  const session = profile?.ssoSession ? (aws.ssoSessions.find((s) => s.name === profile.ssoSession) ?? null) : null;
  const active = describeActive(snapshot, profile, session, now, clock);

  const items: TrayItem[] = [...active.items, { type: 'separator' }];

  const picker = profilePicker(aws, recent, (p) => profileState(p, now, clock));
  if (picker) items.push(picker, { type: 'separator' });

  const sessionItems = ssoSessionItems(aws.ssoSessions, session, now, clock);
  if (sessionItems.length > 0) items.push(...sessionItems, { type: 'separator' });

  const loginItems = loginSessionItems(aws.loginSessions, profile, now, clock);
  if (loginItems.length > 0) items.push(...loginItems, { type: 'separator' });

  const gcp = describeGcp(snapshot.gcp);
  if (gcp) items.push(...gcp.items, { type: 'separator' });

  const clusters = describeClusters(snapshot.sky ?? null);
  if (clusters) items.push(...clusters.items, { type: 'separator' });

  const kube = describeKube(snapshot.kube, aws);
  if (kube) items.push(...kube.items, { type: 'separator' });

  const warnings = warningItems(snapshot);
  if (warnings.length > 0) items.push(...warnings, { type: 'separator' });

  items.push(
    { type: 'action', label: 'Verify identities', action: { id: 'verify-all' } },
    { type: 'action', label: `Open ${APP_NAME}…`, action: { id: 'open-window' } },
    { type: 'separator' },
    { type: 'action', label: 'Quit', action: { id: 'quit' } },
  );

  return {
    iconStatus: combinedIconStatus(active, profile === null && snapshot.aws.activeProfileSource === 'default', gcp),
    tooltip: truncate(
      `${APP_NAME} — ${active.summary}${clusters?.summary ? ` · ${clusters.summary}` : ''}${kube?.summary ? ` · ${kube.summary}` : ''}${gcp ? ` · ${gcp.summary}` : ''}`,
      MAX_TOOLTIP_CHARS,
    ),
    items,
  };
}

/**
 * The icon shows the worst of the active AWS profile and gcloud's active account. Without any
 * AWS profile in use, gcloud's alone; a gcloud status of `unknown` never hides a known AWS one.
 */
function combinedIconStatus(aws: ActiveDescription, noAwsProfile: boolean, gcp: GcpDescription | null): TrayIconStatus {
  if (!gcp?.iconStatus) return aws.iconStatus;
  if (noAwsProfile) return gcp.iconStatus;
  if (gcp.iconStatus === 'unknown') return aws.iconStatus;
  return worstStatus([aws.iconStatus, gcp.iconStatus]) ?? aws.iconStatus;
}

/** gcloud's account statuses in the icon's terms: a needed sign-in or a revoked grant is bad. */
const GCP_ICON_STATUS: Record<GcpAccountStatus, IdentityStatus> = {
  valid: 'valid',
  expiring: 'expiring',
  expired: 'expired',
  unknown: 'unknown',
  'reauth-needed': 'expired',
  revoked: 'signed-out',
  error: 'error',
};

interface GcpDescription {
  /** Null when gcloud has no active account: nothing to judge. */
  iconStatus: IdentityStatus | null;
  summary: string;
  items: TrayItem[];
}

/** The GCP section: gcloud's active configuration, account, project and status, and a switch. */
function describeGcp(gcp: GcpState | null): GcpDescription | null {
  // No gcloud account anywhere: the user does not use Google Cloud here; say nothing.
  if (gcp === null || (gcp.accounts.length === 0 && !gcp.configurations.some((c) => c.account))) return null;
  const active = gcp.configurations.find((c) => c.active) ?? null;
  const override = (property: string): string | null =>
    gcp.overrides.find((o) => o.property === property)?.value ?? null;
  const accountName = override('core/account') ?? active?.account ?? null;
  const project = override('core/project') ?? active?.project ?? null;
  const account = accountName === null ? null : (gcp.accounts.find((a) => a.account === accountName) ?? null);
  const configuration = gcp.activeConfiguration;

  const items: TrayItem[] = [{ type: 'label', label: 'Google Cloud' }];
  let summary: string;
  if (accountName === null) {
    summary = `gcloud: no account in ${shorten(configuration)}`;
    items.push({
      type: 'action',
      label: menuLabel`No account in configuration ${configuration}`,
      action: { id: 'gcp-open' },
    });
  } else {
    // An account a configuration names but gcloud holds no credential for cannot make calls.
    const word = account ? inSentence(GCP_STATUS_LABEL[account.status]) : 'not signed in';
    summary = `gcloud ${shorten(accountName)}: ${word}`;
    items.push({
      type: 'action',
      label: menuLabel`${accountName} — ${whole(word)}`,
      action: { id: 'gcp-open', arg: accountName },
    });
  }
  items.push({
    type: 'label',
    label: project
      ? menuLabel`Project ${project} · configuration ${configuration}`
      : menuLabel`No project · configuration ${configuration}`,
  });
  if (account && (account.status === 'reauth-needed' || account.status === 'revoked')) {
    items.push({
      type: 'action',
      label: menuLabel`Copy “gcloud auth login ${shellQuote(account.account)}”`,
      action: { id: 'gcp-copy-login-command', arg: account.account },
    });
  }
  if (gcp.configurations.length > 1) {
    const shown = gcp.configurations.slice(0, MAX_MENU_GCP_CONFIGURATIONS);
    const choices: TrayItem[] = shown.map((c) => {
      const mark = whole(c.active ? '✓ ' : '');
      const label = c.account ? menuLabel`${mark}${c.name} — ${c.account}` : menuLabel`${mark}${c.name}`;
      return c.active
        ? { type: 'label', label }
        : { type: 'action', label, action: { id: 'gcp-switch-configuration', arg: c.name } };
    });
    const hidden = gcp.configurations.length - shown.length;
    if (hidden > 0)
      choices.push({ type: 'action', label: menuLabel`${hidden} more in the window…`, action: { id: 'gcp-open' } });
    items.push({ type: 'submenu', label: 'Switch gcloud configuration', items: choices });
  }
  const iconStatus = accountName === null ? null : account ? GCP_ICON_STATUS[account.status] : 'signed-out';
  return { iconStatus, summary, items };
}

/** What the tray shows while the core reads the user's files for the first time. */
export function loadingTrayModel(): TrayModel {
  return {
    iconStatus: 'unknown',
    tooltip: `${APP_NAME} — reading your AWS config…`,
    items: [
      { type: 'label', label: 'Reading your AWS config…' },
      { type: 'separator' },
      { type: 'action', label: `Open ${APP_NAME}…`, action: { id: 'open-window' } },
      { type: 'separator' },
      { type: 'action', label: 'Quit', action: { id: 'quit' } },
    ],
  };
}

interface ActiveDescription {
  iconStatus: TrayIconStatus;
  /** One line for the tooltip, e.g. `prod-admin: expires in 42m`. */
  summary: string;
  items: TrayItem[];
}

function describeActive(
  snapshot: Snapshot,
  profile: AwsProfile | null,
  session: SsoSession | null,
  now: number,
  clock: TrayClock,
): ActiveDescription {
  const { activeProfile, activeProfileSource, profiles } = snapshot.aws;
  const name = shorten(activeProfile);

  if (profile === null) {
    // No `default` profile is an ordinary setup (named profiles only); a variable naming a
    // profile that does not exist makes every AWS command fail, so that one is an error.
    const chosenByVariable = activeProfileSource !== 'default';
    const summary = chosenByVariable
      ? `${name} (from ${activeProfileSource}) is not in your AWS config`
      : profiles.length === 0
        ? 'no AWS profiles found'
        : 'no active AWS profile';
    return {
      iconStatus: chosenByVariable ? 'error' : 'unknown',
      summary,
      items: [
        {
          type: 'label',
          label: chosenByVariable
            ? menuLabel`${activeProfile} (from ${whole(activeProfileSource)}) is not in your AWS config`
            : capitalize(summary),
        },
      ],
    };
  }

  // A failed verification marks the row and keeps a good status off the icon (shared/verification.ts).
  const failedCheck = failedCheckOf(profile.lastCheck);
  const shownStatus = statusBesideCheck(profile.status, profile.lastCheck);
  const iconStatus = worstStatus(session ? [shownStatus, session.status] : [shownStatus]) ?? 'unknown';
  const state = describeStatus(profile.status, profile.expiresAt, now, clock);
  const rowLabel = failedCheck
    ? menuLabel`⚠ ${profile.name} — ${whole(failedCheckWords(failedCheck))} (${whole(state)})`
    : menuLabel`${profile.name} — ${whole(state)}`;
  const items: TrayItem[] = [{ type: 'action', label: rowLabel, action: { id: 'show-profile', arg: profile.name } }];

  const account = profile.identity?.account ?? profile.accountId;
  const principal = profile.identity
    ? shortArn(profile.identity.arn)
    : (profile.roleName ?? (profile.roleArn ? shortArn(profile.roleArn) : null));
  const who =
    account && principal
      ? menuLabel`Account ${whole(account)} · ${principal}`
      : account
        ? menuLabel`Account ${whole(account)}`
        : principal
          ? menuLabel`${principal}`
          : null;
  if (who !== null) items.push({ type: 'label', label: who });

  if (session && session.status !== profile.status) {
    items.push({
      type: 'label',
      label: menuLabel`SSO session ${session.name}: ${whole(describeStatus(session.status, session.expiresAt, now, clock))}`,
    });
  }
  // The one-click fix for the profile in use: its session needs a browser sign-in.
  if (
    session &&
    session.startUrl !== null &&
    session.region !== null &&
    (session.status === 'signed-out' ||
      session.status === 'expired' ||
      (session.status === 'expiring' && !session.refreshable))
  ) {
    items.push({
      type: 'action',
      label: menuLabel`Log in to ${session.name}…`,
      action: { id: 'sso-login', arg: session.name },
    });
  }
  // Renew now, without a browser, what the keeper would renew on its own before expiry.
  if (canRefreshNow(session)) items.push(refreshItem(session));
  if (
    profile.kind === 'login' &&
    (profile.status === 'signed-out' || profile.status === 'expired' || profile.status === 'error')
  ) {
    items.push({ type: 'action', label: 'Log in with aws login…', action: { id: 'aws-login', arg: profile.name } });
  }
  const problem = profile.problems.find((p) => p.severity === 'error');
  const sentence = (text: string): TrayItem[] => menuLines(text).map((label) => ({ type: 'label', label }));
  if (problem) items.push(...sentence(firstLine(problem.message)));
  if (failedCheck) items.push(...sentence(`Last check failed: ${firstLine(failedCheck.message)}`));
  if (activeProfileSource !== 'default') items.push({ type: 'label', label: `Chosen by ${activeProfileSource}` });
  // Where botocore or the JS SDK would pick another profile than the CLI: SkyPilot uses botocore.
  const note = snapshot.aws.activeProfileNotes[0];
  if (note) items.push(...sentence(firstLine(note)));

  // Signed out or expired, the console cannot open; the log-in action above is the way forward.
  if (profile.status !== 'signed-out' && profile.status !== 'expired') {
    items.push({ type: 'action', label: 'Open AWS console', action: { id: 'open-console', arg: profile.name } });
  }
  items.push(...copyProfileItems(profile.name));

  return {
    iconStatus,
    summary: failedCheck ? `${name}: ${failedCheckWords(failedCheck)} (${state})` : `${name}: ${state}`,
    items,
  };
}

/** A profile's status words for the picker, with the failed check the active row would show. */
function profileState(profile: AwsProfile, now: number, clock: TrayClock): string {
  const state = describeStatus(profile.status, profile.expiresAt, now, clock);
  const failed = failedCheckOf(profile.lastCheck);
  return failed ? `${failedCheckWords(failed)} (${state})` : state;
}

const byName = new Intl.Collator('en', { numeric: true }).compare;

function ssoSessionItems(
  sessions: readonly SsoSession[],
  activeSession: SsoSession | null,
  now: number,
  clock: TrayClock,
): TrayItem[] {
  if (sessions.length === 0) return [];
  const shown = mostUrgent(sessions, activeSession, MAX_MENU_SESSIONS);
  const items: TrayItem[] = [{ type: 'label', label: sessions.length === 1 ? 'SSO session' : 'SSO sessions' }];
  for (const s of shown) {
    items.push({
      type: 'submenu',
      label: menuLabel`${s.name} — ${whole(describeStatus(s.status, s.expiresAt, now, clock))}`,
      items: ssoSessionActions(s),
    });
  }
  const hidden = sessions.length - shown.length;
  if (hidden > 0)
    items.push({ type: 'action', label: menuLabel`${hidden} more in the window…`, action: { id: 'open-window' } });
  return items;
}

/** Log in / Log out for one session, and the way to the window for the rest. */
function ssoSessionActions(s: SsoSession): TrayItem[] {
  const items: TrayItem[] = [];
  if (s.startUrl === null || s.region === null) {
    items.push({ type: 'label', label: `Cannot log in: no ${s.startUrl === null ? 'sso_start_url' : 'sso_region'}` });
  } else {
    const signedIn = s.status !== 'signed-out' && s.status !== 'expired';
    items.push({
      type: 'action',
      label: signedIn ? 'Log in again…' : 'Log in…',
      action: { id: 'sso-login', arg: s.name },
    });
  }
  if (canRefreshNow(s)) items.push(refreshItem(s));
  if (s.status !== 'signed-out')
    items.push({ type: 'action', label: 'Log out', action: { id: 'sso-logout', arg: s.name } });
  items.push({ type: 'action', label: 'Show in window…', action: { id: 'open-window' } });
  return items;
}

/**
 * `aws login` sessions: the active profile's first, then most urgent, capped like SSO sessions.
 * Each acts through its first profile, which is what `aws login --profile` needs.
 */
function loginSessionItems(
  sessions: readonly LoginSession[],
  active: AwsProfile | null,
  now: number,
  clock: TrayClock,
): TrayItem[] {
  if (sessions.length === 0) return [];
  const isActive = (s: LoginSession): boolean => active !== null && s.profiles.includes(active.name);
  const shown = [...sessions]
    .sort(
      (a, b) =>
        Number(isActive(b)) - Number(isActive(a)) || compareUrgency(a.status, b.status) || byName(a.name, b.name),
    )
    .slice(0, MAX_MENU_SESSIONS);
  const items: TrayItem[] = [
    { type: 'label', label: sessions.length === 1 ? 'AWS login session' : 'AWS login sessions' },
  ];
  for (const s of shown) {
    const profile = active !== null && s.profiles.includes(active.name) ? active.name : s.profiles[0];
    const actions: TrayItem[] = [];
    if (profile !== undefined) {
      const signedIn = s.status !== 'signed-out' && s.status !== 'expired' && s.status !== 'error';
      actions.push({
        type: 'action',
        label: signedIn ? 'Log in again…' : 'Log in…',
        action: { id: 'aws-login', arg: profile },
      });
      if (s.status !== 'signed-out')
        actions.push({ type: 'action', label: 'Log out', action: { id: 'aws-logout', arg: profile } });
    }
    actions.push({ type: 'action', label: 'Show in window…', action: { id: 'open-window' } });
    items.push({
      type: 'submenu',
      label: menuLabel`${shortArn(s.name)} — ${whole(describeStatus(s.status, s.expiresAt, now, clock))}`,
      items: actions,
    });
  }
  const hidden = sessions.length - shown.length;
  if (hidden > 0)
    items.push({ type: 'action', label: menuLabel`${hidden} more in the window…`, action: { id: 'open-window' } });
  return items;
}

/**
 * The first `limit` sessions in menu order — the active profile's session, then most urgent,
 * then by name — without sorting them all (a config may hold thousands).
 */
function mostUrgent(sessions: readonly SsoSession[], activeSession: SsoSession | null, limit: number): SsoSession[] {
  const before = (a: SsoSession, b: SsoSession): boolean => {
    if (a === activeSession || b === activeSession) return a === activeSession && b !== activeSession;
    return (compareUrgency(a.status, b.status) || byName(a.name, b.name)) < 0;
  };
  const top: SsoSession[] = [];
  for (const session of sessions) {
    if (top.length === limit && !before(session, top[limit - 1]!)) continue;
    let i = Math.min(top.length, limit - 1);
    while (i > 0 && before(session, top[i - 1]!)) i--;
    top.splice(i, 0, session);
    if (top.length > limit) top.pop();
  }
  return top;
}

function warningItems(snapshot: Snapshot): TrayItem[] {
  const items: TrayItem[] = [];
  const cliWarning = snapshot.aws.cli.warning;
  if (cliWarning) {
    items.push({
      type: 'action',
      label: menuLabel`⚠ ${whole(firstLine(cliWarning))}`,
      action: { id: 'open-cli-help' },
    });
  }
  const fileProblems = snapshot.aws.problems.length;
  if (fileProblems > 0) {
    items.push({
      type: 'action',
      label: `⚠ ${fileProblems === 1 ? '1 problem' : `${fileProblems} problems`} reading AWS files…`,
      action: { id: 'open-window' },
    });
  }
  return items;
}

/** "expires at 14:30 (in 2h)", "expired at 11:57", or a status word when there is no time to tell. */
export function describeStatus(
  status: IdentityStatus,
  expiresAt: string | null,
  now: number,
  clock: TrayClock = localClock,
): string {
  switch (status) {
    case 'valid':
    case 'expiring':
    case 'expired': {
      const at = expiresAt === null ? Number.NaN : Date.parse(expiresAt);
      return Number.isNaN(at) ? status : trayTimeLeft(new Date(at), now, clock);
    }
    default:
      return inSentence(AWS_STATUS_LABEL[status]);
  }
}

/**
 * When an identity expires, in words that change rarely: the tray re-renders only when a label
 * changes, and a menu rebuilt every minute (or second) is work for nothing and can close a menu
 * the user has open on some desktops. So: whole days beyond a day; the local clock time plus
 * whole hours within a day; the clock time alone in the last hour, which then changes only at
 * expiry. The window and `cloudid status` keep the exact countdown (electron/shared/time-words.ts).
 */
export function trayTimeLeft(expiresAt: Date, now: number, clock: TrayClock = localClock): string {
  const left = expiresAt.getTime() - now;
  if (Number.isNaN(left)) return 'expiry unknown';
  if (left > 0) {
    if (left >= DAY) return `expires in ${Math.floor(left / DAY)}d`;
    if (left >= HOUR) return `expires at ${clock(expiresAt)} (in ${Math.floor(left / HOUR)}h)`;
    return `expires at ${clock(expiresAt)}`;
  }
  if (-left < DAY) return `expired at ${clock(expiresAt)}`;
  return `expired ${Math.floor(-left / DAY)}d ago`;
}

/**
 * The first instant after `now` at which the menu's text changes by the passage of time alone
 * ("expires at 14:30 (in 2h)" becoming "(in 1h)"), or null when nothing changes within
 * `horizonMs`. Statuses themselves change only with a new snapshot (the core publishes one at
 * each deadline); this is for the time words in between, so the shell sets one timer instead of
 * polling, and that timer fires only when a label really changes.
 *
 * Every time-dependent text counts monotonically (down to expiry, then up since), so once the
 * model differs from the one at `now` it never returns to it: a binary search finds the instant.
 */
export function nextTrayChange(
  snapshot: Snapshot,
  now: number,
  horizonMs = 24 * 60 * 60 * 1000,
  clock: TrayClock = localClock,
  recent: readonly string[] = [],
): number | null {
  const text = (t: number): string => {
    const model = buildTrayModel(snapshot, t, clock, recent);
    return JSON.stringify([model.tooltip, model.items]);
  };
  const current = text(now);
  let lo = now;
  let hi = now + horizonMs;
  if (text(hi) === current) return null;
  // Invariant: text(lo) === current, text(hi) !== current.
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (text(mid) === current) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * The resource part of an ARN: `arn:aws:sts::123456789012:assumed-role/Admin/alice` ->
 * `assumed-role/Admin/alice`. ARN layout: arn:partition:service:region:account-id:resource
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html). Anything that is not
 * an ARN is returned as it is.
 */
export function shortArn(arn: string): string {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return arn;
  return parts.slice(5).join(':');
}

/** A name in the tooltip, shortened in the middle as the menu's are. */
function shorten(name: string): string {
  return shortenMiddle(name, MAX_TOOLTIP_NAME_CHARS);
}

function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

function firstLine(text: string): string {
  return text.trim().split(/\r?\n/, 1)[0] ?? '';
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
