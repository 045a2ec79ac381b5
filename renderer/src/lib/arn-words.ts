// Who an STS caller ARN names, in the words the window shows before the raw ARN.

/**
 * The caller ARN in words: `user alice`, `role Admin (session bob)`, `root user`. The resource
 * forms are AWS's (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html).
 */
export function principalWords(arn: string): string {
  const resource = arn.split(':').slice(5).join(':');
  if (resource === 'root') return 'root user';
  const [type = '', ...path] = resource.split('/');
  const name = path.at(-1) ?? '';
  if (type === 'assumed-role' && path.length >= 2) return `role ${path.at(-2) ?? ''} (session ${name})`;
  if (type === 'user' || type === 'role') return `${type} ${name}`;
  if (type === 'federated-user') return `federated user ${name}`;
  return resource || arn;
}
