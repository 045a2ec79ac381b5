// The SkyPilot source of the snapshot: ~/.sky/state.db (with its write-ahead log) and SkyPilot's
// config. Matching each cluster's owner to the local identities is sky-snapshot's, at assembly.
import type { SourceReader } from '../fs/source-reader';
import { readSkyState } from './sky-state-reader';
import type { SkyStateRead } from './sky-types';
import { skyWatchTargets } from './sky-watch';

export function createSkyReader(options: {
  homeDir: string;
  env: NodeJS.ProcessEnv;
  projectDir?: string | null;
}): SourceReader<SkyStateRead> {
  const { homeDir, env } = options;
  const projectDir = options.projectDir ?? null;
  return {
    read: () => readSkyState({ homeDir, env, projectDir }),
    watchTargets: () => skyWatchTargets(homeDir, env, projectDir),
  };
}
