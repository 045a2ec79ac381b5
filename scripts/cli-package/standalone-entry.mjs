// The entry of the self-contained `cloudid` bundle (scripts/cli-bundle.mjs). Without node_modules
// beside it, sql.js's WebAssembly is the file copied next to this bundle; the compile cache
// (compile-cache.mjs); a remembered `status --json` or `clusters` (fast-paths.mjs); then the CLI
// proper.
import { fileURLToPath } from 'node:url';
import { setSqlWasmPath } from '../../electron/core/fs/sql-js';
import { enableCliCompileCache } from './compile-cache.mjs';
import { answeredFromMemo } from './fast-paths.mjs';

enableCliCompileCache();
if (!(await answeredFromMemo())) {
  setSqlWasmPath(fileURLToPath(new URL('./sql-wasm.wasm', import.meta.url)));
  await import('../../electron/cli/main');
}
