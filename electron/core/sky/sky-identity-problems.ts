// What `cloudid clusters` says about the identities SkyPilot would use, besides each cluster's
// verdict: a profile botocore would not find, and a credential that ends within the settings'
// lead time (or has ended), so that SkyPilot's next command would fail to authenticate. Pure:
// from the core's snapshot, whose statuses already count the lead time.
import type { GcpState } from '../../shared/gcp-model';
import type { AwsState, Problem } from '../../shared/model';
import type { SkyState } from '../../shared/sky-model';
import { skypilotAwsProfile } from './local-identities';

export interface SkyIdentityInputs {
  aws: AwsState;
  gcp: GcpState | null;
  leadTimeMinutes: number;
  /** The active workspace's `aws.profile` comes before any variable. */
  sky?: Pick<SkyState, 'workspace'> | null;
}

const minute = (iso: string | null): string => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : 'an unknown time');

/** `expires at …, within the N-minute lead time` or `expired at …`; null for any other status. */
function ending(status: string, expiresAt: string | null, leadTimeMinutes: number): string | null {
  if (status === 'expiring') return `expires at ${minute(expiresAt)}, within the ${leadTimeMinutes}-minute lead time`;
  if (status === 'expired') return `expired at ${minute(expiresAt)}`;
  return null;
}

export function skyIdentityProblems(snapshot: SkyIdentityInputs, env: NodeJS.ProcessEnv): Problem[] {
  const problems: Problem[] = [];
  const { aws, gcp, leadTimeMinutes } = snapshot;
  const chosen = skypilotAwsProfile(env, snapshot.sky?.workspace);
  const botocoreProfile = chosen.profile;
  const fromWorkspace = chosen.source === 'workspace';
  const profile = aws.profiles.find((p) => p.name === botocoreProfile);
  if ((fromWorkspace || !env.AWS_ACCESS_KEY_ID) && aws.profiles.length > 0 && !profile) {
    const why = fromWorkspace ? ` (workspace ${snapshot.sky?.workspace?.name ?? ''} sets it)` : '';
    problems.push({
      severity: 'warning',
      message: `SkyPilot would use AWS profile "${botocoreProfile}"${why}, which is not in ${aws.configFile} or ${aws.credentialsFile}`,
    });
  }
  // Keys in the environment come before any profile a variable names, not before the workspace's (local-identities.ts).
  const keysInEnvironment = !fromWorkspace && Boolean(env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY);
  const awsEnding = profile && !keysInEnvironment ? ending(profile.status, profile.expiresAt, leadTimeMinutes) : null;
  if (profile && awsEnding)
    problems.push({
      severity: 'warning',
      message: `AWS profile "${profile.name}", which SkyPilot would use, ${awsEnding}`,
    });

  const account = gcp?.configurations.find((c) => c.active)?.account ?? null;
  const credential = account === null ? undefined : gcp?.accounts.find((a) => a.account === account);
  const gcpEnding = credential ? ending(credential.status, credential.tokenExpiresAt, leadTimeMinutes) : null;
  if (credential && gcpEnding)
    problems.push({
      severity: 'warning',
      message: `gcloud account ${credential.account}, which SkyPilot would use, ${gcpEnding}`,
    });
  return problems;
}
