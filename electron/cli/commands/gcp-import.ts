// `cloudid gcp import <file> [--activate [--own-configuration]] [--remove-download] [--json]`
import { parseArgs } from 'node:util';
import { appDataDir } from '../../core/app/app-paths';
import { importServiceAccountKey } from '../../core/gcp/import-service-account-key';
import { ServiceAccountKeyStore } from '../../core/gcp/key-store';
import { KeytarSecretStore } from '../../core/secrets/keytar-secret-store';
import { EXIT } from '../exit-codes';
import type { CliContext } from './cli-context';

export const GCP_IMPORT_HELP = `Usage: cloudid gcp import <key.json> [--activate [--own-configuration]] [--remove-download] [--replace] [--json]

Validates a service-account JSON key, copies it into the app's key folder (0600), and records
its location in the OS keychain. Metadata only (account, project, key id) goes to the settings.
  --activate            then run \`gcloud auth activate-service-account\` and \`gcloud config set project\`
  --own-configuration   activate in a new gcloud configuration named after the account (default stays as is)
  --remove-download     delete <key.json> once it is stored
  --replace             replace a different key already imported under the same key id
  --json                print the result as JSON

Exit status: 0 imported (or already imported) and activated if asked; 1 the file was rejected,
a different key with the same key id is imported (and --replace was not given), the keychain is
unavailable or gcloud failed; 2 usage error.
`;

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        activate: { type: 'boolean' },
        'own-configuration': { type: 'boolean' },
        'remove-download': { type: 'boolean' },
        replace: { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    ctx.stderr.write(`cloudid gcp import: ${(error as Error).message}\n\n${GCP_IMPORT_HELP}`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    ctx.stdout.write(GCP_IMPORT_HELP);
    return EXIT.ok;
  }
  const [source, ...extra] = positionals;
  if (!source || extra.length > 0) {
    ctx.stderr.write(`cloudid gcp import: give exactly one key file\n\n${GCP_IMPORT_HELP}`);
    return EXIT.usage;
  }
  const store = new ServiceAccountKeyStore({
    appDataDir: appDataDir(ctx.env, ctx.homeDir, process.platform),
    secrets: new KeytarSecretStore(),
  });
  const { result, activation, sourceRemoved } = await importServiceAccountKey(store, {
    source,
    activate: values.activate ?? false,
    ownConfiguration: values['own-configuration'] ?? false,
    removeSource: values['remove-download'] ?? false,
    replace: values.replace ?? false,
    env: ctx.env,
  });
  const stored = result.status === 'imported' || result.status === 'duplicate' || result.status === 'replaced';
  const ok = stored && (activation === null || activation.ok);
  if (values.json) {
    const json = {
      status: result.status,
      ...(stored
        ? { key: result.key }
        : { reason: 'reason' in result ? result.reason : result.status, message: result.message }),
      activation: activation && {
        ok: activation.ok,
        configuration: activation.configuration,
        message: activation.message,
        commands: activation.steps.map((s) => ({ command: s.command, exitCode: s.exitCode })),
      },
      sourceRemoved,
    };
    ctx.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
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
      ctx.stdout.write(
        `Activated in gcloud${activation.configuration ? ` (configuration ${activation.configuration}, now active)` : ''}.\n`,
      );
      if (activation.message) ctx.stdout.write(`${activation.message}\n`);
    } else {
      ctx.stderr.write(`gcloud could not activate the key:\n${activation.message ?? ''}\n`);
    }
  }
  return ok ? EXIT.ok : EXIT.unusable;
}
