import { useMemo } from 'react';
import { useNow } from '../hooks/use-now';
import type { SsoLoginPrompt } from '../lib/sso-types';
import { promptExpiry } from '../lib/sso-session-view';

/**
 * A login in progress: the device code to confirm in the browser (device code flow), or that the
 * app waits for the browser (PKCE), with a way to open the page again and to cancel.
 */
export function SsoLoginPromptView({
  session,
  prompt,
  onOpenPage,
  onCopyLink,
  onCancel,
}: {
  session: string;
  prompt: SsoLoginPrompt | null;
  onOpenPage(): void;
  /** For a browser on another machine, or when the page cannot be opened from here. */
  onCopyLink(url: string): void;
  onCancel(): void;
}) {
  // The code's countdown ticks on its own, exactly when its wording changes.
  const expiries = useMemo(() => [prompt?.expiresAt ?? null], [prompt]);
  const now = useNow(expiries, false);
  return (
    <div className="sso-login" role="group" aria-label={`Login to ${session}`}>
      <div role="status" aria-live="polite" className="sso-login-text">
        {prompt === null ? (
          <p>Starting the login…</p>
        ) : prompt.userCode !== null ? (
          <>
            <p>Confirm this code on the sign-in page, then approve the request:</p>
            <p className="sso-user-code" aria-label={`Code ${prompt.userCode.split('').join(' ')}`}>
              {prompt.userCode}
            </p>
            <p className="muted">
              Page: <span className="mono">{prompt.verificationUri}</span> · code {promptExpiry(prompt.expiresAt, now)}
            </p>
          </>
        ) : (
          <>
            <p>Waiting for the browser… Finish signing in on the page that opened.</p>
            <p className="muted">The wait {promptExpiry(prompt.expiresAt, now)}.</p>
          </>
        )}
      </div>
      <div className="sso-actions">
        <button type="button" className="primary" onClick={onOpenPage} disabled={prompt === null}>
          {prompt?.userCode === null ? 'Open the page again' : 'Open the page'}
        </button>
        <button
          type="button"
          onClick={() => prompt !== null && onCopyLink(prompt.verificationUriComplete)}
          disabled={prompt === null}
        >
          Copy link
        </button>
        <button type="button" onClick={onCancel}>
          Cancel login
        </button>
      </div>
    </div>
  );
}
