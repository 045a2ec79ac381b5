// `cloudid gcp verify <file | key> [--json]`: mints an access token with the key.
import { stat } from 'node:fs/promises';
import { verifyKeyFile } from '../../core/gcp/verify-service-account-key';
import { defineCommand, UsageError } from '../command';
import { EXIT } from '../exit-codes';
import { jsonLine } from '../json-output';
import { findImportedKey, keyStoreFor } from './gcp-key-ref';

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export const run = defineCommand({
  name: 'gcp verify',
  usage: 'cloudid gcp verify <key.json | key> [--json]',
  help: `Proves a service-account key works by getting an access token for it from its token endpoint.
<key> is an imported key's id, a unique start of it, or its account's email.
  --json   print {"version":1,"ok":…,"key":…,"expiresAt":…} (or "kind" and "message")

Exit status: 0 the key works; 1 it does not (the message says why); 2 usage error.`,
  options: { json: { type: 'boolean' } },
  run: async ({ values, positionals }, ctx) => {
    const [target, ...extra] = positionals;
    if (!target || extra.length > 0) throw new UsageError('give exactly one key file or key');
    let path = target;
    if (!(await isFile(target))) {
      const found = await findImportedKey(keyStoreFor(ctx), target);
      if (!found.ok) {
        ctx.stderr.write(`cloudid gcp verify: ${target} is not a file, and ${found.message}\n`);
        return EXIT.unusable;
      }
      path = found.key.path;
    }
    const result = await verifyKeyFile(path, {
      env: ctx.env,
      ...(ctx.requestTimeoutMs === undefined ? {} : { timeoutMs: ctx.requestTimeoutMs }),
    });
    if (values.json) {
      ctx.stdout.write(
        jsonLine(
          result.ok
            ? { ok: true, key: result.key, expiresAt: result.expiresAt }
            : { ok: false, kind: result.kind, message: result.message, ...(result.key ? { key: result.key } : {}) },
        ),
      );
    } else if (result.ok) {
      ctx.stdout.write(
        `OK: ${result.key.clientEmail} (key ${result.key.keyId}) got an access token from ${result.key.tokenUri}.\n`,
      );
    } else {
      ctx.stderr.write(`cloudid gcp verify: ${result.message}\n`);
    }
    return result.ok ? EXIT.ok : EXIT.unusable;
  },
});
