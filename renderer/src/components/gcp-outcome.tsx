import { useState } from 'react';
import type { CloudIdApi } from '../shared-types';
import { errorMessage } from '../lib/errors';
import { undoText, type OutcomeText } from '../lib/gcp-labels';

/** The gcloud commands the app ran, for those who want to know (or run them again themselves). */
export function GcpCommandsRun({ commands }: { commands: string[] }) {
  return (
    <details className="gcp-commands">
      <summary>Commands run</summary>
      <pre>{commands.join('\n')}</pre>
    </details>
  );
}

/** The result of an action, where the user acted: a sentence, and the tool's own words under it. */
export function GcpOutcome({ text, className }: { text: OutcomeText; className?: string }) {
  return (
    <div
      className={`gcp-outcome gcp-outcome-${text.tone}${className ? ` ${className}` : ''}`}
      role={text.tone === 'bad' ? 'alert' : 'status'}
    >
      <p className="gcp-outcome-title">{text.title}</p>
      {text.detail !== null && <pre className="gcp-outcome-detail">{text.detail}</pre>}
    </div>
  );
}

/** Undo of an activation in the current configuration: puts its account and project back, once. */
export function GcpUndo({ api, undoId }: { api: CloudIdApi; undoId: string }) {
  const [state, setState] = useState<
    { kind: 'offer' } | { kind: 'undoing' } | { kind: 'done'; text: OutcomeText; commands: string[] }
  >({ kind: 'offer' });
  const undo = (): void => {
    setState({ kind: 'undoing' });
    api.gcpUndoActivation({ undoId }).then(
      (outcome) =>
        setState({ kind: 'done', text: undoText(outcome), commands: outcome.commands.map((c) => c.command) }),
      (error: unknown) =>
        setState({
          kind: 'done',
          text: { tone: 'bad', title: 'Could not undo the activation', detail: errorMessage(error) },
          commands: [],
        }),
    );
  };
  if (state.kind === 'done')
    return (
      <>
        <GcpOutcome text={state.text} className="gcp-outcome-undo" />
        {state.commands.length > 0 && <GcpCommandsRun commands={state.commands} />}
      </>
    );
  return (
    <p className="gcp-undo">
      <button type="button" onClick={undo} disabled={state.kind === 'undoing'}>
        {state.kind === 'undoing' ? 'Undoing…' : 'Undo: put the previous account and project back'}
      </button>
    </p>
  );
}
