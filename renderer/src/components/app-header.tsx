import type { AwsState } from '../shared-types';
import type { VerifyProgress } from '../hooks/use-verification';
import './app-header.css';

/** The window's top-level views, one tab each, in this order. */
export const APP_VIEWS = [
  { id: 'aws', label: 'AWS' },
  { id: 'gcp', label: 'Google Cloud' },
  { id: 'clusters', label: 'Clusters' },
] as const;
export type AppView = (typeof APP_VIEWS)[number]['id'];
export const viewPanelId = (view: AppView): string => `view-${view}`;
/** A count of things needing attention on a tab, with its words for screen readers. */
export type ViewAttention = Partial<Record<AppView, { count: number; label: string }>>;

interface AppHeaderProps {
  aws: AwsState | null;
  verifyingAll: boolean;
  progress: VerifyProgress | null;
  verifyAllError: string | null;
  onVerifyAll(): void;
  onSettings(): void;
  onShowActive(): void;
  view: AppView;
  onView(view: AppView): void;
  /** Counts shown on the tabs (clusters the active identity cannot operate). */
  attention?: ViewAttention;
}

const SOURCE_WORDING = {
  AWS_PROFILE: 'from AWS_PROFILE',
  AWS_DEFAULT_PROFILE: 'from AWS_DEFAULT_PROFILE',
  default: 'no AWS_PROFILE set',
} as const;

export function AppHeader({
  aws,
  verifyingAll,
  progress,
  verifyAllError,
  onVerifyAll,
  onSettings,
  onShowActive,
  view,
  onView,
  attention,
}: AppHeaderProps) {
  // Progress shows for a run started here, and for one the shell started (the tray's Verify all).
  const showProgress = progress !== null && (verifyingAll || progress.done < progress.total);
  return (
    <header className="app-header">
      <h1>Cloud Identity</h1>
      <ViewTabs view={view} onView={onView} attention={attention ?? {}} />
      {view === 'aws' && aws !== null && aws.profiles.length > 0 && (
        <button
          type="button"
          className="active-profile link-button"
          onClick={onShowActive}
          title="Show the active profile"
        >
          Active profile: <strong>{aws.activeProfile}</strong>{' '}
          <span className="muted">({SOURCE_WORDING[aws.activeProfileSource]})</span>
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
          {!verifyingAll && verifyAllError !== null && (
            <span className="inline-error verify-all-error" title={verifyAllError}>
              Verify all failed: {verifyAllError}
            </span>
          )}
        </div>
        <button
          type="button"
          onClick={onVerifyAll}
          disabled={verifyingAll || aws === null || aws.profiles.length === 0}
        >
          {verifyingAll ? 'Verifying…' : 'Verify all'}
        </button>
        <button type="button" onClick={onSettings}>
          Settings
        </button>
      </div>
    </header>
  );
}

/** Tabs with a roving tab stop: Tab reaches the selected one, arrows (and Home/End) move along. */
function ViewTabs({
  view,
  onView,
  attention,
}: {
  view: AppView;
  onView(view: AppView): void;
  attention: ViewAttention;
}) {
  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>): void => {
    const at = APP_VIEWS.findIndex((v) => v.id === view);
    const last = APP_VIEWS.length - 1;
    const next = { ArrowRight: at === last ? 0 : at + 1, ArrowLeft: at === 0 ? last : at - 1, Home: 0, End: last }[
      event.key
    ];
    const target = next === undefined ? undefined : APP_VIEWS[next];
    if (target === undefined) return;
    event.preventDefault();
    onView(target.id);
    event.currentTarget.querySelector<HTMLButtonElement>(`#tab-${target.id}`)?.focus();
  };
  return (
    <div className="view-tabs" role="tablist" aria-label="Clouds" onKeyDown={onKeyDown}>
      {APP_VIEWS.map((v) => (
        <button
          key={v.id}
          id={`tab-${v.id}`}
          type="button"
          role="tab"
          className="view-tab"
          aria-selected={v.id === view}
          aria-controls={viewPanelId(v.id)}
          tabIndex={v.id === view ? 0 : -1}
          aria-label={(attention[v.id]?.count ?? 0) > 0 ? `${v.label}, ${attention[v.id]?.label ?? ''}` : undefined}
          onClick={() => onView(v.id)}
        >
          {v.label}
          {(attention[v.id]?.count ?? 0) > 0 && (
            <span className="problem-dot view-tab-count" aria-hidden="true">
              {attention[v.id]?.count}
            </span>
          )}
        </button>
      ))}
    </div>
  );
}
