// What a failed STS verification does to how a profile is shown. The files may say a profile is
// valid while STS refused it or could not be asked: every surface (window list, tray) puts a mark
// on the row and never shows a good status beside the failure (issue 10 §2). Pure, for the
// renderer as well.
import type { IdentityCheck, IdentityCheckErrorKind, IdentityStatus } from './model';

export type FailedCheck = NonNullable<IdentityCheck['error']>;

/** The failure of the last check, or null when there is none or it passed. */
export function failedCheck(check: IdentityCheck | null): FailedCheck | null {
  return check?.error ?? null;
}

/** STS could not be asked: nothing is known, which is not the same as refused. */
export function couldNotAsk(kind: IdentityCheckErrorKind): boolean {
  return kind === 'network' || kind === 'timeout';
}

const GOOD: ReadonlySet<IdentityStatus> = new Set(['valid', 'expiring', 'long-lived']);

/** The status to show beside the last check: a good one becomes `unknown` (not asked) or `error`. */
export function statusBesideCheck(status: IdentityStatus, check: IdentityCheck | null): IdentityStatus {
  const failure = failedCheck(check);
  if (failure === null || !GOOD.has(status)) return status;
  return couldNotAsk(failure.kind) ? 'unknown' : 'error';
}

/** The row's mark: "verification failed" or, when STS could not be asked, "not verified: …". */
export function failedCheckWords(failure: FailedCheck): string {
  if (failure.kind === 'timeout') return 'not verified: no answer';
  if (failure.kind === 'network') return 'not verified: STS unreachable';
  return 'verification failed';
}
