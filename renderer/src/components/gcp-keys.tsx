import { useState } from 'react';
import type { CloudIdApi } from '../shared-types';
import { errorMessage } from '../lib/errors';
import { activationText, verificationText, type OutcomeText } from '../lib/gcp-labels';
import { formatInstant } from '../lib/gcp-time';
import type { GcpImportedKey } from '../lib/gcp-types';
import { GcpCommandsRun, GcpOutcome } from './gcp-outcome';

interface GcpKeysProps {
  api: CloudIdApi;
  keys: GcpImportedKey[];
  /** The account gcloud's active configuration uses, to mark the key in use. */
  activeAccount: string | null;
  /** GOOGLE_APPLICATION_CREDENTIALS of the app's environment, to warn before removing that key. */
  credentialsPath: string | null;
  onUseInShell(key: GcpImportedKey): void;
}

type KeyAction = 'verify' | 'activate' | 'activate-own' | 'remove';

/** The imported service-account keys, each with Verify, Activate and Remove. */
export function GcpKeys({ api, keys, activeAccount, credentialsPath, onUseInShell }: GcpKeysProps) {
  if (keys.length === 0) return <p className="empty-note gcp-no-keys">No service-account key imported yet.</p>;
  return (
    <ul className="plain-list gcp-key-list" aria-label="Imported keys">
      {keys.map((key) => (
        <KeyRow
          key={key.keyId}
          api={api}
          item={key}
          inUse={key.account === activeAccount}
          usedByCredentialsVariable={key.path === credentialsPath}
          onUseInShell={() => onUseInShell(key)}
        />
      ))}
    </ul>
  );
}

interface KeyRowProps {
  api: CloudIdApi;
  item: GcpImportedKey;
  inUse: boolean;
  usedByCredentialsVariable: boolean;
  onUseInShell(): void;
}

function KeyRow({ api, item, inUse, usedByCredentialsVariable, onUseInShell }: KeyRowProps) {
  const [busy, setBusy] = useState<KeyAction | null>(null);
  const [outcome, setOutcome] = useState<OutcomeText | null>(null);
  const [commands, setCommands] = useState<string[]>([]);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const labelId = `gcp-key-${item.keyId}`;

  const run = (action: KeyAction, work: () => Promise<OutcomeText | null>): void => {
    setBusy(action);
    setOutcome(null);
    setCommands([]);
    work().then(
      (text) => {
        setBusy(null);
        setOutcome(text);
      },
      (error: unknown) => {
        setBusy(null);
        setOutcome({ tone: 'bad', title: 'That did not work', detail: errorMessage(error) });
      },
    );
  };
  const verify = (): void => run('verify', async () => verificationText(await api.gcpVerifyKey({ keyId: item.keyId })));
  const activate = (own: boolean): void =>
    run(own ? 'activate-own' : 'activate', async () => {
      const result = await api.gcpActivateKey({ keyId: item.keyId, ownConfiguration: own });
      setCommands(result.commands.map((c) => c.command));
      return activationText(result);
    });
  const remove = (): void =>
    run('remove', async () => {
      const result = await api.gcpRemoveKey({ keyId: item.keyId });
      setConfirmRemove(false);
      return result.removed ? null : { tone: 'bad', title: 'Not removed', detail: result.message };
    });

  return (
    <li className="gcp-key" aria-labelledby={labelId}>
      <div className="gcp-key-head">
        <span id={labelId} className="gcp-key-account">
          {item.account}
        </span>
        {inUse && <span className="tag">In use by gcloud</span>}
      </div>
      <dl className="fields gcp-key-fields">
        <dt>Project</dt>
        <dd>{item.project ?? <span className="muted">none in the key</span>}</dd>
        <dt>Key id</dt>
        <dd className="mono">{item.keyId}</dd>
        <dt>Imported</dt>
        <dd>
          <time dateTime={item.importedAt}>{formatInstant(item.importedAt)}</time>
        </dd>
      </dl>
      <div className="gcp-key-actions" role="group" aria-label={`Actions for ${item.account}`}>
        <button type="button" onClick={verify} disabled={busy !== null}>
          {busy === 'verify' ? 'Verifying…' : 'Verify'}
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => activate(false)}
          disabled={busy !== null}
          title="gcloud auth activate-service-account, then gcloud config set project"
        >
          {busy === 'activate' ? 'Activating…' : 'Activate'}
        </button>
        <button
          type="button"
          onClick={() => activate(true)}
          disabled={busy !== null}
          title="Create (or reuse) a gcloud configuration named after the account; the current one stays as it is"
        >
          {busy === 'activate-own' ? 'Activating…' : 'Activate in its own configuration'}
        </button>
        <button type="button" onClick={onUseInShell} disabled={busy !== null}>
          Set GOOGLE_APPLICATION_CREDENTIALS…
        </button>
        {confirmRemove ? (
          <span className="gcp-confirm">
            <span>
              Remove this key from the app and the keychain?
              {usedByCredentialsVariable &&
                ' GOOGLE_APPLICATION_CREDENTIALS points to it: remove that from your shell profiles too.'}
              {inUse && ' gcloud keeps its own copy of the credential and goes on working.'}
            </span>
            <button type="button" className="gcp-danger" onClick={remove} disabled={busy !== null} autoFocus>
              {busy === 'remove' ? 'Removing…' : 'Remove key'}
            </button>
            <button type="button" onClick={() => setConfirmRemove(false)} disabled={busy !== null}>
              Cancel
            </button>
          </span>
        ) : (
          <button type="button" onClick={() => setConfirmRemove(true)} disabled={busy !== null}>
            Remove…
          </button>
        )}
      </div>
      {outcome !== null && <GcpOutcome text={outcome} />}
      {commands.length > 0 && <GcpCommandsRun commands={commands} />}
    </li>
  );
}
