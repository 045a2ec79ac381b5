// gcloud's named configurations: which one is active and what each sets. Upstream:
// googlecloudsdk/core/configurations/named_configs.py and properties.py (env overrides are
// CLOUDSDK_<SECTION>_<PROPERTY>, upper-cased).
import { readdir } from 'node:fs/promises';
import type { GcpConfiguration, GcpPropertyOverride } from '../../shared/gcp-model';
import type { Problem } from '../../shared/model';
import { compareText } from '../../shared/compare-text';
import { CONFIG_NAME_PATTERN, configurationFile, gcloudPaths } from './gcloud-config-dir';
import { parseGcloudIni } from './gcloud-ini';
import { isSecretGcloudProperty } from './gcloud-secret-properties';
import { errnoCode } from '../fs/errno';
import { NotRegularFileError, readRegularFile } from '../fs/regular-file';

/** Shared with the renderer (electron/shared/gcp-model.ts). */
export type GcloudConfiguration = GcpConfiguration;
/** A property set by an environment variable, which beats every configuration file. */
export type GcloudPropertyOverride = GcpPropertyOverride;

export interface GcloudConfigurations {
  activeConfiguration: string;
  activeSource: 'CLOUDSDK_ACTIVE_CONFIG_NAME' | 'active_config' | 'default';
  configurations: GcloudConfiguration[];
  overrides: GcloudPropertyOverride[];
  problems: Problem[];
}

// The properties shown per configuration, and the variables that override them.
const SHOWN = [
  ['core', 'account'],
  ['core', 'project'],
  ['compute', 'region'],
  ['compute', 'zone'],
] as const;

// Settings of the SDK rather than properties, even though they share the prefix.
const NOT_PROPERTIES = new Set([
  'CLOUDSDK_CONFIG',
  'CLOUDSDK_ACTIVE_CONFIG_NAME',
  'CLOUDSDK_PYTHON',
  'CLOUDSDK_PYTHON_SITEPACKAGES',
  'CLOUDSDK_ROOT_DIR',
]);

/** `CLOUDSDK_CORE_*` and `CLOUDSDK_COMPUTE_*` variables: the sections this app shows. */
export function propertyOverrides(env: NodeJS.ProcessEnv): GcloudPropertyOverride[] {
  const overrides: GcloudPropertyOverride[] = [];
  for (const [variable, value] of Object.entries(env)) {
    if (value === undefined || NOT_PROPERTIES.has(variable)) continue;
    const match = /^CLOUDSDK_(CORE|COMPUTE)_([A-Z0-9_]+)$/.exec(variable);
    if (!match?.[1] || !match[2]) continue;
    const property = `${match[1].toLowerCase()}/${match[2].toLowerCase()}`;
    overrides.push({ variable, property, value: isSecretGcloudProperty(property) ? null : value });
  }
  return overrides.sort((a, b) => compareText(a.variable, b.variable));
}

async function readText(path: string): Promise<{ text: string } | { missing: true } | { error: string }> {
  try {
    return { text: (await readRegularFile(path)).toString('utf8') };
  } catch (error) {
    if (error instanceof NotRegularFileError) return { error: `it is ${error.kind}, not a regular file` };
    const code = errnoCode(error);
    return code === 'ENOENT' || code === 'ENOTDIR' ? { missing: true } : { error: code ?? String(error) };
  }
}

async function activeName(
  configDir: string,
  env: NodeJS.ProcessEnv,
  problems: Problem[],
): Promise<Pick<GcloudConfigurations, 'activeConfiguration' | 'activeSource'>> {
  const fromEnv = env.CLOUDSDK_ACTIVE_CONFIG_NAME;
  if (fromEnv) return { activeConfiguration: fromEnv, activeSource: 'CLOUDSDK_ACTIVE_CONFIG_NAME' };
  const file = gcloudPaths(configDir).activeConfigFile;
  const read = await readText(file);
  if ('error' in read)
    problems.push({ severity: 'error', message: `Cannot read the active configuration name (${read.error})`, file });
  if ('text' in read) {
    const name = read.text.trim();
    if (name && CONFIG_NAME_PATTERN.test(name)) return { activeConfiguration: name, activeSource: 'active_config' };
    if (name)
      problems.push({
        severity: 'warning',
        message: `active_config holds ${JSON.stringify(name.slice(0, 60))}, not a configuration name; gcloud will reset it to "default"`,
        file,
      });
  }
  return { activeConfiguration: 'default', activeSource: 'default' };
}

export async function readGcloudConfigurations(
  configDir: string,
  env: NodeJS.ProcessEnv,
): Promise<GcloudConfigurations> {
  const problems: Problem[] = [];
  const { activeConfiguration, activeSource } = await activeName(configDir, env, problems);
  const configurationsDir = gcloudPaths(configDir).configurationsDir;
  let names: string[] = [];
  try {
    names = (await readdir(configurationsDir))
      .filter((entry) => entry.startsWith('config_'))
      .map((entry) => entry.slice('config_'.length))
      .filter((name) => CONFIG_NAME_PATTERN.test(name));
  } catch (error) {
    const code = errnoCode(error);
    if (code !== 'ENOENT')
      problems.push({
        severity: 'error',
        message: `Cannot list gcloud configurations (${code ?? String(error)})`,
        file: configurationsDir,
      });
  }
  const overrides = propertyOverrides(env);
  const activeExists = names.includes(activeConfiguration);
  if (!activeExists && activeConfiguration !== 'default') {
    problems.push({
      severity: 'error',
      message: `The active gcloud configuration "${activeConfiguration}" (from ${activeSource}) does not exist; gcloud commands will fail until it is created or another is activated`,
      file: configurationFile(configDir, activeConfiguration),
    });
  }
  // gcloud treats a missing `default` as an empty configuration, so show it when it is active.
  if (!activeExists && activeConfiguration === 'default') names.push('default');
  const configurations = await Promise.all(
    names.sort().map(async (name): Promise<GcloudConfiguration> => {
      const file = configurationFile(configDir, name);
      const read = await readText(file);
      if ('error' in read)
        problems.push({ severity: 'error', message: `Cannot read configuration "${name}" (${read.error})`, file });
      const ini = parseGcloudIni('text' in read ? read.text : '', file);
      problems.push(...ini.problems);
      const active = name === activeConfiguration;
      const value = (section: string, property: string): string | null => {
        const override = active ? overrides.find((o) => o.property === `${section}/${property}`) : undefined;
        if (override) return override.value || null;
        return ini.sections.get(section)?.get(property) || null;
      };
      const [account, project, region, zone] = SHOWN.map(([section, property]) => value(section, property));
      return {
        name,
        active,
        account: account ?? null,
        project: project ?? null,
        region: region ?? null,
        zone: zone ?? null,
      };
    }),
  );
  return { activeConfiguration, activeSource, configurations, overrides, problems };
}
