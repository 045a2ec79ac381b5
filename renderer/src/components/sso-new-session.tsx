import { useId, useState, type FormEvent } from 'react';
import type { CloudIdApi } from '../shared-types';
import { errorMessage } from '../lib/errors';
import { checkNewSession, parseScopes, type FieldErrors, type NewSessionFields } from '../lib/sso-forms';

const EMPTY: NewSessionFields = { name: '', startUrl: '', region: '', scopes: 'sso:account:access' };

/** "New SSO session": what `aws configure sso-session` asks, appended to ~/.aws/config. */
export function SsoNewSession({
  api,
  existing,
  onCreated,
  onClose,
}: {
  api: CloudIdApi;
  existing: readonly string[];
  onCreated(name: string): void;
  onClose(): void;
}) {
  const id = useId();
  const [fields, setFields] = useState<NewSessionFields>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors<keyof NewSessionFields>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const set = (key: keyof NewSessionFields) => (event: { target: { value: string } }) =>
    setFields({ ...fields, [key]: event.target.value });

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const found = checkNewSession(fields, existing);
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    const name = fields.name.trim();
    const scopes = parseScopes(fields.scopes);
    api
      .ssoCreateSession({
        name,
        startUrl: fields.startUrl.trim(),
        region: fields.region.trim(),
        ...(scopes.length > 0 ? { scopes } : {}),
      })
      .then(
        (result) => {
          if (result.ok) onCreated(name);
          else setFailure(result.problems.map((p) => p.message).join(' '));
        },
        (error: unknown) => setFailure(errorMessage(error)),
      )
      .finally(() => setSaving(false));
  };

  const field = (
    key: keyof NewSessionFields,
    label: string,
    hint: string,
    props: { placeholder?: string; autoFocus?: boolean } = {},
  ) => (
    <div className="sso-field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        type="text"
        value={fields[key]}
        onChange={set(key)}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={errors[key] !== undefined}
        aria-describedby={`${id}-${key}-hint`}
        {...props}
      />
      <span id={`${id}-${key}-hint`} className={errors[key] === undefined ? 'sso-hint' : 'inline-error'}>
        {errors[key] ?? hint}
      </span>
    </div>
  );

  return (
    <form
      className="sso-panel"
      aria-label="New SSO session"
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <h3>New SSO session</h3>
      {field('startUrl', 'Start URL', 'Your AWS access portal, e.g. https://my-org.awsapps.com/start', {
        placeholder: 'https://my-org.awsapps.com/start',
        autoFocus: true,
      })}
      {field('region', 'Region', 'Where IAM Identity Center runs, e.g. us-east-1', { placeholder: 'us-east-1' })}
      {field('name', 'Session name', 'The name of the [sso-session] section', { placeholder: 'my-org' })}
      {field('scopes', 'Scopes', 'sso:account:access lets the app renew the session without a browser')}
      {failure !== null && (
        <p className="inline-error" role="alert">
          {failure}
        </p>
      )}
      <div className="sso-actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Creating…' : 'Create session'}
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
