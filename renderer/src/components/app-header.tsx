import type { AwsState } from '../shared-types';
import type { VerifyProgress } from '../hooks/use-verification';

interface AppHeaderProps {
  aws: AwsState | null;
  verifyingAll: boolean;
  progress: VerifyProgress | null;
  verifyAllError: string | null;
  onVerifyAll(): void;
  onSettings(): void;
  onShowActive(): void;
}

const SOURCE_WORDING = { AWS_PROFILE: 'from AWS_PROFILE', AWS_DEFAULT_PROFILE: 'from AWS_DEFAULT_PROFILE', default: 'no AWS_PROFILE set' } as const;

export function AppHeader({ aws, verifyingAll, progress, verifyAllError, onVerifyAll, onSettings, onShowActive }: AppHeaderProps) {
  // Progress shows for a run started here, and for one the shell started (the tray's Verify all).
  const showProgress = progress !== null && (verifyingAll || progress.done < progress.total);
  return (
    <header className="app-header">
      <h1>Cloud Identity</h1>
      {aws !== null && (
        <button type="button" className="active-profile link-button" onClick={onShowActive} title="Show the active profile">
          Active profile: <strong>{aws.activeProfile}</strong> <span className="muted">({SOURCE_WORDING[aws.activeProfileSource]})</span>
        </button>
      )}
      <div className="header-actions">
        <div className="verify-all" role="status" aria-live="polite">
          {showProgress && (
            <>
              <progress value={progress.done} max={Math.max(progress.total, 1)} aria-label="Verification progress" />
              <span>
                {progress.done} of {progress.total}
              </span>
            </>
          )}
          {!verifyingAll && verifyAllError !== null && <span className="inline-error">Verify all failed: {verifyAllError}</span>}
        </div>
        <button type="button" onClick={onVerifyAll} disabled={verifyingAll || aws === null}>
          {verifyingAll ? 'Verifying…' : 'Verify all'}
        </button>
        <button type="button" onClick={onSettings}>
          Settings
        </button>
      </div>
    </header>
  );
}
