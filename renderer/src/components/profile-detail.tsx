import type { RefObject } from 'react';
import type { CloudIdApi, AwsProfile, IdentityCheck, SsoSession } from '../shared-types';
import type { SsoLogins } from '../hooks/use-sso-logins';
import { formatLocation, KIND_LABEL } from '../lib/labels';
import { consoleUnavailableReason } from '../lib/console-view';
import { formatExpiry } from '../lib/time-left';
import { ConsoleSection } from './console-section';
import { IdentitySection } from './identity-section';
import { ProblemList } from './problem-list';
import { ProfileSignIn } from './profile-sign-in';
import { StatusBadge } from './status-badge';
import { TerminalLines } from './terminal-lines';
import './profile-detail.css';

interface ProfileDetailProps {
  api: CloudIdApi;
  profile: AwsProfile;
  session: SsoSession | null;
  check: IdentityCheck | null;
  verifying: boolean;
  verifyFailure: string | null;
  now: number;
  /** The window's SSO logins, shared with the SSO sessions card. */
  logins: SsoLogins;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onVerify(): void;
}

export function ProfileDetail({
  api,
  profile,
  session,
  check,
  verifying,
  verifyFailure,
  now,
  logins,
  headingRef,
  onVerify,
}: ProfileDetailProps) {
  const expiry = formatExpiry(profile.expiresAt, now);
  const extraSources = profile.sources.filter(
    (s) => s.file !== profile.source?.file || s.line !== profile.source?.line,
  );
  return (
    <article className="profile-detail" aria-labelledby="detail-title">
      <header className="detail-header">
        <h2 id="detail-title" ref={headingRef} tabIndex={-1}>
          {profile.name}
        </h2>
        {profile.active && <span className="active-badge">Active</span>}
        <StatusBadge status={profile.status} />
      </header>
      {expiry !== null && (
        <p className={`expiry-line status-text-${profile.status}`}>
          <time dateTime={profile.expiresAt ?? undefined} title={new Date(profile.expiresAt ?? '').toLocaleString()}>
            {expiry}
          </time>
        </p>
      )}

      {session !== null && (
        <ProfileSignIn session={session} now={now} activity={logins.activity(session.name)} logins={logins} />
      )}

      {profile.problems.length > 0 && (
        <section className="detail-section" aria-labelledby="profile-problems-title">
          <h3 id="profile-problems-title">Problems</h3>
          <ProblemList problems={profile.problems} label={`Problems of ${profile.name}`} />
        </section>
      )}

      <section className="detail-section" aria-labelledby="config-title">
        <h3 id="config-title">Configuration</h3>
        <dl className="fields" aria-label="Profile configuration">
          <dt>Kind</dt>
          <dd>{KIND_LABEL[profile.kind]}</dd>
          {profile.ssoSession !== null && (
            <>
              <dt>SSO session</dt>
              <dd>
                {profile.ssoSession}
                {session !== null && (
                  <span className="muted"> · {formatExpiry(session.expiresAt, now) ?? 'no cached token'}</span>
                )}
              </dd>
            </>
          )}
          {profile.accountId !== null && (
            <>
              <dt>Account</dt>
              <dd className="mono">{profile.accountId}</dd>
            </>
          )}
          {(profile.roleName !== null || profile.roleArn !== null) && (
            <>
              <dt>Role</dt>
              <dd className="mono">{profile.roleName ?? roleNameOf(profile.roleArn ?? '')}</dd>
            </>
          )}
          {profile.sourceProfile !== null && (
            <>
              <dt>Source profile</dt>
              <dd>{profile.sourceProfile}</dd>
            </>
          )}
          {profile.credentialSource !== null && (
            <>
              <dt>Credential source</dt>
              <dd>{profile.credentialSource}</dd>
            </>
          )}
          <dt>Region</dt>
          <dd>{profile.region ?? <span className="muted">not set</span>}</dd>
          <dt>Expires</dt>
          <dd>
            {expiry ?? (
              <span className="muted">
                {profile.status === 'long-lived' ? 'never (long-lived keys)' : 'not known until used'}
              </span>
            )}
          </dd>
        </dl>
        <details className="dev-details">
          <summary>Details</summary>
          <dl className="fields" aria-label="Profile configuration details">
            <dt>Source</dt>
            <dd className="mono">
              {profile.source === null ? 'not in any file' : formatLocation(profile.source.file, profile.source.line)}
              {extraSources.map((s) => (
                <div key={`${s.file}:${s.line}`}>{formatLocation(s.file, s.line)}</div>
              ))}
            </dd>
            {profile.roleArn !== null && (
              <>
                <dt>Role ARN</dt>
                <dd className="mono">{profile.roleArn}</dd>
              </>
            )}
          </dl>
        </details>
      </section>

      <IdentitySection check={check} verifying={verifying} failure={verifyFailure} now={now} onVerify={onVerify} />
      <ConsoleSection api={api} profile={profile.name} unavailable={consoleUnavailableReason(profile.status)} />
      <TerminalLines api={api} profile={profile.name} />
    </article>
  );
}

/** `Deployer` of `arn:aws:iam::777788889999:role/Deployer` (a path before it is left out). */
function roleNameOf(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1) || arn;
}
