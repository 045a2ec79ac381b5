// The settings of SkyPilot's user config (~/.sky/config.yaml, or SKYPILOT_GLOBAL_CONFIG) that
// matter here: `api_server.endpoint` (where the state lives), `active_workspace` (newer SkyPilot
// refuses to operate a cluster of another workspace), each workspace's cloud identity
// (`workspaces: <name>: aws: profile:` and `gcp: project_id:`) and `<cloud>.remote_identity` (what a
// controller gets). SkyPilot loads the file with PyYAML's SafeLoader (sky/utils/yaml_utils.py
// safe_load), so it is parsed as YAML 1.1 here too; a file that is not YAML, or a value that is not
// text, reads as unset and says so in `problems`. A project's .sky.yaml (sky-project-config.ts) is
// laid over it for commands run in that folder.
import type { Problem } from '../../shared/model';
import { isYamlMapping, readYamlFile, type YamlParse } from '../fs/read-yaml-file';
import { withoutUrlCredentials } from '../security/url-credentials';
import { skyConfigFile } from './sky-paths';

/** sky/skylet/constants.py SKYPILOT_DEFAULT_WORKSPACE. */
export const SKY_DEFAULT_WORKSPACE = 'default';

/** A SkyPilot config is a few lines; anything this big is not one (and is not read). */
const SKY_CONFIG_MAX_BYTES = 1024 * 1024;

/** The cloud identity a workspace sets (sky/adaptors/aws.py get_workspace_profile, sky/clouds/gcp.py get_project_id). */
export interface SkyWorkspaceIdentity {
  name: string;
  /** `workspaces.<name>.aws.profile`: boto3 uses this profile whatever the environment says. */
  awsProfile: string | null;
  /** `workspaces.<name>.gcp.project_id`: SkyPilot's project, before google-auth's. */
  gcpProjectId: string | null;
}

/** The `remote_identity` values that mean "upload my local credentials" (SkyPilot's default for AWS and GCP). */
export const LOCAL_CREDENTIALS = 'LOCAL_CREDENTIALS';

export interface SkyUserConfig {
  file: string;
  exists: boolean;
  apiServerEndpoint: string | null;
  /** `active_workspace`, else SkyPilot's default workspace. */
  activeWorkspace: string;
  /** The workspaces defined under `workspaces:`, in file order. */
  workspaces: SkyWorkspaceIdentity[];
  /**
   * Whether `aws.remote_identity` / `gcp.remote_identity` leave controllers with the local
   * credentials: unset (the default), `LOCAL_CREDENTIALS`, or a list with that value.
   */
  uploadsLocalCredentials: { aws: boolean; gcp: boolean };
  /** Why the file, or a setting in it, could not be used. */
  problems: Problem[];
}

/** A setting that should be text: the text, or null (and a problem) when it is something else. */
export function configText(value: unknown, name: string, file: string, problems: Problem[]): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') return value;
  problems.push({ severity: 'warning', message: `\`${name}\` in ${file} is not text; it is read as unset`, file });
  return null;
}

function readWorkspaces(value: unknown, file: string, problems: Problem[]): SkyWorkspaceIdentity[] {
  if (value === null || value === undefined) return [];
  if (!isYamlMapping(value)) {
    problems.push({
      severity: 'warning',
      message: `\`workspaces\` in ${file} is not a mapping of workspace names; no workspace is read`,
      file,
    });
    return [];
  }
  return Object.entries(value).map(([name, settings]) => {
    const cloud = (key: 'aws' | 'gcp'): Record<string, unknown> => {
      const block = isYamlMapping(settings) ? settings[key] : undefined;
      return isYamlMapping(block) ? block : {};
    };
    return {
      name,
      awsProfile: configText(cloud('aws').profile, `workspaces.${name}.aws.profile`, file, problems),
      gcpProjectId: configText(cloud('gcp').project_id, `workspaces.${name}.gcp.project_id`, file, problems),
    };
  });
}

/** sky/backends/backend_utils.py get_expirable_clouds: a string, or a list of {cluster-name pattern: value}. */
export function uploadsLocalCredentials(remoteIdentity: unknown): boolean {
  if (remoteIdentity === null || remoteIdentity === undefined) return true;
  if (typeof remoteIdentity === 'string') return remoteIdentity === LOCAL_CREDENTIALS;
  if (Array.isArray(remoteIdentity))
    return remoteIdentity.some((entry) => isYamlMapping(entry) && Object.values(entry)[0] === LOCAL_CREDENTIALS);
  return true;
}

/** The settings read from a parsed config; `exists` says whether there was a file at all. */
function fromParsed(file: string, exists: boolean, parsed: YamlParse): SkyUserConfig {
  const config: SkyUserConfig = {
    file,
    exists,
    apiServerEndpoint: null,
    activeWorkspace: SKY_DEFAULT_WORKSPACE,
    workspaces: [],
    uploadsLocalCredentials: { aws: true, gcp: true },
    problems: [],
  };
  if (!parsed.ok) {
    config.problems.push({
      ...parsed.problem,
      severity: 'warning',
      message: `${parsed.problem.message}; SkyPilot's settings in it are read as unset`,
    });
    return config;
  }
  config.problems.push(...parsed.problems);
  const document = parsed.value;
  // An empty file is `null`: no settings, nothing wrong.
  if (document === null || document === undefined) return config;
  if (!isYamlMapping(document)) {
    config.problems.push({
      severity: 'warning',
      message: `${file} is not a mapping of SkyPilot settings; they are read as unset`,
      file,
    });
    return config;
  }
  const text = (value: unknown, name: string): string | null => configText(value, name, file, config.problems);
  const apiServer = document.api_server;
  if (isYamlMapping(apiServer)) {
    const endpoint = text(apiServer.endpoint, 'api_server.endpoint');
    // SkyPilot accepts user:password@ in the URL; it is never stored, shown or logged here.
    config.apiServerEndpoint = endpoint === null ? null : withoutUrlCredentials(endpoint);
  }
  config.activeWorkspace = text(document.active_workspace, 'active_workspace') ?? SKY_DEFAULT_WORKSPACE;
  config.workspaces = readWorkspaces(document.workspaces, file, config.problems);
  const remote = (cloud: 'aws' | 'gcp'): boolean =>
    uploadsLocalCredentials(isYamlMapping(document[cloud]) ? document[cloud].remote_identity : undefined);
  config.uploadsLocalCredentials = { aws: remote('aws'), gcp: remote('gcp') };
  return config;
}

/** Pure: the settings in a config's parsed text (../fs/yaml-parse.ts). */
export function skyUserConfigOf(file: string, parsed: YamlParse): SkyUserConfig {
  return fromParsed(file, true, parsed);
}

export async function readSkyUserConfig(homeDir: string, env: NodeJS.ProcessEnv): Promise<SkyUserConfig> {
  const file = skyConfigFile(homeDir, env);
  const read = await readYamlFile(file, { maxBytes: SKY_CONFIG_MAX_BYTES });
  if (read.ok) return fromParsed(file, true, { ok: true, value: read.value, problems: read.problems });
  // No config is SkyPilot's usual state, not a problem; unless a variable names it
  // (skypilot_config.resolve_user_config_path raises FileNotFoundError then).
  if (read.missing && env.SKYPILOT_GLOBAL_CONFIG) {
    const missing = fromParsed(file, false, { ok: true, value: null, problems: [] });
    missing.problems.push({
      severity: 'error',
      message: `SKYPILOT_GLOBAL_CONFIG names ${file}, which does not exist: SkyPilot stops with FileNotFoundError`,
      file,
    });
    return missing;
  }
  if (read.missing) return fromParsed(file, false, { ok: true, value: null, problems: [] });
  return fromParsed(file, true, { ok: false, problem: read.problem });
}
