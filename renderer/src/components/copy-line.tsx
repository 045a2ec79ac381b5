import { useEffect, useState } from 'react';
import type { CloudIdApi } from '../shared-types';
import { errorMessage } from '../lib/errors';

type CopyState = { kind: 'idle' } | { kind: 'copied' } | { kind: 'failed'; message: string };

/**
 * A line of text to paste into a terminal, with a Copy button. Copied through the shell, never
 * navigator.clipboard, which the sandboxed window need not be granted.
 */
export function CopyLine({
  api,
  label,
  text,
  className,
}: {
  api: CloudIdApi;
  label: string;
  text: string;
  className?: string;
}) {
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
    <div className={className ? `copy-line ${className}` : 'copy-line'}>
      <span className="copy-label">{label}</span>
      <code className="copy-text">{text}</code>
      <button type="button" onClick={copy} aria-label={`Copy ${text}`}>
        {state.kind === 'copied' ? 'Copied' : 'Copy'}
      </button>
      <span className="copy-status" role="status">
        {state.kind === 'copied'
          ? 'Copied to the clipboard'
          : state.kind === 'failed'
            ? `Copy failed: ${state.message}`
            : ''}
      </span>
    </div>
  );
}
