// The Python json emulation behind the CLI cache keys. Expected strings are what CPython 3.11's
// json.dumps(json.loads(text), sort_keys=True) prints (the integration test checks the keys live).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PythonJsonError, pythonJsonDumps, pythonJsonLoads } from '../../../../electron/core/aws/botocore-json';

const roundTrip = (text: string, separators?: readonly [string, string]): string =>
  pythonJsonDumps(pythonJsonLoads(text), separators ? { sortKeys: true, separators } : { sortKeys: true });

describe('pythonJsonDumps(pythonJsonLoads(text))', () => {
  it.each([
    ['{"b":1,"a":[1,2]}', '{"a": [1, 2], "b": 1}'],
    [
      '{"b": 1.0, "a": [1e16, 0.0001, 1e-5, -0.0, 1e400, 123456789012345678901234567890]}',
      '{"a": [1e+16, 0.0001, 1e-05, -0.0, Infinity, 123456789012345678901234567890], "b": 1.0}',
    ],
    ['[2.50, 1E2, 1e15, 1.5e300, 0.1, -0, 12345.678]', '[2.5, 100.0, 1000000000000000.0, 1.5e+300, 0.1, 0, 12345.678]'],
    ['[NaN, -Infinity]', '[NaN, -Infinity]'],
    ['"caf\\u00e9 \\/ é 😀 \\u0001\\u007f"', '"caf\\u00e9 / \\u00e9 \\ud83d\\ude00 \\u0001\\u007f"'],
    ['{"a": 1, "a": 2}', '{"a": 2}'],
    [' {"\\ud83d\\ude00": 1, "\\uffff": 2} ', '{"\\uffff": 2, "\\ud83d\\ude00": 1}'],
    ['[true, false, null, {}, []]', '[true, false, null, {}, []]'],
  ])('%s', (text, python) => {
    expect(roundTrip(text)).toBe(python);
  });

  it('honours compact separators', () => {
    expect(roundTrip('{"b": [1, 2], "a": "x"}', [',', ':'])).toBe('{"a":"x","b":[1,2]}');
  });

  it.each(['', '{"a":', '01', '[1,]', '{"a" 1}', '"\u0001"', "{'a': 1}", '\ufeff{}', '1 2'])(
    'refuses %j like json.loads',
    (text) => {
      expect(() => pythonJsonLoads(text)).toThrow(PythonJsonError);
    },
  );

  it('property: on JSON without floats it equals JSON.stringify after escaping and spacing', () => {
    // With ints only, the one difference left is ensure_ascii and the separators.
    const ascii = (s: string): string =>
      s.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ unit: 'binary-ascii' }), fc.integer())), (pairs) => {
        const obj = Object.fromEntries(pairs);
        const text = JSON.stringify(obj);
        const expected = `{${Object.keys(obj)
          .sort()
          .map((k) => `${ascii(JSON.stringify(k))}: ${obj[k]}`)
          .join(', ')}}`;
        expect(roundTrip(text)).toBe(expected);
      }),
    );
  });
});
