import { describe, expect, it } from 'vitest';
import { awsCliLine } from '../../../electron/cli/aws-cli-line';
import { awsCliWarning } from '../../../electron/core/aws/aws-cli-detect';
import type { AwsCliInstall } from '../../../electron/shared/model';

const v1: AwsCliInstall = { path: '/home/u/.pyenv/shims/aws', version: '1.45.11', major: 1, error: null };
const v2: AwsCliInstall = { path: '/usr/bin/aws', version: '2.9.19', major: 2, error: null };
const v2local: AwsCliInstall = { path: '/opt/aws-cli/bin/aws', version: '2.22.0', major: 2, error: null };

const report = (found: AwsCliInstall[]) => ({ found, warning: awsCliWarning(found, 'linux') });

describe('the AWS CLI line of cloudid status', () => {
  it('is absent when the first aws is v2', () => {
    expect(awsCliLine(report([v2, v1]), 'linux')).toBeNull();
  });

  it('is one line naming the fix command, and that cloudid login covers aws sso login', () => {
    const line = awsCliLine(report([v1, v2]), 'linux') ?? '';
    expect(line).toBe(
      '! The first `aws` on PATH is AWS CLI v1 (/home/u/.pyenv/shims/aws); v2 is at /usr/bin/aws: ' +
        '`alias aws=/usr/bin/aws`. `cloudid login` covers `aws sso login` for cloudid and the tools that read its cache.',
    );
    expect(awsCliLine(report([v1, v2local]), 'linux')).toContain('`export PATH="/opt/aws-cli/bin:$PATH"`');
  });

  it('names the install guide when there is no v2, or no aws at all', () => {
    expect(awsCliLine(report([v1]), 'linux')).toMatch(
      /^! The first `aws` on PATH is AWS CLI v1 \(.*\); install v2: https:\/\/docs\.aws\.amazon\.com\/cli\/.*`cloudid login` covers `aws sso login`/,
    );
    expect(awsCliLine(report([]), 'darwin')).toMatch(/^! No `aws` on PATH \(AWS CLI v2: https:.*\)\. `cloudid login`/);
    for (const found of [[v1], [v1, v2], []]) expect(awsCliLine(report(found), 'linux')).not.toContain('\n');
  });
});
