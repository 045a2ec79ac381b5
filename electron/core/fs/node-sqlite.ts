// node:sqlite, the SQLite built into Node, used to open the in-memory copies the gcloud and
// SkyPilot readers make (electron/core/fs/sqlite-image.ts). It needs `DatabaseSync#deserialize`,
// which loads bytes we hold as a database: no SQLite connection ever opens the user's files.
//
// Which Node has what (https://nodejs.org/api/sqlite.html):
// - 22.12 and older: node:sqlite exists only behind --experimental-sqlite.
// - 22.13 to 24.14: no flag, but loading it prints an ExperimentalWarning, which must never reach
//   a `cloudid` user. Merely loading it to look for `deserialize` would print it.
// - 24.15: a release candidate, no warning; no `deserialize` yet.
// - 24.16 and later, 26 and later: `deserialize` and no warning.
// So the module is loaded only on the last group, decided from the version alone; anywhere else,
// and on a Node built without SQLite, the readers fall back to sql.js (electron/core/fs/sql-js.ts).
import type { DatabaseSync } from 'node:sqlite';

export type DatabaseSyncClass = typeof DatabaseSync;

/** Whether this Node's node:sqlite can deserialize and loads without a warning (see above). */
export function nodeSqliteUsable(version: string = process.versions.node): boolean {
  const match = /^(\d+)\.(\d+)\./.exec(version);
  if (!match) return false;
  const major = Number(match[1]);
  const minor = Number(match[2]);
  return major >= 26 || (major === 24 && minor >= 16);
}

let loaded: DatabaseSyncClass | null | undefined;

/** node:sqlite's DatabaseSync, or null when this Node should not (or cannot) use it. */
export function loadNodeSqlite(): DatabaseSyncClass | null {
  if (loaded !== undefined) return loaded;
  loaded = null;
  if (!nodeSqliteUsable()) return loaded;
  // Synchronous, and undefined rather than a throw on a Node built without SQLite.
  const sqlite = process.getBuiltinModule('node:sqlite') as typeof import('node:sqlite') | undefined;
  const candidate = sqlite?.DatabaseSync;
  if (candidate && typeof candidate.prototype.deserialize === 'function') loaded = candidate;
  return loaded;
}
