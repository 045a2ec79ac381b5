// Where SkyPilot keeps its files, as its client finds them: the state database, the user config and
// a project's config. Apart from their readers so that the watcher (sky-watch.ts) and a memo's key
// (sky-inputs.ts) can name them without loading the readers.
import path from 'node:path';

export const SKY_PROJECT_CONFIG_NAME = '.sky.yaml';

/** SkyPilot expands `~` in the variables' paths (skypilot_config._get_config_file_path). */
export function expandHome(file: string, homeDir: string): string {
  return file === '~' ? homeDir : file.startsWith('~/') ? path.join(homeDir, file.slice(2)) : file;
}

/** SkyPilot expands `~/.sky/state.db` with the process's HOME (os.path.expanduser). */
export function skyStateFile(homeDir: string): string {
  return path.join(homeDir, '.sky', 'state.db');
}

/** SKYPILOT_GLOBAL_CONFIG, else ~/.sky/config.yaml. */
export function skyConfigFile(homeDir: string, env: NodeJS.ProcessEnv): string {
  return env.SKYPILOT_GLOBAL_CONFIG
    ? expandHome(env.SKYPILOT_GLOBAL_CONFIG, homeDir)
    : path.join(homeDir, '.sky', 'config.yaml');
}

/** SKYPILOT_PROJECT_CONFIG, else DIR/.sky.yaml; null when neither applies. */
export function skyProjectConfigFile(
  homeDir: string,
  env: NodeJS.ProcessEnv,
  projectDir: string | null,
): string | null {
  if (env.SKYPILOT_PROJECT_CONFIG) return expandHome(env.SKYPILOT_PROJECT_CONFIG, homeDir);
  return projectDir === null ? null : path.join(projectDir, SKY_PROJECT_CONFIG_NAME);
}
