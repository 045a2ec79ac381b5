// Where gcloud keeps its state, and which configuration is active, resolved the way gcloud does.
// Upstream: googlecloudsdk/core/config.py (Paths.global_config_dir) and
// googlecloudsdk/core/configurations/named_configs.py (_ActiveConfigNameFromEnv/_FromFile).
import { join } from 'node:path';

/** gcloud's rule for configuration names (named_configs._VALID_CONFIG_NAME_REGEX). */
export const CONFIG_NAME_PATTERN = /^[a-z][-a-z0-9]*$/;

export function gcloudConfigDir(env: NodeJS.ProcessEnv, homeDir: string, platform: NodeJS.Platform): string {
  const override = env.CLOUDSDK_CONFIG;
  if (override) return override;
  if (platform === 'win32') {
    const appData = env.APPDATA;
    if (appData) return join(appData, 'gcloud');
    // gcloud falls back to SystemDrive when APPDATA is unset; the home folder is the better guess.
    return join(homeDir, 'AppData', 'Roaming', 'gcloud');
  }
  return join(homeDir, '.config', 'gcloud');
}

export interface GcloudPaths {
  configDir: string;
  activeConfigFile: string;
  configurationsDir: string;
  configSentinel: string;
  credentialsDb: string;
  accessTokensDb: string;
  adcFile: string;
}

export function gcloudPaths(configDir: string): GcloudPaths {
  return {
    configDir,
    activeConfigFile: join(configDir, 'active_config'),
    configurationsDir: join(configDir, 'configurations'),
    configSentinel: join(configDir, 'config_sentinel'),
    credentialsDb: join(configDir, 'credentials.db'),
    accessTokensDb: join(configDir, 'access_tokens.db'),
    adcFile: join(configDir, 'application_default_credentials.json'),
  };
}

export function configurationFile(configDir: string, name: string): string {
  return join(configDir, 'configurations', `config_${name}`);
}

/** The files whose change means gcloud's state changed: what a watcher should watch. */
export function gcloudWatchPaths(configDir: string): string[] {
  const p = gcloudPaths(configDir);
  return [p.configSentinel, p.activeConfigFile, p.configurationsDir, p.credentialsDb, p.accessTokensDb, p.adcFile];
}
