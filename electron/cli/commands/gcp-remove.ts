// `cloudid gcp remove <key id> [--apply]`: deletes the keychain entry, the key's copy and its
// metadata. When a shell profile's GOOGLE_APPLICATION_CREDENTIALS block points at the key, the
// block goes too, but only with --apply: without it the edits are shown and nothing is removed,
// so no profile is left pointing at a deleted file.
import { parseArgs } from 'node:util';
import { appDataDir } from '../../core/app/app-paths';
import { failedPath, fileFailureReason, isFileFailure } from '../../core/fs/file-failure';
import { ConcurrentEditError } from '../../core/fs/safe-file-writer';
import { ServiceAccountKeyStore, type StoredKey } from '../../core/gcp/key-store';
import { applyShellProfileEdits, previewBlockRemovalFor, type ShellProfileEdit } from '../../core/gcp/shell-profiles';
import { KeytarSecretStore } from '../../core/secrets/keytar-secret-store';
import { SecretStoreUnavailableError } from '../../core/secrets/secret-store';
import { EXIT } from '../exit-codes';
import type { CliContext } from './cli-context';

export const GCP_REMOVE_HELP = `Usage: cloudid gcp remove <key id> [--apply]

Removes an imported service-account key: its keychain entry and the app's copy. gcloud keeps
its own copy of an activated key; remove that with \`gcloud auth revoke <account>\`.

If GOOGLE_APPLICATION_CREDENTIALS in ~/.bashrc, ~/.zshrc or config.fish points at the key (the
block \`cloudid gcp env\` writes), the command shows the block it would take out and removes
nothing; run it again with --apply to remove the block and the key.

Exit status: 0 removed; 1 no such key, a shell profile still points at the key (and --apply was
not given, or that profile cannot be edited), the keychain is unavailable or a file could not be
changed (the message names it); 2 usage error.
`;

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { apply: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    ctx.stderr.write(`cloudid gcp remove: ${(error as Error).message}\n\n${GCP_REMOVE_HELP}`);
    return EXIT.usage;
  }
  if (parsed.values.help) {
    ctx.stdout.write(GCP_REMOVE_HELP);
    return EXIT.ok;
  }
  const [keyId, ...extra] = parsed.positionals;
  if (!keyId || extra.length > 0) {
    ctx.stderr.write(`cloudid gcp remove: give exactly one key id\n\n${GCP_REMOVE_HELP}`);
    return EXIT.usage;
  }
  const store = new ServiceAccountKeyStore({
    appDataDir: appDataDir(ctx.env, ctx.homeDir, process.platform),
    secrets: new KeytarSecretStore(),
  });
  let known: StoredKey | null;
  try {
    known = await store.find(keyId);
  } catch (error) {
    if (!(error instanceof SecretStoreUnavailableError)) throw error;
    ctx.stderr.write(`cloudid gcp remove: ${error.message}\n`);
    return EXIT.unusable;
  }
  if (known) {
    const blocks = await removeBlocksFirst(known, parsed.values.apply ?? false, ctx);
    if (blocks !== EXIT.ok) return blocks;
  }
  try {
    if (!(await store.remove(keyId))) {
      ctx.stderr.write(`cloudid gcp remove: no imported key has the id ${keyId}\n`);
      return EXIT.unusable;
    }
  } catch (error) {
    if (error instanceof SecretStoreUnavailableError) {
      ctx.stderr.write(`cloudid gcp remove: ${error.message}\n`);
      return EXIT.unusable;
    }
    if (isFileFailure(error)) {
      ctx.stderr.write(
        `cloudid gcp remove: ${failedPath(error) ?? 'the key folder'} could not be changed: ${fileFailureReason(error)}.\n`,
      );
      return EXIT.unusable;
    }
    throw error;
  }
  ctx.stdout.write(`Removed key ${keyId}${known ? ` of ${known.account}` : ''}.\n`);
  return EXIT.ok;
}

/**
 * Takes the GOOGLE_APPLICATION_CREDENTIALS block that points at the key out of the shell profiles
 * (with `apply`), or shows what would go and refuses. EXIT.ok means the key may be removed now.
 */
async function removeBlocksFirst(key: StoredKey, apply: boolean, ctx: CliContext): Promise<number> {
  const edits: ShellProfileEdit[] = await previewBlockRemovalFor(ctx.env, ctx.homeDir, key.path);
  if (edits.length === 0) return EXIT.ok;
  ctx.stdout.write(`GOOGLE_APPLICATION_CREDENTIALS points at this key in:\n`);
  for (const edit of edits)
    ctx.stdout.write(`  ${edit.path}: ${edit.problem ? 'cannot be edited' : 'remove the block'}\n`);
  const refused = edits.filter((e) => e.problem !== null);
  if (refused.length > 0) {
    for (const edit of refused) ctx.stderr.write(`cloudid gcp remove: ${edit.problem ?? ''}\n`);
    ctx.stderr.write(
      `cloudid gcp remove: nothing removed. Delete the lines between the "cloud-identity-tray" markers in that file by hand, then run this again.\n`,
    );
    return EXIT.unusable;
  }
  if (!apply) {
    ctx.stderr.write(
      `cloudid gcp remove: nothing removed. Run again with --apply to remove the block and the key, so no shell points at a deleted file.\n`,
    );
    return EXIT.unusable;
  }
  try {
    const writes = await applyShellProfileEdits(edits);
    for (const w of writes.filter((x) => x.changed))
      ctx.stdout.write(`Wrote ${w.path}${w.backupPath ? ` (original kept as ${w.backupPath})` : ''}\n`);
    const failed = writes.filter((w) => w.problem !== null);
    for (const w of failed) ctx.stderr.write(`cloudid gcp remove: ${w.problem ?? ''}\n`);
    if (failed.length > 0) {
      ctx.stderr.write(`cloudid gcp remove: the key was not removed, because a profile still points at it.\n`);
      return EXIT.unusable;
    }
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof ConcurrentEditError)) throw error;
    ctx.stderr.write(`cloudid gcp remove: ${error.message} Nothing was written or removed; run it again.\n`);
    return EXIT.unusable;
  }
}
