// Python's `json.dumps` with its default settings, because two formats we share with the AWS CLI
// are defined by it: the registration cache file name is the sha1 of
// `json.dumps(args, sort_keys=True)` and the cache files themselves are written with
// `json.dumps(obj)`. Defaults: separators ", " and ": ", ensure_ascii (every non-ASCII UTF-16
// unit as \uXXXX), no indentation, no trailing newline.
// https://github.com/aws/aws-cli/blob/v2/awscli/botocore/utils.py (BaseSSOTokenFetcher._registration_cache_key)

export type PythonJsonValue =
  | string
  | number
  | boolean
  | null
  | readonly PythonJsonValue[]
  | { readonly [key: string]: PythonJsonValue | undefined };

export interface PythonJsonOptions {
  sortKeys?: boolean;
}

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

function encodeString(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] as string;
    const short = SHORT_ESCAPES[ch];
    if (short !== undefined) {
      out += short;
      continue;
    }
    const code = value.charCodeAt(i);
    // ensure_ascii escapes control characters and everything above 0x7e, unit by unit,
    // so astral characters come out as their surrogate pair.
    out += code < 0x20 || code > 0x7e ? `\\u${code.toString(16).padStart(4, '0')}` : ch;
  }
  return `${out}"`;
}

function encodeNumber(value: number): string {
  if (!Number.isFinite(value)) {
    throw new TypeError('python-json: only finite numbers are supported');
  }
  // Python prints integral floats as "1.0"; every number we write is an int, so plain is right.
  return String(value);
}

function compareCodePoints(a: string, b: string): number {
  // Python sorts str keys by code point; JS `<` compares UTF-16 units. They agree except across
  // the surrogate range, which our keys (fixed ASCII names) never reach, but be exact anyway.
  const ca = Array.from(a);
  const cb = Array.from(b);
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const x = (ca[i] as string).codePointAt(0) as number;
    const y = (cb[i] as string).codePointAt(0) as number;
    if (x !== y) return x - y;
  }
  return ca.length - cb.length;
}

export function pythonJsonDumps(value: PythonJsonValue, options: PythonJsonOptions = {}): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return encodeString(value);
  if (typeof value === 'number') return encodeNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) {
    return `[${(value as readonly PythonJsonValue[]).map((item) => pythonJsonDumps(item, options)).join(', ')}]`;
  }
  const record = value as { readonly [key: string]: PythonJsonValue | undefined };
  let keys = Object.keys(record).filter((key) => record[key] !== undefined);
  if (options.sortKeys) keys = [...keys].sort(compareCodePoints);
  const members = keys.map(
    (key) => `${encodeString(key)}: ${pythonJsonDumps(record[key] as PythonJsonValue, options)}`,
  );
  return `{${members.join(', ')}}`;
}
