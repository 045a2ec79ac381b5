// `cloudid gcp verify <file | key id> [--json]`: mints an access token with the key.
import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { appDataDir } from '../../core/app/app-paths';
import { ServiceAccountKeyStore } from '../../core/gcp/key-store';
import { verifyKeyFile } from '../../core/gcp/verify-service-account-key';
import { KeytarSecretStore } from '../../core/secrets/keytar-secret-store';
import { SecretStoreUnavailableError } from '../../core/secrets/secret-store';
import { EXIT } from '../exit-codes';
import type { CliContext } from './cli-context';

export const GCP_VERIFY_HELP = `Usage: cloudid gcp verify <key.json | key id> [--json]

Proves a service-account key works by getting an access token for it from its token endpoint.

Exit status: 0 the key works; 1 it does not (the message says why); 2 usage error.
`;

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    ctx.stderr.write(`cloudid gcp verify: ${(error as Error).message}\n\n${GCP_VERIFY_HELP}`);
    return EXIT.usage;
  }
  if (parsed.values.help) {
    ctx.stdout.write(GCP_VERIFY_HELP);
    return EXIT.ok;
  }
  const [target, ...extra] = parsed.positionals;
  if (!target || extra.length > 0) {
    ctx.stderr.write(`cloudid gcp verify: give exactly one key file or key id\n\n${GCP_VERIFY_HELP}`);
    return EXIT.usage;
  }
  let path = target;
  if (!(await isFile(target))) {
    const store = new ServiceAccountKeyStore({
      appDataDir: appDataDir(ctx.env, ctx.homeDir, process.platform),
      secrets: new KeytarSecretStore(),
    });
    try {
      const stored = await store.find(target);
      if (!stored) {
        ctx.stderr.write(`cloudid gcp verify: ${target} is neither a file nor the id of an imported key\n`);
        return EXIT.unusable;
      }
      path = stored.path;
    } catch (error) {
      if (!(error instanceof SecretStoreUnavailableError)) throw error;
      ctx.stderr.write(`cloudid gcp verify: ${error.message}\n`);
      return EXIT.unusable;
    }
  }
  const result = await verifyKeyFile(path, {
    env: ctx.env,
    ...(ctx.requestTimeoutMs === undefined ? {} : { timeoutMs: ctx.requestTimeoutMs }),
  });
  if (parsed.values.json) {
    ctx.stdout.write(
      `${JSON.stringify(result.ok ? { ok: true, key: result.key, expiresAt: result.expiresAt } : { ok: false, kind: result.kind, message: result.message, ...(result.key ? { key: result.key } : {}) }, null, 2)}\n`,
    );
  } else if (result.ok) {
    ctx.stdout.write(
      `OK: ${result.key.clientEmail} (key ${result.key.keyId}) got an access token from ${result.key.tokenUri}.\n`,
    );
  } else {
    ctx.stderr.write(`cloudid gcp verify: ${result.message}\n`);
  }
  return result.ok ? EXIT.ok : EXIT.unusable;
}
