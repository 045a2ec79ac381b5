import type { OutcomeText } from '../lib/gcp-labels';

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
export function GcpOutcome({ text, id }: { text: OutcomeText; id?: string }) {
  return (
    <div id={id} className={`gcp-outcome gcp-outcome-${text.tone}`} role={text.tone === 'bad' ? 'alert' : 'status'}>
      <p className="gcp-outcome-title">{text.title}</p>
      {text.detail !== null && <pre className="gcp-outcome-detail">{text.detail}</pre>}
    </div>
  );
}
