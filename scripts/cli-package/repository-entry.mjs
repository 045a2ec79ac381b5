// The entry of the repository's `cloudid` bundle, out/cli (scripts/cli-bundle.mjs): the compile
// cache first, so that everything the command loads after it is compiled once; a remembered
// `status --json` or `clusters` (fast-paths.mjs); then the CLI.
import { enableCliCompileCache } from './compile-cache.mjs';
import { answeredFromMemo } from './fast-paths.mjs';

enableCliCompileCache();
if (!(await answeredFromMemo())) await import('../../electron/cli/main');
