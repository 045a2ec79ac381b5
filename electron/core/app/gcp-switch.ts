// Switching gcloud's active configuration, for the window and the tray alike: through gcloud
// (else its own file write), then a re-read so the snapshot shows the new state at once.
import type { GcpSwitchOutcome } from '../../shared/contract-gcp';
import { gcloudConfigDir } from '../gcp/gcloud-config-dir';
import { switchActiveConfiguration } from '../gcp/switch-configuration';
import type { Core } from './core';

export async function switchGcloudConfiguration(
  core: Core,
  name: string,
  gcloudPath?: string,
): Promise<GcpSwitchOutcome> {
  const { env, homeDir } = core.context;
  const configDir = core.snapshot().gcp?.configDir ?? gcloudConfigDir(env, homeDir, process.platform);
  const result = await switchActiveConfiguration({ configDir, name, env, ...(gcloudPath ? { gcloudPath } : {}) });
  await core.reload().catch(() => undefined);
  return result.ok ? { ok: true, name, warning: result.warning } : { ok: false, name, message: result.message };
}
