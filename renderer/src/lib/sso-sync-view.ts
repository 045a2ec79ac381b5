// The sync preview as the window shows it: one row per profile the sync would add, update,
// remove or leave, plus one per conflict (a name the user's own profile holds) and one per role
// the user already has a profile for (left out unless asked), in the order a user reads them
// (changes first), and the words for counts and progress.
import type { SsoListingProgress, SsoSyncPreview } from './sso-types';

export type SyncRowAction = 'add' | 'update' | 'remove' | 'unchanged' | 'conflict' | 'duplicate';

export interface SyncRow {
  key: string;
  action: SyncRowAction;
  profileName: string;
  account: string;
  roleName: string;
  detail: string;
}

const ORDER: Record<SyncRowAction, number> = { add: 0, update: 1, remove: 2, conflict: 3, duplicate: 4, unchanged: 5 };

export const SYNC_ACTION_LABEL: Record<SyncRowAction, string> = {
  add: 'Add',
  update: 'Update',
  remove: 'Remove',
  unchanged: 'Unchanged',
  conflict: 'Conflict',
  duplicate: 'Already present',
};

export function syncRows(preview: SsoSyncPreview): SyncRow[] {
  const rows: SyncRow[] = preview.entries.map((e) => ({
    key: `${e.action}:${e.profileName}`,
    action: e.action,
    profileName: e.profileName,
    account: accountLabel(e.accountName, e.accountId),
    roleName: e.roleName,
    detail: e.action === 'update' ? e.changes.map((c) => `${c.key}: ${c.from ?? '—'} → ${c.to ?? '—'}`).join(', ') : '',
  }));
  for (const c of preview.conflicts) {
    rows.push({
      key: `conflict:${c.profileName}:${c.accountId}:${c.roleName}`,
      action: 'conflict',
      profileName: c.profileName,
      account: accountLabel(c.accountName, c.accountId),
      roleName: c.roleName,
      detail:
        c.heldBy === 'credentials'
          ? 'name used in the credentials file; left out'
          : `name used by your own profile${c.line === null ? '' : ` (line ${c.line})`}; left out`,
    });
  }
  for (const d of preview.duplicates) {
    rows.push({
      key: `duplicate:${d.profileName}:${d.accountId}:${d.roleName}`,
      action: 'duplicate',
      profileName: d.profileName,
      account: accountLabel(d.accountName, d.accountId),
      roleName: d.roleName,
      detail: `already present as ${d.existingProfile}; not added`,
    });
  }
  return rows.sort((a, b) => ORDER[a.action] - ORDER[b.action] || a.profileName.localeCompare(b.profileName));
}

function accountLabel(name: string, id: string): string {
  return name === '' || name === id ? id : `${name} (${id})`;
}

/** "3 to add, 1 to update, 12 unchanged, 1 conflict". */
export function syncSummary(counts: SsoSyncPreview['counts']): string {
  const parts: string[] = [];
  if (counts.add > 0) parts.push(`${counts.add} to add`);
  if (counts.update > 0) parts.push(`${counts.update} to update`);
  if (counts.remove > 0) parts.push(`${counts.remove} to remove`);
  if (counts.unchanged > 0) parts.push(`${counts.unchanged} unchanged`);
  if (counts.conflict > 0) parts.push(`${counts.conflict} ${counts.conflict === 1 ? 'conflict' : 'conflicts'}`);
  if (counts.duplicate > 0) parts.push(`${counts.duplicate} already present`);
  return parts.length === 0 ? 'No accounts or roles to sync' : parts.join(', ');
}

export function hasChanges(counts: SsoSyncPreview['counts']): boolean {
  return counts.add + counts.update + counts.remove > 0;
}

/** "Listing accounts: 40 of 120 accounts, 97 roles (throttled 3 times)". */
export function progressText(progress: SsoListingProgress): string {
  const accounts = progress.allAccountsFound
    ? `${progress.accountsDone} of ${progress.accountsFound} accounts`
    : `${progress.accountsDone} of ${progress.accountsFound}+ accounts`;
  const roles = `${progress.rolesFound} ${progress.rolesFound === 1 ? 'role' : 'roles'}`;
  const throttled =
    progress.throttled > 0
      ? ` (slowed down by the portal ${progress.throttled} ${progress.throttled === 1 ? 'time' : 'times'})`
      : '';
  return `Listing accounts: ${accounts}, ${roles}${throttled}`;
}
