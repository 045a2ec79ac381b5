// Pure: the SkyPilot part of the app's snapshot, from what was read (state.db) and who is here.
import { matchClusters } from './owner-match';
import { controllerKind, controllerWarnings } from './sky-controllers';
import type { LocalIdentities, SkyState, SkyStateRead } from './sky-types';

export type { SkyState };

/** sky/utils/env_options.py: `os.getenv(key, 'False').lower() in ('true', '1')`. */
export function identityCheckSkipped(env: NodeJS.ProcessEnv): boolean {
  return ['true', '1'].includes((env.SKYPILOT_SKIP_CLOUD_IDENTITY_CHECK ?? 'false').toLowerCase());
}

function activeTexts(local: LocalIdentities): SkyState['activeIdentities'] {
  const profile = local.aws.environmentKeysSet ? undefined : local.aws.profiles.find((p) => p.active);
  const aws = profile?.identity;
  const gcp = local.gcp.active;
  return {
    aws: aws ? `${aws.userId} [account=${aws.account}]` : null,
    awsProfile: profile?.profile ?? null,
    awsAccountHint: profile?.accountHint ?? null,
    gcp: gcp.account && gcp.project ? `${gcp.account} [project_id=${gcp.project}]` : null,
    ...(aws && profile?.rememberedAt ? { awsRememberedAt: profile.rememberedAt } : {}),
  };
}

/** `now`: the time the age of a remembered STS answer is counted to (the snapshot's). */
export function skySnapshot(
  read: SkyStateRead,
  local: LocalIdentities,
  env: NodeJS.ProcessEnv,
  now: number = Date.now(),
): SkyState {
  const skipped = identityCheckSkipped(env);
  const clusters = matchClusters(read.clusters, local, {
    skipIdentityCheck: skipped,
    workspace: { active: read.activeWorkspace, configFile: read.configFile },
    now,
  }).map((cluster) => ({ ...cluster, controller: controllerKind(cluster.name) }));
  const workspace = read.workspace ?? null;
  const warnings = controllerWarnings({
    clusterNames: read.clusters.map((c) => c.name),
    local,
    uploadsLocalCredentials: read.uploadsLocalCredentials ?? { aws: true, gcp: true },
    configFile: workspace?.definedIn ?? read.configFile,
    workspace,
  });
  return {
    stateFile: read.stateFile,
    available: read.available,
    reason: read.reason,
    message: read.message,
    apiServer: read.apiServer,
    identityCheckSkipped: skipped,
    activeIdentities: activeTexts(local),
    clusters,
    notOperable: clusters.filter((c) => c.operableByActive === false).length,
    ...(workspace === null ? {} : { workspace }),
    controllerWarnings: warnings,
    problems: read.problems,
  };
}
