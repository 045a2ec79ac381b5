import { useEffect, useState } from 'react';
import type { CloudIdApi } from '../shared-types';
import { errorMessage } from '../lib/errors';

type CopyState = { kind: 'idle' } | { kind: 'copied' } | { kind: 'failed'; message: string };

/** The fix for a cluster, copied through the shell (the sandboxed window has no clipboard of its own). */
export function ClustersFix({ api, fix, label }: { api: CloudIdApi; fix: string; label: string }) {
  const [state, setState] = useState<CopyState>({ kind: 'idle' });
  useEffect(() => setState({ kind: 'idle' }), [fix]);
  useEffect(() => {
    if (state.kind !== 'copied') return undefined;
    const timer = window.setTimeout(() => setState({ kind: 'idle' }), 2000);
    return () => window.clearTimeout(timer);
  }, [state]);

  const copy = (): void => {
    api.copyText({ text: fix }).then(
      () => setState({ kind: 'copied' }),
      (error: unknown) => setState({ kind: 'failed', message: errorMessage(error) }),
    );
  };

  return (
    <div className="copy-line clusters-fix">
      <span className="copy-label">{label}</span>
      <code className="copy-text">{fix}</code>
      <button type="button" onClick={copy} aria-label={`Copy ${fix}`}>
        {state.kind === 'copied' ? 'Copied' : 'Copy'}
      </button>
      <span className="copy-status" role="status">
        {state.kind === 'copied' ? 'Copied to the clipboard' : state.kind === 'failed' ? `Copy failed: ${state.message}` : ''}
      </span>
    </div>
  );
}
