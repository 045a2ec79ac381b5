// Python's `json.loads` and `json.dumps`, exactly enough to reproduce the cache keys botocore and
// the AWS CLI derive from them: a key is the sha1 of `json.dumps(args, sort_keys=True, ...)`, so
// one differing byte (a space, an escaped "é", "1.0" against "1") is a different file.
// What Python does that JSON.stringify does not:
// - separators ", " and ": " by default;
// - ensure_ascii: every UTF-16 unit outside 0x20..0x7e as \uXXXX (lowercase hex);
// - keys sorted by code point (JS compares UTF-16 units);
// - ints and floats are distinct: "1.0" stays "1.0", "1e2" becomes "100.0", big ints stay exact;
// - NaN, Infinity and -Infinity are accepted and written back.
// https://github.com/python/cpython/blob/3.11/Lib/json/encoder.py, .../json/scanner.py

/** A value as Python's json module holds it. Objects are Maps so their keys stay plain strings. */
export type PyJson = null | boolean | string | PyInt | PyFloat | PyJson[] | PyObject;
export interface PyInt {
  readonly py: 'int';
  /** Decimal digits with an optional leading minus, exactly as Python prints the int. */
  readonly digits: string;
}
export interface PyFloat {
  readonly py: 'float';
  readonly value: number;
}
export type PyObject = Map<string, PyJson>;

export const pyInt = (n: number): PyInt => {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not an exact integer: ${n}`);
  return { py: 'int', digits: String(n) };
};

export class PythonJsonError extends SyntaxError {}

const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/** Python's `json.loads(text)` (strict mode, the default). Throws PythonJsonError like Python raises. */
export function pythonJsonLoads(text: string): PyJson {
  let pos = 0;
  const fail = (what: string): never => {
    throw new PythonJsonError(`${what}: char ${pos}`);
  };
  const skip = (): void => {
    WHITESPACE.lastIndex = pos;
    WHITESPACE.exec(text);
    pos = WHITESPACE.lastIndex;
  };
  const parseString = (): string => {
    pos++; // opening quote
    let out = '';
    for (;;) {
      const ch = text[pos];
      if (ch === undefined) return fail('Unterminated string starting at');
      if (ch === '"') {
        pos++;
        return out;
      }
      if (ch === '\\') {
        const esc = text[pos + 1];
        if (esc === 'u') {
          const hex = text.slice(pos + 2, pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) return fail('Invalid \\uXXXX escape');
          out += String.fromCharCode(parseInt(hex, 16));
          pos += 6;
          continue;
        }
        const simple = esc === undefined ? undefined : SIMPLE_ESCAPES[esc];
        if (simple === undefined) return fail('Invalid \\escape');
        out += simple;
        pos += 2;
        continue;
      }
      if (ch < ' ') return fail('Invalid control character at');
      out += ch;
      pos++;
    }
  };
  const parseValue = (): PyJson => {
    skip();
    const ch = text[pos];
    if (ch === '"') return parseString();
    if (ch === '{') {
      pos++;
      const obj: PyObject = new Map();
      skip();
      if (text[pos] === '}') {
        pos++;
        return obj;
      }
      for (;;) {
        skip();
        if (text[pos] !== '"') return fail('Expecting property name enclosed in double quotes');
        const key = parseString();
        skip();
        if (text[pos] !== ':') return fail("Expecting ':' delimiter");
        pos++;
        obj.set(key, parseValue()); // a repeated key keeps the last value, as in a Python dict
        skip();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        if (text[pos] === '}') {
          pos++;
          return obj;
        }
        return fail("Expecting ',' delimiter");
      }
    }
    if (ch === '[') {
      pos++;
      const arr: PyJson[] = [];
      skip();
      if (text[pos] === ']') {
        pos++;
        return arr;
      }
      for (;;) {
        arr.push(parseValue());
        skip();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        if (text[pos] === ']') {
          pos++;
          return arr;
        }
        return fail("Expecting ',' delimiter");
      }
    }
    for (const [word, value] of [
      ['null', null],
      ['true', true],
      ['false', false],
      ['NaN', { py: 'float', value: NaN }],
      ['Infinity', { py: 'float', value: Infinity }],
      ['-Infinity', { py: 'float', value: -Infinity }],
    ] as const) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        return value;
      }
    }
    NUMBER.lastIndex = pos;
    const m = NUMBER.exec(text);
    if (m) {
      pos = NUMBER.lastIndex;
      if (m[1] === undefined && m[2] === undefined) {
        return { py: 'int', digits: m[0] === '-0' ? '0' : m[0] };
      }
      return { py: 'float', value: Number(m[0]) };
    }
    return fail('Expecting value');
  };

  const value = parseValue();
  skip();
  if (pos !== text.length) fail('Extra data');
  return value;
}

/** `repr(float)` as json.dumps writes it: shortest round-trip digits, Python's layout. */
function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  // toExponential() with no argument gives the shortest digits that round-trip, like Python's repr.
  const [mantissa, exp] = Math.abs(x).toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const decpt = Number(exp) + 1; // where the decimal point falls relative to the digits
  // Python's float_repr_style 'short': scientific when decpt <= -4 or decpt > 16.
  if (decpt <= -4 || decpt > 16) {
    const e = decpt - 1;
    const frac = digits.length > 1 ? `.${digits.slice(1)}` : '';
    return `${sign}${digits[0]}${frac}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  if (decpt <= 0) return `${sign}0.${'0'.repeat(-decpt)}${digits}`;
  if (decpt >= digits.length) return `${sign}${digits}${'0'.repeat(decpt - digits.length)}.0`;
  return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
}

function encodeString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    const ch = s[i] as string;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

function compareCodePoints(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) return (x.done ? 0 : 1) - (y.done ? 0 : 1);
    const d = (x.value.codePointAt(0) ?? 0) - (y.value.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
}

export interface PythonJsonDumpsOptions {
  sortKeys?: boolean;
  /** Python's `separators=(item, key)`; default (", ", ": "). */
  separators?: readonly [string, string];
}

/** Python's `json.dumps(value, sort_keys=..., separators=...)` with ensure_ascii (the default). */
export function pythonJsonDumps(value: PyJson, options: PythonJsonDumpsOptions = {}): string {
  const [itemSep, keySep] = options.separators ?? [', ', ': '];
  const dump = (v: PyJson): string => {
    if (v === null) return 'null';
    if (v === true) return 'true';
    if (v === false) return 'false';
    if (typeof v === 'string') return encodeString(v);
    if (Array.isArray(v)) return `[${v.map(dump).join(itemSep)}]`;
    if (v instanceof Map) {
      const keys = [...v.keys()];
      if (options.sortKeys) keys.sort(compareCodePoints);
      return `{${keys.map((k) => `${encodeString(k)}${keySep}${dump(v.get(k) as PyJson)}`).join(itemSep)}}`;
    }
    return v.py === 'int' ? v.digits : floatRepr(v.value);
  };
  return dump(value);
}
