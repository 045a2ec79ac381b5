// What to watch so the clusters view follows SkyPilot: its state file, the write-ahead log where
// fresh commits land first (SkyPilot runs SQLite in WAL mode), the rollback journal used on WSL,
// and its config (API server endpoint, active workspace). Hand these to fs/path-watcher.
import type { WatchTarget } from '../fs/path-watcher';
import { skyConfigFile } from './sky-config';
import { skyStateFile } from './sky-state-reader';

export function skyWatchTargets(homeDir: string, env: NodeJS.ProcessEnv): WatchTarget[] {
  const stateFile = skyStateFile(homeDir);
  return [
    { path: stateFile, kind: 'file' },
    { path: `${stateFile}-wal`, kind: 'file' },
    { path: `${stateFile}-journal`, kind: 'file' },
    { path: skyConfigFile(homeDir, env), kind: 'file' },
  ];
}
