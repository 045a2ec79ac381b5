// Human output of `cloudid status`: a readable table, widest columns trimmed, nothing secret.
import type { GcpState } from '../shared/gcp-model';
import type { KubeState } from '../shared/kube-model';
import type { AwsProfile, Snapshot } from '../shared/model';
import { formatTimeLeft } from '../core/identity/expiry';
import { problemText } from './status-json';
import { oneLine } from './terminal-text';
import { kubeIdentityText, kubeStatusText } from '../shared/kube-words';

function table(cells: string[][]): string {
  // A value from a file may hold a line break or tab: shown, not obeyed (terminal-text.ts).
  const rows = cells.map((row) => row.map(oneLine));
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function expiryText(expiresAt: string | null, now: number): string {
  return expiresAt ? formatTimeLeft(new Date(expiresAt), now) : '';
}

function whoText(p: AwsProfile): string {
  if (p.identity) return p.identity.arn;
  if (p.lastCheck?.error) return `verify failed: ${p.lastCheck.error.message}`;
  if (p.roleArn) return p.roleArn;
  if (p.roleName) return p.roleName;
  return '';
}

function gcpLines(gcp: GcpState): string[] {
  const lines = [`gcloud config:   ${gcp.configDir} (active configuration: ${gcp.activeConfiguration})`];
  for (const o of gcp.overrides)
    lines.push(
      `  note: ${o.value === null ? `${o.variable} (secret, not shown)` : `${o.variable}=${o.value}`} overrides ${o.property}`,
    );
  if (gcp.configurations.length) {
    const rows = [['', 'CONFIGURATION', 'ACCOUNT', 'PROJECT', 'REGION', 'ZONE']];
    for (const c of gcp.configurations)
      rows.push([c.active ? '*' : '', c.name, c.account ?? '', c.project ?? '', c.region ?? '', c.zone ?? '']);
    lines.push(table(rows));
  }
  if (gcp.accounts.length) {
    const rows = [['GCLOUD ACCOUNT', 'TYPE', 'STATUS', 'TOKEN EXPIRES']];
    for (const a of gcp.accounts) rows.push([a.account, a.type ?? '?', a.status, a.tokenExpiresAt ?? '']);
    lines.push('', table(rows));
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
function kubeLines(kube: KubeState): string[] {
  const lines = [`Kubernetes:      ${kube.configFiles.join(', ')} (current context: ${kube.currentContext ?? 'none'})`];
  if (kube.contexts.length === 0) return [...lines, 'No Kubernetes contexts found.'];
  const rows = [['', 'CONTEXT', 'PROVIDER', 'IDENTITY', 'STATUS', 'CLUSTER']];
  for (const c of kube.contexts) {
    rows.push([
      c.current ? '*' : '',
      clip(c.name, 48),
      c.provider,
      clip(kubeIdentityText(c), 48),
      kubeStatusText(c),
      clip(c.cluster ?? '', 60),
    ]);
  }
  return [...lines, table(rows)];
}

export function statusTable(snapshot: Snapshot, now: number): string {
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
  if (aws.cli.warning) out.push('', `WARNING: ${aws.cli.warning}`);

  out.push('');
  const rows = [['', 'PROFILE', 'KIND', 'STATUS', 'EXPIRES', 'ACCOUNT', 'IDENTITY / ROLE']];
  for (const p of aws.profiles) {
    rows.push([
      p.active ? '*' : '',
      clip(p.name, 40),
      p.kind,
      p.status,
      expiryText(p.expiresAt, now),
      p.accountId ?? '',
      clip(whoText(p), 70),
    ]);
  }
  out.push(aws.profiles.length ? table(rows) : 'No AWS profiles found.');

  if (aws.ssoSessions.length) {
    out.push('');
    const sessionRows = [['SSO SESSION', 'REGION', 'STATUS', 'EXPIRES', 'REFRESH', 'PROFILES']];
    for (const s of aws.ssoSessions) {
      sessionRows.push([
        clip(s.name, 48),
        s.region ?? '',
        s.status,
        expiryText(s.expiresAt, now),
        s.refreshable ? 'yes' : 'no',
        String(s.profiles.length),
      ]);
    }
    out.push(table(sessionRows));
  }

  if (aws.loginSessions.length) {
    out.push('');
    const loginRows = [['LOGIN SESSION', 'ACCOUNT', 'STATUS', 'EXPIRES', 'REFRESH', 'PROFILES']];
    for (const s of aws.loginSessions) {
      loginRows.push([
        clip(s.name, 70),
        s.accountId ?? '',
        s.status,
        expiryText(s.expiresAt, now),
        s.refreshable ? 'yes' : 'no',
        String(s.profiles.length),
      ]);
    }
    out.push(table(loginRows));
  }

  if (snapshot.gcp) out.push('', ...gcpLines(snapshot.gcp));
  if (snapshot.kube) out.push('', ...kubeLines(snapshot.kube));

  const problems = [
    ...(snapshot.gcp?.problems.map((p) => `[gcloud] ${problemText(p)}`) ?? []),
    ...(snapshot.kube?.problems.map((p) => `[kube] ${problemText(p)}`) ?? []),
    ...aws.problems.map(problemText),
    ...aws.profiles.flatMap((p) => p.problems.map((problem) => `[${p.name}] ${problemText(problem)}`)),
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
