// `cloudid gcp remove <key id>`: deletes the keychain entry, the key's copy and its metadata.
import { parseArgs } from 'node:util';
import { appDataDir } from '../../core/app/app-paths';
import { failedPath, fileFailureReason, isFileFailure } from '../../core/fs/file-failure';
import { ServiceAccountKeyStore } from '../../core/gcp/key-store';
import { KeytarSecretStore } from '../../core/secrets/keytar-secret-store';
import { SecretStoreUnavailableError } from '../../core/secrets/secret-store';
import { EXIT } from '../exit-codes';
import type { CliContext } from './cli-context';

export const GCP_REMOVE_HELP = `Usage: cloudid gcp remove <key id>

Removes an imported service-account key: its keychain entry and the app's copy. gcloud keeps
its own copy of an activated key; remove that with \`gcloud auth revoke <account>\`.

Exit status: 0 removed; 1 no such key, the keychain is unavailable or a file could not be
changed (the message names it); 2 usage error.
`;

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { help: { type: 'boolean', short: 'h' } },
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
  const known = (await store.list()).find((k) => k.keyId === keyId);
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
