import { describe, expect, it } from 'vitest';
import { parseIni, type IniDocument } from '../../../../electron/core/aws/ini-parser';

const values = (doc: IniDocument, id: string): Record<string, string> =>
  Object.fromEntries(
    [...(doc.byId.get(id)?.values ?? new Map<string, { value: string }>())].map(([k, v]) => [k, v.value]),
  );
const lineOf = (doc: IniDocument, id: string, key: string): number | undefined =>
  doc.byId.get(id)?.values.get(key)?.line;
const messages = (doc: IniDocument): string[] => doc.problems.map((p) => `${p.line}: ${p.message}`);

describe('parseIni: sections', () => {
  it('keys prefixed headers as PREFIX.NAME and bare headers by their text, with 1-based lines', () => {
    const doc = parseIni(
      '[default]\nregion = us-east-1\n\n[profile dev]\nregion = eu-west-1\n[sso-session corp]\nsso_region = us-east-1\n[services local]\ns3 =\n  endpoint_url = http://127.0.0.1\n',
    );
    expect(doc.sections.map((s) => [s.id, s.prefix, s.name, s.lines])).toEqual([
      ['default', null, 'default', [1]],
      ['profile.dev', 'profile', 'dev', [4]],
      ['sso-session.corp', 'sso-session', 'corp', [6]],
      ['services.local', 'services', 'local', [8]],
    ]);
    expect(lineOf(doc, 'profile.dev', 'region')).toBe(5);
    expect(values(doc, 'services.local')).toEqual({ 's3.endpoint_url': 'http://127.0.0.1' });
    expect(doc.problems).toEqual([]);
  });

  it('reads quoted names and a tab as the separator, like the SDK', () => {
    const doc = parseIni('[profile "a"]\nx = 1\n[profile \'b\']\nx = 2\n[profile\tc]\nx = 3\n');
    expect(doc.sections.map((s) => s.id)).toEqual(['profile.a', 'profile.b', 'profile.c']);
  });

  it('keeps odd but legal name characters', () => {
    const doc = parseIni('[profile my.org/team:admin@dev+1%]\nregion = x\n');
    expect(doc.sections[0]?.name).toBe('my.org/team:admin@dev+1%');
  });

  it('keys headers the SDK cannot split by their raw text (two spaces, spaces in the name, padding)', () => {
    const doc = parseIni('[profile  two]\na = 1\n[profile has space]\na = 1\n[ default ]\na = 1\n');
    expect(doc.sections.map((s) => s.id)).toEqual(['profile  two', 'profile has space', ' default ']);
  });

  it('ignores a section whose prefix is no section type, and its keys, with one warning', () => {
    const doc = parseIni('[foo bar]\na = 1\nb = 2\n[profile ok]\nc = 3\n');
    expect(doc.sections.map((s) => s.id)).toEqual(['profile.ok']);
    expect(messages(doc)).toEqual([
      '1: [foo bar] is ignored: "foo" is not a section type (profile, sso-session or services)',
    ]);
  });

  it('merges repeated sections, later keys win, and warns that botocore refuses the file', () => {
    const doc = parseIni('[profile a]\nregion = one\noutput = json\n[profile b]\nx = 1\n[profile a]\nregion = two\n');
    expect(values(doc, 'profile.a')).toEqual({ region: 'two', output: 'json' });
    expect(doc.byId.get('profile.a')?.lines).toEqual([1, 6]);
    expect(lineOf(doc, 'profile.a', 'region')).toBe(7);
    expect(doc.problems).toHaveLength(1);
    expect(doc.problems[0]).toMatchObject({ line: 6, severity: 'warning', sectionId: 'profile.a' });
    expect(doc.problems[0]?.message).toContain(
      'botocore (the AWS CLI, SkyPilot) refuses a file with a repeated section',
    );
  });

  it('keeps sections without keys (the SDK drops them; botocore lists them)', () => {
    const doc = parseIni('[profile empty]\n# nothing\n[profile full]\na = 1\n');
    expect(doc.sections.map((s) => [s.id, s.values.size])).toEqual([
      ['profile.empty', 0],
      ['profile.full', 1],
    ]);
  });

  it('refuses [profile __proto__] without throwing (the SDK throws and reads nothing)', () => {
    const doc = parseIni('[profile __proto__]\na = 1\n[profile ok]\nb = 2\n');
    expect(doc.sections.map((s) => s.id)).toEqual(['profile.ok']);
    expect(doc.problems[0]).toMatchObject({ severity: 'error', line: 1 });
  });
});

describe('parseIni: keys and values', () => {
  it('splits at the first "=" and trims both sides, keeping case', () => {
    const doc = parseIni('[p]\n  Region\t=\t us-east-1  \nurl = https://x/?a=b\n');
    expect(values(doc, 'p')).toEqual({ Region: 'us-east-1', url: 'https://x/?a=b' });
  });

  it('uses the later value of a repeated key, and warns (botocore refuses, case-insensitively)', () => {
    const doc = parseIni('[p]\nregion = a\nRegion = b\nregion = c\n');
    expect(values(doc, 'p')).toEqual({ region: 'c', Region: 'b' });
    expect(lineOf(doc, 'p', 'region')).toBe(4);
    expect(doc.problems.map((p) => p.line)).toEqual([3, 4]);
  });

  it('strips comments that start a line or follow whitespace, and only those', () => {
    const doc = parseIni(
      [
        '# top',
        '; top',
        '[p] # header comment',
        'a = 1 # note',
        'b = 2\t;note',
        'c = https://x/start#/',
        'd = x;y',
        'e=#not-a-value',
        '  # indented comment',
      ].join('\n'),
    );
    expect(values(doc, 'p')).toEqual({ a: '1', b: '2', c: 'https://x/start#/', d: 'x;y', e: '#not-a-value' });
    const a = doc.byId.get('p')?.values.get('a');
    expect(a?.inlineComment).toBe(true);
    expect(doc.byId.get('p')?.values.get('c')?.inlineComment).toBe(false);
  });

  it('treats a value that is only a comment as empty: it opens a sub-section', () => {
    const doc = parseIni('[p]\ns3 = # nothing\n  addressing_style = path\n');
    expect(values(doc, 'p')).toEqual({ 's3.addressing_style': 'path' });
  });

  it('reads sub-sections until the next non-indented key', () => {
    const doc = parseIni(
      [
        '[profile p]',
        's3 =',
        '  max_concurrent_requests = 20',
        '\tuse_accelerate_endpoint = true',
        '',
        '  # comment',
        '  addressing_style = path',
        'region = us-east-1',
        '  later = 1',
      ].join('\n'),
    );
    expect(values(doc, 'profile.p')).toEqual({
      's3.max_concurrent_requests': '20',
      's3.use_accelerate_endpoint': 'true',
      's3.addressing_style': 'path',
      region: 'us-east-1',
      later: '1',
    });
  });

  it('keeps a non-indented key inside a sub-section only after clearing it, like the SDK', () => {
    const doc = parseIni('[p]\ns3 =\nregion = x\n  y = 1\n');
    expect(values(doc, 'p')).toEqual({ region: 'x', y: '1' });
  });

  it('reads CRLF files and counts lines the same way', () => {
    const doc = parseIni('[default]\r\nregion = us-east-1\r\n\r\n[profile b]\r\nregion = eu-west-1\r\n');
    expect(values(doc, 'default')).toEqual({ region: 'us-east-1' });
    expect(lineOf(doc, 'profile.b', 'region')).toBe(5);
  });

  it('does not split lines at a lone CR (the SDK splits on LF and CRLF only)', () => {
    const doc = parseIni('[p]\ra = 1\n[q]\nb = 2\n');
    expect(doc.sections.map((s) => s.id)).toEqual(['q']);
  });

  it('tolerates a BOM before the first header', () => {
    const doc = parseIni('\ufeff[default]\nregion = x\n');
    expect(values(doc, 'default')).toEqual({ region: 'x' });
  });
});

describe('parseIni: problems per line, never exceptions', () => {
  it('reports a key before any section as an error', () => {
    const doc = parseIni('region = x\n[default]\na = 1\n', '/home/u/.aws/config');
    expect(doc.problems).toEqual([
      expect.objectContaining({ severity: 'error', file: '/home/u/.aws/config', line: 1, sectionId: null }),
    ]);
    expect(doc.problems[0]?.message).toContain('before any [section] header');
  });

  it('reports an unterminated header; the keys after it stay in the section above (as in the SDK)', () => {
    const doc = parseIni('[profile a]\nx = 1\n[profile b\ny = 2\n');
    expect(values(doc, 'profile.a')).toEqual({ x: '1', y: '2' });
    expect(doc.problems[0]).toMatchObject({ severity: 'error', line: 3, sectionId: 'profile.a' });
    expect(doc.problems[0]?.message).toContain('no closing "]"');
  });

  it('reports text after a header', () => {
    const doc = parseIni('[profile a] extra\nx = 1\n');
    expect(doc.sections).toEqual([]);
    expect(doc.problems[0]?.message).toContain(
      'it has text after its closing "]"; botocore (the AWS CLI, SkyPilot) does read it as a header',
    );
  });

  it('reports malformed lines and skips them; an error where botocore refuses the file', () => {
    const doc = parseIni('[p]\nthis is not a key\n= orphan value\na = 1\n  continued text\nregion: us-east-1\n');
    expect(values(doc, 'p')).toEqual({ a: '1' });
    expect(doc.problems.map((p) => [p.line, p.severity])).toEqual([
      [2, 'error'],
      [3, 'error'],
      [5, 'warning'],
      [6, 'warning'],
    ]);
    expect(doc.problems[0]?.message).toContain('botocore (the AWS CLI, SkyPilot) refuses the whole file');
    expect(doc.problems[2]?.message).toContain('appends it to the value above');
    expect(doc.problems[3]?.message).toContain('uses ":" instead of "="');
  });

  it('reads a large file fully (10,000 profiles)', () => {
    let text = '';
    for (let i = 0; i < 10_000; i++)
      text += `[profile p${i}]\nsso_session = s\nsso_account_id = 123456789012\nsso_role_name = Admin\nregion = us-east-1\n; c\n\n  s3 =\n    addressing_style = path\noutput = json\n`;
    const doc = parseIni(text);
    expect(doc.sections).toHaveLength(10_000);
    expect(lineOf(doc, 'profile.p9999', 'output')).toBe(100_000);
    expect(doc.problems).toEqual([]);
  });
});
