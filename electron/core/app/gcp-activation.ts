// Activation from the window: the core recipe (gcloud-activate.ts), plus putting gcloud back the
// way it was when activating "in its own configuration" fails half-way, so a refused key never
// leaves the user in a new, empty configuration. An activation in the current configuration
// keeps what that configuration held under a random id, for the window's Undo.
import { randomUUID } from 'node:crypto';
import type { GcpActivationOutcome, GcpUndoOutcome } from '../../shared/contract-gcp';
import { commandLine } from '../../shared/shell-commands';
import { activateServiceAccount, settingsToRestore, type PreviousSettings } from '../gcp/gcloud-activate';
import { runGcloudCommand } from '../gcp/gcloud-runner';
import { undoActivation } from '../gcp/gcloud-undo-activation';
import type { StoredKey } from '../gcp/key-store';
import type { Core } from './core';

/** Undos not taken yet: the latest few, each usable once. */
const MAX_UNDOS = 8;

export class ActivationUndos {
  private readonly pending = new Map<string, PreviousSettings>();

  register(previous: PreviousSettings): string {
    const id = randomUUID();
    this.pending.set(id, previous);
    while (this.pending.size > MAX_UNDOS) {
      const oldest = this.pending.keys().next().value;
      if (oldest === undefined) break;
      this.pending.delete(oldest);
    }
    return id;
  }

  take(id: string): PreviousSettings | null {
    const previous = this.pending.get(id) ?? null;
    this.pending.delete(id);
    return previous;
  }
}

export async function undoStoredActivation(
  core: Core,
  undos: ActivationUndos,
  undoId: string,
  gcloudPath?: string,
): Promise<GcpUndoOutcome> {
  const previous = undos.take(undoId);
  if (previous === null)
    return { ok: false, restored: null, message: 'This activation can no longer be undone here.', commands: [] };
  const result = await undoActivation(previous, { env: core.context.env, ...(gcloudPath ? { gcloudPath } : {}) });
  await core.reload().catch(() => undefined);
  return {
    ok: result.ok,
    restored: previous,
    message: result.message,
    commands: result.steps.map((s) => ({ command: commandLine(s.command), exitCode: s.exitCode })),
  };
}

export async function activateStoredKey(
  core: Core,
  key: StoredKey,
  ownConfiguration: boolean,
  undos: ActivationUndos,
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
  const restore = settingsToRestore(activation);
  await core.reload().catch(() => undefined);
  return {
    ok: activation.ok,
    account: key.account,
    project: key.project,
    configuration: activation.ok
      ? (activation.configuration ?? core.snapshot().gcp?.activeConfiguration ?? null)
      : activation.configuration,
    createdConfiguration: activation.ok && created,
    previous: activation.previous,
    undoId: restore === null ? null : undos.register(restore),
    message,
    commands,
  };
}
