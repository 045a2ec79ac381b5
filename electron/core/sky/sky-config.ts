// The two settings of SkyPilot's user config (~/.sky/config.yaml, or SKYPILOT_GLOBAL_CONFIG) that
// matter here: `api_server.endpoint` (where the state lives) and `active_workspace` (newer
// SkyPilot refuses to operate a cluster of another workspace). SkyPilot loads the file with
// PyYAML's SafeLoader (sky/utils/yaml_utils.py safe_load), so it is parsed as YAML 1.1 here too;
// a file that is not YAML, or a value that is not text, reads as unset and says so in `problems`.
// A project's own .sky.yaml can override active_workspace for commands run in that folder: that is
// out of reach of a tray app.
import path from 'node:path';
import type { Problem } from '../../shared/model';
import { isYamlMapping, parseYaml, readYamlFile, type YamlParse } from '../fs/read-yaml-file';
import { withoutUrlCredentials } from '../security/url-credentials';

/** sky/skylet/constants.py SKYPILOT_DEFAULT_WORKSPACE. */
export const SKY_DEFAULT_WORKSPACE = 'default';

/** A SkyPilot config is a few lines; anything this big is not one (and is not read). */
const SKY_CONFIG_MAX_BYTES = 1024 * 1024;

export interface SkyUserConfig {
  file: string;
  exists: boolean;
  apiServerEndpoint: string | null;
  /** `active_workspace`, else SkyPilot's default workspace. */
  activeWorkspace: string;
  /** Why the file, or a setting in it, could not be used. */
  problems: Problem[];
}

export function skyConfigFile(homeDir: string, env: NodeJS.ProcessEnv): string {
  return env.SKYPILOT_GLOBAL_CONFIG || path.join(homeDir, '.sky', 'config.yaml');
}

/** The settings read from a parsed config; `exists` says whether there was a file at all. */
function fromParsed(file: string, exists: boolean, parsed: YamlParse): SkyUserConfig {
  const config: SkyUserConfig = { file, exists, apiServerEndpoint: null, activeWorkspace: SKY_DEFAULT_WORKSPACE, problems: [] };
  if (!parsed.ok) {
    config.problems.push({ ...parsed.problem, severity: 'warning', message: `${parsed.problem.message}; SkyPilot's settings in it are read as unset` });
    return config;
  }
  config.problems.push(...parsed.problems);
  const document = parsed.value;
  // An empty file is `null`: no settings, nothing wrong.
  if (document === null || document === undefined) return config;
  if (!isYamlMapping(document)) {
    config.problems.push({ severity: 'warning', message: `${file} is not a mapping of SkyPilot settings; they are read as unset`, file });
    return config;
  }
  const text = (value: unknown, name: string): string | null => {
    if (value === null || value === undefined || value === '') return null;
    if (typeof value === 'string') return value;
    config.problems.push({ severity: 'warning', message: `\`${name}\` in ${file} is not text; it is read as unset`, file });
    return null;
  };
  const apiServer = document.api_server;
  if (isYamlMapping(apiServer)) {
    const endpoint = text(apiServer.endpoint, 'api_server.endpoint');
    // SkyPilot accepts user:password@ in the URL; it is never stored, shown or logged here.
    config.apiServerEndpoint = endpoint === null ? null : withoutUrlCredentials(endpoint);
  }
  config.activeWorkspace = text(document.active_workspace, 'active_workspace') ?? SKY_DEFAULT_WORKSPACE;
  return config;
}

/** Pure: the settings in a config's text. */
export function parseSkyUserConfig(yaml: string, file: string): SkyUserConfig {
  return fromParsed(file, true, parseYaml(yaml, file));
}

export async function readSkyUserConfig(homeDir: string, env: NodeJS.ProcessEnv): Promise<SkyUserConfig> {
  const file = skyConfigFile(homeDir, env);
  const read = await readYamlFile(file, { maxBytes: SKY_CONFIG_MAX_BYTES });
  if (read.ok) return fromParsed(file, true, { ok: true, value: read.value, problems: read.problems });
  // No config is SkyPilot's usual state, not a problem.
  if (read.missing) return fromParsed(file, false, { ok: true, value: null, problems: [] });
  return fromParsed(file, true, { ok: false, problem: read.problem });
}
