import { describe, expect, it } from 'vitest';
import { statusVerdict } from '../../../electron/cli/status-verdict';
import type { GcpState } from '../../../electron/shared/gcp-model';
import { makeProfile, makeSession, makeSnapshot, makeSsoProfile } from '../../support/snapshot-factory';

const gcpWith = (account: string, status: GcpState['accounts'][number]['status']): GcpState => ({
  configDir: '/home/u/.config/gcloud',
  activeConfiguration: 'default',
  configurations: [{ name: 'default', active: true, account, project: 'p', region: null, zone: null }],
  accounts: [{ account, type: 'authorized_user', tokenExpiresAt: null, status }],
  adc: null,
  googleApplicationCredentials: null,
  keys: [],
  overrides: [],
  problems: [],
});

describe('the verdict line of cloudid status', () => {
  it('says a usable profile is usable', () => {
    const snapshot = makeSnapshot({ profiles: [makeProfile({ name: 'dev', kind: 'static', status: 'long-lived' })] });
    expect(statusVerdict(snapshot, [])).toEqual({ ok: true, line: '✓ The active profile dev is usable.' });
  });

  it('offers a silent refresh when the session can, else a login, quoted for the shell', () => {
    const refreshable = makeSnapshot({
      profiles: [makeSsoProfile('acme', 'corp', { status: 'expired' })],
      sessions: [makeSession({ name: 'corp', status: 'expired', refreshable: true })],
    });
    expect(statusVerdict(refreshable, []).line).toBe(
      '✗ The active profile acme is expired: run `cloudid refresh acme`.',
    );
    const signedOut = makeSnapshot({
      profiles: [makeSsoProfile('my partner', 'corp', { status: 'signed-out' })],
      sessions: [makeSession({ name: 'corp', status: 'signed-out', refreshable: false })],
    });
    expect(statusVerdict(signedOut, [])).toEqual({
      ok: false,
      line: "✗ The active profile my partner is signed out: run `cloudid login 'my partner'`.",
    });
  });

  it('names a missing active profile, a broken one and a failed verification', () => {
    expect(statusVerdict(makeSnapshot({ activeProfile: 'ghost' }), []).line).toMatch(
      /^✗ The active profile ghost is not in your AWS config/,
    );
    const broken = makeSnapshot({ profiles: [makeProfile({ name: 'b', status: 'error' })] });
    expect(statusVerdict(broken, []).ok).toBe(false);
    const refused = makeProfile({
      name: 'k',
      kind: 'static',
      status: 'long-lived',
      lastCheck: {
        profile: 'k',
        checkedAt: '2026-12-07T00:00:00Z',
        identity: null,
        error: { kind: 'access-denied', message: 'InvalidClientTokenId' },
      },
    });
    expect(statusVerdict(makeSnapshot({ profiles: [refused] }), [refused])).toEqual({
      ok: false,
      line: '✗ STS refused k: InvalidClientTokenId',
    });
  });

  it("adds gcloud's sign-in when AWS is fine, never hiding an AWS failure", () => {
    const fine = makeSnapshot({ profiles: [makeProfile({ name: 'dev', kind: 'static', status: 'long-lived' })] });
    expect(statusVerdict({ ...fine, gcp: gcpWith('a@x.com', 'reauth-needed') }, []).line).toBe(
      "! gcloud's active account a@x.com must sign in again: run `gcloud auth login a@x.com`.",
    );
    const broken = makeSnapshot({ profiles: [makeProfile({ name: 'b', status: 'error' })] });
    expect(statusVerdict({ ...broken, gcp: gcpWith('a@x.com', 'revoked') }, []).ok).toBe(false);
  });

  it('does not fail a GCP-only user for a default profile nobody asked for', () => {
    const none = makeSnapshot({ aws: { activeProfileSource: 'default' } });
    expect(statusVerdict(none, [])).toEqual({ ok: true, line: '✓ No AWS configuration: nothing to check for AWS.' });
    const asked = makeSnapshot({ activeProfile: 'prod', aws: { activeProfileSource: 'AWS_PROFILE' } });
    expect(statusVerdict(asked, []).ok).toBe(false);
  });

  it('calls a profile without credentials of its own usable only with outside keys', () => {
    const regionOnly = makeSnapshot({
      profiles: [makeProfile({ name: 'default', kind: 'unknown', status: 'unknown' })],
    });
    expect(statusVerdict(regionOnly, [])).toEqual({
      ok: true,
      line: '! The active profile default has no credentials of its own: it works only with keys from the environment or an instance role.',
    });
  });
});
