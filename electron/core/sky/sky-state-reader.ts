// Reads SkyPilot's clusters from ~/.sky/state.db, read-only and lock-free, whatever the SkyPilot
// version: columns were added over time (owner, cluster_hash, user_hash, workspace, cloud, ...),
// first by `ALTER TABLE ADD COLUMN` in sky/global_user_state.py, since 0.10 by alembic migrations
// (sky/schemas/db/global_user_state/*.py), so a missing column is read as null. The pickled
// `handle` column is never selected.
import type { SqliteEngine } from '../fs/sqlite-image';
import type { Problem } from '../../shared/model';
import { compareText } from '../../shared/compare-text';
import { isLocalEndpoint, probeSkyApiServer, SKY_LOCAL_API_PORT } from './sky-api-server';
import { readSkyUserConfig, type SkyUserConfig } from './sky-config';
import { effectiveSkyConfig, readSkyProjectConfig, type SkyEffectiveConfig } from './sky-project-config';
import { cloudFromColumn, cloudFromOwner, parseOwner } from './sky-owner';
import { skyStateFile } from './sky-paths';
import { openSqliteSnapshot, type SqliteRow } from './sqlite-snapshot';
import type { SkyApiServerHint, SkyCluster, SkyStateRead, SkyStateUnavailable } from './sky-types';

/** The columns read, when present; everything else (handle, metadata, yaml, ...) is left alone. */
export const CLUSTER_COLUMNS = [
  'name',
  'status',
  'launched_at',
  'owner',
  'cloud',
  'region',
  'workspace',
  'user_hash',
] as const;

export interface ReadSkyStateOptions {
  homeDir: string;
  env: NodeJS.ProcessEnv;
  /** Packaged builds on a Node without a usable node:sqlite: where sql-wasm.wasm was unpacked. */
  sqlWasmPath?: string;
  /** Tests: force one SQLite engine (electron/core/fs/sqlite-image.ts). */
  sqliteEngine?: SqliteEngine;
  /** Tests: the port probed for a local API server when the file is missing (default 46580). */
  apiServerPort?: number;
  /** The folder whose .sky.yaml SkyPilot would read (`cloudid clusters --project-dir`); none for the app. */
  projectDir?: string | null;
}

function text(value: SqliteRow[string] | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  return String(value);
}

function isoFromEpochSeconds(value: SqliteRow[string] | undefined): string | null {
  const seconds =
    typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(seconds) || seconds <= 0) return null;
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function toCluster(row: SqliteRow, stateFile: string, problems: Problem[]): SkyCluster | null {
  const name = text(row.name);
  if (name === null) {
    problems.push({
      severity: 'warning',
      message: 'A row of the clusters table has no name; it was skipped',
      file: stateFile,
    });
    return null;
  }
  const ownerText = text(row.owner);
  const owner = parseOwner(ownerText);
  if (owner.problem)
    problems.push({ severity: 'warning', message: `Cluster "${name}": ${owner.problem}`, file: stateFile });
  const fromColumn = cloudFromColumn(text(row.cloud));
  const fromOwner = fromColumn ? null : cloudFromOwner(owner.identity);
  return {
    name,
    status: text(row.status),
    launchedAt: isoFromEpochSeconds(row.launched_at),
    owner: owner.value,
    ownerText,
    ownerIdentity: owner.identity,
    cloud: fromColumn ?? fromOwner,
    cloudSource: fromColumn ? 'column' : fromOwner ? 'owner' : null,
    region: text(row.region),
    workspace: text(row.workspace),
    userHash: text(row.user_hash),
  };
}

function missingMessage(stateFile: string, hint: SkyApiServerHint): string {
  if (hint.endpoint && !isLocalEndpoint(hint.endpoint)) {
    return `SkyPilot is set to use the API server at ${hint.endpoint}: its clusters are kept there, not in ${stateFile}.`;
  }
  if (hint.localListening) {
    return (
      `${stateFile} does not exist, yet something listens on 127.0.0.1:${SKY_LOCAL_API_PORT}, SkyPilot's local API server: ` +
      'it probably keeps its state elsewhere (another HOME, or a database set by SKYPILOT_DB_CONNECTION_URI).'
    );
  }
  return `${stateFile} does not exist: SkyPilot has not launched anything as this user (or runs with another HOME).`;
}

function unavailable(
  stateFile: string,
  config: SkyUserConfig,
  effective: SkyEffectiveConfig,
  reason: SkyStateUnavailable,
  message: string,
  problems: Problem[],
  apiServer: SkyApiServerHint | null = null,
): SkyStateRead {
  return {
    stateFile,
    available: false,
    reason,
    message,
    clusters: [],
    missingColumns: [],
    walFrames: 0,
    apiServer,
    configFile: effective.workspace.setIn ?? config.file,
    activeWorkspace: effective.workspace.name,
    workspace: effective.workspace,
    uploadsLocalCredentials: effective.uploadsLocalCredentials,
    problems,
  };
}

export async function readSkyState(options: ReadSkyStateOptions): Promise<SkyStateRead> {
  const stateFile = skyStateFile(options.homeDir);
  const [snapshot, config, project] = await Promise.all([
    openSqliteSnapshot(stateFile, { wasmPath: options.sqlWasmPath, engine: options.sqliteEngine }),
    readSkyUserConfig(options.homeDir, options.env),
    readSkyProjectConfig(options.homeDir, options.env, options.projectDir ?? null),
  ]);
  const effective = effectiveSkyConfig(config, project);
  const problems: Problem[] = [...effective.problems];
  if (snapshot.kind === 'missing') {
    const hint = await probeSkyApiServer({
      homeDir: options.homeDir,
      env: options.env,
      localPort: options.apiServerPort,
      config,
    });
    return unavailable(stateFile, config, effective, 'missing', missingMessage(stateFile, hint), problems, hint);
  }
  if (snapshot.kind === 'failed') {
    const message = `SkyPilot's state ${stateFile}: ${snapshot.message}`;
    problems.push({ severity: snapshot.reason === 'busy' ? 'warning' : 'error', message, file: stateFile });
    return unavailable(stateFile, config, effective, snapshot.reason, message, problems);
  }
  const db = snapshot.db;
  try {
    for (const note of snapshot.notes)
      problems.push({ severity: 'warning', message: `SkyPilot's state ${stateFile}: ${note}`, file: stateFile });
    const present = new Set(db.select("SELECT name FROM pragma_table_info('clusters')").map((row) => text(row.name)));
    if (!present.has('name')) {
      const message = `${stateFile} is a SQLite database without SkyPilot's clusters table`;
      problems.push({ severity: 'error', message, file: stateFile });
      return unavailable(stateFile, config, effective, 'not-skypilot', message, problems);
    }
    const columns = CLUSTER_COLUMNS.filter((column) => present.has(column));
    const missingColumns = CLUSTER_COLUMNS.filter((column) => !present.has(column));
    const rows = db.select(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM clusters`);
    const clusters = rows
      .map((row) => toCluster(row, stateFile, problems))
      .filter((cluster): cluster is SkyCluster => cluster !== null)
      .sort((a, b) => compareText(a.name, b.name));
    return {
      stateFile,
      available: true,
      reason: null,
      message: null,
      clusters,
      missingColumns,
      walFrames: snapshot.walFrames,
      apiServer: null,
      // Where a fix sets active_workspace: the file that sets it now, else the user config.
      configFile: effective.workspace.setIn ?? config.file,
      activeWorkspace: effective.workspace.name,
      workspace: effective.workspace,
      uploadsLocalCredentials: effective.uploadsLocalCredentials,
      problems,
    };
  } catch (error) {
    const message = `SkyPilot's state ${stateFile} could not be queried (${error instanceof Error ? error.message : String(error)})`;
    problems.push({ severity: 'error', message, file: stateFile });
    return unavailable(stateFile, config, effective, 'corrupt', message, problems);
  } finally {
    db.close();
  }
}
