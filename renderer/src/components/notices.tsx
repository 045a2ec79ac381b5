import type { AwsState } from '../shared-types';
import { splitHeadline } from '../lib/rich-text';
import { ProblemList } from './problem-list';
import { RichText } from './rich-text';
import './notices.css';

/** What is wrong beyond any one profile: an old AWS CLI first on PATH, unreadable files, and
 *  tools that would pick a different active profile than the AWS CLI. */
export function Notices({ aws }: { aws: AwsState }) {
  const { warning } = aws.cli;
  if (warning === null && aws.problems.length === 0 && aws.activeProfileNotes.length === 0) return null;
  return (
    <div className="notices">
      {warning !== null && <CliWarning warning={warning} />}
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

/** The first sentence says what is wrong; the guidance after it folds away. */
function CliWarning({ warning }: { warning: string }) {
  const { headline, rest } = splitHeadline(warning);
  return (
    <div className="banner banner-warning" role="alert" aria-label="AWS CLI warning">
      <p className="banner-headline">
        <strong>AWS CLI:</strong> <RichText text={headline} />
      </p>
      {rest !== '' && (
        <details className="banner-details">
          <summary>How to fix</summary>
          <p>
            <RichText text={rest} />
          </p>
        </details>
      )}
    </div>
  );
}
