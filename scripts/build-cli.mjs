// Bundles the `cloudid` command (scripts/cli-bundle.mjs) so it starts in milliseconds (no
// TypeScript compile at run time): out/cli for this repository, out/cli-standalone for the npm
// package and the packaged app. Run by `npm ci` (prepare) and by `npm run build`.
import { buildRepositoryCli, buildStandaloneCli } from './cli-bundle.mjs';

await buildRepositoryCli();
await buildStandaloneCli();
