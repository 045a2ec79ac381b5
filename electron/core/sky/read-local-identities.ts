// Reads this machine's AWS profiles and gcloud state and turns them into the identities SkyPilot
// would use. Headless callers (`cloudid clusters`) use this; the tray app already holds both states
// in its snapshot and calls awsIdentitiesFrom / gcpIdentitiesFrom directly.
import type { AwsProfile, IdentityCheck } from '../../shared/model';
import { appDataDir } from '../app/app-paths';
import { assembleAwsState } from '../aws/aws-state';
import { readAwsInputs } from '../aws/aws-sources';
import type { IdentityVerifier } from '../aws/identity-verifier';
import { readGcpState } from '../gcp/gcp-state';
import { awsIdentitiesFrom, gcpIdentitiesFrom, skypilotAwsProfile } from './local-identities';
import type { LocalIdentities } from './sky-types';
import type { Problem } from '../../shared/model';

export interface ReadLocalIdentitiesOptions {
  env: NodeJS.ProcessEnv;
  homeDir: string;
  platform: NodeJS.Platform;
  now: Date;
  /** Given: every profile is asked STS who it is (network). Omitted: nothing leaves the machine. */
  verifier?: IdentityVerifier;
}

export interface LocalIdentitiesRead {
  identities: LocalIdentities;
  /** The checks made, failed ones included (their messages say why). */
  checks: IdentityCheck[];
  problems: Problem[];
}

export async function readLocalIdentities(options: ReadLocalIdentitiesOptions): Promise<LocalIdentitiesRead> {
  const { env, homeDir, platform, now } = options;
  const [inputs, gcp] = await Promise.all([
    readAwsInputs(env, homeDir, now.getTime()),
    readGcpState({ env, homeDir, platform, now, appDataDir: appDataDir(env, homeDir, platform) }),
  ]);
  let checks: IdentityCheck[] = [];
  if (options.verifier) {
    checks = await options.verifier.verifyAll(inputs.parsed.profiles.map((p) => ({ profile: p.name, region: p.region })));
  }
  const { aws } = assembleAwsState(inputs, {
    now: now.getTime(),
    leadMs: 15 * 60_000,
    cli: { found: [], warning: null },
    checks: new Map(checks.map((c) => [c.profile, c])),
  });
  const problems: Problem[] = [];
  const botocoreProfile = skypilotAwsProfile(env).profile;
  if (!env.AWS_ACCESS_KEY_ID && aws.profiles.length > 0 && !aws.profiles.some((p: AwsProfile) => p.name === botocoreProfile)) {
    problems.push({ severity: 'warning', message: `SkyPilot would use AWS profile "${botocoreProfile}", which is not in ${aws.configFile} or ${aws.credentialsFile}` });
  }
  return {
    identities: { aws: awsIdentitiesFrom(aws.profiles, env), gcp: await gcpIdentitiesFrom(gcp, env) },
    checks,
    problems,
  };
}
