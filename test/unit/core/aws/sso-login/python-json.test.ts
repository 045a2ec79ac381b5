import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pythonJsonDumps, type PythonJsonValue } from '../../../../../electron/core/aws/sso-login/python-json';

function pythonDumps(value: unknown, sortKeys: boolean): string {
  return execFileSync(
    'python3',
    [
      '-c',
      `import json,sys; sys.stdout.write(json.dumps(json.loads(sys.stdin.read()), sort_keys=${sortKeys ? 'True' : 'False'}))`,
    ],
    {
      input: JSON.stringify(value),
      encoding: 'utf8',
    },
  );
}

describe('pythonJsonDumps', () => {
  it('formats like json.dumps with the default separators', () => {
    expect(pythonJsonDumps({ b: [1, 'x'], a: null, c: true })).toBe('{"b": [1, "x"], "a": null, "c": true}');
  });

  it('sorts keys when asked, and leaves undefined members out', () => {
    expect(
      pythonJsonDumps({ tool: 'botocore', scopes: null, region: 'eu-west-1', skip: undefined }, { sortKeys: true }),
    ).toBe('{"region": "eu-west-1", "scopes": null, "tool": "botocore"}');
  });

  it('escapes non-ASCII and control characters as Python does (ensure_ascii)', () => {
    expect(pythonJsonDumps('é\u0001\n"\\/😀')).toBe('"\\u00e9\\u0001\\n\\"\\\\/\\ud83d\\ude00"');
  });

  it('matches python3 json.dumps byte for byte on arbitrary string-keyed data', () => {
    const leaf = fc.oneof(
      fc.string({ unit: 'binary-ascii' }),
      fc.string(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
    );
    const value = fc.dictionary(fc.string(), fc.oneof(leaf, fc.array(leaf, { maxLength: 4 })), { maxKeys: 6 });
    // One python process per sample is slow; batch the samples through a single call.
    const samples = fc.sample(value, 60);
    const expected = execFileSync(
      'python3',
      [
        '-c',
        'import json,sys\nfor line in sys.stdin.read().splitlines():\n  v=json.loads(line)\n  print(json.dumps(v)); print(json.dumps(v, sort_keys=True))',
      ],
      { input: samples.map((s) => JSON.stringify(s)).join('\n'), encoding: 'utf8' },
    ).split('\n');
    samples.forEach((sample, i) => {
      expect(pythonJsonDumps(sample as PythonJsonValue)).toBe(expected[2 * i]);
      expect(pythonJsonDumps(sample as PythonJsonValue, { sortKeys: true })).toBe(expected[2 * i + 1]);
    });
  });

  it('agrees with python for a registration-key shaped object', () => {
    const args = {
      tool: 'botocore',
      startUrl: 'https://d-123.awsapps.com/start',
      region: 'us-east-1',
      scopes: ['sso:account:access'],
      session_name: 'my-sso',
    };
    expect(pythonJsonDumps(args, { sortKeys: true })).toBe(pythonDumps(args, true));
  });
});
