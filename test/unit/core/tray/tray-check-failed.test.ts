// Issue 10 §2: a failed STS verification of the active profile shows on its tray row, and the
// icon is never the good one beside it.
import { describe, expect, it } from 'vitest';
import { buildTrayModel, type TrayItem } from '../../../../electron/core/tray/tray-model';
import type { IdentityCheck } from '../../../../electron/shared/model';
import { FACTORY_NOW, makeSession, makeSnapshot, makeSsoProfile } from '../../../support/snapshot-factory';

const utc = (at: Date): string => at.toISOString().slice(11, 16);
const check = (error: IdentityCheck['error']): IdentityCheck => ({
  profile: 'prod',
  checkedAt: new Date(FACTORY_NOW - 60_000).toISOString(),
  identity: error
    ? null
    : { account: '123456789012', arn: 'arn:aws:sts::123456789012:assumed-role/Admin/me', userId: 'AROA:me' },
  error,
});

type ActionItem = Extract<TrayItem, { type: 'action' }>;

function firstRow(lastCheck: IdentityCheck | null): { row: ActionItem | undefined; icon: string; tooltip: string } {
  const model = buildTrayModel(
    makeSnapshot({
      sessions: [makeSession({ name: 'corp' })],
      profiles: [makeSsoProfile('prod', 'corp', { lastCheck })],
    }),
    FACTORY_NOW,
    utc,
  );
  const row = model.items.find(
    (item): item is ActionItem => item.type === 'action' && item.action.id === 'show-profile',
  );
  return { row, icon: model.iconStatus, tooltip: model.tooltip };
}

describe('tray row of a profile whose verification failed', () => {
  it('a valid profile with a passed check: a plain row and the valid icon', () => {
    const { row, icon } = firstRow(check(null));
    expect(row?.label).toMatch(/^prod — valid/);
    expect(icon).toBe('valid');
  });

  it('access denied: the row carries the mark and the icon says error', () => {
    const { row, icon, tooltip } = firstRow(
      check({ kind: 'access-denied', message: 'AWS refused the credentials of profile prod' }),
    );
    expect(row?.label).toMatch(/^⚠ prod — verification failed \(valid/);
    expect(icon).toBe('error');
    expect(tooltip).toContain('prod: verification failed');
  });

  it('no answer from STS: the row carries the mark and the icon is not the valid one', () => {
    const { row, icon } = firstRow(check({ kind: 'timeout', message: 'No answer within 10 s' }));
    expect(row?.label).toMatch(/^⚠ prod — not verified: no answer \(valid/);
    expect(icon).toBe('unknown');
  });
});
