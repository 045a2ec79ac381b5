// Bundles the `cloudid` command into one ESM file so it starts in milliseconds (no TypeScript
// compile at run time). Packages stay external: the AWS SDK is imported lazily, only by the
// commands that call a service. Run by `npm ci` (prepare) and by `npm run build`.
import { build } from 'esbuild';

await build({
  entryPoints: ['electron/cli/main.ts'],
  outfile: 'out/cli/cloudid.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
