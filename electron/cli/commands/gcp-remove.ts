// `cloudid gcp remove <key> [--apply]`: deletes the keychain entry, the key's copy and its
// metadata. When a shell profile's GOOGLE_APPLICATION_CREDENTIALS block points at the key, the
// block goes too, but only with --apply: without it the edits are shown and nothing is removed,
// so no profile is left pointing at a deleted file.
import { failedPath, fileFailureReason, isFileFailure } from '../../core/fs/file-failure';
import { ConcurrentEditError } from '../../core/fs/safe-file-writer';
import type { StoredKey } from '../../core/gcp/key-store';
import { applyShellProfileEdits, previewBlockRemovalFor, type ShellProfileEdit } from '../../core/gcp/shell-profiles';
import { SecretStoreUnavailableError } from '../../core/secrets/secret-store';
import { defineCommand, UsageError, type CommandContext } from '../command';
import { EXIT } from '../exit-codes';
import { keyStoreFor, matchKeyRef } from './gcp-key-ref';

const HELP = `Removes an imported service-account key: its keychain entry and the app's copy. gcloud keeps
its own copy of an activated key; remove that with \`gcloud auth revoke <account>\`.
<key> is the key's id, a unique start of it, or its account's email (\`cloudid gcp list\`).

If GOOGLE_APPLICATION_CREDENTIALS in ~/.bashrc, ~/.zshrc or config.fish points at the key (the
block \`cloudid gcp env\` writes), the command shows the block it would take out and removes
nothing; run it again with --apply to remove the block and the key.

Exit status: 0 removed; 1 no such key, a shell profile still points at the key (and --apply was
not given, or that profile cannot be edited), the keychain is unavailable or a file could not be
changed (the message names it); 2 usage error.`;

export const run = defineCommand({
  name: 'gcp remove',
  usage: 'cloudid gcp remove <key> [--apply]',
  help: HELP,
  options: { apply: { type: 'boolean' } },
  run: ({ values, positionals }, ctx) => {
    const [ref, ...extra] = positionals;
    if (!ref || extra.length > 0) throw new UsageError('give exactly one key');
    return removeKey(ref, values.apply ?? false, ctx);
  },
});

async function removeKey(ref: string, apply: boolean, ctx: CommandContext): Promise<number> {
  const store = keyStoreFor(ctx);
  const imported = await store.list();
  const match = matchKeyRef(imported, ref);
  if (!match.ok) {
    ctx.stderr.write(`cloudid gcp remove: ${match.message}\n`);
    return EXIT.unusable;
  }
  const { keyId } = match;
  const account = imported.find((k) => k.keyId === keyId)?.account ?? '';
  // Null when the keychain has lost the key's path: then no shell block can be found for it,
  // and the rest of the key is still removed.
  let known: StoredKey | null;
  try {
    known = await store.find(keyId);
  } catch (error) {
    if (!(error instanceof SecretStoreUnavailableError)) throw error;
    ctx.stderr.write(`cloudid gcp remove: ${error.message}\n`);
    return EXIT.unusable;
  }
  if (known) {
    const blocks = await removeBlocksFirst(known, apply, ctx);
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
  ctx.stdout.write(`Removed key ${keyId} of ${account}.\n`);
  return EXIT.ok;
}

/**
 * Takes the GOOGLE_APPLICATION_CREDENTIALS block that points at the key out of the shell profiles
 * (with `apply`), or shows what would go and refuses. EXIT.ok means the key may be removed now.
 */
async function removeBlocksFirst(key: StoredKey, apply: boolean, ctx: CommandContext): Promise<number> {
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
