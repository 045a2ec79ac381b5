import type { IdentityStatus } from '../shared-types';
import { AWS_STATUS_LABEL } from '../../../electron/shared/status-words';

/** Status as a word and a colour; the word carries the meaning, the colour only helps. */
export function StatusBadge({ status, id }: { status: IdentityStatus; id?: string }) {
  return (
    <span id={id} className={`status-badge status-${status}`}>
      {AWS_STATUS_LABEL[status]}
    </span>
  );
}
