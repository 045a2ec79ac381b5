import type { IdentityStatus } from '../shared-types';
import { AWS_STATUS_LABEL } from '../../../electron/shared/status-words';
import { failedCheckWords, statusBesideCheck, type FailedCheck } from '../../../electron/shared/verification';

/**
 * Status as a word and a colour; the word carries the meaning, the colour only helps. Beside a
 * failed verification the badge says so, in the colour of statusBesideCheck: never a good one.
 */
export function StatusBadge({
  status,
  id,
  failure = null,
}: {
  status: IdentityStatus;
  id?: string;
  failure?: FailedCheck | null;
}) {
  if (failure !== null) {
    const shown = statusBesideCheck(status, { profile: '', checkedAt: '', identity: null, error: failure });
    const words = failedCheckWords(failure);
    return (
      <span id={id} className={`status-badge status-${shown}`} title={`${AWS_STATUS_LABEL[status]} in the files`}>
        {words.charAt(0).toUpperCase() + words.slice(1)}
      </span>
    );
  }
  return (
    <span id={id} className={`status-badge status-${status}`}>
      {AWS_STATUS_LABEL[status]}
    </span>
  );
}
