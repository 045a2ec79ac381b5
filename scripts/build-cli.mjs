// Bundles the `cloudid` command into one ESM file so it starts in milliseconds (no TypeScript
// compile at run time). Packages stay external and commands are split into chunks, so each
// command loads only what it uses; the AWS SDK is imported lazily, only when a service is called.
// Run by `npm ci` (prepare) and by `npm run build`.
import { build } from 'esbuild';

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
  logLevel: 'warning',
});
