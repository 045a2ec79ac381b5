import { useState } from 'react';
import type { CloudIdApi } from '../shared-types';
import { errorMessage } from '../lib/errors';
import { activationText, fileNameOf, importText } from '../lib/gcp-labels';
import type { GcpImportOutcome } from '../lib/gcp-types';
import { GcpCommandsRun, GcpOutcome } from './gcp-outcome';

export interface ImportOptions {
  activate: boolean;
  ownConfiguration: boolean;
}

export type ImportState =
  | { kind: 'idle' }
  | { kind: 'importing'; file: string }
  | { kind: 'done'; outcome: GcpImportOutcome }
  | { kind: 'failed'; file: string | null; message: string };

interface GcpKeyImportProps {
  api: CloudIdApi;
  state: ImportState;
  options: ImportOptions;
  onOptions(options: ImportOptions): void;
  onChooseFile(): void;
  chooseRef: React.RefObject<HTMLButtonElement | null>;
}

/** Where keys come in: the drop hint, "Choose file…", the options, and what the last import did. */
export function GcpKeyImport({ api, state, options, onOptions, onChooseFile, chooseRef }: GcpKeyImportProps) {
  return (
    <div className="gcp-import">
      <div className="gcp-drop-hint">
        <p>
          <strong>Drop a service-account key JSON</strong> anywhere on this page, or{' '}
          <button type="button" ref={chooseRef} onClick={onChooseFile} disabled={state.kind === 'importing'}>
            Choose file…
          </button>
        </p>
        <p className="muted">
          The key is checked, copied into the app’s own folder (readable by you only) and its location kept in your OS
          keychain.
        </p>
        <div className="gcp-import-options">
          <label className="check-field">
            <input
              type="checkbox"
              checked={options.activate}
              onChange={(e) => onOptions({ ...options, activate: e.target.checked })}
            />
            Activate it in gcloud and set its project
          </label>
          <label className="check-field">
            <input
              type="checkbox"
              checked={options.ownConfiguration}
              disabled={!options.activate}
              onChange={(e) => onOptions({ ...options, ownConfiguration: e.target.checked })}
            />
            In a gcloud configuration of its own (the current one stays as it is)
          </label>
        </div>
      </div>
      <div className="gcp-import-result" aria-live="polite">
        {state.kind === 'importing' && <p role="status">Importing {state.file}…</p>}
        {state.kind === 'failed' && (
          <GcpOutcome
            text={{
              tone: 'bad',
              title: state.file ? `${state.file} was not imported` : 'Nothing was imported',
              detail: state.message,
            }}
          />
        )}
        {state.kind === 'done' && <ImportResult api={api} outcome={state.outcome} />}
      </div>
    </div>
  );
}

function ImportResult({ api, outcome }: { api: CloudIdApi; outcome: GcpImportOutcome }) {
  const [download, setDownload] = useState<
    { kind: 'offer' } | { kind: 'deleting' } | { kind: 'deleted' } | { kind: 'kept'; message: string }
  >({ kind: 'offer' });
  const stored = outcome.status === 'imported' || outcome.status === 'duplicate' ? outcome : null;
  const deleteDownload = (): void => {
    if (!stored) return;
    setDownload({ kind: 'deleting' });
    api.gcpDeleteDownload({ keyId: stored.key.keyId, path: stored.source }).then(
      (result) =>
        setDownload(result.deleted ? { kind: 'deleted' } : { kind: 'kept', message: result.message ?? 'not deleted' }),
      (error: unknown) => setDownload({ kind: 'kept', message: errorMessage(error) }),
    );
  };
  return (
    <div className="gcp-import-outcome">
      <GcpOutcome text={importText(outcome)} id="gcp-import-outcome" />
      {stored?.activation && <GcpOutcome text={activationText(stored.activation)} id="gcp-activation-outcome" />}
      {stored?.activation && stored.activation.commands.length > 0 && (
        <GcpCommandsRun commands={stored.activation.commands.map((c) => c.command)} />
      )}
      {stored && !stored.sourceRemoved && stored.source !== stored.key.path && (
        <div className="gcp-download">
          {download.kind === 'offer' || download.kind === 'deleting' ? (
            <p>
              The download <span className="mono">{stored.source}</span> is still there, and a private key left lying
              around is a risk.{' '}
              <button type="button" onClick={deleteDownload} disabled={download.kind === 'deleting'}>
                {download.kind === 'deleting' ? 'Deleting…' : `Delete ${fileNameOf(stored.source)}`}
              </button>
            </p>
          ) : download.kind === 'deleted' ? (
            <p role="status">Deleted {stored.source}. The app keeps its own copy.</p>
          ) : (
            <p className="inline-error" role="alert">
              {download.message}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
