import { useEffect, useState } from 'react';
import type { CliCommandState, CloudIdApi } from '../shared-types';
import { errorMessage } from '../lib/errors';
import { CopyLine } from './copy-line';

/**
 * "Install the cloudid command": puts the app's `cloudid` in ~/.local/bin, as editors install
 * their command-line launcher. An action of its own, done at once, not part of the dialog's Save.
 */
export function SettingsCliCommand({ api, open }: { api: CloudIdApi; open: boolean }) {
  const [state, setState] = useState<CliCommandState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [installing, setInstalling] = useState(false);

  useEffect(() => {
    if (!open) return undefined;
    let live = true;
    setError(null);
    api.getCliCommand().then(
      (loaded) => live && setState(loaded),
      (failure: unknown) => live && setError(errorMessage(failure)),
    );
    return () => {
      live = false;
    };
  }, [api, open]);

  const install = (): void => {
    setInstalling(true);
    setError(null);
    api
      .installCliCommand()
      .then(setState, (failure: unknown) => setError(errorMessage(failure)))
      .finally(() => setInstalling(false));
  };

  return (
    <section className="field" aria-labelledby="cli-command-title">
      <span id="cli-command-title">The cloudid command</span>
      {state?.offered ? (
        <button type="button" onClick={install} disabled={installing}>
          {installing
            ? 'Installing…'
            : state.installed
              ? 'Install the cloudid command again'
              : 'Install the cloudid command'}
        </button>
      ) : null}
      <p className={error === null ? 'muted' : 'inline-error'} role="status">
        {error ?? state?.message ?? ''}
      </p>
      {state?.pathSetup ? (
        <>
          <p className="muted">
            ~/.local/bin is not on your PATH, so terminals will not find cloudid. Add this line to{' '}
            {state.pathSetup.file}:
          </p>
          <CopyLine api={api} label="Add to PATH" text={state.pathSetup.line} />
        </>
      ) : null}
    </section>
  );
}
