// What to watch so the clusters view follows SkyPilot: its state file, the write-ahead log where
// fresh commits land first (SkyPilot runs SQLite in WAL mode), the rollback journal used on WSL,
// and its config (API server endpoint, workspaces), with a project's .sky.yaml when one is read. Hand these to fs/path-watcher.
import type { WatchTarget } from '../fs/path-watcher';
import { skyConfigFile, skyProjectConfigFile, skyStateFile } from './sky-paths';

export function skyWatchTargets(
  homeDir: string,
  env: NodeJS.ProcessEnv,
  projectDir: string | null = null,
): WatchTarget[] {
  const stateFile = skyStateFile(homeDir);
  const project = skyProjectConfigFile(homeDir, env, projectDir);
  return [
    ...(project === null ? [] : [{ path: project, kind: 'file' as const }]),
    { path: stateFile, kind: 'file' },
    { path: `${stateFile}-wal`, kind: 'file' },
    { path: `${stateFile}-journal`, kind: 'file' },
    { path: skyConfigFile(homeDir, env), kind: 'file' },
  ];
}
