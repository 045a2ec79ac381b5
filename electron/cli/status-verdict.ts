// The last line of `cloudid status`: whether the active identity can be used now and, when it
// cannot, the one command that fixes it, as the tray offers it. Pure: a snapshot in, a line out.
import type { AwsProfile, Snapshot } from '../shared/model';
import { cloudidCommand, gcloudLoginCommand } from '../shared/shell-commands';
import { AWS_STATUS_LABEL, inSentence } from '../shared/status-words';

export interface StatusVerdict {
  ok: boolean;
  line: string;
}

export function statusVerdict(snapshot: Snapshot, verified: AwsProfile[]): StatusVerdict {
  const aws = awsVerdict(snapshot, verified);
  const gcp = gcpAdvice(snapshot);
  if (!aws.ok) return aws;
  return gcp ?? aws;
}

function awsVerdict(snapshot: Snapshot, verified: AwsProfile[]): StatusVerdict {
  const name = snapshot.aws.activeProfile;
  const active = snapshot.aws.profiles.find((p) => p.active);
  if (!active && snapshot.aws.profiles.length === 0 && snapshot.aws.activeProfileSource === 'default') {
    return { ok: true, line: '✓ No AWS configuration: nothing to check for AWS.' };
  }
  if (!active) {
    return {
      ok: false,
      line: `✗ The active profile ${name} is not in your AWS config or credentials file: set AWS_PROFILE to one that is.`,
    };
  }
  const failed = verified.find((p) => p.lastCheck?.error);
  if (failed?.lastCheck?.error) {
    return { ok: false, line: `✗ STS refused ${failed.name}: ${failed.lastCheck.error.message}` };
  }
  const word = inSentence(AWS_STATUS_LABEL[active.status]);
  switch (active.status) {
    case 'expired':
    case 'signed-out':
      return { ok: false, line: `✗ The active profile ${name} is ${word}: ${fixFor(snapshot, active)}.` };
    case 'error':
      return { ok: false, line: `✗ The active profile ${name} is broken: fix the problem listed above.` };
    case 'expiring':
      return { ok: true, line: `! The active profile ${name} expires soon: ${fixFor(snapshot, active)}.` };
    case 'unknown':
      if (active.kind === 'unknown') {
        return {
          ok: true,
          line: `! The active profile ${name} has no credentials of its own: it works only with keys from the environment or an instance role.`,
        };
      }
      return { ok: true, line: `✓ The active profile ${name} is usable (its expiry is known only when it is used).` };
    default:
      return { ok: true, line: `✓ The active profile ${name} is usable.` };
  }
}

/** The command that brings a profile back: a silent refresh when its session can, else a login. */
function fixFor(snapshot: Snapshot, profile: AwsProfile): string {
  if (profile.kind === 'sso' || profile.kind === 'sso-legacy') {
    const session = snapshot.aws.ssoSessions.find((s) => s.name === profile.ssoSession);
    if (session?.refreshable) return `run \`${cloudidCommand('refresh', profile.name)}\``;
    return `run \`${cloudidCommand('login', profile.name)}\``;
  }
  if (profile.kind === 'login') return `run \`${cloudidCommand('login', profile.name)}\``;
  return 'renew its credentials';
}

/** gcloud's active account, when it needs a new sign-in that the app cannot do itself. */
function gcpAdvice(snapshot: Snapshot): StatusVerdict | null {
  const gcp = snapshot.gcp;
  if (!gcp) return null;
  // gcloud's own order: CLOUDSDK_CORE_ACCOUNT, then the active configuration's account.
  const active =
    gcp.overrides.find((o) => o.property === 'core/account')?.value ??
    gcp.configurations.find((c) => c.active)?.account ??
    null;
  const account = gcp.accounts.find((a) => a.account === active);
  if (!account || (account.status !== 'reauth-needed' && account.status !== 'revoked')) return null;
  return {
    ok: true,
    line: `! gcloud's active account ${account.account} must sign in again: run \`${gcloudLoginCommand(account.account)}\`.`,
  };
}
