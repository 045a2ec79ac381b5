import { describe, expect, it } from 'vitest';
import { parsePreviousSettings } from '../../../../electron/core/gcp/gcloud-activate';
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
