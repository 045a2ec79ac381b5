import { describe, expect, it } from 'vitest';
import { applyConfigEdits, profileSectionId } from '../../../../../electron/core/aws/config-edit/config-edits';
import { parseConfigLayout } from '../../../../../electron/core/aws/config-edit/config-layout';
import { parseManagedMarker, managedMarkerLine } from '../../../../../electron/core/aws/config-edit/managed-marker';

const M = 'sso-sync my-sso';

describe('applyConfigEdits', () => {
  it('adds a section at the end with a blank line before it and the file line ending', () => {
    const text = '# mine\r\n[default]\r\nregion = us-east-1\r\n';
    const result = applyConfigEdits(text, [
      {
        op: 'add-section',
        section: 'profile.Prod.Admin',
        marker: M,
        entries: [
          ['sso_session', 'my-sso'],
          ['sso_account_id', '111122223333'],
        ],
      },
    ]);
    expect(result.problems).toEqual([]);
    expect(result.text).toBe(
      '# mine\r\n[default]\r\nregion = us-east-1\r\n\r\n# managed by cloudid: sso-sync my-sso\r\n[profile Prod.Admin]\r\nsso_session = my-sso\r\nsso_account_id = 111122223333\r\n',
    );
  });

  it('gives a last line without a line ending one before appending', () => {
    const result = applyConfigEdits('[default]\nregion = x', [
      { op: 'add-section', section: 'profile.a', entries: [['k', 'v']] },
    ]);
    expect(result.text).toBe('[default]\nregion = x\n\n[profile a]\nk = v\n');
  });

  it('adds to an empty file without a leading blank line', () => {
    expect(
      applyConfigEdits('', [{ op: 'add-section', section: 'sso-session.s', entries: [['sso_region', 'eu-west-1']] }])
        .text,
    ).toBe('[sso-session s]\nsso_region = eu-west-1\n');
  });

  it('sets a key in place, keeping indentation, spacing and line ending', () => {
    const text = `${managedMarkerLine(M)}\n[profile a]\n  sso_role_name=Old\r\nregion = us-east-1 # keep\n`;
    const result = applyConfigEdits(text, [
      { op: 'set', section: 'profile.a', key: 'sso_role_name', value: 'New', requireMarker: M },
    ]);
    expect(result.text).toBe(
      `${managedMarkerLine(M)}\n[profile a]\n  sso_role_name=New\r\nregion = us-east-1 # keep\n`,
    );
  });

  it('leaves a line alone when the value is already right (even with an inline comment)', () => {
    const text = '[profile a]\nregion = us-east-1 # note\n';
    const result = applyConfigEdits(text, [{ op: 'set', section: 'profile.a', key: 'region', value: 'us-east-1' }]);
    expect(result).toEqual({ text, changed: false, problems: [] });
  });

  it('inserts a missing key after the last key, before trailing comments and blank lines', () => {
    const text = '[profile a]\nregion = x\ns3 =\n  max_concurrent_requests = 10\n\n# about b\n[profile b]\n';
    const result = applyConfigEdits(text, [{ op: 'set', section: 'profile.a', key: 'output', value: 'json' }]);
    expect(result.text).toBe(
      '[profile a]\nregion = x\ns3 =\n  max_concurrent_requests = 10\noutput = json\n\n# about b\n[profile b]\n',
    );
  });

  it('removes a key with its continuation lines', () => {
    const text = '[profile a]\ns3 =\n  max_concurrent_requests = 10\nregion = x\n';
    expect(applyConfigEdits(text, [{ op: 'unset', section: 'profile.a', key: 's3' }]).text).toBe(
      '[profile a]\nregion = x\n',
    );
  });

  it('edits the last occurrence of a repeated section (the one whose value the SDK keeps)', () => {
    const text = '[profile a]\nregion = x\n[profile b]\n[profile a]\nregion = y\n';
    const result = applyConfigEdits(text, [{ op: 'set', section: 'profile.a', key: 'region', value: 'z' }]);
    expect(result.text).toBe('[profile a]\nregion = x\n[profile b]\n[profile a]\nregion = z\n');
  });

  it('removes a marked section and the blank line that separated it, giving back the original', () => {
    const original = '[default]\r\nregion = us-east-1\r\n';
    const added = applyConfigEdits(original, [
      { op: 'add-section', section: 'profile.x', marker: M, entries: [['k', 'v']] },
    ]).text;
    const removed = applyConfigEdits(added, [{ op: 'remove-section', section: 'profile.x', requireMarker: M }]);
    expect(removed.text).toBe(original);
  });

  it('removes a marked section in the middle but keeps the comment that belongs to the next one', () => {
    const text = `[default]\nregion = a\n\n${managedMarkerLine(M)}\n[profile x]\nk = v\n\n# my notes on y\n[profile y]\nk = w\n`;
    const result = applyConfigEdits(text, [{ op: 'remove-section', section: 'profile.x', requireMarker: M }]);
    expect(result.text).toBe('[default]\nregion = a\n\n# my notes on y\n[profile y]\nk = w\n');
  });

  it('keeps comment lines that follow the last key of a removed section', () => {
    const text = `[default]\n\n${managedMarkerLine(M)}\n[profile x]\nk = v\n\n# ---- my work profiles ----\n\n[profile work]\n`;
    const result = applyConfigEdits(text, [{ op: 'remove-section', section: 'profile.x', requireMarker: M }]);
    expect(result.text).toBe('[default]\n\n# ---- my work profiles ----\n\n[profile work]\n');
  });

  it('never removes or updates a section without the marker, or with another marker', () => {
    const text = `[profile mine]\nk = v\n${managedMarkerLine('sso-sync other')}\n[profile theirs]\nk = v\n`;
    const result = applyConfigEdits(text, [
      { op: 'remove-section', section: 'profile.mine', requireMarker: M },
      { op: 'set', section: 'profile.theirs', key: 'k', value: 'changed', requireMarker: M },
      { op: 'unset', section: 'profile.mine', key: 'k', requireMarker: M },
    ]);
    expect(result.text).toBe(text);
    expect(result.changed).toBe(false);
    expect(result.problems).toHaveLength(3);
    expect(result.problems[0]?.message).toContain('[profile mine]');
  });

  it("refuses a repeated section when one occurrence is the user's", () => {
    const text = `${managedMarkerLine(M)}\n[profile x]\nk = v\n[profile x]\nregion = mine\n`;
    const result = applyConfigEdits(text, [{ op: 'remove-section', section: 'profile.x', requireMarker: M }]);
    expect(result.text).toBe(text);
    expect(result.problems).toHaveLength(1);
  });

  it('refuses to add a section that exists, or values the SDK would read differently', () => {
    const text = '[profile a]\n';
    const result = applyConfigEdits(text, [
      { op: 'add-section', section: 'profile.a', entries: [] },
      { op: 'add-section', section: 'profile.has space', entries: [] },
      { op: 'add-section', section: 'profile.b', entries: [['k', 'v # not a comment']] },
      { op: 'set', section: 'profile.a', key: 'k', value: 'two\nlines' },
      { op: 'set', section: 'profile.missing', key: 'k', value: 'v' },
    ]);
    expect(result.text).toBe(text);
    expect(result.problems).toHaveLength(5);
  });

  it('applies an insertion and the removal of the next section at the same point in order', () => {
    const text = `[profile a]\nx = 1\n${managedMarkerLine(M)}\n[profile b]\ny = 1\n`;
    const result = applyConfigEdits(text, [
      { op: 'set', section: 'profile.a', key: 'z', value: '2' },
      { op: 'remove-section', section: 'profile.b', requireMarker: M },
    ]);
    expect(result.text).toBe('[profile a]\nx = 1\nz = 2\n');
  });

  it('names the default profile as the SDK does', () => {
    expect(profileSectionId('default')).toBe('default');
    expect(profileSectionId('dev')).toBe('profile.dev');
  });
});

describe('parseConfigLayout and markers', () => {
  it('reads markers written with # or ; and odd spacing, only directly above a header', () => {
    expect(parseManagedMarker('  ;  managed by cloudid:  sso-sync x  ')).toBe('sso-sync x');
    expect(parseManagedMarker('# managed by someone else')).toBeNull();
    const layout = parseConfigLayout(`${managedMarkerLine(M)}\n\n[profile a]\n${managedMarkerLine(M)}\n[profile b]\n`);
    expect(layout.blocks.map((b) => [b.id, b.marker])).toEqual([
      ['profile.a', null],
      ['profile.b', M],
    ]);
  });

  it('identifies headers as the SDK does', () => {
    const layout = parseConfigLayout(
      '[default]\n  [profile  two-spaces]\n[sso-session s] # c\n[profile "q"]\n[other x]\n',
    );
    expect(layout.blocks.map((b) => b.id)).toEqual([
      'default',
      'profile  two-spaces',
      'sso-session.s',
      'profile.q',
      '?[other x]',
    ]);
  });
});
