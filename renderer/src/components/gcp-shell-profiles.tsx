import { useEffect, useRef, useState } from 'react';
import type { CloudIdApi } from '../shared-types';
import { errorMessage } from '../lib/errors';
import { profileEditText } from '../lib/gcp-shell-profile-text';
import type { GcpShellProfilesApplied, GcpShellProfilesPreview } from '../lib/gcp-types';

/** What to set GOOGLE_APPLICATION_CREDENTIALS to; null removes the block. */
export interface ShellProfileTarget {
  keyId: string | null;
  account: string | null;
}

type State =
  | { kind: 'loading' }
  | { kind: 'preview'; preview: GcpShellProfilesPreview }
  | { kind: 'applying'; preview: GcpShellProfilesPreview }
  | { kind: 'applied'; result: Extract<GcpShellProfilesApplied, { ok: true }> }
  | { kind: 'failed'; message: string };

/** The marked block in ~/.bashrc, ~/.zshrc and config.fish: which files, the exact lines, then Apply. */
export function GcpShellProfiles({
  api,
  target,
  onClose,
  onApplied,
}: {
  api: CloudIdApi;
  target: ShellProfileTarget;
  onClose(): void;
  onApplied(): void;
}) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Opened from a key's row: bring the panel into view and put the keyboard on it.
  useEffect(() => {
    headingRef.current?.scrollIntoView({ block: 'start' });
    headingRef.current?.focus();
  }, [target.keyId]);
  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    api.gcpShellProfilesPreview({ keyId: target.keyId }).then(
      (preview) => live && setState({ kind: 'preview', preview }),
      (error: unknown) => live && setState({ kind: 'failed', message: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
  }, [api, target.keyId, attempt]);

  const apply = (preview: GcpShellProfilesPreview): void => {
    setState({ kind: 'applying', preview });
    api.gcpShellProfilesApply({ previewId: preview.previewId }).then(
      (result) => {
        setState(result.ok ? { kind: 'applied', result } : { kind: 'failed', message: result.message });
        if (result.ok) onApplied();
      },
      (error: unknown) => setState({ kind: 'failed', message: errorMessage(error) }),
    );
  };

  const heading =
    target.keyId === null
      ? 'Remove GOOGLE_APPLICATION_CREDENTIALS from your shell profiles'
      : `GOOGLE_APPLICATION_CREDENTIALS for ${target.account ?? target.keyId}`;
  return (
    <section className="gcp-card gcp-shell" aria-labelledby="gcp-shell-title">
      <div className="section-head">
        <h2 id="gcp-shell-title" className="gcp-sentence-heading" ref={headingRef} tabIndex={-1}>
          {heading}
        </h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      {state.kind === 'loading' && <p className="muted">Reading your shell profiles…</p>}
      {(state.kind === 'preview' || state.kind === 'applying') && (
        <PreviewBody
          preview={state.preview}
          applying={state.kind === 'applying'}
          onApply={() => apply(state.preview)}
          onCancel={onClose}
        />
      )}
      {state.kind === 'applied' && (
        <div className="gcp-outcome gcp-outcome-ok" role="status">
          <p className="gcp-outcome-title">
            {state.result.written.length === 0
              ? 'Nothing needed changing.'
              : `Updated ${state.result.written.length === 1 ? '1 file' : `${state.result.written.length} files`}. Open a new terminal for it to take effect.`}
          </p>
          <ul className="plain-list">
            {state.result.written.map((w) => (
              <li key={w.path}>
                <span className="mono">{w.path}</span>
                {w.backupPath && <span className="muted"> (original kept as {w.backupPath})</span>}
              </li>
            ))}
          </ul>
          {state.result.notWritten.length > 0 && (
            <ul className="plain-list" role="alert" aria-label="Profiles not written">
              {state.result.notWritten.map((n) => (
                <li key={n.path}>{n.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {state.kind === 'failed' && (
        <div className="gcp-outcome gcp-outcome-bad" role="alert">
          <p className="gcp-outcome-title">{state.message}</p>
          <button type="button" onClick={() => setAttempt((n) => n + 1)}>
            Preview again
          </button>
        </div>
      )}
    </section>
  );
}

function PreviewBody({
  preview,
  applying,
  onApply,
  onCancel,
}: {
  preview: GcpShellProfilesPreview;
  applying: boolean;
  onApply(): void;
  onCancel(): void;
}) {
  if (preview.edits.length === 0) {
    return (
      <p className="empty-note">
        {preview.keyId === null
          ? 'No shell profile holds the block: nothing to remove.'
          : 'No ~/.bashrc, ~/.zshrc or config.fish found, and your login shell is none of bash, zsh or fish: nothing to edit.'}
      </p>
    );
  }
  const changes = preview.edits.filter((e) => e.action !== 'unchanged' && e.action !== 'refused').length;
  return (
    <>
      <p>
        Only the marked block changes; every other line of each file stays byte for byte as it is, and the original is
        kept as a backup.
      </p>
      <ul className="plain-list gcp-shell-edits" aria-label="Shell profile changes">
        {preview.edits.map((edit) => (
          <li key={edit.path} className="gcp-shell-edit">
            <p>
              <span className="mono">{edit.path}</span> <span className="muted">({edit.shell})</span> —{' '}
              {profileEditText(edit)}
            </p>
            {edit.problem !== null && <p role="alert">{edit.problem}</p>}
            {edit.action !== 'unchanged' && edit.action !== 'refused' && edit.lines.length > 0 && (
              <pre className="gcp-shell-lines">{edit.lines.join('\n')}</pre>
            )}
          </li>
        ))}
      </ul>
      <div className="dialog-actions">
        <button type="button" onClick={onCancel} disabled={applying}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={onApply} disabled={applying || changes === 0}>
          {applying
            ? 'Applying…'
            : changes === 0
              ? 'Already up to date'
              : `Apply to ${changes === 1 ? '1 file' : `${changes} files`}`}
        </button>
      </div>
    </>
  );
}
