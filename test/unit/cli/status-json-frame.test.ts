// The frame that `cloudid status --json` prints around a remembered `aws` part must give, byte for
// byte, the document JSON.stringify gives: scripts cannot tell a remembered answer from a new one.
import { describe, expect, it } from 'vitest';
import type { GcpState } from '../../../electron/shared/gcp-model';
import type { KubeState } from '../../../electron/shared/kube-model';
import type { Snapshot } from '../../../electron/shared/model';
import { awsJson, statusJson, statusJsonFrame } from '../../../electron/cli/status-json';
import { makeProfile, makeSession, makeSnapshot, makeSsoProfile, minutesFrom } from '../../support/snapshot-factory';

const gcp: GcpState = {
  configDir: '/home/u/.config/gcloud',
  activeConfiguration: 'work',
  configurations: [
    { name: 'work', active: true, account: 'dev@example.com', project: 'p "quoted"', region: null, zone: null },
  ],
  accounts: [],
  adc: null,
  googleApplicationCredentials: null,
  keys: [],
  overrides: [],
  problems: [
    { severity: 'warning', message: 'odd \u2028 line', file: '/home/u/.config/gcloud/active_config', line: 1 },
  ],
};

const kube: KubeState = {
  configFiles: ['/home/u/.kube/config'],
  currentContext: 'prod "eks"',
  contexts: [
    {
      name: 'prod "eks"',
      cluster: 'c',
      server: 'https://x',
      user: 'u',
      current: true,
      provider: 'eks',
      auth: 'aws eks get-token',
      identity: { cloud: 'aws', profile: 'prod' },
      status: 'expired',
      file: '/home/u/.kube/config',
    },
  ],
  problems: [{ severity: 'error', message: 'context “b” names no cluster', file: '/home/u/.kube/config' }],
};

describe('statusJsonFrame', () => {
  const base = makeSnapshot({
    sessions: [makeSession({ name: 'corp', registrationExpiresAt: minutesFrom(60) })],
    profiles: [makeSsoProfile('prod', 'corp'), makeProfile({ name: 'ünïcode "x"' })],
    activeProfile: 'prod',
  });
  const cases: Array<[string, Snapshot]> = [
    ['without gcloud, no deadline', base],
    ['with gcloud and a deadline', { ...base, gcp, nextDeadline: minutesFrom(5), leadTimeMinutes: 30 }],
    ['with Kubernetes contexts', { ...base, gcp, kube }],
  ];
  for (const [name, snapshot] of cases) {
    it(`frames the aws text exactly as the whole document prints, ${name}`, () => {
      const frame = statusJsonFrame(snapshot, snapshot.gcp, snapshot.kube);
      expect(frame.before + JSON.stringify(awsJson(snapshot.aws)) + frame.after).toBe(
        `${JSON.stringify(statusJson(snapshot))}\n`,
      );
    });
  }
});
