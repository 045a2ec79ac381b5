import { useState } from 'react';
import type { CloudIdApi } from '../shared-types';
import { errorMessage } from '../lib/errors';
import type { GcpConfiguration } from '../lib/gcp-types';

type SwitchState =
  | { kind: 'idle' }
  | { kind: 'switching'; name: string }
  | { kind: 'done'; warning: string | null }
  | { kind: 'failed'; name: string; message: string };

/** Every gcloud configuration, with a way to make another one active. */
export function GcpConfigurations({ api, configurations }: { api: CloudIdApi; configurations: GcpConfiguration[] }) {
  const [state, setState] = useState<SwitchState>({ kind: 'idle' });
  const switchTo = (name: string): void => {
    setState({ kind: 'switching', name });
    api.gcpSwitchConfiguration({ name }).then(
      (result) =>
        setState(
          result.ok ? { kind: 'done', warning: result.warning } : { kind: 'failed', name, message: result.message },
        ),
      (error: unknown) => setState({ kind: 'failed', name, message: errorMessage(error) }),
    );
  };
  return (
    <section className="gcp-card" aria-labelledby="gcp-configurations-title">
      <h2 id="gcp-configurations-title">Configurations</h2>
      {configurations.length === 0 ? (
        <p className="empty-note">No gcloud configuration yet (gcloud creates “default” on first use).</p>
      ) : (
        <table className="gcp-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Account</th>
              <th scope="col">Project, region / zone</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {configurations.map((c) => (
              <tr
                key={c.name}
                className={c.active ? 'gcp-row-active' : undefined}
                aria-current={c.active ? 'true' : undefined}
              >
                <th scope="row">{c.name}</th>
                <td>
                  {c.account === null ? <span className="muted">—</span> : <BreakableAccount account={c.account} />}
                </td>
                <td>
                  {c.project ?? <span className="muted">—</span>}
                  {(c.region !== null || c.zone !== null) && (
                    <span className="gcp-cell-second muted">
                      {[c.region, c.zone]
                        .filter((part) => part !== null)
                        .map((part, i) => (
                          <span key={part} className="gcp-nowrap">
                            {i > 0 && ' / '}
                            {part}
                          </span>
                        ))}
                    </span>
                  )}
                </td>
                <td className="gcp-cell-action">
                  {c.active ? (
                    <span className="tag">Active</span>
                  ) : (
                    <button
                      type="button"
                      onClick={() => switchTo(c.name)}
                      disabled={state.kind === 'switching'}
                      aria-label={`Switch to configuration ${c.name}`}
                    >
                      {state.kind === 'switching' && state.name === c.name ? 'Switching…' : 'Switch'}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div role="status" className="gcp-inline-status">
        {state.kind === 'done' && state.warning !== null ? (
          <span className="status-text-expiring">{state.warning}</span>
        ) : null}
      </div>
      {state.kind === 'failed' && (
        <p className="inline-error" role="alert">
          Could not switch to {state.name}: {state.message}
        </p>
      )}
    </section>
  );
}

/** An email wraps after its @; only in a narrow table may it also wrap at a hyphen (gcp-view.css). */
function BreakableAccount({ account }: { account: string }) {
  const at = account.indexOf('@');
  if (at < 0) return <>{account}</>;
  return (
    <>
      <span className="gcp-nowrap">{account.slice(0, at + 1)}</span>
      <wbr />
      <span className="gcp-nowrap">{account.slice(at + 1)}</span>
    </>
  );
}
