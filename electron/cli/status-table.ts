// Human output of `cloudid status`: readable tables that fit the terminal, status words in colour
// when it has colour (terminal-style.ts), times as "in 4h 59m, 14:45", nothing secret.
import type { GcpAccountStatus, GcpState } from '../shared/gcp-model';
import type { KubeContext, KubeState } from '../shared/kube-model';
import type { AwsProfile, IdentityStatus, Snapshot } from '../shared/model';
import { problemText } from './status-json';
import { oneLine } from './terminal-text';
import { kubeIdentityText, kubeStatusText } from '../shared/kube-words';
import { awsCliLine } from './aws-cli-line';
import { formatTable, type Cell, type TableLayout } from './text-table';
import { paint, PLAIN_STYLE, type TerminalStyle, type Tone } from './terminal-style';
import { whenText } from './time-text';
import type { RememberedIdentity } from '../core/aws/identity-memory';
import { verifiedAgo } from '../core/sky/identity-words';

const AWS_TONE: Record<IdentityStatus, Tone | null> = {
  valid: 'good',
  'long-lived': 'good',
  expiring: 'warn',
  unknown: null,
  expired: 'bad',
  'signed-out': 'bad',
  error: 'bad',
};

const GCP_TONE: Record<GcpAccountStatus, Tone | null> = {
  valid: 'good',
  expiring: 'warn',
  // gcloud renews an expired access token itself while the refresh token works.
  expired: 'warn',
  unknown: null,
  'reauth-needed': 'bad',
  revoked: 'bad',
  error: 'bad',
};

/** A context's status in the tone of the identity behind it: gcloud's words differ from AWS's. */
function kubeTone(context: KubeContext): Tone | null {
  if (context.provider === 'other') return null;
  const { status } = context;
  if (context.identity?.cloud === 'gcp' && status in GCP_TONE) return GCP_TONE[status as GcpAccountStatus];
  return status in AWS_TONE ? AWS_TONE[status as IdentityStatus] : null;
}

function whoCell(p: AwsProfile, remembered: RememberedIdentity | null, now: number): Cell {
  if (p.identity) return p.identity.arn;
  // Not asked in this run: STS's answer for the same credentials, with its age
  // (docs/identity-memory.md). It is never shown as a fresh check.
  if (remembered) return `${remembered.identity.arn} (${verifiedAgo(remembered.checkedAt, now)})`;
  // The whole message is under PROBLEMS: a table cell would cut it.
  if (p.lastCheck?.error) return { text: 'verify failed', tone: 'bad' };
  if (p.roleArn) return p.roleArn;
  if (p.roleName) return p.roleName;
  return '';
}

interface Render {
  style: TerminalStyle;
  table(rows: Cell[][], layout: TableLayout): string;
  when(iso: string | null): string;
}

function render(now: number, style: TerminalStyle): Render {
  return {
    style,
    table: (rows, layout) => formatTable(rows, style, layout).join('\n'),
    when: (iso) => whenText(iso, now, style.timeZone),
  };
}

function gcpLines(gcp: GcpState, r: Render): string[] {
  const lines = [`gcloud config:   ${gcp.configDir} (active configuration: ${gcp.activeConfiguration})`];
  for (const o of gcp.overrides)
    lines.push(
      `  note: ${o.value === null ? `${o.variable} (secret, not shown)` : `${o.variable}=${o.value}`} overrides ${o.property}`,
    );
  if (gcp.configurations.length) {
    const rows = [['', 'CONFIGURATION', 'ACCOUNT', 'PROJECT', 'REGION', 'ZONE']];
    for (const c of gcp.configurations)
      rows.push([c.active ? '*' : '', c.name, c.account ?? '', c.project ?? '', c.region ?? '', c.zone ?? '']);
    lines.push(r.table(rows, { shrink: [1, 2, 3] }));
  }
  if (gcp.accounts.length) {
    const rows: Cell[][] = [['GCLOUD ACCOUNT', 'TYPE', 'STATUS', 'TOKEN EXPIRES']];
    for (const a of gcp.accounts)
      rows.push([a.account, a.type ?? '?', { text: a.status, tone: GCP_TONE[a.status] }, r.when(a.tokenExpiresAt)]);
    lines.push('', r.table(rows, { shrink: [0] }));
  }
  if (gcp.adc)
    lines.push(
      oneLine(
        `Application default credentials: ${gcp.adc.path} (${gcp.adc.type ?? '?'}${gcp.adc.account ? `, ${gcp.adc.account}` : ''}, ${gcp.adc.status})`,
      ),
    );
  const gac = gcp.googleApplicationCredentials;
  if (gac)
    lines.push(
      oneLine(
        `GOOGLE_APPLICATION_CREDENTIALS: ${gac.path} (${gac.valid ? `${gac.account ?? ''}${gac.project ? ` [project_id=${gac.project}]` : ''}` : (gac.problem ?? 'not valid')})`,
      ),
    );
  for (const k of gcp.keys)
    lines.push(oneLine(`Imported key ${k.keyId}: ${k.account}${k.project ? ` [project_id=${k.project}]` : ''}`));
  return lines;
}

/** One row per context: context → identity → status, with the fix where there is one. */
function kubeLines(kube: KubeState, r: Render): string[] {
  const lines = [`Kubernetes:      ${kube.configFiles.join(', ')} (current context: ${kube.currentContext ?? 'none'})`];
  if (kube.contexts.length === 0) return [...lines, 'No Kubernetes contexts found.'];
  const rows: Cell[][] = [['', 'CONTEXT', 'PROVIDER', 'IDENTITY', 'STATUS', 'CLUSTER']];
  for (const c of kube.contexts) {
    rows.push([
      c.current ? '*' : '',
      c.name,
      c.provider,
      kubeIdentityText(c),
      { text: kubeStatusText(c), tone: kubeTone(c) },
      c.cluster ?? '',
    ]);
  }
  return [...lines, r.table(rows, { shrink: [1, 3, 5] })];
}

interface SessionRow {
  name: string;
  status: IdentityStatus;
  expiresAt: string | null;
  refreshable: boolean;
  profiles: readonly unknown[];
}

/** SSO and `aws login` sessions: the same columns but the second (region, account). */
function sessionTable<S extends SessionRow>(
  r: Render,
  [heading, second]: [string, string],
  sessions: readonly S[],
  secondValue: (session: S) => string | null,
): string {
  const rows: Cell[][] = [[heading, second, 'STATUS', 'EXPIRES', 'REFRESH', 'PROFILES']];
  for (const s of sessions) {
    rows.push([
      s.name,
      secondValue(s) ?? '',
      { text: s.status, tone: AWS_TONE[s.status] },
      r.when(s.expiresAt),
      s.refreshable ? 'yes' : 'no',
      String(s.profiles.length),
    ]);
  }
  return r.table(rows, { shrink: [0] });
}

/** The table part of `cloudid status`; PLAIN_STYLE for a file: no colour, nothing shortened. */
export function statusTable(
  snapshot: Snapshot,
  now: number,
  style: TerminalStyle = PLAIN_STYLE,
  remembered: (profile: string) => RememberedIdentity | null = () => null,
): string {
  const r = render(now, style);
  const { aws } = snapshot;
  const out: string[] = [];
  out.push(`AWS config:      ${aws.configFile}`);
  out.push(`AWS credentials: ${aws.credentialsFile}`);
  out.push(
    `Active profile:  ${aws.activeProfile} (${aws.activeProfileSource === 'default' ? 'no AWS_PROFILE set' : `from ${aws.activeProfileSource}`})`,
  );
  for (const note of aws.activeProfileNotes) out.push(`  note: ${note}`);
  const clis = aws.cli.found.map((c) => `${c.path} (${c.version ? `v${c.version}` : (c.error ?? 'unknown version')})`);
  out.push(`AWS CLI:         ${clis.length ? clis.join(', ') : 'none on PATH'}`);
  const cliLine = awsCliLine(aws.cli, process.platform);
  if (cliLine) out.push('', `${paint(r.style, 'warn', '!')}${cliLine.slice(1)}`);

  out.push('');
  const rows: Cell[][] = [['', 'PROFILE', 'KIND', 'STATUS', 'EXPIRES', 'ACCOUNT', 'IDENTITY']];
  for (const p of aws.profiles) {
    rows.push([
      p.active ? '*' : '',
      p.name,
      p.kind,
      { text: p.status, tone: AWS_TONE[p.status] },
      r.when(p.expiresAt),
      p.accountId ?? '',
      whoCell(p, p.identity ? null : remembered(p.name), now),
    ]);
  }
  out.push(aws.profiles.length ? r.table(rows, { shrink: [1, 6] }) : 'No AWS profiles found.');

  if (aws.ssoSessions.length)
    out.push(
      '',
      sessionTable(r, ['SSO SESSION', 'REGION'], aws.ssoSessions, (s) => s.region),
    );
  if (aws.loginSessions.length)
    out.push(
      '',
      sessionTable(r, ['LOGIN SESSION', 'ACCOUNT'], aws.loginSessions, (s) => s.accountId),
    );

  if (snapshot.gcp) out.push('', ...gcpLines(snapshot.gcp, r));
  if (snapshot.kube) out.push('', ...kubeLines(snapshot.kube, r));

  const problems = [
    ...(snapshot.gcp?.problems.map((p) => `[gcloud] ${problemText(p)}`) ?? []),
    ...(snapshot.kube?.problems.map((p) => `[kube] ${problemText(p)}`) ?? []),
    ...aws.problems.map(problemText),
    ...aws.profiles.flatMap((p) => p.problems.map((problem) => `[${p.name}] ${problemText(problem)}`)),
    ...aws.profiles.flatMap((p) =>
      p.lastCheck?.error ? [`[${p.name}] verify failed: ${p.lastCheck.error.message}`] : [],
    ),
    ...aws.ssoSessions.flatMap((s) => s.problems.map((problem) => `[sso-session ${s.name}] ${problemText(problem)}`)),
    ...aws.loginSessions.flatMap((s) =>
      s.problems.map((problem) => `[login-session ${s.name}] ${problemText(problem)}`),
    ),
  ];
  if (problems.length) {
    out.push('', 'PROBLEMS');
    for (const line of problems) out.push(`  ${line}`);
  }
  return `${out.join('\n')}\n`;
}
