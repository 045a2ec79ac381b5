// What a sync would do to the config file, before anything is written: which profiles to add,
// update or remove, which are unchanged, and which names are taken by the user's own profiles.
//
// Ownership: the sync owns exactly the sections marked `# managed by cloudid: sso-sync <session>`
// (../config-edit/managed-marker.ts). It matches its own sections by NAME: a desired profile
// whose name is held by one of them updates that section in place (so renames and swaps are
// updates, never a remove plus an add of the same header); its own sections no name maps to are
// removed. A name held by anything else (a user's profile, the credentials file, another
// session's sync) is a conflict: that role is left out and the user's lines are never touched.
//
// Keys: the sync sets sso_session, sso_account_id and sso_role_name, and region / output when
// the options give them. Any other key in its sections, and region / output when not given, is
// left as it is (the user may add keys to a synced profile).
//
// Duplicates: a role the user already has a profile for (a section of their own with the same
// session, or a legacy one with the session's start URL, and the same account id and role) is
// not proposed again under the template's name: it is reported as already present under the
// user's name, unless `includeDuplicates` asks for a second profile anyway. A role the sync
// already manages is not a duplicate: its own section stays.
//
// Names: rendered from the template (./profile-names.ts). When several roles render to the
// same name, one that already holds it keeps it; the others get `-<account id>` (then `-2`,
// `-3`...) in (account id, role) order, so the outcome depends only on the inputs.
import type { Problem } from '../../../shared/model';
import type { FileForEdit } from '../../fs/safe-file-writer';
import { profileSectionId, type ConfigEdit } from '../config-edit/config-edits';
import { parseConfigLayout, type ConfigSectionBlock } from '../config-edit/config-layout';
import { ssoSyncMarkerPurpose } from '../config-edit/managed-marker';
import type { SsoAccountRoles } from './list-accounts-and-roles';
import { DEFAULT_PROFILE_NAME_TEMPLATE, renderProfileName, templateProblem } from './profile-names';

export type SyncAction = 'add' | 'update' | 'remove' | 'unchanged';

export interface SyncKeyChange {
  key: string;
  from: string | null;
  to: string | null;
}

export interface SyncPreviewEntry {
  action: SyncAction;
  profileName: string;
  accountId: string;
  accountName: string;
  roleName: string;
  /** For `update`: the keys that change. */
  changes: SyncKeyChange[];
}

export interface SyncConflict {
  profileName: string;
  accountId: string;
  accountName: string;
  roleName: string;
  /** Who holds the name: a section of the user's (or another feature's) in the config file, or the credentials file. */
  heldBy: 'config' | 'credentials';
  /** 1-based line of the section header holding the name, when in the config file. */
  line: number | null;
}

/** A role the user already has a profile for, which the sync does not add again. */
export interface SyncDuplicate {
  /** The name the template would have given it. */
  profileName: string;
  /** The user's profile for the same session, account and role. */
  existingProfile: string;
  accountId: string;
  accountName: string;
  roleName: string;
}

export interface SyncOptions {
  /** The sso-session name the profiles use (`sso_session`). */
  session: string;
  /** The session's sso_start_url: legacy profiles with it are on the same session. */
  startUrl?: string;
  /** Add a profile even for a role the user already has a profile for. */
  includeDuplicates?: boolean;
  /** Default `<account name>.<role>`. */
  template?: string;
  /** Written as `region` in each synced profile when given. */
  region?: string;
  /** Written as `output` in each synced profile when given. */
  output?: string;
  /** Profile names in the credentials file: taken, like the user's config sections. */
  credentialsProfileNames?: Iterable<string>;
  /**
   * False when the account listing itself was cut short: then no profile of an account that
   * was not listed is removed. (Accounts whose roles failed are handled per account.)
   */
  listingComplete?: boolean;
}

export interface SyncPreview {
  session: string;
  /** The config file as read; `applySync` refuses if it changed since. */
  file: FileForEdit;
  /** Sorted by profile name. */
  entries: SyncPreviewEntry[];
  conflicts: SyncConflict[];
  /** Roles left out because the user has a profile for them (empty with `includeDuplicates`). */
  duplicates: SyncDuplicate[];
  problems: Problem[];
  counts: Record<SyncAction | 'conflict' | 'duplicate', number>;
  /** The edits `applySync` makes, all in one write. */
  edits: ConfigEdit[];
}

interface Candidate {
  accountId: string;
  accountName: string;
  roleName: string;
  base: string;
  name: string;
}

interface OwnedProfile {
  name: string;
  values: Map<string, string>;
  line: number;
}

export function previewSync(
  existingConfig: FileForEdit,
  accounts: readonly SsoAccountRoles[],
  options: SyncOptions,
): SyncPreview {
  const template = options.template ?? DEFAULT_PROFILE_NAME_TEMPLATE;
  const marker = ssoSyncMarkerPurpose(options.session);
  const empty: SyncPreview = {
    session: options.session,
    file: existingConfig,
    entries: [],
    conflicts: [],
    duplicates: [],
    problems: [],
    counts: { add: 0, update: 0, remove: 0, unchanged: 0, conflict: 0, duplicate: 0 },
    edits: [],
  };
  const invalid = templateProblem(template);
  if (invalid !== null) return { ...empty, problems: [{ severity: 'error', message: invalid }] };

  const layout = parseConfigLayout(existingConfig.text);
  const owned = ownedProfiles(layout.blocks, marker);
  const taken = takenNames(layout.blocks, marker, options.credentialsProfileNames ?? []);

  // Who held which (account, role) before: a holder keeps its name through collisions.
  const previousName = new Map<string, string>();
  for (const profile of owned.values()) {
    const account = profile.values.get('sso_account_id');
    const role = profile.values.get('sso_role_name');
    if (account !== undefined && role !== undefined) previousName.set(roleKey(account, role), profile.name);
  }
  const candidates = nameCandidates(accounts, template, options.session, previousName);
  const usersRoles =
    options.includeDuplicates === true ? new Map<string, string>() : userProfilesByRole(layout.blocks, marker, options);

  const desired = new Map<string, { candidate: Candidate; values: Map<string, string> }>();
  const conflicts: SyncConflict[] = [];
  const duplicates: SyncDuplicate[] = [];
  for (const candidate of candidates) {
    const key = roleKey(candidate.accountId, candidate.roleName);
    const existingProfile = usersRoles.get(key);
    if (existingProfile !== undefined && !previousName.has(key)) {
      duplicates.push({ ...pick(candidate), profileName: candidate.name, existingProfile });
      continue;
    }
    const holder = taken.get(candidate.name);
    if (holder !== undefined) {
      conflicts.push({ ...pick(candidate), profileName: candidate.name, heldBy: holder.heldBy, line: holder.line });
      continue;
    }
    desired.set(candidate.name, { candidate, values: profileValues(candidate, options) });
  }

  // Profiles of accounts we could not list completely stay as they are.
  const listed = new Map(accounts.map((a) => [a.accountId, a]));
  const keep = (profile: OwnedProfile): boolean => {
    const account = listed.get(profile.values.get('sso_account_id') ?? '');
    return account === undefined ? options.listingComplete === false : !account.rolesComplete;
  };

  const entries: SyncPreviewEntry[] = [];
  const edits: ConfigEdit[] = [];
  for (const [name, { candidate, values }] of desired) {
    const existing = owned.get(name);
    if (existing === undefined) {
      entries.push({ action: 'add', ...pick(candidate), profileName: name, changes: [] });
      edits.push({ op: 'add-section', section: profileSectionId(name), marker, entries: [...values] });
      continue;
    }
    const changes: SyncKeyChange[] = [];
    for (const [key, to] of values) {
      const from = existing.values.get(key) ?? null;
      if (from !== to) changes.push({ key, from, to });
    }
    entries.push({
      action: changes.length === 0 ? 'unchanged' : 'update',
      ...pick(candidate),
      profileName: name,
      changes,
    });
    for (const change of changes) {
      edits.push({
        op: 'set',
        section: profileSectionId(name),
        key: change.key,
        value: change.to as string,
        requireMarker: marker,
      });
    }
  }
  for (const [name, profile] of owned) {
    if (desired.has(name)) continue;
    const accountId = profile.values.get('sso_account_id') ?? '';
    const roleName = profile.values.get('sso_role_name') ?? '';
    const accountName = listed.get(accountId)?.accountName ?? '';
    if (keep(profile)) {
      entries.push({ action: 'unchanged', profileName: name, accountId, accountName, roleName, changes: [] });
      continue;
    }
    entries.push({ action: 'remove', profileName: name, accountId, accountName, roleName, changes: [] });
    edits.push({ op: 'remove-section', section: profileSectionId(name), requireMarker: marker });
  }

  entries.sort((a, b) => compareNames(a.profileName, b.profileName));
  conflicts.sort((a, b) => compareNames(a.profileName, b.profileName));
  duplicates.sort((a, b) => compareNames(a.existingProfile, b.existingProfile));
  // Sections are appended in name order whatever order the portal listed them in.
  const additions = edits.filter((e) => e.op === 'add-section').sort((a, b) => compareNames(a.section, b.section));
  const orderedEdits = [...edits.filter((e) => e.op !== 'add-section'), ...additions];
  const counts = {
    add: 0,
    update: 0,
    remove: 0,
    unchanged: 0,
    conflict: conflicts.length,
    duplicate: duplicates.length,
  };
  for (const entry of entries) counts[entry.action]++;
  return { ...empty, entries, conflicts, duplicates, counts, edits: orderedEdits };
}

function nameCandidates(
  accounts: readonly SsoAccountRoles[],
  template: string,
  session: string,
  previousName: ReadonlyMap<string, string>,
): Candidate[] {
  const all: Candidate[] = [];
  for (const account of accounts) {
    for (const roleName of account.roles) {
      const base = renderProfileName(template, {
        accountName: account.accountName,
        accountId: account.accountId,
        roleName,
        session,
        emailAddress: account.emailAddress,
      });
      all.push({ accountId: account.accountId, accountName: account.accountName, roleName, base, name: base });
    }
  }
  all.sort((a, b) => a.accountId.localeCompare(b.accountId) || a.roleName.localeCompare(b.roleName));
  const byBase = new Map<string, Candidate[]>();
  for (const c of all) byBase.set(c.base, [...(byBase.get(c.base) ?? []), c]);

  const used = new Set<string>();
  const later: Candidate[] = [];
  // Unique names first, then holders of a contested name, then the rest get a suffix.
  for (const group of byBase.values()) {
    const holder =
      group.length === 1 ? group[0] : group.find((c) => previousName.get(roleKey(c.accountId, c.roleName)) === c.base);
    if (holder !== undefined) used.add(holder.base);
    for (const c of group) if (c !== holder) later.push(c);
  }
  for (const c of later) {
    let name = `${c.base}-${c.accountId}`;
    for (let n = 2; used.has(name) || byBase.has(name); n++) name = `${c.base}-${c.accountId}-${n}`;
    c.name = name;
    used.add(name);
  }
  return all;
}

function profileValues(candidate: Candidate, options: SyncOptions): Map<string, string> {
  const values = new Map<string, string>([
    ['sso_session', options.session],
    ['sso_account_id', candidate.accountId],
    ['sso_role_name', candidate.roleName],
  ]);
  if (options.region !== undefined) values.set('region', options.region);
  if (options.output !== undefined) values.set('output', options.output);
  return values;
}

/** The sync's own profiles by name (values of repeated sections merged, last wins, as the SDK reads them). */
function ownedProfiles(blocks: readonly ConfigSectionBlock[], marker: string): Map<string, OwnedProfile> {
  const owned = new Map<string, OwnedProfile>();
  for (const block of blocks) {
    const name = profileNameOf(block.id);
    if (name === null || block.marker !== marker) continue;
    const profile = owned.get(name) ?? { name, values: new Map<string, string>(), line: block.headerLine + 1 };
    for (const entry of block.entries) profile.values.set(entry.key, entry.value);
    owned.set(name, profile);
  }
  // A name with any unmarked occurrence is the user's, not ours.
  for (const block of blocks) {
    const name = profileNameOf(block.id);
    if (name !== null && block.marker !== marker) owned.delete(name);
  }
  return owned;
}

/**
 * The user's own profiles on this session, by (account, role): the first profile name in file
 * order. A profile's sections are merged (last value wins), as the SDK reads them.
 */
function userProfilesByRole(
  blocks: readonly ConfigSectionBlock[],
  marker: string,
  options: SyncOptions,
): Map<string, string> {
  const values = new Map<string, Map<string, string>>();
  for (const block of blocks) {
    const name = profileNameOf(block.id);
    if (name === null || block.marker === marker) continue;
    const merged = values.get(name) ?? new Map<string, string>();
    for (const entry of block.entries) merged.set(entry.key, entry.value);
    values.set(name, merged);
  }
  const byRole = new Map<string, string>();
  for (const [name, profile] of values) {
    const session = profile.get('sso_session');
    const sameSession =
      session !== undefined
        ? session === options.session
        : options.startUrl !== undefined && profile.get('sso_start_url') === options.startUrl;
    const account = profile.get('sso_account_id');
    const role = profile.get('sso_role_name');
    if (!sameSession || account === undefined || role === undefined) continue;
    const key = roleKey(account, role);
    if (!byRole.has(key)) byRole.set(key, name);
  }
  return byRole;
}

function takenNames(
  blocks: readonly ConfigSectionBlock[],
  marker: string,
  credentialsNames: Iterable<string>,
): Map<string, { heldBy: 'config' | 'credentials'; line: number | null }> {
  const taken = new Map<string, { heldBy: 'config' | 'credentials'; line: number | null }>();
  for (const name of credentialsNames) taken.set(name, { heldBy: 'credentials', line: null });
  for (const block of blocks) {
    const name = profileNameOf(block.id);
    if (name !== null && block.marker !== marker && !taken.has(name))
      taken.set(name, { heldBy: 'config', line: block.headerLine + 1 });
  }
  return taken;
}

/** `profile.x` -> x, `default` -> default; null for sso-session, services and unknown sections. */
function profileNameOf(id: string): string | null {
  if (id === 'default') return 'default';
  return id.startsWith('profile.') ? id.slice('profile.'.length) : null;
}

function roleKey(accountId: string, roleName: string): string {
  return `${accountId}/${roleName}`;
}

function pick(c: Candidate): Pick<SyncPreviewEntry, 'accountId' | 'accountName' | 'roleName'> {
  return { accountId: c.accountId, accountName: c.accountName, roleName: c.roleName };
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
