// Bundles the `cloudid` command into one ESM file so it starts in milliseconds (no TypeScript
// compile at run time). Packages stay external and commands are split into chunks, so each
// command loads only what it uses; the AWS SDK is imported lazily, only when a service is called.
// Run by `npm ci` (prepare) and by `npm run build`.
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names carry content hashes: start empty so old chunks do not pile up.
rmSync('out/cli', { recursive: true, force: true });

await build({
  entryPoints: { cloudid: 'electron/cli/main.ts' },
  outdir: 'out/cli',
  outExtension: { '.js': '.mjs' },
  // Each command is its own chunk: `cloudid status` never loads the SSO, sync or Google clients.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  // Keys what `cloudid status --json` remembers between runs (electron/cli/status-memo.ts).
  define: { __CLOUDID_BUILD_ID__: JSON.stringify(randomUUID()) },
  logLevel: 'warning',
});
