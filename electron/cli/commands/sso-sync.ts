// `cloudid sso sync <session> [--apply] [--json]`: list every account and role of an SSO
// session, show which profiles a sync would add, update or remove, and with --apply write them
// in one edit of the config file (only sections marked by the app are ever changed).
import { failedPath, fileFailureReason, isFileFailure } from '../../core/fs/file-failure';
import { ConcurrentEditError } from '../../core/fs/safe-file-writer';
import { applySync, type SyncApplyResult } from '../../core/aws/sso-sync/apply-sync';
import {
  listAccountsAndRoles,
  type SsoListing,
  type SsoListingProgress,
} from '../../core/aws/sso-sync/list-accounts-and-roles';
import { DEFAULT_PROFILE_NAME_TEMPLATE } from '../../core/aws/sso-sync/profile-names';
import { loadSyncSession } from '../../core/aws/sso-sync/sync-session';
import { previewSync, type SyncPreview } from '../../core/aws/sso-sync/sync-preview';
import { EXIT } from '../exit-codes';
import { writeTerminalControl } from '../terminal-text';
import type { CliContext } from './cli-context';

const HELP = `Usage: cloudid sso sync <sso-session> [--apply] [--json] [--template T] [--region R] [--include-duplicates]

Lists every account and role the session can use (paced under the portal's rate limit) and
shows the profiles a sync would add (+), update (~) or remove (-) in your AWS config file.
Only profiles cloudid created (marked "# managed by cloudid: sso-sync <session>") are ever
updated or removed; a name already used by one of your own profiles is left alone (!). A role
you already have a profile for (same session, account and role, under any name) is not added
again (*), unless --include-duplicates is given.

  --apply         write the changes (one edit; the original is backed up once as
                  <config>.cloudid-backup)
  --json          print the preview (and the result) as JSON
  --template T    profile names, default "${DEFAULT_PROFILE_NAME_TEMPLATE}"; fields:
                  <account name> <account id> <role> <session> <email>
  --region R      also set "region = R" in each synced profile
  --include-duplicates
                  also add a profile for roles you already have a profile for
`;

interface SyncArgs {
  session: string;
  apply: boolean;
  json: boolean;
  template: string | undefined;
  region: string | undefined;
  includeDuplicates: boolean;
}

export function parseSyncArgs(argv: readonly string[]): SyncArgs | string {
  const args: SyncArgs = {
    session: '',
    apply: false,
    json: false,
    template: undefined,
    region: undefined,
    includeDuplicates: false,
  };
  const rest = argv[0] === 'sync' ? argv.slice(1) : [...argv];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (arg === '--apply') args.apply = true;
    else if (arg === '--json') args.json = true;
    else if (arg === '--include-duplicates') args.includeDuplicates = true;
    else if (arg === '--template' || arg === '--region') {
      const value = rest[++i];
      if (value === undefined || value === '') return `${arg} needs a value`;
      if (arg === '--template') args.template = value;
      else args.region = value;
    } else if (arg.startsWith('-')) return `unknown option ${arg}`;
    else if (args.session !== '') return 'give one sso-session';
    else args.session = arg;
  }
  return args.session === '' ? 'which sso-session?' : args;
}

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    ctx.stdout.write(HELP);
    return EXIT.ok;
  }
  const args = parseSyncArgs(argv);
  if (typeof args === 'string') {
    ctx.stderr.write(`cloudid sso sync: ${args}\n\n${HELP}`);
    return EXIT.usage;
  }

  let lookup;
  try {
    lookup = await loadSyncSession(ctx.env, ctx.homeDir, args.session);
  } catch (error) {
    // ~/.aws/config not UTF-8, unreadable, a FIFO…: a sentence about the file, not a crash.
    if (!isFileFailure(error)) throw error;
    ctx.stderr.write(
      `cloudid sso sync: ${failedPath(error) ?? 'the AWS config file'} cannot be read: ${fileFailureReason(error)}.\n`,
    );
    return EXIT.unusable;
  }
  if (!lookup.ok) {
    ctx.stderr.write(`cloudid sso sync: ${lookup.message}\n`);
    return EXIT.unusable;
  }
  const { inputs } = lookup;
  const listing = await listAccountsAndRoles({
    accessToken: inputs.accessToken,
    region: inputs.session.region,
    env: ctx.env,
    concurrency: 8,
    onProgress: progressPrinter(ctx, args.json),
    ...(ctx.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: ctx.requestTimeoutMs }),
  });
  if (listing.unreachable) {
    // A listing cut short by a silent network tells nothing: the one sentence, not a report.
    for (const problem of listing.problems) ctx.stderr.write(`cloudid sso sync: ${problem.message}\n`);
    return EXIT.unusable;
  }
  const preview = previewSync(inputs.configFile, listing.accounts, {
    session: args.session,
    startUrl: inputs.session.startUrl,
    includeDuplicates: args.includeDuplicates,
    ...(args.template === undefined ? {} : { template: args.template }),
    ...(args.region === undefined ? {} : { region: args.region }),
    credentialsProfileNames: inputs.credentialsProfileNames,
    listingComplete: listing.complete,
  });

  let applied: SyncApplyResult | null = null;
  let applyError: string | null = null;
  if (args.apply && preview.problems.length === 0) {
    try {
      applied = await applySync(preview);
    } catch (error) {
      if (error instanceof ConcurrentEditError) applyError = `${error.message} (nothing written; run the sync again)`;
      else if (isFileFailure(error))
        applyError = `${failedPath(error) ?? preview.file.path} was not written: ${fileFailureReason(error)}.`;
      else throw error;
    }
  }

  if (args.json) ctx.stdout.write(`${JSON.stringify(jsonReport(listing, preview, applied, applyError), null, 2)}\n`);
  else printReport(ctx, listing, preview, args.apply, applied, applyError);
  const failed =
    listing.problems.length > 0 ||
    preview.problems.length > 0 ||
    applyError !== null ||
    (applied?.problems.length ?? 0) > 0;
  return failed ? EXIT.unusable : EXIT.ok;
}

function progressPrinter(ctx: CliContext, quiet: boolean): ((p: SsoListingProgress) => void) | undefined {
  const tty = ctx.stderr.isTTY === true;
  if (quiet || !tty) return undefined;
  let last = 0;
  return (p) => {
    const now = Date.now();
    if (now - last < 200 && !(p.allAccountsFound && p.accountsDone === p.accountsFound)) return;
    last = now;
    const total = p.allAccountsFound ? String(p.accountsFound) : `${p.accountsFound}+`;
    writeTerminalControl(ctx.stderr, '\r\x1b[K');
    ctx.stderr.write(
      `Listing roles: ${p.accountsDone}/${total} accounts, ${p.rolesFound} roles, ${p.rate.toFixed(1)} req/s, ${p.throttled} throttled`,
    );
    if (p.allAccountsFound && p.accountsDone === p.accountsFound) ctx.stderr.write('\n');
  };
}

function jsonReport(
  listing: SsoListing,
  preview: SyncPreview,
  applied: SyncApplyResult | null,
  applyError: string | null,
): unknown {
  return {
    session: preview.session,
    configFile: preview.file.path,
    listing: {
      accounts: listing.accounts.length,
      roles: listing.accounts.reduce((n, a) => n + a.roles.length, 0),
      complete: listing.complete,
      stats: listing.stats,
    },
    counts: preview.counts,
    entries: preview.entries,
    conflicts: preview.conflicts,
    duplicates: preview.duplicates,
    problems: [...listing.problems, ...preview.problems, ...(applied?.problems ?? [])],
    applied: applied === null ? null : { changed: applied.changed, backupPath: applied.backupPath },
    applyError,
  };
}

function printReport(
  ctx: CliContext,
  listing: SsoListing,
  preview: SyncPreview,
  apply: boolean,
  applied: SyncApplyResult | null,
  applyError: string | null,
): void {
  const out = (line = ''): boolean => ctx.stdout.write(`${line}\n`);
  const roles = listing.accounts.reduce((n, a) => n + a.roles.length, 0);
  const s = listing.stats;
  out(
    `SSO session ${preview.session}: ${listing.accounts.length} accounts, ${roles} roles ` +
      `(${s.requests} calls, ${s.throttled} throttled and retried, ${s.failedCalls} failed, ${(s.elapsedMs / 1000).toFixed(1)} s)`,
  );
  for (const problem of [...listing.problems, ...preview.problems])
    ctx.stderr.write(`cloudid sso sync: ${problem.message}\n`);
  const width = Math.max(12, ...preview.entries.map((e) => e.profileName.length));
  const sign = { add: '+', update: '~', remove: '-', unchanged: '=' } as const;
  for (const entry of preview.entries) {
    if (entry.action === 'unchanged') continue;
    const changes =
      entry.changes.length === 0 || entry.action !== 'update'
        ? ''
        : `  (${entry.changes.map((c) => `${c.key}: ${c.from ?? 'unset'} -> ${c.to ?? 'unset'}`).join(', ')})`;
    out(`  ${sign[entry.action]} ${entry.profileName.padEnd(width)}  ${entry.accountId}  ${entry.roleName}${changes}`);
  }
  for (const conflict of preview.conflicts) {
    const where =
      conflict.heldBy === 'credentials' ? 'the credentials file' : `line ${conflict.line ?? '?'} of the config file`;
    out(
      `  ! ${conflict.profileName.padEnd(width)}  ${conflict.accountId}  ${conflict.roleName}  (name taken by your profile at ${where}: left alone)`,
    );
  }
  for (const duplicate of preview.duplicates) {
    out(
      `  * ${duplicate.profileName.padEnd(width)}  ${duplicate.accountId}  ${duplicate.roleName}  (already present as ${duplicate.existingProfile}: not added)`,
    );
  }
  const c = preview.counts;
  out(
    `${c.add} to add, ${c.update} to update, ${c.remove} to remove, ${c.unchanged} unchanged, ${c.conflict} ${c.conflict === 1 ? 'conflict' : 'conflicts'}` +
      (c.duplicate === 0
        ? '.'
        : `, ${c.duplicate} already present under your own ${c.duplicate === 1 ? 'name' : 'names'} (--include-duplicates adds ${c.duplicate === 1 ? 'it' : 'them'} anyway).`),
  );
  if (applyError !== null) ctx.stderr.write(`cloudid sso sync: ${applyError}\n`);
  else if (applied !== null) {
    if (!applied.changed) out(`${preview.file.path} is already up to date.`);
    else
      out(
        `Wrote ${applied.configPath}${applied.backupPath === null ? '' : ` (original kept as ${applied.backupPath})`}.`,
      );
  } else if (!apply && preview.edits.length > 0) out(`Run again with --apply to write ${preview.file.path}.`);
}
