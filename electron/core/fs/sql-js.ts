// The loader of sql.js (SQLite compiled to WASM), the fallback engine of
// electron/core/fs/sqlite-image.ts on a Node whose node:sqlite cannot deserialize without a
// warning (electron/core/fs/node-sqlite.ts says which). Imported by value only here and only
// when a database is read on such a Node: elsewhere the WebAssembly is never compiled.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { SqlJsStatic } from 'sql.js';

let loading: Promise<SqlJsStatic> | null = null;
let loadedFrom: string | null = null;
let wasmPathOverride: string | null = null;

/** For packaged builds, where node_modules/sql.js/dist is unpacked somewhere else. */
export function setSqlWasmPath(path: string): void {
  wasmPathOverride = path;
}

export function loadSqlJs(wasmPath?: string): Promise<SqlJsStatic> {
  const path = wasmPath ?? wasmPathOverride ?? createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');
  if (!loading || loadedFrom !== path) {
    loadedFrom = path;
    const attempt = Promise.all([import('sql.js'), readFile(path)]).then(([module, bytes]) => {
      const wasmBinary = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      return module.default({ wasmBinary });
    });
    attempt.catch(() => {
      if (loading === attempt) loading = null;
    });
    loading = attempt;
  }
  return loading;
}
