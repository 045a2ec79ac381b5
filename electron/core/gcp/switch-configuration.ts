// Switching gcloud's active configuration from the tray: through gcloud when it is installed
// (`gcloud config configurations activate NAME`), else the same file write gcloud makes
// (named_configs.ActivateConfig: the bare name into `active_config`, then an empty
// `config_sentinel`), done atomically through the one writer.
import { stat } from 'node:fs/promises';
import { writeFileAtomic } from '../fs/safe-file-writer';
import { CONFIG_NAME_PATTERN, configurationFile, gcloudPaths } from './gcloud-config-dir';
import { runGcloudCommand } from './gcloud-runner';

export interface SwitchConfigurationRequest {
  configDir: string;
  name: string;
  /** Environment for gcloud; its CLOUDSDK_CONFIG is set to `configDir`. */
  env: NodeJS.ProcessEnv;
  gcloudPath?: string;
  /** Skip gcloud and write the files directly (also the fallback when gcloud is missing). */
  filesOnly?: boolean;
}

export type SwitchConfigurationResult =
  { ok: true; via: 'gcloud' | 'file'; warning: string | null } | { ok: false; message: string };

export async function switchActiveConfiguration(
  request: SwitchConfigurationRequest,
): Promise<SwitchConfigurationResult> {
  const { configDir, name } = request;
  if (!CONFIG_NAME_PATTERN.test(name)) return { ok: false, message: `"${name}" is not a gcloud configuration name` };
  const warning = request.env.CLOUDSDK_ACTIVE_CONFIG_NAME
    ? `CLOUDSDK_ACTIVE_CONFIG_NAME=${request.env.CLOUDSDK_ACTIVE_CONFIG_NAME} is set in this environment and still wins over the switch here`
    : null;
  if (!request.filesOnly) {
    const run = await runGcloudCommand(['config', 'configurations', 'activate', name], {
      env: { ...request.env, CLOUDSDK_CONFIG: configDir },
      ...(request.gcloudPath ? { gcloudPath: request.gcloudPath } : {}),
    });
    if (run.exitCode === 0) return { ok: true, via: 'gcloud', warning };
    if (run.exitCode !== 127) return { ok: false, message: run.error ?? 'gcloud failed' };
  }
  try {
    await stat(configurationFile(configDir, name));
  } catch {
    return { ok: false, message: `Cannot activate configuration [${name}], it does not exist.` };
  }
  const paths = gcloudPaths(configDir);
  await writeFileAtomic(paths.activeConfigFile, name, { mode: 0o644 });
  await writeFileAtomic(paths.configSentinel, '', { mode: 0o644 });
  return { ok: true, via: 'file', warning };
}
