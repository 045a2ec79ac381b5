import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CloudIdApi, Settings, StartAtLoginState } from '../shared-types';
import { errorMessage } from '../lib/errors';
import { SettingsCliCommand } from './settings-cli-command';

/** A modal dialog (native <dialog>: focus is trapped and Escape closes it) for the settings. */
export function SettingsDialog({ api, open, onClose }: { api: CloudIdApi; open: boolean; onClose(): void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [leadTime, setLeadTime] = useState('');
  const [notifications, setNotifications] = useState(true);
  const [loginFlow, setLoginFlow] = useState<Settings['ssoLoginFlow']>('auto');
  /** Start at login as the system has it (not the saved setting: the user may change it there too). */
  const [startState, setStartState] = useState<StartAtLoginState | null>(null);
  const [startAtLogin, setStartAtLogin] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog === null) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  useEffect(() => {
    if (!open) return undefined;
    let live = true;
    setError(null);
    api.getSettings().then(
      (loaded) => {
        if (!live) return;
        setSettings(loaded);
        setLeadTime(String(loaded.leadTimeMinutes));
        setNotifications(loaded.notifications);
        setLoginFlow(loaded.ssoLoginFlow);
      },
      (failure: unknown) => live && setError(errorMessage(failure)),
    );
    setStartState(null);
    api.getStartAtLogin().then(
      (state) => {
        if (!live) return;
        setStartState(state);
        setStartAtLogin(state.enabled);
      },
      (failure: unknown) => live && setError(errorMessage(failure)),
    );
    return () => {
      live = false;
    };
  }, [api, open]);

  const save = (event: FormEvent): void => {
    event.preventDefault();
    const minutes = Number(leadTime);
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 24 * 60) {
      setError('Lead time is a whole number of minutes from 1 to 1440.');
      return;
    }
    setSaving(true);
    setError(null);
    api
      .updateSettings({ leadTimeMinutes: minutes, notifications, ssoLoginFlow: loginFlow })
      .then(async (saved) => {
        setSettings(saved);
        if (startState !== null && startAtLogin !== startState.enabled) {
          const applied = await api.setStartAtLogin({ enabled: startAtLogin });
          setStartState(applied);
          setStartAtLogin(applied.enabled);
          // The dialog stays open on what the system would not do, with the reason.
          if (applied.problem !== null) {
            setError(applied.problem);
            return;
          }
        }
        onClose();
      })
      .catch((failure: unknown) => setError(errorMessage(failure)))
      .finally(() => setSaving(false));
  };

  return (
    <dialog ref={dialogRef} className="settings-dialog" aria-labelledby="settings-title" onClose={onClose}>
      <form onSubmit={save} noValidate>
        <h2 id="settings-title">Settings</h2>
        <label className="field">
          <span>Warn this many minutes before a credential expires</span>
          <input
            type="number"
            min={1}
            max={1440}
            step={1}
            required
            value={leadTime}
            disabled={settings === null}
            onChange={(event) => setLeadTime(event.target.value)}
          />
        </label>
        <label className="check-field">
          <input
            type="checkbox"
            checked={notifications}
            disabled={settings === null}
            onChange={(event) => setNotifications(event.target.checked)}
          />
          <span>Show desktop notifications</span>
        </label>
        <label className="check-field">
          <input
            type="checkbox"
            checked={startAtLogin}
            disabled={startState === null}
            onChange={(event) => setStartAtLogin(event.target.checked)}
          />
          <span>Start at login</span>
        </label>
        {startState?.problem && startState.problem !== error ? <p className="muted">{startState.problem}</p> : null}
        <label className="field">
          <span>AWS SSO log in with</span>
          <select
            value={loginFlow}
            disabled={settings === null}
            onChange={(event) => setLoginFlow(event.target.value as Settings['ssoLoginFlow'])}
          >
            <option value="auto">The browser for sso-session profiles, a device code for legacy ones</option>
            <option value="pkce">The browser (authorization code with PKCE)</option>
            <option value="device-code">A device code (works with a browser on another machine)</option>
          </select>
        </label>
        <SettingsCliCommand api={api} open={open} />
        <p role="alert" className="inline-error">
          {error}
        </p>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={settings === null || saving}>
            {saving ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
