import { useEffect, useId, useState, type FormEvent } from 'react';
import type { CloudIdApi, SsoSession } from '../shared-types';
import { errorMessage } from '../lib/errors';
import { checkProfileName, suggestProfileName } from '../lib/sso-forms';
import type { SsoAccount } from '../lib/sso-types';
import { LogInToList } from './sso-log-in-to-list';

type Accounts =
  { state: 'idle' | 'loading' } | { state: 'ready'; accounts: SsoAccount[] } | { state: 'failed'; message: string };

/** Pick an account and a role of the session and add a profile for it: `aws configure sso`. */
export function SsoAddProfile({
  api,
  session,
  profileNames,
  onLogIn,
  onClose,
}: {
  api: CloudIdApi;
  session: SsoSession;
  profileNames: readonly string[];
  onLogIn(): void;
  onClose(): void;
}) {
  const id = useId();
  const signedIn = session.status === 'valid' || session.status === 'expiring';
  const [accounts, setAccounts] = useState<Accounts>({ state: 'idle' });
  const [accountId, setAccountId] = useState('');
  const [roleName, setRoleName] = useState('');
  const [profileName, setProfileName] = useState('');
  const [nameEdited, setNameEdited] = useState(false);
  const [region, setRegion] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  // Listed once the session is signed in (also right after a login from this panel).
  useEffect(() => {
    if (!signedIn) return undefined;
    let live = true;
    setAccounts({ state: 'loading' });
    api.ssoListAccounts({ session: session.name }).then(
      (result) => {
        if (!live) return;
        if (!result.ok) return setAccounts({ state: 'failed', message: result.message });
        setAccounts({ state: 'ready', accounts: result.accounts });
        const first = result.accounts[0];
        if (first !== undefined) {
          setAccountId(first.accountId);
          setRoleName(first.roles[0] ?? '');
        }
      },
      (error: unknown) => live && setAccounts({ state: 'failed', message: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
  }, [api, session.name, signedIn]);

  const list = accounts.state === 'ready' ? accounts.accounts : [];
  const account = list.find((a) => a.accountId === accountId) ?? null;
  const suggested = account !== null && roleName !== '' ? suggestProfileName(account.accountName, roleName) : '';
  const name = nameEdited ? profileName : suggested;
  const nameProblem = name === '' && !nameEdited ? null : checkProfileName(name, profileNames);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (account === null || roleName === '' || checkProfileName(name, profileNames) !== null) return;
    setSaving(true);
    setFailure(null);
    api
      .ssoCreateProfile({
        session: session.name,
        accountId: account.accountId,
        roleName,
        profileName: name,
        ...(region.trim() ? { region: region.trim() } : {}),
      })
      .then(
        (result) => {
          if (!result.ok) return setFailure(result.problems.map((p) => p.message).join(' '));
          setCreated(name);
          setNameEdited(false);
        },
        (error: unknown) => setFailure(errorMessage(error)),
      )
      .finally(() => setSaving(false));
  };

  return (
    <form
      className="sso-panel"
      aria-label={`Add a profile for ${session.name}`}
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <h3>Add a profile</h3>
      {!signedIn ? (
        <LogInToList session={session.name} onLogIn={onLogIn} />
      ) : accounts.state === 'loading' || accounts.state === 'idle' ? (
        <p role="status">Listing accounts and roles…</p>
      ) : accounts.state === 'failed' ? (
        <p className="inline-error" role="alert">
          {accounts.message}
        </p>
      ) : list.length === 0 ? (
        <p className="muted">This session has no accounts assigned.</p>
      ) : (
        <>
          <div className="sso-field">
            <label htmlFor={`${id}-account`}>Account</label>
            <select
              id={`${id}-account`}
              value={accountId}
              onChange={(e) => {
                setAccountId(e.target.value);
                setRoleName(list.find((a) => a.accountId === e.target.value)?.roles[0] ?? '');
              }}
            >
              {list.map((a) => (
                <option key={a.accountId} value={a.accountId}>
                  {a.accountName} ({a.accountId})
                </option>
              ))}
            </select>
          </div>
          <div className="sso-field">
            <label htmlFor={`${id}-role`}>Role</label>
            <select id={`${id}-role`} value={roleName} onChange={(e) => setRoleName(e.target.value)}>
              {(account?.roles ?? []).map((role) => (
                <option key={role} value={role}>
                  {role}
                </option>
              ))}
            </select>
          </div>
          <div className="sso-field">
            <label htmlFor={`${id}-name`}>Profile name</label>
            <input
              id={`${id}-name`}
              type="text"
              spellCheck={false}
              value={name}
              aria-invalid={nameProblem !== null}
              aria-describedby={`${id}-name-hint`}
              onChange={(e) => {
                setNameEdited(true);
                setProfileName(e.target.value);
              }}
            />
            <span id={`${id}-name-hint`} className={nameProblem === null ? 'sso-hint' : 'inline-error'}>
              {nameProblem ?? 'Use it as AWS_PROFILE, or in SkyPilot'}
            </span>
          </div>
          <div className="sso-field">
            <label htmlFor={`${id}-region`}>Default region (optional)</label>
            <input
              id={`${id}-region`}
              type="text"
              spellCheck={false}
              placeholder="us-east-1"
              value={region}
              aria-describedby={`${id}-region-hint`}
              onChange={(e) => setRegion(e.target.value)}
            />
            <span id={`${id}-region-hint`} className="sso-hint">
              Where AWS commands of this profile go; empty: none is written
            </span>
          </div>
          {failure !== null && (
            <p className="inline-error" role="alert">
              {failure}
            </p>
          )}
          {created !== null && (
            <p className="sso-ok" role="status">
              Added profile {created}.
            </p>
          )}
        </>
      )}
      <div className="sso-actions">
        {signedIn && list.length > 0 && (
          <button type="submit" className="primary" disabled={saving || nameProblem !== null || name === ''}>
            {saving ? 'Adding…' : 'Add profile'}
          </button>
        )}
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </form>
  );
}
