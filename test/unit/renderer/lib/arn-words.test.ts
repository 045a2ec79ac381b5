import { describe, expect, it } from 'vitest';
import { principalWords } from '../../../../renderer/src/lib/arn-words';

describe('principalWords', () => {
  it('names an IAM user, a role session, the root user and a federated user', () => {
    expect(principalWords('arn:aws:iam::123456789012:user/alice')).toBe('user alice');
    expect(principalWords('arn:aws:iam::123456789012:user/team/ops/bob')).toBe('user bob');
    expect(principalWords('arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_Admin_0a1b/alice@example.com')).toBe(
      'role AWSReservedSSO_Admin_0a1b (session alice@example.com)',
    );
    expect(principalWords('arn:aws:iam::123456789012:root')).toBe('root user');
    expect(principalWords('arn:aws-us-gov:sts::123456789012:federated-user/carol')).toBe('federated user carol');
  });

  it('leaves what it does not know as the resource, or the whole text', () => {
    expect(principalWords('arn:aws:iam::123456789012:group/devs')).toBe('group/devs');
    expect(principalWords('not an arn')).toBe('not an arn');
  });
});
