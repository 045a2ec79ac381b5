import { useState } from 'react';
import type { CloudIdApi } from '../shared-types';
import { errorMessage } from '../lib/errors';
import { activationText, verificationText, type OutcomeText } from '../lib/gcp-labels';
import { formatInstant } from '../lib/gcp-time';
import type { GcpImportedKey, GcpShellProfilesPreview } from '../lib/gcp-types';
import { GcpCommandsRun, GcpOutcome, GcpUndo } from './gcp-outcome';

interface GcpKeysProps {
  api: CloudIdApi;
  keys: GcpImportedKey[];
  /** The account gcloud's active configuration uses, to mark the key in use. */
  activeAccount: string | null;
  /** GOOGLE_APPLICATION_CREDENTIALS of the app's environment, to warn before removing that key. */
  credentialsPath: string | null;
  onUseInShell(key: GcpImportedKey): void;
  /** A removal took the GOOGLE_APPLICATION_CREDENTIALS block out of a shell profile. */
  onProfilesChanged(): void;
}

type KeyAction = 'verify' | 'activate' | 'activate-current' | 'remove';

/** The removal being confirmed: which shell profiles' block points at the key (none: just the key). */
type RemovalState = { kind: 'idle' } | { kind: 'checking' } | { kind: 'confirm'; preview: GcpShellProfilesPreview };

/** The imported service-account keys, each with Verify, Activate and Remove. */
export function GcpKeys({ api, keys, activeAccount, credentialsPath, onUseInShell, onProfilesChanged }: GcpKeysProps) {
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
          onProfilesChanged={onProfilesChanged}
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
  onProfilesChanged(): void;
}

function KeyRow({ api, item, inUse, usedByCredentialsVariable, onUseInShell, onProfilesChanged }: KeyRowProps) {
  const [busy, setBusy] = useState<KeyAction | null>(null);
  const [outcome, setOutcome] = useState<OutcomeText | null>(null);
  const [commands, setCommands] = useState<string[]>([]);
  const [undoId, setUndoId] = useState<string | null>(null);
  const [removal, setRemoval] = useState<RemovalState>({ kind: 'idle' });
  const labelId = `gcp-key-${item.keyId}`;

  const run = (action: KeyAction, work: () => Promise<OutcomeText | null>): void => {
    setBusy(action);
    setOutcome(null);
    setCommands([]);
    setUndoId(null);
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
  const activate = (current: boolean): void =>
    run(current ? 'activate-current' : 'activate', async () => {
      const result = await api.gcpActivateKey({ keyId: item.keyId, ownConfiguration: !current });
      setCommands(result.commands.map((c) => c.command));
      setUndoId(result.undoId);
      return activationText(result);
    });
  const askRemove = (): void => {
    setRemoval({ kind: 'checking' });
    api.gcpRemoveKeyPreview({ keyId: item.keyId }).then(
      (preview) => setRemoval({ kind: 'confirm', preview }),
      (error: unknown) => {
        setRemoval({ kind: 'idle' });
        setOutcome({ tone: 'bad', title: 'Not removed', detail: errorMessage(error) });
      },
    );
  };
  const remove = (preview: GcpShellProfilesPreview): void =>
    run('remove', async () => {
      const blocks = preview.edits.filter((e) => e.action === 'remove');
      const result = await api.gcpRemoveKey(
        blocks.length > 0 ? { keyId: item.keyId, previewId: preview.previewId } : { keyId: item.keyId },
      );
      setRemoval({ kind: 'idle' });
      if (result.profilesWritten.length > 0) onProfilesChanged();
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
        {/* Once gcloud uses the key, activating it again is not what the row offers first. */}
        <button type="button" className={inUse ? 'primary' : undefined} onClick={verify} disabled={busy !== null}>
          {busy === 'verify' ? 'Verifying…' : 'Verify'}
        </button>
        {!inUse && (
          <>
            <button
              type="button"
              className="primary"
              onClick={() => activate(false)}
              disabled={busy !== null}
              title="Create (or reuse) a gcloud configuration named after the account and make it active; the current one stays as it is"
            >
              {busy === 'activate' ? 'Activating…' : 'Activate'}
            </button>
            <button
              type="button"
              onClick={() => activate(true)}
              disabled={busy !== null}
              title="Replaces the current configuration’s account and project for every terminal and SkyPilot; you can undo"
            >
              {busy === 'activate-current' ? 'Activating…' : 'Use in the current configuration'}
            </button>
          </>
        )}
        <button type="button" onClick={onUseInShell} disabled={busy !== null}>
          Set GOOGLE_APPLICATION_CREDENTIALS…
        </button>
        {removal.kind === 'confirm' ? (
          <RemoveConfirm
            preview={removal.preview}
            inUse={inUse}
            usedByCredentialsVariable={usedByCredentialsVariable}
            busy={busy === 'remove'}
            onRemove={() => remove(removal.preview)}
            onCancel={() => setRemoval({ kind: 'idle' })}
          />
        ) : (
          <button type="button" onClick={askRemove} disabled={busy !== null || removal.kind === 'checking'}>
            Remove…
          </button>
        )}
      </div>
      {outcome !== null && <GcpOutcome text={outcome} />}
      {undoId !== null && <GcpUndo key={undoId} api={api} undoId={undoId} />}
      {commands.length > 0 && <GcpCommandsRun commands={commands} />}
    </li>
  );
}

interface RemoveConfirmProps {
  preview: GcpShellProfilesPreview;
  inUse: boolean;
  usedByCredentialsVariable: boolean;
  busy: boolean;
  onRemove(): void;
  onCancel(): void;
}

/** "Remove this key?", with the shell profiles whose GOOGLE_APPLICATION_CREDENTIALS block goes too. */
function RemoveConfirm({ preview, inUse, usedByCredentialsVariable, busy, onRemove, onCancel }: RemoveConfirmProps) {
  const blocks = preview.edits.filter((e) => e.action === 'remove');
  const refused = preview.edits.filter((e) => e.action === 'refused');
  return (
    <div className="gcp-confirm" role="group" aria-label="Remove this key">
      <p>
        Remove this key from the app and the keychain?
        {inUse && ' gcloud keeps its own copy of the credential and goes on working.'}
        {usedByCredentialsVariable &&
          blocks.length === 0 &&
          ' This app was started with GOOGLE_APPLICATION_CREDENTIALS pointing to it; your shell profiles do not set it.'}
      </p>
      {blocks.length > 0 && (
        <div className="gcp-remove-blocks">
          <p>GOOGLE_APPLICATION_CREDENTIALS points to this key in these shell profiles; its block is removed too:</p>
          <ul>
            {blocks.map((e) => (
              <li key={e.path} className="mono">
                {e.path}
              </li>
            ))}
          </ul>
        </div>
      )}
      {refused.map((e) => (
        <p key={e.path} className="inline-error" role="alert">
          {e.problem}
        </p>
      ))}
      <div className="gcp-confirm-actions">
        {refused.length === 0 && (
          <button type="button" className="gcp-danger" onClick={onRemove} disabled={busy} autoFocus>
            {busy ? 'Removing…' : blocks.length > 0 ? 'Remove key and block' : 'Remove key'}
          </button>
        )}
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </div>
  );
}
