// `cloudid gcp import <file> [--activate [--current-configuration]] [--remove-download] [--json]`
// An activation gets a gcloud configuration of its own unless the current one is asked for; then
// the commands that put back its account and project are printed (gcloud-undo-activation.ts).
import { settingsToRestore } from '../../core/gcp/gcloud-activate';
import { undoActivationCommands } from '../../core/gcp/gcloud-undo-activation';
import { importServiceAccountKey } from '../../core/gcp/import-service-account-key';
import { defineCommand, UsageError, type CommandContext } from '../command';
import { EXIT } from '../exit-codes';
import { jsonLine } from '../json-output';
import { keyStoreFor } from './gcp-key-ref';

const HELP = `Validates a service-account JSON key, copies it into the app's key folder (0600), and records
its location in the OS keychain. Metadata only (account, project, key id) goes to the settings.
  --activate            then run \`gcloud auth activate-service-account\` and \`gcloud config set project\`
                        in a gcloud configuration of its own, named after the account (created if
                        needed and made active; the configuration you had stays as it was)
  --current-configuration
                        activate in the current configuration instead, replacing its account and
                        project for every terminal; prints the commands that put them back
  --remove-download     delete <key.json> once it is stored
  --replace             replace a different key already imported under the same key id
  --json                print the result as one JSON line with "version": 1

Exit status: 0 imported (or already imported) and activated if asked; 1 the file was rejected,
a different key with the same key id is imported (and --replace was not given), the keychain is
unavailable or gcloud failed; 2 usage error.`;

interface ImportOptions {
  activate?: boolean;
  'current-configuration'?: boolean;
  'remove-download'?: boolean;
  replace?: boolean;
  json?: boolean;
}

export const run = defineCommand({
  name: 'gcp import',
  usage:
    'cloudid gcp import <key.json> [--activate [--current-configuration]] [--remove-download] [--replace] [--json]',
  help: HELP,
  options: {
    activate: { type: 'boolean' },
    'current-configuration': { type: 'boolean' },
    // The default since activations stopped changing the current configuration; still accepted.
    'own-configuration': { type: 'boolean' },
    'remove-download': { type: 'boolean' },
    replace: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  run: ({ values, positionals }, ctx) => {
    if (values['current-configuration'] && values['own-configuration'])
      throw new UsageError('--current-configuration and --own-configuration exclude each other');
    const [source, ...extra] = positionals;
    if (!source || extra.length > 0) throw new UsageError('give exactly one key file');
    return importKey(source, values, ctx);
  },
});

async function importKey(source: string, values: ImportOptions, ctx: CommandContext): Promise<number> {
  const store = keyStoreFor(ctx);
  const { result, activation, sourceRemoved } = await importServiceAccountKey(store, {
    source,
    activate: values.activate ?? false,
    ownConfiguration: !(values['current-configuration'] ?? false),
    removeSource: values['remove-download'] ?? false,
    replace: values.replace ?? false,
    env: ctx.env,
  });
  const stored = result.status === 'imported' || result.status === 'duplicate' || result.status === 'replaced';
  const ok = stored && (activation === null || activation.ok);
  const restore = activation ? settingsToRestore(activation) : null;
  if (values.json) {
    const json = {
      status: result.status,
      ...(stored
        ? { key: result.key }
        : { reason: 'reason' in result ? result.reason : result.status, message: result.message }),
      activation: activation && {
        ok: activation.ok,
        configuration: activation.configuration,
        previous: activation.previous,
        undo: restore ? undoActivationCommands(restore) : [],
        message: activation.message,
        commands: activation.steps.map((s) => ({ command: s.command, exitCode: s.exitCode })),
      },
      sourceRemoved,
    };
    ctx.stdout.write(jsonLine(json));
    return ok ? EXIT.ok : EXIT.unusable;
  }
  if (!stored) {
    const hint =
      result.status === 'conflict' ? '\nTo replace the stored key with this file, run again with --replace.' : '';
    ctx.stderr.write(`cloudid gcp import: ${source} was not imported.\n${result.message}${hint}\n`);
    return EXIT.unusable;
  }
  const { key } = result;
  const what = `${key.account}${key.project ? ` (project ${key.project})` : ''}, key ${key.keyId}`;
  const done = { imported: 'Imported', duplicate: 'Already imported:', replaced: 'Replaced the stored key with' }[
    result.status
  ];
  ctx.stdout.write(`${done} ${what}\n  stored at ${key.path}\n`);
  if (sourceRemoved) ctx.stdout.write(`  deleted the download ${source}\n`);
  if (activation) {
    if (activation.ok) {
      const { previous } = activation;
      ctx.stdout.write(
        previous
          ? `Activated in gcloud's current configuration ${previous.configuration}: it was ${previous.account ?? 'no account'}, ${previous.project ? `project ${previous.project}` : 'no project'}.\n`
          : `Activated in gcloud (configuration ${activation.configuration ?? '?'}, now active; the one you had is unchanged).\n`,
      );
      if (activation.message) ctx.stdout.write(`${activation.message}\n`);
    } else {
      ctx.stderr.write(`gcloud could not activate the key:\n${activation.message ?? ''}\n`);
    }
    if (restore)
      ctx.stdout.write(
        `To undo, put its account and project back:\n${undoActivationCommands(restore)
          .map((line) => `  ${line}`)
          .join('\n')}\n`,
      );
  }
  return ok ? EXIT.ok : EXIT.unusable;
}
