import { useState } from 'react';
import type { AwsState } from '../shared-types';
import { splitHeadline } from '../lib/rich-text';
import { ProblemList } from './problem-list';
import { RichText } from './rich-text';
import './notices.css';

/** What is wrong beyond any one profile: an old AWS CLI first on PATH, unreadable files, and
 *  tools that would pick a different active profile than the AWS CLI. */
export function Notices({ aws }: { aws: AwsState }) {
  const [dismissed, setDismissed] = useState(dismissedCliWarning);
  const warning = aws.cli.warning === dismissed ? null : aws.cli.warning;
  if (warning === null && aws.problems.length === 0 && aws.activeProfileNotes.length === 0) return null;
  const dismiss = (text: string): void => {
    try {
      localStorage.setItem(DISMISSED_CLI_WARNING, text);
    } catch {
      // Storage refused (private mode): dismissed for this window only.
    }
    setDismissed(text);
  };
  return (
    <div className="notices">
      {warning !== null && <CliWarning warning={warning} onDismiss={() => dismiss(warning)} />}
      {aws.problems.length > 0 && (
        <section
          className={`banner ${aws.problems.some((p) => p.severity === 'error') ? 'banner-error' : 'banner-problems-warning'}`}
          aria-labelledby="state-problems-title"
        >
          <h2 id="state-problems-title" className="banner-title">
            Problems with your AWS files
          </h2>
          <ProblemList problems={aws.problems} label="Problems with your AWS files" />
        </section>
      )}
      {aws.activeProfileNotes.length > 0 && (
        <section className="banner banner-info" aria-label="Active profile notes">
          <ul className="plain-list">
            {aws.activeProfileNotes.map((note) => (
              <li key={note}>
                <RichText text={note} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

/**
 * The CLI warning the user dismissed, by its exact text: the window's own storage keeps it across
 * restarts, and a different warning (another CLI first on PATH, a new version) shows again.
 */
const DISMISSED_CLI_WARNING = 'cloudid.dismissedCliWarning';
function dismissedCliWarning(): string | null {
  try {
    return localStorage.getItem(DISMISSED_CLI_WARNING);
  } catch {
    return null;
  }
}

/**
 * One line: the first sentence says what is wrong, the guidance after it folds away. The app's own
 * sign-ins do not go through `aws`, so the warning concerns only the user's terminals.
 */
function CliWarning({ warning, onDismiss }: { warning: string; onDismiss(): void }) {
  const { headline, rest } = splitHeadline(warning);
  return (
    <div className="banner banner-warning cli-warning" role="alert" aria-label="AWS CLI warning">
      <details className="banner-details">
        <summary>
          <span className="cli-warning-line" title={headline.replaceAll('`', '')}>
            <strong>AWS CLI:</strong> <RichText text={headline} />
          </span>
          <span className="cli-warning-more">How to fix</span>
        </summary>
        {rest !== '' && (
          <p>
            <RichText text={rest} />
          </p>
        )}
        <p>
          This app does not need it: its Log in button, and <code>cloudid login</code> in a terminal, do what{' '}
          <code>aws sso login</code> does.
        </p>
      </details>
      <button type="button" className="link-button cli-warning-dismiss" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
