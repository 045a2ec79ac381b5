// A project's SkyPilot config and what SkyPilot makes of both files together. SkyPilot's client
// reads SKYPILOT_PROJECT_CONFIG, else `.sky.yaml` in the folder `sky` runs in (not a parent), and
// lays it over the user config key by key (sky/skypilot_config.py _reload_config_as_client). The
// API server then ignores the client's `workspaces` (constants.SKIPPED_CLIENT_OVERRIDE_KEYS): a
// project may pick `active_workspace`, but only the user config defines what a workspace is.
// A tray app has no folder, so only `cloudid clusters --project-dir DIR` (and the variable) read one.
import type { Problem } from '../../shared/model';
import type { SkyActiveWorkspace } from '../../shared/sky-model';
import { isYamlMapping, readYamlFile } from '../fs/read-yaml-file';
import { configText, SKY_DEFAULT_WORKSPACE, uploadsLocalCredentials, type SkyUserConfig } from './sky-config';
import { SKY_PROJECT_CONFIG_NAME, skyProjectConfigFile } from './sky-paths';

const PROJECT_CONFIG_MAX_BYTES = 1024 * 1024;

export interface SkyProjectConfig {
  file: string;
  /** The project's `active_workspace`; null when it sets none. */
  activeWorkspace: string | null;
  /** `<cloud>.remote_identity` when the project sets it (the API server takes it from the client). */
  uploadsLocalCredentials: { aws?: boolean; gcp?: boolean };
  problems: Problem[];
}

/** Reads the project config; null when there is none (SkyPilot's usual case). */
export async function readSkyProjectConfig(
  homeDir: string,
  env: NodeJS.ProcessEnv,
  projectDir: string | null,
): Promise<SkyProjectConfig | null> {
  const file = skyProjectConfigFile(homeDir, env, projectDir);
  if (file === null) return null;
  const config: SkyProjectConfig = { file, activeWorkspace: null, uploadsLocalCredentials: {}, problems: [] };
  const read = await readYamlFile(file, { maxBytes: PROJECT_CONFIG_MAX_BYTES });
  if (!read.ok) {
    if (!read.missing)
      config.problems.push({
        ...read.problem,
        severity: 'warning',
        message: `${read.problem.message}; SkyPilot's settings in it are read as unset`,
      });
    else if (env.SKYPILOT_PROJECT_CONFIG)
      config.problems.push({
        severity: 'error',
        message: `SKYPILOT_PROJECT_CONFIG names ${file}, which does not exist: SkyPilot stops with FileNotFoundError`,
        file,
      });
    else return null;
    return config;
  }
  config.problems.push(...read.problems);
  const document = read.value;
  if (document === null || document === undefined) return config;
  if (!isYamlMapping(document)) {
    config.problems.push({
      severity: 'warning',
      message: `${file} is not a mapping of SkyPilot settings; they are read as unset`,
      file,
    });
    return config;
  }
  config.activeWorkspace = configText(document.active_workspace, 'active_workspace', file, config.problems);
  for (const cloud of ['aws', 'gcp'] as const) {
    const block = document[cloud];
    if (isYamlMapping(block) && block.remote_identity !== undefined)
      config.uploadsLocalCredentials[cloud] = uploadsLocalCredentials(block.remote_identity);
  }
  if (document.workspaces !== undefined) {
    config.problems.push({
      severity: 'warning',
      message: `\`workspaces\` in ${file} is ignored: SkyPilot takes workspace definitions only from the user config (${SKY_PROJECT_CONFIG_NAME} can set active_workspace)`,
      file,
    });
  }
  return config;
}

export interface SkyEffectiveConfig {
  workspace: SkyActiveWorkspace;
  uploadsLocalCredentials: { aws: boolean; gcp: boolean };
  problems: Problem[];
}

/** Pure: the active workspace and its identity once the project config is laid over the user's. */
export function effectiveSkyConfig(user: SkyUserConfig, project: SkyProjectConfig | null): SkyEffectiveConfig {
  const problems = [...user.problems, ...(project?.problems ?? [])];
  const fromProject = project?.activeWorkspace ?? null;
  const name = fromProject ?? user.activeWorkspace;
  const setIn =
    fromProject !== null ? project!.file : user.activeWorkspace !== SKY_DEFAULT_WORKSPACE ? user.file : null;
  // The last definition wins, as in a Python dict built from YAML.
  const defined = user.workspaces.findLast((w) => w.name === name) ?? null;
  if (name !== SKY_DEFAULT_WORKSPACE && defined === null) {
    problems.push({
      severity: 'warning',
      message: `active_workspace '${name}'${setIn ? ` (${setIn})` : ''} is not defined under \`workspaces\` in ${user.file}: SkyPilot stops with "Workspace ${name} does not exist"`,
      ...(setIn ? { file: setIn } : {}),
    });
  }
  return {
    workspace: {
      name,
      setIn,
      definedIn: defined ? user.file : null,
      awsProfile: defined?.awsProfile ?? null,
      gcpProjectId: defined?.gcpProjectId ?? null,
      projectConfigFile: project?.file ?? null,
    },
    uploadsLocalCredentials: {
      aws: project?.uploadsLocalCredentials.aws ?? user.uploadsLocalCredentials.aws,
      gcp: project?.uploadsLocalCredentials.gcp ?? user.uploadsLocalCredentials.gcp,
    },
    problems,
  };
}
