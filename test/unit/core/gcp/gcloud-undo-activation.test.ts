import { describe, expect, it } from 'vitest';
import { parsePreviousSettings, settingsToRestore } from '../../../../electron/core/gcp/gcloud-activate';
import type { GcloudRun } from '../../../../electron/core/gcp/gcloud-runner';
import { undoActivation, undoActivationCommands } from '../../../../electron/core/gcp/gcloud-undo-activation';

describe('what the current configuration held before an activation', () => {
  it('reads the one active entry gcloud lists, nulls for unset values', () => {
    expect(
      parsePreviousSettings(
        '[{"name": "default", "properties": {"core": {"account": "me@example.com", "project": null}}}]',
      ),
    ).toEqual({ configuration: 'default', account: 'me@example.com', project: null });
    expect(parsePreviousSettings('[{"name": "work", "properties": {}}]')).toEqual({
      configuration: 'work',
      account: null,
      project: null,
    });
  });

  it('refuses anything but exactly one named entry', () => {
    for (const stdout of ['', '[]', '[{}]', 'not json', '[{"name":"a"},{"name":"b"}]'])
      expect(parsePreviousSettings(stdout), stdout).toBeNull();
  });
});

describe('undo', () => {
  it('unsets the account before setting the project, so gcloud makes no project lookup', () => {
    expect(undoActivationCommands({ configuration: 'default', account: 'me@example.com', project: 'p-1' })).toEqual([
      'gcloud config unset account --configuration=default',
      'gcloud config set project p-1 --configuration=default',
      'gcloud config set account me@example.com --configuration=default',
    ]);
    expect(undoActivationCommands({ configuration: 'work', account: null, project: null })).toEqual([
      'gcloud config unset account --configuration=work',
      'gcloud config unset project --configuration=work',
    ]);
  });

  it('runs nothing for a value gcloud would read as an option', async () => {
    const result = await undoActivation(
      { configuration: 'default', account: null, project: '--impersonate-service-account=x' },
      { env: { PATH: '/nonexistent' }, gcloudPath: '/nonexistent/gcloud' },
    );
    expect(result).toMatchObject({ ok: false, steps: [] });
  });
});

describe('when there is something to undo', () => {
  const previous = { configuration: 'default', account: 'me@example.com', project: 'p-1' };
  const step = (exitCode: number): GcloudRun => ({
    command: ['gcloud'],
    exitCode,
    stdout: '',
    stderr: '',
    error: null,
  });

  it('once any step after reading the configuration went through, even if a later one failed', () => {
    const base = { ok: false, configuration: null, message: 'x', previous };
    expect(settingsToRestore({ ...base, steps: [step(0), step(0), step(1)] })).toEqual(previous);
    expect(settingsToRestore({ ...base, ok: true, steps: [step(0), step(0), step(0)] })).toEqual(previous);
  });

  it('not when nothing changed, or the activation was in a configuration of its own', () => {
    const base = { ok: false, configuration: null, message: 'x', previous };
    expect(settingsToRestore({ ...base, steps: [step(0), step(1)] })).toBeNull();
    expect(settingsToRestore({ ...base, previous: null, steps: [step(0), step(0)] })).toBeNull();
  });
});
