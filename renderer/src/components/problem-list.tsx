import type { Problem } from '../shared-types';
import { formatLocation } from '../lib/labels';
import { RichText } from './rich-text';
import './problem-list.css';

export function ProblemList({ problems, label }: { problems: readonly Problem[]; label: string }) {
  return (
    <ul className="problem-list" aria-label={label}>
      {problems.map((problem, index) => (
        <li key={index} className={`problem problem-${problem.severity}`}>
          <span className="problem-severity">{problem.severity === 'error' ? 'Error' : 'Warning'}</span>
          <span className="problem-message">
            <RichText text={problem.message} />
          </span>
          {problem.file !== undefined && (
            <code className="problem-location">{formatLocation(problem.file, problem.line)}</code>
          )}
        </li>
      ))}
    </ul>
  );
}
