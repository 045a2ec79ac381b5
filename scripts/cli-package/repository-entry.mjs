// The entry of the repository's `cloudid` bundle, out/cli (scripts/cli-bundle.mjs): the compile
// cache first, so that everything the command loads after it is compiled once; then the CLI.
import { enableCliCompileCache } from './compile-cache.mjs';

enableCliCompileCache();
await import('../../electron/cli/main');
