// `cloudid gcp env <key id | key.json> [--apply]` and `cloudid gcp env --remove [--apply]`:
// GOOGLE_APPLICATION_CREDENTIALS in the shell profiles the user has, through a marked block.
// Without --apply it only shows what would change.
import { resolve } from 'node:path';
import { ConcurrentEditError } from '../../core/fs/safe-file-writer';
import { validateKeyFile } from '../../core/gcp/service-account-key';
import { blockLines, UnsafeKeyPathError } from '../../core/gcp/shell-profile-block';
import { applyShellProfileEdits, previewShellProfileEdits, type ShellProfileEdit } from '../../core/gcp/shell-profiles';
import { hasControlCharacters } from '../../shared/control-characters';
import { defineCommand, UsageError, type CommandContext } from '../command';
import { EXIT } from '../exit-codes';
import { findImportedKey, keyStoreFor } from './gcp-key-ref';

const HELP = `Sets GOOGLE_APPLICATION_CREDENTIALS to a service-account key in ~/.bashrc, ~/.zshrc and fish's
config.fish (the ones you have, and your login shell's), inside a marked block that
\`--remove\` takes out again. Without --apply, shows what would change and writes nothing.
<key> is an imported key's id, a unique start of it, or its account's email.

Exit status: 0 done (or previewed); 1 the key is unknown or invalid, a profile changed while
being edited, or a profile cannot be edited (each such file is named with the reason; the others
are still edited); 2 usage error.`;

function describeEdit(edit: ShellProfileEdit, removing: boolean): string {
  if (!edit.changed) return `${edit.path}: unchanged`;
  if (removing) return `${edit.path}: remove the block`;
  if (edit.file?.exists !== true) return `${edit.path}: create with the block`;
  return edit.currentKeyPath === null
    ? `${edit.path}: add the block at the end`
    : `${edit.path}: replace the block (was ${edit.currentKeyPath})`;
}

async function keyPathFor(target: string, ctx: CommandContext): Promise<{ path: string } | { error: string }> {
  if (hasControlCharacters(target)) return { error: new UnsafeKeyPathError(target).message };
  const validated = await validateKeyFile(target);
  if (validated.ok) return { path: resolve(target) };
  if (validated.reason !== 'not-found') return { error: validated.message };
  const found = await findImportedKey(keyStoreFor(ctx), target);
  return found.ok ? { path: found.key.path } : { error: `${target} is not a key file, and ${found.message}` };
}

const refusedBefore = (edits: ShellProfileEdit[], path: string): boolean =>
  edits.some((e) => e.path === path && e.problem !== null);

export const run = defineCommand({
  name: 'gcp env',
  usage: `cloudid gcp env <key | key.json> [--apply]
cloudid gcp env --remove [--apply]`,
  help: HELP,
  options: { apply: { type: 'boolean' }, remove: { type: 'boolean' } },
  run: ({ values, positionals }, ctx) => {
    const removing = values.remove ?? false;
    if (removing ? positionals.length !== 0 : positionals.length !== 1)
      throw new UsageError('give one key or key file, or --remove alone');
    return editProfiles(removing ? null : (positionals[0] ?? ''), values.apply ?? false, ctx);
  },
});

/** Shows, and with `apply` makes, the edits for `target` (a key or key file; null: remove). */
async function editProfiles(target: string | null, apply: boolean, ctx: CommandContext): Promise<number> {
  const removing = target === null;
  let keyPath: string | null = null;
  if (target !== null) {
    const found = await keyPathFor(target, ctx);
    if ('error' in found) {
      ctx.stderr.write(`cloudid gcp env: ${found.error}\n`);
      return EXIT.unusable;
    }
    keyPath = found.path;
  }
  let edits: ShellProfileEdit[];
  try {
    edits = await previewShellProfileEdits(ctx.env, ctx.homeDir, keyPath);
  } catch (error) {
    if (!(error instanceof UnsafeKeyPathError)) throw error;
    ctx.stderr.write(`cloudid gcp env: ${error.message}\n`);
    return EXIT.unusable;
  }
  if (edits.length === 0) {
    ctx.stdout.write(
      removing
        ? 'No shell profile holds the block.\n'
        : 'No bash, zsh or fish profile found, and SHELL is none of them: nothing to edit.\n',
    );
    return EXIT.ok;
  }
  for (const edit of edits) {
    if (edit.problem) ctx.stderr.write(`cloudid gcp env: ${edit.problem}\n`);
    else ctx.stdout.write(`${describeEdit(edit, removing)}\n`);
  }
  const refused = edits.some((e) => e.problem !== null);
  if (keyPath && edits.some((e) => e.changed)) {
    const sample = edits.find((e) => e.changed);
    if (sample)
      ctx.stdout.write(
        `\n${blockLines(sample.shell, keyPath)
          .map((l) => `  ${l}`)
          .join('\n')}\n`,
      );
  }
  if (!apply) {
    if (edits.some((e) => e.changed))
      ctx.stdout.write('\nNothing written. Run again with --apply to make these changes.\n');
    return refused ? EXIT.unusable : EXIT.ok;
  }
  try {
    const writes = await applyShellProfileEdits(edits);
    for (const w of writes.filter((x) => x.changed))
      ctx.stdout.write(`Wrote ${w.path}${w.backupPath ? ` (original kept as ${w.backupPath})` : ''}\n`);
    // Problems found by the preview were named above; these are the writes that failed.
    for (const w of writes.filter((x) => x.problem !== null && !refusedBefore(edits, x.path)))
      ctx.stderr.write(`cloudid gcp env: ${w.problem ?? ''}\n`);
    if (!removing && writes.some((w) => w.changed))
      ctx.stdout.write('Open a new shell (or source the profile) for it to take effect.\n');
    return writes.some((w) => w.problem !== null) ? EXIT.unusable : EXIT.ok;
  } catch (error) {
    if (error instanceof ConcurrentEditError) {
      ctx.stderr.write(`cloudid gcp env: ${error.message}\n`);
      return EXIT.unusable;
    }
    throw error;
  }
}
