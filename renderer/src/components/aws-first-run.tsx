import { useState } from 'react';
import type { CloudIdApi } from '../shared-types';
import { SsoNewSession } from './sso-new-session';

/**
 * No AWS profile yet: where to start instead of an empty list. An SSO portal is the usual way in
 * (the SSO sessions card then logs in and creates the accounts' profiles); keys and other kinds of
 * profile come from the AWS CLI's own files, which the app watches.
 */
export function AwsFirstRun({ api, sessionNames }: { api: CloudIdApi; sessionNames: readonly string[] }) {
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  return (
    <section className="first-run" aria-labelledby="aws-first-run-title">
      <h2 id="aws-first-run-title">No AWS profiles yet</h2>
      {created !== null ? (
        <p>
          Session <strong>{created}</strong> is in your config. Log in to it below, then Sync accounts to make a profile
          for each account and role you have.
        </p>
      ) : sessionNames.length > 0 ? (
        <p>Log in to an SSO session below, then Sync accounts to make a profile for each account and role you have.</p>
      ) : (
        <p>
          Sign in through your organisation’s AWS access portal (IAM Identity Center), and the app makes a profile for
          each account and role you have.
        </p>
      )}
      {adding ? (
        <SsoNewSession
          api={api}
          existing={sessionNames}
          onCreated={(name) => {
            setAdding(false);
            setCreated(name);
          }}
          onClose={() => setAdding(false)}
        />
      ) : (
        created === null && (
          <p>
            <button type="button" className="primary" onClick={() => setAdding(true)}>
              Add your AWS SSO portal
            </button>
          </p>
        )
      )}
      <p className="muted">
        Keys, roles and other profiles come from <code>~/.aws/config</code> and <code>~/.aws/credentials</code> (for
        example after <code>aws configure</code>): they show here as soon as they are saved.
      </p>
    </section>
  );
}
