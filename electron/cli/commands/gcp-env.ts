// `cloudid gcp env <key id | key.json> [--apply]` and `cloudid gcp env --remove [--apply]`:
// GOOGLE_APPLICATION_CREDENTIALS in the shell profiles the user has, through a marked block.
// Without --apply it only shows what would change.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { appDataDir } from '../../core/app/app-paths';
import { ConcurrentEditError } from '../../core/fs/safe-file-writer';
import { ServiceAccountKeyStore } from '../../core/gcp/key-store';
import { validateKeyFile } from '../../core/gcp/service-account-key';
import { blockLines, UnsafeKeyPathError } from '../../core/gcp/shell-profile-block';
import { applyShellProfileEdits, previewShellProfileEdits, type ShellProfileEdit } from '../../core/gcp/shell-profiles';
import { KeytarSecretStore } from '../../core/secrets/keytar-secret-store';
import { SecretStoreUnavailableError } from '../../core/secrets/secret-store';
import { hasControlCharacters } from '../../shared/control-characters';
import { EXIT } from '../exit-codes';
import type { CliContext } from './cli-context';

export const GCP_ENV_HELP = `Usage: cloudid gcp env <key id | key.json> [--apply]
       cloudid gcp env --remove [--apply]

Sets GOOGLE_APPLICATION_CREDENTIALS to a service-account key in ~/.bashrc, ~/.zshrc and fish's
config.fish (the ones you have, and your login shell's), inside a marked block that
\`--remove\` takes out again. Without --apply, shows what would change and writes nothing.

Exit status: 0 done (or previewed); 1 the key is unknown or invalid, a profile changed while
being edited, or a profile cannot be edited (each such file is named with the reason; the others
are still edited); 2 usage error.
`;

function describeEdit(edit: ShellProfileEdit, removing: boolean): string {
  if (!edit.changed) return `${edit.path}: unchanged`;
  if (removing) return `${edit.path}: remove the block`;
  if (edit.file?.exists !== true) return `${edit.path}: create with the block`;
  return edit.currentKeyPath === null
    ? `${edit.path}: add the block at the end`
    : `${edit.path}: replace the block (was ${edit.currentKeyPath})`;
}

async function keyPathFor(target: string, ctx: CliContext): Promise<{ path: string } | { error: string }> {
  if (hasControlCharacters(target)) return { error: new UnsafeKeyPathError(target).message };
  const validated = await validateKeyFile(target);
  if (validated.ok) return { path: resolve(target) };
  if (validated.reason !== 'not-found') return { error: validated.message };
  const store = new ServiceAccountKeyStore({
    appDataDir: appDataDir(ctx.env, ctx.homeDir, process.platform),
    secrets: new KeytarSecretStore(),
  });
  try {
    const stored = await store.find(target);
    return stored ? { path: stored.path } : { error: `${target} is neither a key file nor the id of an imported key` };
  } catch (error) {
    if (error instanceof SecretStoreUnavailableError) return { error: error.message };
    throw error;
  }
}

const refusedBefore = (edits: ShellProfileEdit[], path: string): boolean =>
  edits.some((e) => e.path === path && e.problem !== null);

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { apply: { type: 'boolean' }, remove: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    ctx.stderr.write(`cloudid gcp env: ${(error as Error).message}\n\n${GCP_ENV_HELP}`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    ctx.stdout.write(GCP_ENV_HELP);
    return EXIT.ok;
  }
  const removing = values.remove ?? false;
  if (removing ? positionals.length !== 0 : positionals.length !== 1) {
    ctx.stderr.write(`cloudid gcp env: give one key id or key file, or --remove alone\n\n${GCP_ENV_HELP}`);
    return EXIT.usage;
  }
  let keyPath: string | null = null;
  if (!removing) {
    const found = await keyPathFor(positionals[0] ?? '', ctx);
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
  if (!values.apply) {
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
