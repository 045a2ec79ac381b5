// Deep source_profile chains (issue 10, section 3): resolved in linear time, with messages that do
// not grow with the chain. The small cases of every rule are in aws-config.test.ts.
import { describe, expect, it } from 'vitest';
import { parseAwsConfig, type ParsedAwsConfig } from '../../../../electron/core/aws/aws-config';

const CONFIG = '/home/u/.aws/config';
const CREDENTIALS = '/home/u/.aws/credentials';
const ROLE = 'arn:aws:iam::123456789012:role/R';

/** p0 → p1 → … → p{n-1}, each a role sourced from the next; `last` is what p{n-1} names. */
function chain(n: number, last: string, extra = ''): string {
  let text = '';
  for (let i = 0; i < n; i++)
    text += `[profile p${i}]\nrole_arn = ${ROLE}\nsource_profile = ${i === n - 1 ? last : `p${i + 1}`}\n`;
  return text + extra;
}

function parse(config: string): ParsedAwsConfig {
  return parseAwsConfig({
    configFile: CONFIG,
    credentialsFile: CREDENTIALS,
    configText: config,
    credentialsText: null,
    activeProfile: 'p0',
  });
}

const messagesOf = (parsed: ParsedAwsConfig, name: string): string[] =>
  (parsed.profiles.find((p) => p.name === name)?.problems ?? []).map((p) => p.message);

describe('deep source_profile chains', () => {
  it('resolves a 5,000-link chain ending at static keys in well under a second, all without problems', () => {
    const text = chain(5_000, 'base', '[profile base]\naws_access_key_id = AKIA\naws_secret_access_key = s\n');
    const started = performance.now();
    const parsed = parse(text);
    // Quadratic resolution took 57 s here; linear takes milliseconds (the bench shows the figure).
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(parsed.profiles.every((p) => p.problems.length === 0)).toBe(true);
  });

  it('names a missing source at the end of a long chain with an abbreviated path', () => {
    const parsed = parse(chain(5_000, 'gone'));
    expect(messagesOf(parsed, 'p0')).toEqual([
      `profile "p0" cannot get credentials: source_profile "gone" (via p0 → p1 → p2 → … (4,995 more) → p4998 → p4999) does not exist in ${CONFIG} or ${CREDENTIALS}`,
    ]);
    expect(messagesOf(parsed, 'p4997')).toEqual([
      `profile "p4997" cannot get credentials: source_profile "gone" (via p4997 → p4998 → p4999) does not exist in ${CONFIG} or ${CREDENTIALS}`,
    ]);
  });

  it('reports a loop of 5,000 on every member, each seen from itself, in bounded messages', () => {
    const started = performance.now();
    const parsed = parse(chain(5_000, 'p0'));
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(messagesOf(parsed, 'p0')).toEqual([
      'profile "p0" cannot get credentials: source_profile loops: p0 → p1 → p2 → … (4,996 more) → p4999 → p0',
    ]);
    expect(messagesOf(parsed, 'p17')).toEqual([
      'profile "p17" cannot get credentials: source_profile loops: p17 → p18 → p19 → … (4,996 more) → p16 → p17',
    ]);
    expect(Math.max(...parsed.profiles.flatMap((p) => p.problems.map((m) => m.message.length)))).toBeLessThan(300);
  });

  it('reports a long lead into a loop from the start, and a chain back to a start with keys', () => {
    const lead = parse(`${chain(10, 'p5')}`);
    expect(messagesOf(lead, 'p0')).toEqual([
      'profile "p0" cannot get credentials: source_profile loops: p0 → p1 → p2 → … (6 more) → p9 → p5',
    ]);
    expect(messagesOf(lead, 'p5')).toEqual([
      'profile "p5" cannot get credentials: source_profile loops: p5 → p6 → p7 → p8 → p9 → p5',
    ]);
    // p0 has keys and a role: from p0 the chain comes back to it (botocore sees the name again first).
    const back = parse(
      `${chain(8, 'p0')}`.replace('[profile p0]\n', '[profile p0]\naws_access_key_id = K\naws_secret_access_key = s\n'),
    );
    expect(messagesOf(back, 'p0')).toEqual([
      'profile "p0" cannot get credentials: source_profile loops: p0 → p1 → p2 → … (4 more) → p7 → p0',
    ]);
    expect(messagesOf(back, 'p1')).toEqual([]);
  });

  it('finds the first link with an error along a long chain', () => {
    const text = chain(3_000, 'base', '[profile base]\naws_access_key_id = AKIA\naws_secret_access_key = s\n').replace(
      '[profile p2000]\nrole_arn = arn:aws:iam::123456789012:role/R\n',
      '[profile p2000]\nrole_arn = not-an-arn\n',
    );
    const parsed = parse(text);
    expect(messagesOf(parsed, 'p0')).toEqual([
      expect.stringContaining('its source_profile "p2000" has an error: role_arn "not-an-arn"'),
    ]);
    expect(messagesOf(parsed, 'p2001')).toEqual([]);
  });
});
