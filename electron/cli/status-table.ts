// Human output of `cloudid status`: a readable table, widest columns trimmed, nothing secret.
import type { AwsProfile, Snapshot } from '../shared/model';
import { formatTimeLeft } from '../core/identity/expiry';
import { problemText } from './status-json';

function table(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd()).join('\n');
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

export function statusTable(snapshot: Snapshot, now: number): string {
  const { aws } = snapshot;
  const out: string[] = [];
  out.push(`AWS config:      ${aws.configFile}`);
  out.push(`AWS credentials: ${aws.credentialsFile}`);
  out.push(`Active profile:  ${aws.activeProfile} (${aws.activeProfileSource === 'default' ? 'no AWS_PROFILE set' : `from ${aws.activeProfileSource}`})`);
  for (const note of aws.activeProfileNotes) out.push(`  note: ${note}`);
  const clis = aws.cli.found.map((c) => `${c.path} (${c.version ? `v${c.version}` : c.error ?? 'unknown version'})`);
  out.push(`AWS CLI:         ${clis.length ? clis.join(', ') : 'none on PATH'}`);
  if (aws.cli.warning) out.push('', `WARNING: ${aws.cli.warning}`);

  out.push('');
  const rows = [['', 'PROFILE', 'KIND', 'STATUS', 'EXPIRES', 'ACCOUNT', 'IDENTITY / ROLE']];
  for (const p of aws.profiles) {
    rows.push([p.active ? '*' : '', clip(p.name, 40), p.kind, p.status, expiryText(p.expiresAt, now), p.accountId ?? '', clip(whoText(p), 70)]);
  }
  out.push(aws.profiles.length ? table(rows) : 'No AWS profiles found.');

  if (aws.ssoSessions.length) {
    out.push('');
    const sessionRows = [['SSO SESSION', 'REGION', 'STATUS', 'EXPIRES', 'REFRESH', 'PROFILES']];
    for (const s of aws.ssoSessions) {
      sessionRows.push([clip(s.name, 48), s.region ?? '', s.status, expiryText(s.expiresAt, now), s.refreshable ? 'yes' : 'no', String(s.profiles.length)]);
    }
    out.push(table(sessionRows));
  }

  const problems = [
    ...aws.problems.map(problemText),
    ...aws.profiles.flatMap((p) => p.problems.map((problem) => `[${p.name}] ${problemText(problem)}`)),
    ...aws.ssoSessions.flatMap((s) => s.problems.map((problem) => `[sso-session ${s.name}] ${problemText(problem)}`)),
  ];
  if (problems.length) {
    out.push('', 'PROBLEMS');
    for (const line of problems) out.push(`  ${line}`);
  }
  return `${out.join('\n')}\n`;
}
