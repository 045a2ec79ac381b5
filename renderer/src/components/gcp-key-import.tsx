import { useState } from 'react';
import type { CloudIdApi } from '../shared-types';
import type { ImportEntry } from '../hooks/use-key-imports';
import { errorMessage } from '../lib/errors';
import { activationText, fileNameOf, importText } from '../lib/gcp-labels';
import type { GcpImportOutcome } from '../lib/gcp-types';
import { GcpCommandsRun, GcpOutcome, GcpUndo } from './gcp-outcome';

export interface ImportOptions {
  activate: boolean;
  /** Activate in the current gcloud configuration instead of one of its own (then Undo). */
  currentConfiguration: boolean;
}

interface GcpKeyImportProps {
  api: CloudIdApi;
  imports: ImportEntry[];
  options: ImportOptions;
  onOptions(options: ImportOptions): void;
  onChooseFile(): void;
  chooseRef: React.RefObject<HTMLButtonElement | null>;
}

/** Where keys come in: the drop hint, "Choose file…", the options, and what each import did. */
export function GcpKeyImport({ api, imports, options, onOptions, onChooseFile, chooseRef }: GcpKeyImportProps) {
  return (
    <div className="gcp-import">
      <div className="gcp-drop-hint">
        <p>
          <strong>Drop a service-account key JSON</strong> anywhere on this page, or{' '}
          <button type="button" ref={chooseRef} onClick={onChooseFile}>
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
            Activate it in gcloud and set its project, in a configuration of its own (the current one stays as it is)
          </label>
          <label className="check-field">
            <input
              type="checkbox"
              checked={options.currentConfiguration}
              disabled={!options.activate}
              onChange={(e) => onOptions({ ...options, currentConfiguration: e.target.checked })}
            />
            Use it in the current configuration instead (replaces its account and project for every terminal and
            SkyPilot; you can undo)
          </label>
        </div>
      </div>
      <div className="gcp-import-result" aria-live="polite">
        {imports.map((entry) => (
          <ImportEntryView key={entry.id} api={api} entry={entry} />
        ))}
      </div>
    </div>
  );
}

function ImportEntryView({ api, entry }: { api: CloudIdApi; entry: ImportEntry }) {
  const { state, file } = entry;
  return (
    <div className="gcp-import-entry" data-file={file ?? ''}>
      {state.kind === 'importing' && <p role="status">Importing {file}…</p>}
      {state.kind === 'failed' && (
        <GcpOutcome
          text={{
            tone: 'bad',
            title: file ? `${file} was not imported` : 'Nothing was imported',
            detail: state.message,
          }}
        />
      )}
      {state.kind === 'done' && <ImportResult api={api} outcome={state.outcome} />}
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
      <GcpOutcome text={importText(outcome)} className="gcp-outcome-import" />
      {stored?.activation && <GcpOutcome text={activationText(stored.activation)} className="gcp-outcome-activation" />}
      {stored?.activation?.undoId && <GcpUndo api={api} undoId={stored.activation.undoId} />}
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
