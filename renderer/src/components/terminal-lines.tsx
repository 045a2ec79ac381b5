import { useEffect, useState } from 'react';
import type { CloudIdApi } from '../shared-types';
import { errorMessage } from '../lib/errors';
import { exportProfile, profilePrefix } from '../lib/shell-command';

/** The lines to paste into a terminal, each copied through the shell (never navigator.clipboard,
 *  which the sandboxed window need not be granted). */
export function TerminalLines({ api, profile }: { api: CloudIdApi; profile: string }) {
  return (
    <section className="detail-section" aria-labelledby="terminal-title">
      <h3 id="terminal-title">Use in a terminal</h3>
      <CopyLine api={api} label="One command" text={profilePrefix(profile)} />
      <CopyLine api={api} label="This shell" text={exportProfile(profile)} />
    </section>
  );
}

type CopyState = { kind: 'idle' } | { kind: 'copied' } | { kind: 'failed'; message: string };

function CopyLine({ api, label, text }: { api: CloudIdApi; label: string; text: string }) {
  const [state, setState] = useState<CopyState>({ kind: 'idle' });
  useEffect(() => setState({ kind: 'idle' }), [text]);
  useEffect(() => {
    if (state.kind !== 'copied') return undefined;
    const timer = window.setTimeout(() => setState({ kind: 'idle' }), 2000);
    return () => window.clearTimeout(timer);
  }, [state]);

  const copy = (): void => {
    api.copyText({ text }).then(
      () => setState({ kind: 'copied' }),
      (error: unknown) => setState({ kind: 'failed', message: errorMessage(error) }),
    );
  };

  return (
    <div className="copy-line">
      <span className="copy-label">{label}</span>
      <code className="copy-text">{text}</code>
      <button type="button" onClick={copy} aria-label={`Copy ${text}`}>
        {state.kind === 'copied' ? 'Copied' : 'Copy'}
      </button>
      <span className="copy-status" role="status">
        {state.kind === 'copied' ? 'Copied to the clipboard' : state.kind === 'failed' ? `Copy failed: ${state.message}` : ''}
      </span>
    </div>
  );
}
