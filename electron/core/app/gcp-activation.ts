// Activation from the window: the core recipe (gcloud-activate.ts), plus putting gcloud back the
// way it was when activating "in its own configuration" fails half-way, so a refused key never
// leaves the user in a new, empty configuration.
import type { GcpActivationOutcome } from '../../shared/contract-gcp';
import { commandLine } from '../../shared/shell-commands';
import { activateServiceAccount } from '../gcp/gcloud-activate';
import { runGcloudCommand } from '../gcp/gcloud-runner';
import type { StoredKey } from '../gcp/key-store';
import type { Core } from './core';

export async function activateStoredKey(
  core: Core,
  key: StoredKey,
  ownConfiguration: boolean,
  gcloudPath?: string,
): Promise<GcpActivationOutcome> {
  const { env } = core.context;
  const gcloud = gcloudPath ? { gcloudPath } : {};
  const before = core.snapshot().gcp?.activeConfiguration ?? null;
  const activation = await activateServiceAccount({
    keyFile: key.path,
    account: key.account,
    projectId: key.project,
    newConfiguration: ownConfiguration,
    env,
    ...gcloud,
  });
  const created = activation.steps.some((s) => s.command.includes('create') && s.exitCode === 0);
  const commands = activation.steps.map((s) => ({ command: commandLine(s.command), exitCode: s.exitCode }));
  let message = activation.message;
  // Steps of a new-configuration activation: list, then create or activate it, then the rest.
  const selected = activation.configuration !== null && activation.steps[1]?.exitCode === 0;
  if (
    !activation.ok &&
    selected &&
    activation.configuration !== null &&
    before !== null &&
    activation.configuration !== before
  ) {
    const back = await runGcloudCommand(['config', 'configurations', 'activate', before], { env, ...gcloud });
    commands.push({ command: commandLine(back.command), exitCode: back.exitCode });
    if (back.exitCode === 0 && created) {
      const drop = await runGcloudCommand(['config', 'configurations', 'delete', activation.configuration, '--quiet'], {
        env,
        ...gcloud,
      });
      commands.push({ command: commandLine(drop.command), exitCode: drop.exitCode });
    }
    const undone =
      back.exitCode === 0
        ? `gcloud is back on configuration “${before}”${created ? ` (the new “${activation.configuration}” was removed)` : ''}.`
        : `gcloud stays on configuration “${activation.configuration}”: switching back to “${before}” failed too.`;
    message = `${message ?? 'gcloud failed without saying why.'}\n\n${undone}`;
  }
  await core.reload().catch(() => undefined);
  return {
    ok: activation.ok,
    account: key.account,
    project: key.project,
    configuration: activation.ok
      ? (activation.configuration ?? core.snapshot().gcp?.activeConfiguration ?? null)
      : activation.configuration,
    createdConfiguration: activation.ok && created,
    message,
    commands,
  };
}
