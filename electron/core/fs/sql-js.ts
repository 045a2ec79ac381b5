// The loader of sql.js (SQLite compiled to WASM), the fallback engine of
// electron/core/fs/sqlite-image.ts on a Node whose node:sqlite cannot deserialize without a
// warning (electron/core/fs/node-sqlite.ts says which). Imported by value only here and only
// when a database is read on such a Node: elsewhere the WebAssembly is never compiled.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { SqlJsStatic } from 'sql.js';

let loading: Promise<SqlJsStatic> | null = null;
let loadedFrom: string | null = null;
let wasmPathOverride: string | null = null;

/** For packaged builds, where node_modules/sql.js/dist is unpacked somewhere else. */
export function setSqlWasmPath(path: string): void {
  wasmPathOverride = path;
}

/**
 * sql.js's Node branch reads `__dirname` as it starts (to find its .wasm, which we hand over as
 * bytes instead). Bundled into an ES module (the standalone `cloudid`, scripts/cli-bundle.mjs)
 * there is none, and the read throws: lend it one for that synchronous start only.
 */
function startWithDirname(start: () => Promise<SqlJsStatic>, dir: string): Promise<SqlJsStatic> {
  const global = globalThis as { __dirname?: string };
  if (global.__dirname !== undefined) return start();
  global.__dirname = dir;
  try {
    return start();
  } finally {
    delete global.__dirname;
  }
}

export function loadSqlJs(wasmPath?: string): Promise<SqlJsStatic> {
  const path = wasmPath ?? wasmPathOverride ?? createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');
  if (!loading || loadedFrom !== path) {
    loadedFrom = path;
    const attempt = Promise.all([import('sql.js'), readFile(path)]).then(([module, bytes]) => {
      const wasmBinary = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
      return startWithDirname(() => module.default({ wasmBinary }), dirname(path));
    });
    attempt.catch(() => {
      if (loading === attempt) loading = null;
    });
    loading = attempt;
  }
  return loading;
}
