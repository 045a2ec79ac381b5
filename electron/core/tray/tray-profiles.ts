// The tray's profile picker, pure: the profiles the user picked or used lately (recent-profiles.ts),
// else the first ones in config order, each a submenu with the two lines that make it the one a
// terminal uses (`AWS_PROFILE=…` for one command, `export …` for the shell), "Refresh now" where
// its SSO session can renew without a browser, and the way to its card. "More…" opens the window,
// where every profile is. Part of tray-model.ts.
import type { AwsProfile, AwsState, SsoSession } from '../../shared/model';
import { failedCheck } from '../../shared/verification';
import { profileExportLine, profilePrefix, shellQuote } from '../../shared/shell-commands';
import { menuLabel, whole } from './menu-label';
import { MAX_RECENT_PROFILES } from './recent-profiles';
import type { TrayItem } from './tray-model';

/** The label of the picker's submenu. */
export const PICKER_LABEL = 'Profiles';

/**
 * A session the app can renew now with its refresh token: an sso-session (a legacy profile's token
 * is never refreshed: botocore and the CLI do not) whose cache holds a refresh token and a live
 * client registration (electron/core/app/sso-keeper-service.ts does the same refresh on its own).
 */
export function canRefreshNow(session: SsoSession | null | undefined): session is SsoSession {
  return (
    session !== null &&
    session !== undefined &&
    !session.legacy &&
    session.refreshable &&
    session.status !== 'signed-out' &&
    session.startUrl !== null &&
    session.region !== null
  );
}

/**
 * The recent profiles that still exist, then the others in config order (the snapshot lists them
 * by name): the config file's sections by line, then the credentials file's. At most `max`.
 */
export function pickerProfiles(
  aws: Pick<AwsState, 'profiles' | 'configFile'>,
  recent: readonly string[],
  max = MAX_RECENT_PROFILES,
): AwsProfile[] {
  const { profiles } = aws;
  const byName = new Map(profiles.map((p) => [p.name, p]));
  const shown: AwsProfile[] = [];
  const seen = new Set<string>();
  for (const name of recent) {
    const profile = byName.get(name);
    if (profile && !seen.has(name)) {
      shown.push(profile);
      seen.add(name);
    }
    if (shown.length === max) return shown;
  }
  return [...shown, ...firstInConfig(profiles, aws.configFile, seen, max - shown.length)];
}

/** The first `limit` profiles not in `skip`, in config order, without sorting them all. */
function firstInConfig(
  profiles: readonly AwsProfile[],
  configFile: string,
  skip: ReadonlySet<string>,
  limit: number,
): AwsProfile[] {
  const key = (p: AwsProfile): [number, number] =>
    p.source === null ? [2, 0] : [p.source.file === configFile ? 0 : 1, p.source.line];
  const before = (a: [number, number], b: [number, number]): boolean => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
  const top: { profile: AwsProfile; key: [number, number] }[] = [];
  if (limit <= 0) return [];
  for (const profile of profiles) {
    if (skip.has(profile.name)) continue;
    const k = key(profile);
    if (top.length === limit && !before(k, top[limit - 1]!.key)) continue;
    let i = Math.min(top.length, limit - 1);
    while (i > 0 && before(k, top[i - 1]!.key)) i--;
    top.splice(i, 0, { profile, key: k });
    if (top.length > limit) top.pop();
  }
  return top.map((t) => t.profile);
}

/** What a copy action puts on the clipboard for `profile`: quoted for a POSIX shell. */
export function profileLine(id: 'copy-profile-prefix' | 'copy-profile-export', profile: string): string {
  return id === 'copy-profile-prefix' ? profilePrefix(profile) : profileExportLine(profile);
}

/** The two copy lines, for the active profile's section and each picker entry. */
export function copyProfileItems(name: string): TrayItem[] {
  const quoted = shellQuote(name);
  return [
    {
      type: 'action',
      label: menuLabel`Copy “AWS_PROFILE=${quoted}”`,
      action: { id: 'copy-profile-prefix', arg: name },
    },
    {
      type: 'action',
      label: menuLabel`Copy “export AWS_PROFILE=${quoted}”`,
      action: { id: 'copy-profile-export', arg: name },
    },
  ];
}

export function refreshItem(session: SsoSession): TrayItem {
  return { type: 'action', label: 'Refresh now', action: { id: 'sso-refresh', arg: session.name } };
}

/** The picker's submenu; null when there is no profile to pick. */
export function profilePicker(
  aws: AwsState,
  recent: readonly string[],
  describe: (profile: AwsProfile) => string,
): TrayItem | null {
  if (aws.profiles.length === 0) return null;
  const sessions = new Map(aws.ssoSessions.map((s) => [s.name, s]));
  const items: TrayItem[] = pickerProfiles(aws, recent).map((profile) => {
    const session = profile.ssoSession === null ? undefined : sessions.get(profile.ssoSession);
    const actions: TrayItem[] = copyProfileItems(profile.name);
    if (canRefreshNow(session)) actions.push(refreshItem(session));
    actions.push({ type: 'action', label: 'Show in window…', action: { id: 'show-profile', arg: profile.name } });
    const marks = `${profile.name === aws.activeProfile ? '✓ ' : ''}${failedCheck(profile.lastCheck) ? '⚠ ' : ''}`;
    return {
      type: 'submenu',
      label: menuLabel`${whole(marks)}${profile.name} — ${whole(describe(profile))}`,
      items: actions,
    };
  });
  if (aws.profiles.length > items.length) items.push({ type: 'action', label: 'More…', action: { id: 'open-window' } });
  return { type: 'submenu', label: PICKER_LABEL, items };
}
