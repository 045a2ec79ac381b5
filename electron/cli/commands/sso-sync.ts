// `cloudid sso sync <session|profile> [--apply] [--json]`: list every account and role of an SSO
// session (a profile stands for the session it uses), show which profiles a sync would add, update or remove, and with --apply write them
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
import { defineCommand, UsageError, type CommandContext } from '../command';
import { EXIT } from '../exit-codes';
import { jsonLine } from '../json-output';
import { writeTerminalControl } from '../terminal-text';
import { SSO_TARGET_OPTIONS, ssoTargetQuery, syncSessionName } from './sso-target-args';

const HELP = `Lists every account and role the session can use (paced under the portal's rate limit) and
shows the profiles a sync would add (+), update (~) or remove (-) in your AWS config file.
Only profiles cloudid created (marked "# managed by cloudid: sso-sync <session>") are ever
updated or removed; a name already used by one of your own profiles is left alone (!). A role
you already have a profile for (same session, account and role, under any name) is not added
again (*), unless --include-duplicates is given. A profile names the [sso-session] it uses.

  --apply         write the changes (one edit; the original is backed up once as
                  <config>.cloudid-backup)
  --json          print the preview (and the result) as one JSON line with "version": 1
  --template T    profile names, default "${DEFAULT_PROFILE_NAME_TEMPLATE}"; fields:
                  <account name> <account id> <role> <session> <email>
  --region R      also set "region = R" in each synced profile
  --include-duplicates
                  also add a profile for roles you already have a profile for

Exit status: 0 listed (and written with --apply); 1 not logged in, the portal refused or did
not answer, a call failed, or the config file could not be written; 2 usage error.`;

interface SyncArgs {
  session: string;
  apply: boolean;
  json: boolean;
  template: string | undefined;
  region: string | undefined;
  includeDuplicates: boolean;
}

export const run = defineCommand({
  name: 'sso sync',
  usage: 'cloudid sso sync <sso-session|profile> [--apply] [--json] [--template T] [--region R] [--include-duplicates]',
  help: HELP,
  options: {
    ...SSO_TARGET_OPTIONS,
    apply: { type: 'boolean' },
    json: { type: 'boolean' },
    template: { type: 'string' },
    region: { type: 'string' },
    'include-duplicates': { type: 'boolean' },
  },
  run: async ({ values, positionals }, ctx) => {
    for (const option of ['template', 'region'] as const)
      if (values[option] === '') throw new UsageError(`--${option} needs a value`);
    const session = await syncSessionName(ctx, ssoTargetQuery(values, positionals));
    if (!session.ok) {
      ctx.stderr.write(`cloudid sso sync: ${session.message}\n`);
      return EXIT.unusable;
    }
    return sync(
      {
        session: session.name,
        apply: values.apply ?? false,
        json: values.json ?? false,
        template: values.template,
        region: values.region,
        includeDuplicates: values['include-duplicates'] ?? false,
      },
      ctx,
    );
  },
});

async function sync(args: SyncArgs, ctx: CommandContext): Promise<number> {
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

  if (args.json) {
    ctx.stdout.write(jsonLine(jsonReport(listing, preview, applied, applyError)));
  } else if (listing.accounts.length === 0 && listing.problems.length > 0) {
    // Nothing was listed (the portal refused the token, say): the reason, not a report of zeros.
    for (const problem of listing.problems) ctx.stderr.write(`cloudid sso sync: ${problem.message}\n`);
  } else {
    printReport(ctx, listing, preview, args.apply, applied, applyError);
  }
  const failed =
    listing.problems.length > 0 ||
    preview.problems.length > 0 ||
    applyError !== null ||
    (applied?.problems.length ?? 0) > 0;
  return failed ? EXIT.unusable : EXIT.ok;
}

function progressPrinter(ctx: CommandContext, quiet: boolean): ((p: SsoListingProgress) => void) | undefined {
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
) {
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
  ctx: CommandContext,
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
