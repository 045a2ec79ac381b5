// The documented `cloudid status --json` shape (README "JSON format (version 1)"). Version 1 is a promise to
// scripts: fields may be added, none renamed or removed. Problems become "file:line: message".
import type { GcpState } from '../shared/gcp-model';
import type { KubeState } from '../shared/kube-model';
import type { AwsProfile, CallerIdentity, LoginSession, Problem, Snapshot, SsoSession } from '../shared/model';

export function problemText(problem: Problem): string {
  const where = problem.file ? `${problem.file}${problem.line ? `:${problem.line}` : ''}: ` : '';
  return `${where}${problem.message}`;
}

const identityJson = (identity: CallerIdentity | null) =>
  identity ? { account: identity.account, arn: identity.arn, userId: identity.userId } : null;

const profileJson = (p: AwsProfile) => ({
  name: p.name,
  kind: p.kind,
  active: p.active,
  ssoSession: p.ssoSession,
  accountId: p.accountId,
  roleName: p.roleName,
  roleArn: p.roleArn,
  sourceProfile: p.sourceProfile,
  credentialSource: p.credentialSource,
  region: p.region,
  status: p.status,
  expiresAt: p.expiresAt,
  source: p.source,
  problems: p.problems.map(problemText),
  identity: identityJson(p.identity),
  verification: p.lastCheck
    ? { checkedAt: p.lastCheck.checkedAt, ok: p.lastCheck.error === null, error: p.lastCheck.error }
    : null,
});

const sessionJson = (s: SsoSession) => ({
  name: s.name,
  legacy: s.legacy,
  startUrl: s.startUrl,
  region: s.region,
  status: s.status,
  expiresAt: s.expiresAt,
  refreshable: s.refreshable,
  registrationExpiresAt: s.registrationExpiresAt,
  cacheFile: s.cacheFile,
  profiles: s.profiles,
  problems: s.problems.map(problemText),
});

const loginSessionJson = (s: LoginSession) => ({
  name: s.name,
  status: s.status,
  expiresAt: s.expiresAt,
  credentialsExpireAt: s.credentialsExpireAt,
  refreshable: s.refreshable,
  accountId: s.accountId,
  cacheFile: s.cacheFile,
  profiles: s.profiles,
  problems: s.problems.map(problemText),
});

export const gcpJson = (gcp: GcpState) => ({
  configDir: gcp.configDir,
  activeConfiguration: gcp.activeConfiguration,
  configurations: gcp.configurations,
  accounts: gcp.accounts,
  adc: gcp.adc,
  googleApplicationCredentials: gcp.googleApplicationCredentials,
  keys: gcp.keys,
  overrides: gcp.overrides,
  problems: gcp.problems.map(problemText),
});

export const kubeJson = (kube: KubeState) => ({
  configFiles: kube.configFiles,
  currentContext: kube.currentContext,
  contexts: kube.contexts.map((c) => ({
    name: c.name,
    cluster: c.cluster,
    server: c.server,
    user: c.user,
    current: c.current,
    provider: c.provider,
    identity: c.identity,
    status: c.status,
  })),
  problems: kube.problems.map(problemText),
});

export function awsJson(aws: Snapshot['aws']) {
  return {
    configFile: aws.configFile,
    credentialsFile: aws.credentialsFile,
    activeProfile: aws.activeProfile,
    activeProfileSource: aws.activeProfileSource,
    activeProfileNotes: aws.activeProfileNotes,
    cli: {
      found: aws.cli.found.map((c) => ({ path: c.path, version: c.version, major: c.major, error: c.error })),
      warning: aws.cli.warning,
    },
    profiles: aws.profiles.map(profileJson),
    ssoSessions: aws.ssoSessions.map(sessionJson),
    loginSessions: aws.loginSessions.map(loginSessionJson),
    problems: aws.problems.map(problemText),
  };
}

export function statusJson(snapshot: Snapshot) {
  return {
    version: 1 as const,
    generatedAt: snapshot.generatedAt,
    leadTimeMinutes: snapshot.leadTimeMinutes,
    nextDeadline: snapshot.nextDeadline,
    aws: awsJson(snapshot.aws),
    gcp: snapshot.gcp ? gcpJson(snapshot.gcp) : null,
    kube: snapshot.kube ? kubeJson(snapshot.kube) : null,
  };
}
