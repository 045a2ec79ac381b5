import { describe, expect, it } from 'vitest';
import { statusTable } from '../../../electron/cli/status-table';
import { displayWidth } from '../../../electron/cli/terminal-style';
import { awsCliWarning } from '../../../electron/core/aws/aws-cli-detect';
import type { KubeContext, KubeState } from '../../../electron/shared/kube-model';
import type { AwsCliInstall } from '../../../electron/shared/model';
import {
  FACTORY_NOW,
  makeProfile,
  makeSession,
  makeSnapshot,
  makeSsoProfile,
  minutesFrom,
} from '../../support/snapshot-factory';

const STS_MESSAGE =
  'The security token included in the request is invalid: the key AKIA…0099 was deleted or deactivated in IAM; create a new access key';

const snapshot = makeSnapshot({
  profiles: [
    makeSsoProfile('acme-production-administrator-access-eu-central-1', 'corp', {
      status: 'expiring',
      expiresAt: minutesFrom(299),
      roleArn:
        'arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_AdministratorAccess_0123456789abcdef',
    }),
    makeProfile({
      name: 'ci',
      lastCheck: {
        profile: 'ci',
        checkedAt: minutesFrom(-1),
        identity: null,
        error: { kind: 'access-denied', message: STS_MESSAGE },
      },
    }),
  ],
  sessions: [makeSession({ name: 'corp', status: 'expiring', expiresAt: minutesFrom(299) })],
});

describe('the tables of cloudid status', () => {
  it('shows times as "in 4h 59m, 14:45" in the given time zone', () => {
    const text = statusTable(snapshot, FACTORY_NOW, { color: false, columns: null, timeZone: 'UTC' });
    expect(text).toMatch(/^\* +acme-production-administrator-access-eu-central-1 +sso +expiring +in 4h 59m, 16:59 /m);
    expect(text).not.toMatch(/\d{4}-\d\d-\d\dT/);
  });

  it('never cuts an STS error: the cell points below, where the whole message is', () => {
    expect(statusTable(snapshot, FACTORY_NOW)).toMatch(/^ +ci +static +long-lived +verify failed$/m);
    for (const columns of [80, null]) {
      const text = statusTable(snapshot, FACTORY_NOW, { color: false, columns });
      expect(text).toContain(`\nPROBLEMS\n  [ci] verify failed: ${STS_MESSAGE}\n`);
    }
  });

  it('fits its tables to the width it is given', () => {
    for (const columns of [80, 120]) {
      const text = statusTable(snapshot, FACTORY_NOW, { color: true, columns });
      const tables = text
        .split('\n')
        .filter((l) => /^(\*| ) +[^\s[]/.test(l) || /^(SSO SESSION|corp) /.test(l))
        // eslint-disable-next-line no-control-regex -- colour is not width
        .map((l) => l.replace(/\u001b\[[0-9;]*m/g, ''));
      expect(tables.length).toBe(5);
      for (const line of tables) expect(displayWidth(line)).toBeLessThanOrEqual(columns);
    }
  });

  it('says in one line what is wrong with the aws command, how to fix it, and that cloudid login covers it', () => {
    const v1: AwsCliInstall = { path: '/usr/local/bin/aws', version: '1.45.11', major: 1, error: null };
    const found = [v1];
    const withV1 = makeSnapshot({
      profiles: [makeProfile({ name: 'dev' })],
      aws: { cli: { found, warning: awsCliWarning(found, 'linux') } },
    });
    const text = statusTable(withV1, FACTORY_NOW);
    const lines = text.split('\n').filter((l) => l.includes('AWS CLI v1') || l.includes('cloudid login'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^! The first `aws` on PATH is AWS CLI v1 .*install v2: https:.*`cloudid login` covers `aws sso login`/,
    );
  });

  it("colours a Kubernetes context's status in the words of the identity behind it", () => {
    const context = (
      name: string,
      provider: KubeContext['provider'],
      identity: KubeContext['identity'],
    ): KubeContext => ({
      name,
      cluster: name,
      server: 'https://k8s.example',
      user: name,
      current: false,
      provider,
      auth: provider === 'eks' ? 'aws eks get-token' : 'gke-gcloud-auth-plugin',
      identity,
      status: 'expired',
      file: '/home/u/.kube/config',
    });
    const kube: KubeState = {
      configFiles: ['/home/u/.kube/config'],
      currentContext: null,
      contexts: [
        context('eks-prod', 'eks', { cloud: 'aws', profile: 'prod' }),
        context('gke-ml', 'gke', { cloud: 'gcp', account: 'me@example.com' }),
      ],
      problems: [],
    };
    const text = statusTable({ ...makeSnapshot(), kube }, FACTORY_NOW, { color: true, columns: null });
    // An expired AWS profile cannot be used; gcloud renews an expired access token itself.
    /* eslint-disable no-control-regex -- the colour sequences are what is tested */
    expect(text).toMatch(/eks-prod +eks +profile prod +\u001b\[31mexpired, log in\u001b\[0m/);
    expect(text).toMatch(/gke-ml +gke +gcloud me@example\.com +\u001b\[33m/);
    /* eslint-enable no-control-regex */
  });
});
