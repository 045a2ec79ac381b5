import type { IdentityStatus } from '../shared-types';
import { STATUS_LABEL } from '../lib/labels';

/** Status as a word and a colour; the word carries the meaning, the colour only helps. */
export function StatusBadge({ status, id }: { status: IdentityStatus; id?: string }) {
  return (
    <span id={id} className={`status-badge status-${status}`}>
      {STATUS_LABEL[status]}
    </span>
  );
}
