import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { CloudIdApi, SsoSession } from '../shared-types';
import { errorMessage } from '../lib/errors';
import { SYNC_ACTION_LABEL, hasChanges, progressText, syncRows, syncSummary } from '../lib/sso-sync-view';
import type { SsoListingProgress, SsoSyncPreview } from '../lib/sso-types';
import { LogInToList } from './sso-log-in-to-list';

const DEFAULT_TEMPLATE = '<account name>.<role>';
/** Rows drawn at once; thousands of roles stay a summary plus the first screenfuls. */
const MAX_ROWS = 500;

type State =
  | { step: 'listing'; progress: SsoListingProgress | null }
  | { step: 'preview'; preview: SsoSyncPreview }
  | { step: 'failed'; message: string }
  | { step: 'applying'; preview: SsoSyncPreview };

/** "Sync accounts": list every account and role, preview the profiles, apply in one edit. */
export function SsoSyncPanel({
  api,
  session,
  onLogIn,
  onClose,
}: {
  api: CloudIdApi;
  session: SsoSession;
  onLogIn(): void;
  onClose(): void;
}) {
  const id = useId();
  const signedIn = session.status === 'valid' || session.status === 'expiring';
  const [template, setTemplate] = useState(DEFAULT_TEMPLATE);
  const [region, setRegion] = useState('');
  // A role the user already has a profile for is not added again unless they ask.
  const [includeDuplicates, setIncludeDuplicates] = useState(false);
  const [state, setState] = useState<State | null>(null);
  const [applied, setApplied] = useState<string | null>(null);

  useEffect(
    () =>
      api.on(
        'ssoSyncProgress',
        (progress) =>
          progress.session === session.name &&
          setState((prev) => (prev?.step === 'listing' ? { step: 'listing', progress } : prev)),
      ),
    [api, session.name],
  );

  const preview = useCallback(
    (relist: boolean, duplicates: boolean = includeDuplicates) => {
      setState((prev) => (prev?.step === 'preview' && !relist ? prev : { step: 'listing', progress: null }));
      api
        .ssoSyncPreview({
          session: session.name,
          ...(template.trim() ? { template: template.trim() } : {}),
          ...(region.trim() ? { region: region.trim() } : {}),
          relist,
          includeDuplicates: duplicates,
        })
        .then(
          (result) =>
            setState(
              result.ok ? { step: 'preview', preview: result.preview } : { step: 'failed', message: result.message },
            ),
          (error: unknown) => setState({ step: 'failed', message: errorMessage(error) }),
        );
    },
    [api, session.name, template, region, includeDuplicates],
  );

  // The first preview as soon as the panel opens on a signed-in session.
  const [started, setStarted] = useState(false);
  useEffect(() => {
    if (signedIn && !started) {
      setStarted(true);
      preview(false);
    }
  }, [signedIn, started, preview]);

  const apply = (shown: SsoSyncPreview): void => {
    setState({ step: 'applying', preview: shown });
    setApplied(null);
    api.ssoSyncApply({ previewId: shown.id }).then(
      (result) => {
        if (!result.ok) return setState({ step: 'failed', message: result.message });
        setApplied(
          result.changed
            ? `Applied: ${syncSummary({ ...shown.counts, unchanged: 0, conflict: 0, duplicate: 0 })}.`
            : 'Nothing to change.',
        );
        preview(false);
      },
      (error: unknown) => setState({ step: 'failed', message: errorMessage(error) }),
    );
  };

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setApplied(null);
    preview(false);
  };

  const shown = state?.step === 'preview' || state?.step === 'applying' ? state.preview : null;
  const rows = shown === null ? [] : syncRows(shown);
  return (
    <form
      className="sso-panel"
      aria-label={`Sync accounts of ${session.name}`}
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <h3>Sync accounts</h3>
      {!signedIn ? (
        <LogInToList session={session.name} onLogIn={onLogIn} />
      ) : (
        <>
          <div className="sso-row">
            <div className="sso-field sso-grow">
              <label htmlFor={`${id}-template`}>Profile name template</label>
              <input
                id={`${id}-template`}
                type="text"
                spellCheck={false}
                value={template}
                onChange={(e) => setTemplate(e.target.value)}
                aria-describedby={`${id}-template-hint`}
              />
              <span id={`${id}-template-hint`} className="sso-hint">
                Fields: &lt;account name&gt; &lt;account id&gt; &lt;role&gt; &lt;session&gt; &lt;email&gt;
              </span>
            </div>
            <div className="sso-field">
              <label htmlFor={`${id}-region`}>Profiles' region (optional)</label>
              <input
                id={`${id}-region`}
                type="text"
                spellCheck={false}
                size={12}
                value={region}
                placeholder="unchanged"
                onChange={(e) => setRegion(e.target.value)}
              />
            </div>
          </div>
          <label className="check-field">
            <input
              type="checkbox"
              checked={includeDuplicates}
              disabled={state?.step === 'listing' || state?.step === 'applying'}
              onChange={(e) => {
                setIncludeDuplicates(e.target.checked);
                setApplied(null);
                preview(false, e.target.checked);
              }}
            />
            Also add a profile for roles I already have a profile for (same session, account and role)
          </label>
          <div className="sso-actions">
            <button type="submit" disabled={state?.step === 'listing' || state?.step === 'applying'}>
              Preview
            </button>
            <button
              type="button"
              disabled={state?.step === 'listing' || state?.step === 'applying'}
              onClick={() => preview(true)}
            >
              List again
            </button>
          </div>
          <div role="status" aria-live="polite" className="sso-sync-status">
            {state?.step === 'listing' && (
              <p>{state.progress === null ? 'Listing accounts…' : progressText(state.progress)}</p>
            )}
            {shown !== null && (
              <p>
                <strong>{syncSummary(shown.counts)}</strong>
                <span className="muted">
                  {' '}
                  · {shown.listing.accounts} accounts, {shown.listing.roles} roles
                  {shown.listing.complete ? '' : ' (listing incomplete: nothing is removed)'}
                </span>
              </p>
            )}
            {applied !== null && <p className="sso-ok">{applied}</p>}
          </div>
          {state?.step === 'failed' && (
            <p className="inline-error" role="alert">
              {state.message}
            </p>
          )}
          {shown !== null && shown.problems.length > 0 && (
            <ul className="inline-error sso-problems">
              {shown.problems.map((p, i) => (
                <li key={i}>{p.message}</li>
              ))}
            </ul>
          )}
          {rows.length > 0 && (
            <div className="sso-table-wrap">
              <table className="sso-sync-table" aria-label="Sync preview">
                <thead>
                  <tr>
                    <th scope="col">Action</th>
                    <th scope="col">Profile</th>
                    <th scope="col">Account</th>
                    <th scope="col">Role</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.slice(0, MAX_ROWS).map((row) => (
                    <tr key={row.key} className={`sync-${row.action}`}>
                      <td>
                        <span className={`sync-action sync-action-${row.action}`}>{SYNC_ACTION_LABEL[row.action]}</span>
                      </td>
                      <td>
                        <span className="mono">{row.profileName}</span>
                        {row.detail !== '' && <span className="sso-sync-detail">{row.detail}</span>}
                      </td>
                      <td>{row.account}</td>
                      <td>{row.roleName}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {rows.length > MAX_ROWS && <p className="muted">and {rows.length - MAX_ROWS} more rows.</p>}
            </div>
          )}
        </>
      )}
      <div className="sso-actions">
        {shown !== null && (
          <button
            type="button"
            className="primary"
            title={`Writes ${shown.configFile}`}
            disabled={state?.step === 'applying' || !hasChanges(shown.counts)}
            onClick={() => apply(shown)}
          >
            {state?.step === 'applying' ? 'Applying…' : 'Apply'}
          </button>
        )}
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </form>
  );
}
