#!/usr/bin/env node
// The `cloudid` command. The CLI is bundled by `npm run prepare` (run by `npm ci`) into out/cli,
// so starting it costs one small file read rather than a TypeScript compile.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const bundle = fileURLToPath(new URL('../../out/cli/cloudid.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('cloudid: the CLI is not built yet. Run `npm ci` or `npm run build` in the repository first.\n');
  process.exit(70);
}
await import(pathToFileURL(bundle).href);
